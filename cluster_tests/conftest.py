"""The cluster tests start real processes: a storage server (PostgreSQL on loopback for
RelStorage, or a ZEO server), two Zope instances on it, and an SMTP sink; no Plone test
layer. Every test runs on both layouts. ``make test-cluster`` runs them."""

from collective.consultation.scripts.cluster import _bin
from collective.consultation.scripts.cluster import Cluster
from pathlib import Path

import pytest
import random
import requests
import shutil
import socket
import subprocess
import tempfile


def free_base_port():
    """A base port whose instance ports (base, base + 1), server (base + 50) and SMTP sink
    (base + 51) are all free."""
    for _ in range(50):
        base = random.randrange(20000, 40000)
        ports = (base, base + 1, base + 50, base + 51)
        try:
            for port in ports:
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", port))
        except OSError:
            continue
        return base
    raise RuntimeError("no free ports")


@pytest.fixture(scope="session", params=["relstorage", "zeo"])
def cluster(request):
    # Not under pytest's (root-only) temporary folder: PostgreSQL runs as its own user.
    folder = Path(tempfile.mkdtemp(prefix="consultation-cluster-"))
    folder.chmod(0o755)
    base = free_base_port()
    sink = subprocess.Popen(
        [
            _bin("consultation-mailsink"),
            "--host",
            "127.0.0.1",
            "--port",
            str(base + 51),
            "--dir",
            str(folder / "mail"),
        ]
    )
    with Cluster(request.param, folder, base_port=base, smtp_port=base + 51) as running:
        running.mail = folder / "mail"
        yield running
    sink.terminate()
    sink.wait(10)
    shutil.rmtree(folder, ignore_errors=True)


def session(instance, login, password):
    s = requests.Session()
    s.auth = (login, password)
    s.headers["Accept"] = "application/json"
    s.base = f"{instance.url}/++api++"
    return s


@pytest.fixture
def api(cluster):
    """api(n, login, password) -> (requests session, base URL) on instance n (0 or 1)."""

    def make(n, login="admin", password="admin"):
        return session(cluster.instances[n], login, password)

    return make
