"""More than one Zope process on one database: a ZEO server or PostgreSQL (RelStorage), and
two Zope instances on it, all under one folder. ``make run-zeo`` and ``make run-relstorage``
serve the demo site this way; the cluster tests and the load benchmark start the same thing
from Python (``Cluster``).

PostgreSQL is Debian's ``postgresql`` started on loopback with its data in the folder: no
system service is needed. Run as root, its programs run as the ``postgres`` user the package
creates (PostgreSQL refuses to run as root)."""

from collective.consultation.scripts.instance import write_instance
from pathlib import Path

import argparse
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

ZEO_CONF = """\
<zeo>
  address 127.0.0.1:{port}
</zeo>
<filestorage 1>
  path {var}/Data.fs
  blob-dir {var}/blobs
</filestorage>
<eventlog>
  <logfile>
    path {var}/zeo.log
  </logfile>
</eventlog>
"""


def _bin(name):
    """A command of the venv this runs in, else from PATH."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


def postgres_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else (shutil.which(name) or name)


def wait_for(url, seconds=180, process=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{url}: the process ended with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer in {seconds} s")


class Postgres:
    def __init__(self, folder, port):
        self.folder, self.port = Path(folder).resolve(), port
        self.data = self.folder / "data"
        self.as_root = os.geteuid() == 0

    def _run(self, *command, **kwargs):
        if self.as_root:
            command = ("runuser", "-u", "postgres", "--", *command)
        return subprocess.run(command, check=True, **kwargs)

    @property
    def dsn(self):
        return f"dbname=plone user=plone host=127.0.0.1 port={self.port}"

    def start(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.as_root:
            # PostgreSQL runs as its own user: it must reach the folder and own it.
            shutil.chown(self.folder, "postgres", "postgres")
            probe = subprocess.run(
                ["runuser", "-u", "postgres", "--", "test", "-w", str(self.folder)]
            )
            if probe.returncode != 0:
                raise RuntimeError(
                    f"the postgres user cannot write {self.folder}: a parent folder is closed to it"
                )
        if not (self.data / "PG_VERSION").exists():
            self._run(
                postgres_bin("initdb"),
                "-D",
                str(self.data),
                "-U",
                "plone",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
                stdout=subprocess.DEVNULL,
            )
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
        self._run(
            postgres_bin("pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "postgres.log"),
            "-o",
            options,
            "-w",
            "start",
            stdout=subprocess.DEVNULL,
        )
        exists = subprocess.run(
            [
                postgres_bin("psql"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "plone",
                "-d",
                "postgres",
                "-tAc",
                "SELECT 1 FROM pg_database WHERE datname = 'plone'",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        if exists != "1":
            subprocess.run(
                [
                    postgres_bin("createdb"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(self.port),
                    "-U",
                    "plone",
                    "plone",
                ],
                check=True,
            )

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            self._run(
                postgres_bin("pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "fast",
                "-w",
                "stop",
                stdout=subprocess.DEVNULL,
            )


class ZEOServer:
    def __init__(self, folder, port):
        self.folder, self.port = Path(folder).resolve(), port
        self.process = None

    @property
    def address(self):
        return f"127.0.0.1:{self.port}"

    def start(self):
        (self.folder / "blobs").mkdir(parents=True, exist_ok=True)
        (self.folder / "blobs").chmod(0o700)
        conf = self.folder / "zeo.conf"
        conf.write_text(ZEO_CONF.format(port=self.port, var=self.folder))
        self.process = subprocess.Popen(
            [_bin("runzeo"), "-C", str(conf)], start_new_session=True
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("the ZEO server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)


class _ProcessGroup:
    """A process started in its own session, so that it goes with all its children."""

    process = None

    def kill(self):
        """As a crash would: in the middle of whatever it was writing or sending."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(30)

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


class Instance(_ProcessGroup):
    def __init__(
        self, name, folder, port, storage, mail_worker=True, **storage_options
    ):
        self.name, self.port = name, port
        self.etc = write_instance(
            Path(folder) / name,
            Path(folder) / name / "var",
            port=port,
            storage=storage,
            mail_worker=mail_worker,
            **storage_options,
        )
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/Plone"

    def start(self):
        log = open(self.etc.parent / "var" / "log" / "runwsgi.log", "ab")
        self.process = subprocess.Popen(
            [_bin("runwsgi"), str(self.etc / "zope.ini")],
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        wait_for(f"http://127.0.0.1:{self.port}/", process=self.process)


class MailWorker(_ProcessGroup):
    """``consultation-mail-worker`` beside the instances, with one instance's config."""

    def __init__(self, etc, interval=1, lease=None):
        self.etc, self.interval, self.process = etc, interval, None
        self.lease = lease

    def start(self):
        log = open(self.etc.parent / "var" / "log" / "mailworker.log", "ab")
        self.process = subprocess.Popen(
            [
                _bin("consultation-mail-worker"),
                "--zope-conf",
                str(self.etc / "zope.conf"),
                "--interval",
                str(self.interval),
            ],
            stdout=log,
            stderr=log,
            start_new_session=True,
            env=dict(
                os.environ,
                **({"CONSULTATION_MAIL_LEASE": str(self.lease)} if self.lease else {}),
            ),
        )
        return self


class Cluster:
    """A storage server and ``instances`` Zope processes on it, with the demo site. Mail
    is sent by a worker thread in each instance (``mail_worker="thread"``, as in
    production), or by one ``consultation-mail-worker`` process (``"process"``)."""

    def __init__(
        self,
        kind,
        folder,
        base_port=8180,
        instances=2,
        smtp_port=8025,
        admin_password="admin",
        mail_worker="thread",
        mail_lease=None,
    ):
        self.kind, self.folder = kind, Path(folder).resolve()
        self.smtp_port, self.admin_password = smtp_port, admin_password
        if kind == "relstorage":
            self.server = Postgres(self.folder / "postgres", base_port + 50)
            options = {"dsn": self.server.dsn}
        elif kind == "zeo":
            self.server = ZEOServer(self.folder / "zeo", base_port + 50)
            options = {"zeo_address": self.server.address}
        else:
            raise ValueError(f"kind: '{kind}' is not zeo or relstorage")
        threads = mail_worker == "thread"
        self.instances = [
            Instance(
                f"instance{n + 1}",
                self.folder,
                base_port + n,
                kind,
                mail_worker=threads,
                **options,
            )
            for n in range(instances)
        ]
        self.worker = (
            None if threads else MailWorker(self.instances[-1].etc, lease=mail_lease)
        )

    def start(self):
        self.server.start()
        try:
            subprocess.run(
                [
                    _bin("consultation-create-site"),
                    "--zope-conf",
                    str(self.instances[0].etc / "zope.conf"),
                    "--admin-password",
                    self.admin_password,
                    "--smtp-port",
                    str(self.smtp_port),
                ],
                check=True,
            )
            for instance in self.instances:
                instance.start()
            if self.worker is not None:
                self.worker.start()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self):
        if self.worker is not None:
            self.worker.stop()
        for instance in self.instances:
            instance.stop()
        self.server.stop()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("kind", choices=("zeo", "relstorage"))
    parser.add_argument("--folder", default="var/cluster")
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("PORT", 8080)),
        help="the first instance's port; the second takes the next, the server +50",
    )
    parser.add_argument(
        "--smtp-port", type=int, default=int(os.environ.get("SMTP_PORT", 8025))
    )
    parser.add_argument(
        "--admin-password", default=os.environ.get("ADMIN_PASSWORD", "admin")
    )
    args = parser.parse_args(argv)
    cluster = Cluster(
        args.kind, args.folder, args.port, 2, args.smtp_port, args.admin_password
    )
    sink = subprocess.Popen(
        [
            _bin("consultation-mailsink"),
            "--host",
            "127.0.0.1",
            "--port",
            str(args.smtp_port),
            "--dir",
            str(Path(args.folder) / "mail"),
        ]
    )
    try:
        cluster.start()
        print(
            f"\n  collective.consultation on {args.kind}: two Zope instances on one database"
        )
        for instance in cluster.instances:
            print(f"  {instance.name}: {instance.url}")
        print(
            f"  data and logs: {cluster.folder}; sent mail: {Path(args.folder) / 'mail'}; stop: Ctrl-C\n"
        )
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()
        sink.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
