"""A programme feed of 1,000 consultations (ours, from the catalog) against
plone.app.event's @@ics_view over 1,000 plain Events with the same data, in one run, and
both against the floor: icalendar serialising the same 1,000 events from plain data.

Goal: ours at least 5x faster than @@ics_view. Run: make bench (or python bench/feed_bench.py).
"""

from datetime import datetime
from datetime import timedelta
from statistics import median

import icalendar
import pytz
import sys
import time

N = 1000
ROUNDS = 5
TZ = pytz.timezone("Asia/Shanghai")


def plain_data(n):
    start = TZ.localize(datetime(2030, 1, 1, 9, 0))
    return [
        {
            "title": f"第{i + 1}次协商活动：幕阜山片区农村安全饮水",
            "description": "围绕幕阜山片区农村饮水质量开展双月协商。",
            "location": "市政协机关三楼会议室",
            "start": start + timedelta(days=i % 365, hours=i % 5),
            "end": start + timedelta(days=i % 365, hours=i % 5 + 3),
        }
        for i in range(n)
    ]


def floor(data):
    """icalendar alone, from plain dicts: the least any feed can cost."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//bench//floor//")
    calendar.add("version", "2.0")
    stamp = datetime.now(pytz.utc)
    for i, item in enumerate(data):
        event = icalendar.Event()
        event.add("uid", f"{i}@bench")
        event.add("dtstamp", stamp)
        event.add("summary", item["title"])
        event.add("description", item["description"])
        event.add("location", item["location"])
        event.add("dtstart", item["start"])
        event.add("dtend", item["end"])
        calendar.add_component(event)
    return calendar.to_ical()


def timed(function, cold=None):
    times = []
    for _ in range(ROUNDS):
        if cold:
            cold()
        began = time.perf_counter()
        body = function()
        times.append(time.perf_counter() - began)
    return median(times), body


def main():
    from bench.layer import plone_site
    from collective.consultation.calendar.feeds import container_calendar
    from plone import api
    from plone.event.interfaces import IICalendar

    import transaction

    data = plain_data(N)
    with plone_site() as portal:
        print(f"Creating {N} consultations and {N} plain Events ...", flush=True)
        programme = api.content.create(
            container=portal,
            type="ConsultationProgramme",
            id="bench",
            title="Bench",
            year=2030,
        )
        folder = api.content.create(
            container=portal, type="Folder", id="events", title="Events"
        )
        for i, item in enumerate(data):
            common = dict(
                title=item["title"],
                description=item["description"],
                start=item["start"],
                end=item["end"],
                location=item["location"],
            )
            consultation = api.content.create(
                container=programme,
                type="Consultation",
                id=f"c{i}",
                kind="bimonthly",
                **common,
            )
            api.content.transition(consultation, transition="schedule")
            api.content.create(container=folder, type="Event", id=f"e{i}", **common)
        transaction.commit()
        request = portal.REQUEST
        cold = (
            portal._p_jar.cacheMinimize
        )  # every round starts with objects out of memory

        if "--profile" in sys.argv:
            import cProfile
            import pstats

            cold()
            profiler = cProfile.Profile()
            profiler.runcall(lambda: container_calendar(programme, request))
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        ours, body = timed(lambda: container_calendar(programme, request), cold)
        assert body.count(b"BEGIN:VEVENT") == N
        # What @@ics_view renders (EventsICal.get_ical_string), without the response.
        theirs, body = timed(lambda: IICalendar(folder).to_ical(), cold)
        assert body.count(b"BEGIN:VEVENT") == N, body.count(b"BEGIN:VEVENT")
        least, body = timed(lambda: floor(data))
        assert body.count(b"BEGIN:VEVENT") == N

        print(
            f"\n{N} events, median of {ROUNDS} rounds, ZODB cache emptied before each"
        )
        print(f"  floor: icalendar from plain data        {least * 1000:8.1f} ms")
        print(
            f"  ours:  @ical programme feed (catalog)   {ours * 1000:8.1f} ms   {ours / least:5.2f}x the floor"
        )
        print(
            f"  plone.app.event @@ics_view (objects)    {theirs * 1000:8.1f} ms   {theirs / least:5.2f}x the floor"
        )
        print(
            f"  speed-up of ours over @@ics_view:       {theirs / ours:5.2f}x (goal: at least 5x)"
        )
        ok = theirs / ours >= 5
        print("PASS" if ok else "FAIL")
        transaction.abort()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
