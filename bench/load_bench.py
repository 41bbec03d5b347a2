"""Load on the programme feed and the stats endpoint: 50 client threads for 60 s against
127.0.0.1, first all on one Zope instance, then spread over two instances on the same
RelStorage database (PostgreSQL). Each client alternates the two requests; every request is
counted, its latency kept, anything but HTTP 200 counted as an error. Reports throughput,
p50 and p99 latency and errors for both runs. Goal: no errors, throughput higher with the
second instance (the machine has 2 cores: one per instance).

Run: make bench-load (or python -m bench.load_bench [--clients 50] [--seconds 60])."""

from collective.consultation.scripts.cluster import Cluster
from concurrent.futures import ThreadPoolExecutor
from statistics import quantiles

import argparse
import random
import requests
import shutil
import sys
import tempfile
import threading
import time


def client(urls, seconds, index, stop_at, results, lock):
    feed = requests.Session()
    stats = requests.Session()
    stats.auth = ("secretary", "secretary-2018")
    url = urls[index % len(urls)]
    mine = []
    turn = index % 2
    while time.monotonic() < stop_at:
        began = time.perf_counter()
        try:
            if turn:
                response = stats.get(
                    f"{url}/++api++/@consultation-stats",
                    params={"year": "2018"},
                    headers={"Accept": "application/json"},
                    timeout=60,
                )
            else:
                response = feed.get(
                    f"{url}/++api++/2018/@ical",
                    headers={"Accept": "text/calendar"},
                    timeout=60,
                )
            ok = response.status_code == 200
        except requests.RequestException:
            ok = False
        mine.append((time.perf_counter() - began, ok))
        turn = 1 - turn
    with lock:
        results.extend(mine)


def run(urls, clients, seconds):
    results, lock = [], threading.Lock()
    # warm both instances (catalog and templates loaded) before measuring
    for url in urls:
        requests.get(
            f"{url}/++api++/2018/@ical", headers={"Accept": "text/calendar"}, timeout=60
        )
        requests.get(
            f"{url}/++api++/@consultation-stats?year=2018",
            auth=("secretary", "secretary-2018"),
            headers={"Accept": "application/json"},
            timeout=60,
        )
    stop_at = time.monotonic() + seconds
    with ThreadPoolExecutor(clients) as pool:
        for index in range(clients):
            pool.submit(client, urls, seconds, index, stop_at, results, lock)
    latencies = sorted(latency for latency, _ok in results)
    cuts = quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {
        "requests": len(results),
        "throughput": len(results) / seconds,
        "p50": cuts[49],
        "p99": cuts[98],
        "errors": sum(1 for _latency, ok in results if not ok),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args(argv)
    folder = tempfile.mkdtemp(prefix="consultation-load-")
    import os

    os.chmod(folder, 0o755)  # PostgreSQL runs as its own user
    base = random.randrange(20000, 40000)
    try:
        with Cluster(
            "relstorage", folder, base_port=base, smtp_port=base + 51
        ) as cluster:
            urls = [instance.url for instance in cluster.instances]
            print(
                f"{args.clients} clients, {args.seconds} s each run, feed and stats alternating",
                flush=True,
            )
            one = run(urls[:1], args.clients, args.seconds)
            two = run(urls, args.clients, args.seconds)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for name, result in (("one instance ", one), ("two instances", two)):
        print(
            f"  {name}: {result['requests']:6d} requests, {result['throughput']:6.1f}/s, "
            f"p50 {result['p50'] * 1000:7.1f} ms, p99 {result['p99'] * 1000:7.1f} ms, {result['errors']} errors"
        )
    print(
        f"  two instances give {two['throughput'] / one['throughput']:.2f}x the throughput of one"
    )
    ok = (
        one["errors"] == 0
        and two["errors"] == 0
        and two["throughput"] > one["throughput"]
    )
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
