"""The cluster tests start real processes: a storage server (PostgreSQL on loopback for
RelStorage, or a ZEO server), two Zope instances on it, a mail worker process beside them,
and an SMTP sink; no Plone test layer. Every test runs on both layouts. ``make
test-cluster`` runs them."""

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
            "--delay",
            "0.02",  # a server that takes its time: a worker can be killed half-way
        ]
    )
    with Cluster(
        request.param,
        folder,
        base_port=base,
        smtp_port=base + 51,
        mail_worker="process",  # one worker beside the instances, killed in a test
        mail_lease=5,  # what a killed worker claimed is taken over after 5 s
    ) as running:
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


def delivered(folder):
    """{recipient address: [Message-ID, ...]} of what the sink received."""
    from email import message_from_bytes
    from email import policy

    found = {}
    for path in sorted(folder.glob("*.eml")):
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        for address in message["To"].addresses:
            found.setdefault(address.addr_spec, []).append(
                (message["Message-ID"], message["Subject"])
            )
    return found


def wait_until(check, seconds=60):
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.25)
    return check()
