"""Server time of the pages people open every week, on the demo year, against Plone's own
folder listing (``listing_view``) of the same programme: as many items, rendered by Plone
alone. Each page is published in-process (no network), warmed once, then timed 5 times;
the median is reported with its ratio to the listing. Goal: every page under 0.3 s.

Pages: the workbench for a member and the secretariat, the programme, a consultation (as
staff, with its invitation list and attendance), 我的履职, the tracking dashboard.

Run: make bench (or python -m bench.page_bench)."""

from bench.layer import plone_site
from statistics import median

import time

ROUNDS = 5
GOAL = 0.3
MEMBER = ("youjin", "youjin-2018")
STAFF = ("staff", "staff-2018")
SECRETARY = ("secretary", "secretary-2018")
PAGES = [
    ("workbench (member)", "", MEMBER),
    ("workbench (secretariat)", "", SECRETARY),
    ("programme", "/2018", MEMBER),
    ("consultation (staff)", "/2018/2018-06-28-bimonthly", STAFF),
    ("my duties", "/@@my-duties", MEMBER),
    ("tracking dashboard", "/@@tracking-dashboard", SECRETARY),
]
BASELINE = ("Plone listing_view of the programme", "/2018/listing_view", MEMBER)


def browser(app, login):
    from plone.testing.zope import Browser

    b = Browser(app)
    b.handleErrors = False
    b.addHeader("Authorization", "Basic {}:{}".format(*login))
    b.addHeader("Accept-Language", "zh-cn")
    return b


def timed(app, url, login):
    b = browser(app, login)
    b.open(url)  # warm: templates compiled, caches filled
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        b.open(url)
        times.append(time.perf_counter() - started)
    return median(times)


def main():
    with plone_site() as portal:
        portal.portal_registry["plone.default_language"] = "zh-cn"
        import transaction

        transaction.commit()
        app = portal.aq_parent
        base = "http://nohost/" + portal.getId()
        floor = timed(app, base + BASELINE[1], BASELINE[2])
        print(f"{BASELINE[0]:<40} {floor:7.3f} s   1.00x")
        slow = []
        for name, path, login in PAGES:
            seconds = timed(app, base + path, login)
            print(f"{name:<40} {seconds:7.3f} s   {seconds / floor:4.2f}x")
            if seconds > GOAL:
                slow.append(name)
        print(
            "goal: every page under",
            GOAL,
            "s:",
            "met" if not slow else f"missed: {slow}",
        )


if __name__ == "__main__":
    main()
