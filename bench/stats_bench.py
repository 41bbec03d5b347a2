"""@consultation-stats over 100,000 suggestions against the floor: one bare catalog query
over the same suggestions that touches each result once (reads its review_state). Both run
with the ZODB cache emptied first. Goal: at most 3x the floor, and no suggestion object
loaded (counted in the connection's cache after the run).

The suggestions are stored as objects, but catalogued from the values one real suggestion
per consultation indexed (see Indexable): creating 100,000 through the content API would
take most of an hour. They spread over 100 consultations of year 2030, with states,
units, deadlines and evaluations varied.

Run: make bench (or python -m bench.stats_bench [N])."""

from collective.consultation.tracking import states
from datetime import date
from datetime import datetime
from datetime import timedelta
from statistics import median

import pytz
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 100_000
CONSULTATIONS = 100
ROUNDS = 5
YEAR = 2030
STATES = states.ALL
UNITS = [f"单位{i:02d}" for i in range(40)]
RATINGS = (None, "satisfied", "basically_satisfied", "dissatisfied")


class Indexable:
    """What the catalog reads from a suggestion, given directly: the values a real one
    indexed (the template), with this suggestion's own title, path, state, unit, deadline
    and evaluation. The catalog ends up as the content API would leave it, at a fraction
    of the cost (the per-column attribute lookups dominate a real catalog_object)."""

    def __init__(self, values, path):
        self.__dict__.update(values)
        self._path = path

    def getPhysicalPath(self):
        return self._path


def _values(catalog, obj):
    """Every index and metadata value of ``obj`` as the catalog would read it."""
    from plone.indexer.interfaces import IIndexableObject
    from zope.component import queryMultiAdapter

    wrapper = queryMultiAdapter((obj, catalog), IIndexableObject)
    values = {}
    for name in set(catalog.indexes()) | set(catalog.schema()):
        try:
            value = getattr(wrapper, name)
        except AttributeError:
            continue
        values[name] = value() if callable(value) else value
    return values


def make_suggestions(portal, n):
    from collective.consultation.content.suggestion import Suggestion
    from DateTime import DateTime
    from persistent.mapping import PersistentMapping
    from plone import api
    from plone.indexer.interfaces import IIndexableObject
    from plone.uuid.interfaces import ATTRIBUTE_NAME
    from zope.interface import classImplements

    import transaction
    import uuid

    classImplements(Indexable, IIndexableObject)
    tz = pytz.timezone("Asia/Shanghai")
    programme = api.content.create(
        container=portal,
        type="ConsultationProgramme",
        id="bench",
        title="Bench",
        year=YEAR,
    )
    consultations = []
    for c in range(CONSULTATIONS):
        start = tz.localize(datetime(YEAR, 1, 1, 9) + timedelta(days=c * 3))
        consultations.append(
            api.content.create(
                container=programme,
                type="Consultation",
                id=f"c{c}",
                title=f"第{c}次协商",
                kind="bimonthly",
                start=start,
                end=start + timedelta(hours=3),
            )
        )
    catalog = api.portal.get_tool("portal_catalog")
    # One real suggestion per consultation, made and indexed by the content API.
    templates = {}
    for consultation in consultations:
        real = api.content.create(
            container=consultation,
            type="Suggestion",
            id="template",
            title="模板",
            lead_unit=UNITS[0],
            deadline=date(YEAR, 3, 1),
        )
        transaction.savepoint()
        templates[consultation.getId()] = _values(catalog, real)
        api.content.delete(real)
    transaction.commit()
    now = DateTime()
    for i in range(n):
        container = consultations[i % CONSULTATIONS]
        state = STATES[i % len(STATES)]
        title = f"关于第{i}项工作的建议"
        unit = UNITS[i % len(UNITS)]
        assisting = [UNITS[(i + 7) % len(UNITS)]]
        deadline = date(YEAR, 1, 1) + timedelta(days=i % 700)
        rating = RATINGS[i % len(RATINGS)] if state in ("answered", "adopted") else None
        uid = uuid.uuid4().hex

        suggestion = Suggestion(f"s{i}")
        suggestion.title = title
        suggestion.lead_unit, suggestion.assisting_units = unit, assisting
        suggestion.deadline, suggestion.evaluation = deadline, rating
        setattr(suggestion, ATTRIBUTE_NAME, uid)
        suggestion.workflow_history = PersistentMapping(
            {
                "suggestion_workflow": (
                    {
                        "action": None,
                        "review_state": state,
                        "actor": "bench",
                        "comments": "",
                        "time": now,
                    },
                )
            }
        )
        container._setObject(suggestion.getId(), suggestion, suppress_events=True)

        values = dict(templates[container.getId()])
        values.update(
            id=suggestion.getId(),
            getId=suggestion.getId(),
            UID=uid,
            Title=title,
            sortable_title=title,
            SearchableText=title,
            review_state=state,
            lead_unit=unit,
            assisting_units=assisting,
            units=[unit, *assisting],
            deadline=deadline,
            evaluation=rating,
        )
        path = container.getPhysicalPath() + (suggestion.getId(),)
        catalog.catalog_object(Indexable(values, path), uid="/".join(path))
        if i % 10000 == 9999:
            transaction.commit()
            container._p_jar.cacheMinimize()
            print(f"  {i + 1} suggestions", flush=True)
    transaction.commit()


def suggestions_in_cache(connection):
    from collective.consultation.content.suggestion import Suggestion

    return sum(
        1 for _oid, obj in connection._cache.lru_items() if isinstance(obj, Suggestion)
    )


def measured(function, connection):
    """Median time over ROUNDS cold runs, the ZODB loads of one cold run, and the
    suggestions that run left in memory."""
    times = []
    for _ in range(ROUNDS):
        connection.cacheMinimize()
        began = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - began)
    connection.cacheMinimize()
    connection.getTransferCounts(clear=True)
    function()
    loads, _stores = connection.getTransferCounts(clear=True)
    return median(times), loads, suggestions_in_cache(connection), result


def main():
    from bench.layer import plone_site
    from collective.consultation.reports.stats import consultation_stats
    from plone import api

    import transaction

    with plone_site() as portal:
        print(
            f"Creating {N} suggestions in {CONSULTATIONS} consultations ...", flush=True
        )
        began = time.perf_counter()
        make_suggestions(portal, N)
        print(f"  made in {time.perf_counter() - began:.0f} s", flush=True)
        catalog = api.portal.get_tool("portal_catalog")
        connection = portal._p_jar

        def floor():
            brains = catalog(portal_type="Suggestion", consultation_year=YEAR)
            return sum(1 for brain in brains if brain.review_state)

        least, floor_loads, floor_objects, touched = measured(floor, connection)
        ours, our_loads, our_objects, stats = measured(
            lambda: consultation_stats(YEAR), connection
        )
        assert touched == N and stats["suggestions"]["total"] == N, (
            touched,
            stats["suggestions"]["total"],
        )

        print(
            f"\n{N} suggestions, median of {ROUNDS} rounds, ZODB cache emptied before each"
        )
        print(
            f"  floor: one catalog query, each brain read   {least * 1000:8.1f} ms   "
            f"{floor_loads:6d} ZODB loads, {floor_objects} suggestions loaded"
        )
        print(
            f"  ours:  @consultation-stats figures          {ours * 1000:8.1f} ms   "
            f"{our_loads:6d} ZODB loads, {our_objects} suggestions loaded"
        )
        print(
            f"  ratio: {ours / least:.2f}x the floor (goal: at most 3x; no suggestion loaded)"
        )
        ok = ours / least <= 3 and our_objects == 0
        print("PASS" if ok else "FAIL")
        transaction.abort()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
