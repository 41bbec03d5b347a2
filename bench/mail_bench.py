"""Scheduling a consultation with many invitees against a slow mail server.

1. The schedule step (the transition and its commit, what the request does) for 50 and
   for 500 invitees. Goal: under 0.5 s, and the same for both: the request only queues.
2. The delivery worker sends the 500 invitations to an SMTP server (aiosmtpd on loopback)
   that waits 0.3 s before taking each message. Reported: the time until the last one is
   delivered, and messages per second against the floor, a bare smtplib loop sending
   messages of the same size over one connection to the same server. Goal: at least 0.8x
   the floor.

Run: make bench (or python -m bench.mail_bench [invitees] [delay])."""

from bench.layer import plone_site
from datetime import datetime
from datetime import timedelta
from datetime import timezone

import asyncio
import smtplib
import sys
import time
import transaction

INVITEES = int(sys.argv[1]) if len(sys.argv) > 1 else 500
DELAY = float(sys.argv[2]) if len(sys.argv) > 2 else 0.3


class SlowServer:
    def __init__(self, delay):
        self.delay, self.received = delay, 0

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        self.received += 1
        return "250 OK"


def members(portal, count):
    from plone import api

    directory = portal["members"]
    found = [m for m in directory.objectValues() if m.email]
    for n in range(len(found), count):
        found.append(
            api.content.create(
                container=directory,
                type="CommitteeMember",
                id=f"bench{n:04d}",
                title=f"委员{n:04d}",
                email=f"bench{n:04d}@example.org",
            )
        )
    transaction.commit()
    return found[:count]


def consultation(portal, invitees, title, id_):
    from plone import api
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    intids = getUtility(IIntIds)
    start = datetime.now(timezone.utc) + timedelta(days=30)
    created = api.content.create(
        container=portal["2018"],
        type="Consultation",
        id=id_,
        title=title,
        kind="standing_committee",
        start=start,
        end=start + timedelta(hours=3),
        invitees=[RelationValue(intids.getId(m)) for m in invitees],
    )
    transaction.commit()
    return created


def timed_schedule(target):
    from plone import api

    began = time.perf_counter()
    api.content.transition(target, transition="schedule")
    transaction.commit()
    return time.perf_counter() - began


def floor(port, count, size):
    """A bare smtplib loop: ``count`` messages of ``size`` bytes over one connection."""
    line = b"x" * 76 + b"\r\n"
    body = b"From: a@example.org\r\nTo: b@example.org\r\nSubject: x\r\n\r\n" + line * (
        size // len(line) + 1
    )
    began = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for _ in range(count):
            smtp.sendmail("a@example.org", ["b@example.org"], body)
    return time.perf_counter() - began


def main():
    from aiosmtpd.controller import Controller
    from collective.consultation import mailqueue
    from collective.consultation import mailworker
    from collective.consultation.testing import free_port

    server = SlowServer(DELAY)
    port = free_port()
    controller = Controller(server, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with plone_site() as portal:
            portal.portal_registry["plone.smtp_port"] = port
            everyone = members(portal, max(INVITEES, 50))
            small = consultation(portal, everyone[:50], "基准：五十人", "bench-small")
            large = consultation(
                portal, everyone[:INVITEES], "基准：大会", "bench-large"
            )
            db = portal._p_jar.db()
            request_small = timed_schedule(small)
            mailworker.run_once(db, worker="bench")  # the 50 go first, on their own
            request_large = timed_schedule(large)
            sent_before = server.received
            began = time.perf_counter()
            mailworker.run_once(db, worker="bench")
            ours = time.perf_counter() - began
            delivered = server.received - sent_before
            box = mailqueue.outbox(portal)
            letter = box.letters[
                max(box.letters.keys(), key=lambda k: box.letters[k].created)
            ]
            size = len(
                mailqueue.BUILDERS[letter.kind](letter, letter.recipients.minKey())
            )
        bare = floor(port, INVITEES, size)
    finally:
        controller.stop()
    ours_rate, floor_rate = delivered / ours, INVITEES / bare
    print(f"mail_bench: {INVITEES} invitees, server delay {DELAY} s per message")
    print(f"  schedule request, 50 invitees:  {request_small:.3f} s")
    print(
        f"  schedule request, {INVITEES} invitees: {request_large:.3f} s (goal < 0.5 s)"
    )
    print(f"  worker: {delivered} delivered in {ours:.1f} s ({ours_rate:.2f}/s)")
    print(f"  floor (bare smtplib, one connection): {bare:.1f} s ({floor_rate:.2f}/s)")
    print(f"  ratio: {ours_rate / floor_rate:.2f}x the floor (goal >= 0.8x)")


if __name__ == "__main__":
    main()
