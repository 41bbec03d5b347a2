"""Adoption status: one row per suggestion, filtered by year, kind, state and unit."""

from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.dates import as_day
from collective.consultation.dates import site_timezone
from collective.consultation.errors import check_parameters
from collective.consultation.errors import FieldError
from collective.consultation.errors import not_one_of
from collective.consultation.tracking import states
from collective.consultation.tracking.overdue import is_overdue
from collective.consultation.validation import parse_year
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from plone import api

FILTERS = ("year", "kind", "state", "unit")


class FilterError(FieldError):
    """A filter that makes no sense; ``field`` names it."""


@dataclass(frozen=True)
class Filters:
    year: int | None = None
    kind: str | None = None
    state: tuple = ()
    unit: str | None = None

    @classmethod
    def parse(cls, params):
        check_parameters(params, FILTERS + ("format", "b_size", "b_start"))
        for name in ("year", "kind", "unit"):  # state may be several
            if isinstance(params.get(name), (list, tuple)):
                raise FilterError(name, _("give one value, not several."))
        year = params.get("year")
        year = parse_year(year) if year not in (None, "") else None
        kind = params.get("kind") or None
        if kind is not None and kind not in dict(vocabularies.KINDS):
            raise FilterError("kind", not_one_of(kind, dict(vocabularies.KINDS)))
        state = params.get("state") or ()
        state = (state,) if isinstance(state, str) else tuple(state)
        for one in state:
            if one not in states.ALL:
                raise FilterError("state", not_one_of(one, states.ALL))
        unit = (params.get("unit") or "").strip() or None
        return cls(year=year, kind=kind, state=state, unit=unit)

    def query(self, context):
        query = {
            "portal_type": "Suggestion",
            "path": "/".join(context.getPhysicalPath()),
            "sort_on": "consultation_date",
        }
        if self.year:
            query["consultation_year"] = self.year
        if self.kind:
            query["consultation_kind"] = self.kind
        if self.state:
            query["review_state"] = list(self.state)
        if self.unit:
            query["units"] = self.unit
        return query


@dataclass
class Row:
    title: str
    consultation: str
    kind: str
    date: str
    proposers: str
    lead_unit: str
    assisting_units: str
    state: str
    adoption: str
    deadline: str
    overdue: bool
    answer_date: str
    evaluation: str
    merged_into: str


COLUMNS = (
    ("title", _("Suggestion")),
    ("consultation", _("Consultation")),
    ("kind", _("Kind of consultation")),
    ("date", _("Date")),
    ("proposers", _("Proposers")),
    ("lead_unit", _("Lead unit")),
    ("assisting_units", _("Assisting units")),
    ("state", _("State")),
    ("adoption", _("Adoption")),
    ("deadline", _("Answer deadline")),
    ("overdue", _("Overdue")),
    ("answer_date", _("Answer date")),
    ("evaluation", _("Proposers' evaluation")),
    ("merged_into", _("Merged into")),
)


def _iso(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.astimezone(site_timezone()).date().isoformat()
            if value.tzinfo
            else value.date().isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return value.ISO8601()[:10] if hasattr(value, "ISO8601") else str(value)


class Labels:
    """Translated labels, looked up once per report."""

    def __init__(self, request):
        from zope.i18n import translate

        self._translate = lambda msgid, domain="collective.consultation": translate(
            msgid, domain=domain, context=request
        )
        self.kinds = {k: self._translate(t) for k, t in vocabularies.KINDS}
        self.adoption = {
            k: self._translate(t) for k, t in vocabularies.ADOPTION_DEGREES
        }
        self.evaluation = {k: self._translate(t) for k, t in vocabularies.EVALUATIONS}
        workflow = api.portal.get_tool("portal_workflow")["suggestion_workflow"]
        self.states = {
            sid: self._translate(s.title, "plone") for sid, s in workflow.states.items()
        }

    def text(self, message):
        return self._translate(message)


def rows(brains, labels, today=None):
    """Report rows from catalog brains; no suggestion object is loaded."""
    today = today or date.today()
    for brain in brains:
        deadline = as_day(brain.deadline)
        yield Row(
            title=brain.Title,
            consultation=brain.consultation_title or "",
            kind=labels.kinds.get(brain.consultation_kind, ""),
            date=_iso(brain.consultation_date),
            proposers="、".join(brain.proposer_names or ()),
            lead_unit=brain.lead_unit or "",
            assisting_units="、".join(brain.assisting_units or ()),
            state=labels.states.get(brain.review_state, brain.review_state),
            adoption=labels.adoption.get(brain.adoption_degree, ""),
            deadline=_iso(deadline),
            overdue=is_overdue(brain, today),
            answer_date=_iso(brain.answer_date),
            evaluation=labels.evaluation.get(brain.evaluation, ""),
            merged_into=brain.merged_into_title or "",
        )


def summary(brains, today=None):
    """Counts by state, kind and lead unit, and the adoption rate, from the same brains."""
    today = today or date.today()
    by_state, by_kind, by_unit = {}, {}, {}
    overdue = 0
    for brain in brains:
        by_state[brain.review_state] = by_state.get(brain.review_state, 0) + 1
        kind = brain.consultation_kind or "public_opinion"
        by_kind[kind] = by_kind.get(kind, 0) + 1
        unit = brain.lead_unit or ""
        if unit:
            counts = by_unit.setdefault(unit, {"total": 0, "adopted": 0})
            counts["total"] += 1
            counts["adopted"] += brain.review_state in ("adopted", "implemented")
        overdue += is_overdue(brain, today)
    total = sum(by_state.values())
    decided = total - by_state.get("draft", 0) - by_state.get("withdrawn", 0)
    adopted = by_state.get("adopted", 0) + by_state.get("implemented", 0)
    return {
        "total": total,
        "by_state": by_state,
        "by_kind": by_kind,
        "by_unit": by_unit,
        "adopted": adopted,
        "adoption_rate": round(adopted / decided, 4) if decided else 0.0,
        "overdue": overdue,
    }


def search(context, filters):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog(**filters.query(context))
