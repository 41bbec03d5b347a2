"""@duty-scores for a five-year term: 1,000 members, 1,000 consultations (each inviting 30
members, with attendance and check-ins) and 50,000 suggestions, against the floor: one bare
catalog query over the same consultations and suggestions that touches each result once.
Both run with the ZODB cache emptied first. Goal: at most 3x the floor, and no content
object loaded.

The items are catalogued from the values one real item of each type indexed (see
stats_bench.Indexable): creating them through the content API would take most of an hour.

Run: make bench (or python -m bench.duty_bench)."""

from bench.stats_bench import _values
from bench.stats_bench import Indexable
from bench.stats_bench import measured
from datetime import date
from datetime import datetime
from datetime import timedelta

import pytz
import sys
import time

MEMBERS = 1000
CONSULTATIONS = 1000
SUGGESTIONS = 50_000
INVITED = 30
YEARS = list(range(2031, 2036))  # a five-year term
SECTORS = ("cpc", "cdl", "education", "economy", "agriculture", "medicine")
STATES = ("submitted", "referred", "answered", "adopted", "implemented", "not_adopted")
MARKS = ("present",) * 8 + ("leave", "absent")


def make_items(portal):
    from plone import api
    from plone.indexer.interfaces import IIndexableObject
    from zope.interface import classImplements

    import transaction
    import uuid

    classImplements(Indexable, IIndexableObject)
    tz = pytz.timezone("Asia/Shanghai")
    catalog = api.portal.get_tool("portal_catalog")
    api.portal.set_registry_record(
        "collective.consultation.terms", ["9 | 第九届 | 2031 | 2035"]
    )
    # One real item of each type gives every index and column its shape.
    directory = portal["members"]
    real_member = api.content.create(
        container=directory,
        type="CommitteeMember",
        id="bench-m",
        title="模板委员",
        email="bench@example.org",
    )
    programme = api.content.create(
        container=portal,
        type="ConsultationProgramme",
        id="bench",
        title="Bench",
        year=YEARS[0],
    )
    start = tz.localize(datetime(YEARS[0], 3, 1, 9))
    real_consultation = api.content.create(
        container=programme,
        type="Consultation",
        id="template",
        title="模板",
        kind="bimonthly",
        start=start,
        end=start + timedelta(hours=3),
    )
    api.content.transition(real_consultation, transition="schedule")
    real_suggestion = api.content.create(
        container=real_consultation,
        type="Suggestion",
        id="s",
        title="模板建议",
        lead_unit="单位00",
        deadline=date(YEARS[0], 6, 1),
    )
    transaction.savepoint()
    shapes = {
        "member": _values(catalog, real_member),
        "consultation": _values(catalog, real_consultation),
        "suggestion": _values(catalog, real_suggestion),
    }
    api.content.delete(real_suggestion)
    api.content.delete(real_consultation)
    api.content.delete(real_member)
    transaction.commit()

    def add(kind, path, **values):
        uid = uuid.uuid4().hex
        merged = dict(shapes[kind])
        merged.update(UID=uid, getId=path[-1], id=path[-1], **values)
        catalog.catalog_object(Indexable(merged, path), uid="/".join(path))
        return uid

    base = portal.getPhysicalPath()
    members = []
    for m in range(MEMBERS):
        title = f"委员{m:04d}"
        members.append(
            add(
                "member",
                base + ("members", f"bm{m}"),
                Title=title,
                sortable_title=title,
                sector=SECTORS[m % len(SECTORS)],
            )
        )
    consultations = []
    for c in range(CONSULTATIONS):
        year = YEARS[c % len(YEARS)]
        begins = tz.localize(datetime(year, 1, 1, 9) + timedelta(days=(c // 5) % 360))
        invited = [members[(c * 7 + i * 31) % MEMBERS] for i in range(INVITED)]
        marks = {uid: MARKS[(c + i) % len(MARKS)] for i, uid in enumerate(invited)}
        checkins = {
            uid: ("late" if (c + i) % 9 == 0 else "on_time")
            for i, uid in enumerate(invited)
            if marks[uid] == "present" and i % 2
        }
        consultations.append(
            add(
                "consultation",
                base + ("bench", f"c{c}"),
                Title=f"第{c}次协商",
                review_state="held",
                consultation_year=year,
                consultation_kind="inspection" if c % 10 == 0 else "bimonthly",
                start=begins,
                invitees=invited,
                attendance_marks=marks,
                attendance_checkins=checkins,
            )
        )
    transaction.commit()
    for s in range(SUGGESTIONS):
        c = s % CONSULTATIONS
        year = YEARS[c % len(YEARS)]
        state = STATES[s % len(STATES)]
        proposers = [members[(s * 13) % MEMBERS]]
        if s % 3 == 0:
            proposers.append(members[(s * 13 + 500) % MEMBERS])
        add(
            "suggestion",
            base + ("bench", f"c{c}", f"s{s}"),
            Title=f"关于第{s}项工作的建议",
            review_state=state,
            consultation_year=year,
            consultation_uid=consultations[c],
            consultation_date=date(year, 1, 1) + timedelta(days=(c // 5) % 360),
            proposers=proposers,
            adoption_degree=(
                ("full", "partial", None)[s % 3]
                if state in ("adopted", "implemented")
                else None
            ),
            has_instruction=s % 50 == 0,
            public_opinion=False,
        )
        if s % 10000 == 9999:
            transaction.commit()
            print(f"  {s + 1} suggestions", flush=True)
    transaction.commit()


def content_in_cache(connection):
    from collective.consultation.content.consultation import Consultation
    from collective.consultation.content.member import CommitteeMember
    from collective.consultation.content.suggestion import Suggestion

    kinds = (Consultation, CommitteeMember, Suggestion)
    return sum(
        1 for _oid, obj in connection._cache.lru_items() if isinstance(obj, kinds)
    )


def main():
    from bench.layer import plone_site
    from collective.consultation.members import scoring
    from plone import api

    import transaction

    with plone_site() as portal:
        print(
            f"Cataloguing {MEMBERS} members, {CONSULTATIONS} consultations and "
            f"{SUGGESTIONS} suggestions over {len(YEARS)} years ...",
            flush=True,
        )
        began = time.perf_counter()
        make_items(portal)
        print(f"  made in {time.perf_counter() - began:.0f} s", flush=True)
        catalog = api.portal.get_tool("portal_catalog")
        connection = portal._p_jar

        def floor():
            brains = catalog(
                portal_type=["Consultation", "Suggestion"], consultation_year=YEARS
            )
            return sum(1 for brain in brains if brain.review_state)

        def ours():
            return scoring.ranked(scoring.scores(YEARS, with_lines=False))

        least, floor_loads, floor_objects, touched = measured(floor, connection)
        took, our_loads, _ignored, ranked = measured(ours, connection)
        loaded = content_in_cache(connection)
        assert touched == CONSULTATIONS + SUGGESTIONS, touched
        members = [score for _rank, score in ranked if score.title.startswith("委员")]
        assert len(members) == MEMBERS and all(s.counts for s in members[:10])

        print(
            f"\n{MEMBERS} members, {CONSULTATIONS} consultations, {SUGGESTIONS} "
            f"suggestions over {len(YEARS)} years; median of 5 rounds, cache emptied"
        )
        print(
            f"  floor: one catalog query, each brain read   {least * 1000:8.1f} ms   "
            f"{floor_loads:6d} ZODB loads"
        )
        print(
            f"  ours:  @duty-scores for the term           {took * 1000:8.1f} ms   "
            f"{our_loads:6d} ZODB loads, {loaded} content objects loaded"
        )
        print(f"  ratio: {took / least:.2f}x the floor (goal: at most 3x; none loaded)")
        ok = took / least <= 3 and loaded == 0
        print("PASS" if ok else "FAIL")
        transaction.abort()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
