"""A plenary's check-in rush: 500 members check in to one consultation, 50 at a time, with
the code the projector shows (it changes every half minute), first all on one Zope
instance, then spread over two instances on the same RelStorage database (PostgreSQL).

Every request is counted: an answer other than 200 with the member's first check-in is an
error. The instances log each request Zope retried after a write conflict ("Conflict
retried", subscribers.py) and each conflict a catalog refresh met (deferredindex.py); both
are counted from their logs. After each run the consultation must hold 500 marks and the
catalog's copy of them (duty records read it) must list all 500.

Goal: 0 errors, p95 under 1 s, all marks kept, the catalog complete; the baseline named in
the report is the same requests against one instance.

Run: make bench-checkin (or python -m bench.checkin_bench [--members 500] [--clients 50]).
"""

from collective.consultation.scripts.cluster import Cluster
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from statistics import quantiles

import argparse
import os
import random
import requests
import shutil
import subprocess
import sys
import tempfile
import threading
import time

PASSWORD = "bench-2026"
TITLES = ("签到压测：一个实例", "签到压测：两个实例")


# --- the site: members with logins and two consultations inviting them all ---------


def prepare(zope_conf, count):
    """Run in a process of its own on the cluster's database: ``count`` members with
    logins (no e-mail in the directory, so no invitation mail goes out) and two scheduled
    consultations starting in ten minutes that invite them all."""
    from AccessControl.SecurityManagement import newSecurityManager
    from collective.consultation import mailworker
    from datetime import datetime
    from datetime import timedelta
    from Testing.makerequest import makerequest
    from Zope2.Startup.run import make_wsgi_app
    from zope.component.hooks import setSite
    from zope.globalrequest import setRequest

    import transaction
    import Zope2

    mailworker.no_thread()
    make_wsgi_app({}, zope_conf)
    app = makerequest(Zope2.app())
    setRequest(app.REQUEST)
    site = app["Plone"]
    setSite(site)
    newSecurityManager(None, app.acl_users.getUser("admin").__of__(app.acl_users))

    from plone import api
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.event import notify
    from zope.intid.interfaces import IIntIds
    from zope.lifecycleevent import ObjectModifiedEvent

    import pytz

    directory = site["members"]
    intids = getUtility(IIntIds)
    relations = []
    for n in range(count):
        login = f"bench{n:04d}"
        if api.user.get(username=login) is None:
            api.user.create(
                username=login, password=PASSWORD, email=f"{login}@example.org"
            )
            api.group.add_user(groupname="committee-members", username=login)
        if login not in directory:
            api.content.create(
                container=directory,
                type="CommitteeMember",
                id=login,
                title=f"压测委员{n:04d}",
                userid=login,
                sector="economy",
            )
        relations.append(RelationValue(intids.getId(directory[login])))
    zone = pytz.timezone("Asia/Shanghai")
    start = datetime.now(zone).replace(microsecond=0) + timedelta(minutes=10)
    paths = []
    for title in TITLES:
        consultation = api.content.create(
            container=site["2018"],
            type="Consultation",
            title=title,
            kind="standing_committee",
            start=start,
            end=start + timedelta(hours=3),
            location="市民之家大礼堂",
        )
        consultation.invitees = list(relations)
        notify(ObjectModifiedEvent(consultation))
        api.content.transition(consultation, transition="schedule")
        paths.append("/".join(consultation.getPhysicalPath()[2:]))
    transaction.commit()
    print("\n".join(paths))


# --- the rush ----------------------------------------------------------------------


class ScreenCode(threading.Thread):
    """What the projector shows: staff's page asked every few seconds."""

    def __init__(self, url, admin_password):
        super().__init__(daemon=True)
        self.url, self.code, self.stopped = url, None, threading.Event()
        self.session = requests.Session()
        self.session.auth = ("admin", admin_password)
        self.refresh()

    def refresh(self):
        data = self.session.get(
            f"{self.url}/@@checkin-code", params={"format": "json"}, timeout=60
        ).json()
        self.code = data["url"].split("code=", 1)[1]

    def run(self):
        while not self.stopped.wait(5):
            try:
                self.refresh()
            except requests.RequestException:
                pass


def check_in(url, login, screen):
    session = requests.Session()
    session.auth = (login, PASSWORD)
    began = time.perf_counter()
    try:
        response = session.post(
            f"{url}/++api++/@checkin",
            json={"code": screen.code},
            headers={"Accept": "application/json"},
            timeout=120,
        )
        ok = response.status_code == 200 and response.json().get("first") is True
        status = response.status_code
    except requests.RequestException as exc:
        ok, status = False, type(exc).__name__
    return time.perf_counter() - began, ok, status


def log_counts(cluster):
    """(conflict retries of requests, conflicts of catalog refreshes) logged so far."""
    retries = refreshes = 0
    for instance in cluster.instances:
        log = instance.etc.parent / "var" / "log" / "event.log"
        if log.exists():
            text = log.read_text(errors="replace")
            retries += text.count("Conflict retried")
            refreshes += text.count("Catalog refresh of")
    return retries, refreshes


def catalog_copy(url, path, admin_password):
    """How many check-ins the catalog lists for the consultation (as duty records read
    them), and how many marks it holds."""
    session = requests.Session()
    session.auth = ("admin", admin_password)
    headers = {"Accept": "application/json"}
    found = session.get(
        f"{url}/++api++/@search",
        params={
            "path": f"/Plone/{path}",
            "portal_type": "Consultation",
            "metadata_fields": "attendance_checkins",
        },
        headers=headers,
        timeout=60,
    ).json()["items"][0]
    lines = session.get(
        f"{url}/++api++/{path}/@attendance", headers=headers, timeout=60
    ).json()
    items = lines["items"] if isinstance(lines, dict) else lines
    marked = sum(1 for line in items if line.get("status") == "present")
    return len(found["attendance_checkins"] or {}), marked


def rush(cluster, urls, path, members, clients, admin_password):
    screen = ScreenCode(f"{urls[0]}/{path}", admin_password)
    screen.start()
    before = log_counts(cluster)
    logins = [f"bench{n:04d}" for n in range(members)]
    random.shuffle(logins)
    began = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(
            pool.map(
                lambda pair: check_in(
                    f"{urls[pair[0] % len(urls)]}/{path}", pair[1], screen
                ),
                enumerate(logins),
            )
        )
    elapsed = time.perf_counter() - began
    screen.stopped.set()
    # the catalog follows each commit in a transaction of its own: give it a moment
    for _ in range(30):
        indexed, marked = catalog_copy(urls[0], path, admin_password)
        if indexed == members:
            break
        time.sleep(1)
    after = log_counts(cluster)
    latencies = sorted(latency for latency, _ok, _status in results)
    cuts = quantiles(latencies, n=100)
    failures = [status for _latency, ok, status in results if not ok]
    return {
        "requests": len(results),
        "elapsed": elapsed,
        "p50": cuts[49],
        "p95": cuts[94],
        "max": latencies[-1],
        "errors": len(failures),
        "statuses": sorted(set(map(str, failures))),
        "retries": after[0] - before[0],
        "refresh_conflicts": after[1] - before[1],
        "marked": marked,
        "indexed": indexed,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--prepare", metavar="ZOPE_CONF", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.prepare:
        prepare(args.prepare, args.members)
        return 0
    folder = tempfile.mkdtemp(prefix="consultation-checkin-")
    os.chmod(folder, 0o755)  # PostgreSQL runs as its own user
    base = random.randrange(20000, 40000)
    admin_password = "admin"
    try:
        with Cluster(
            "relstorage", folder, base_port=base, smtp_port=base + 51
        ) as cluster:
            urls = [instance.url for instance in cluster.instances]
            made = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bench.checkin_bench",
                    "--members",
                    str(args.members),
                    "--prepare",
                    str(cluster.instances[0].etc / "zope.conf"),
                ],
                check=True,
                capture_output=True,
                text=True,
                cwd=Path(__file__).resolve().parent.parent,
            )
            one_path, two_path = made.stdout.strip().splitlines()[-2:]
            print(
                f"{args.members} members check in, {args.clients} at a time "
                "(RelStorage on PostgreSQL, 4 threads per instance)",
                flush=True,
            )
            one = rush(
                cluster, urls[:1], one_path, args.members, args.clients, admin_password
            )
            two = rush(
                cluster, urls, two_path, args.members, args.clients, admin_password
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for name, result in (("one instance (baseline)", one), ("two instances", two)):
        print(
            f"  {name}: {result['requests']} check-ins in {result['elapsed']:.1f} s, "
            f"p50 {result['p50'] * 1000:.0f} ms, p95 {result['p95'] * 1000:.0f} ms, "
            f"max {result['max'] * 1000:.0f} ms, {result['errors']} errors"
            f"{' ' + str(result['statuses']) if result['errors'] else ''}, "
            f"{result['retries']} conflict retries, "
            f"{result['refresh_conflicts']} catalog-refresh conflicts; "
            f"{result['marked']} marks kept, {result['indexed']} in the catalog"
        )
    print(f"  two instances: p95 {two['p95'] / one['p95']:.2f}x that of one instance")
    ok = all(
        result["errors"] == 0
        and result["p95"] < 1.0
        and result["marked"] == args.members
        and result["indexed"] == args.members
        for result in (one, two)
    )
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
