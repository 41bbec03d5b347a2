"""The tracking dashboard (``@@tracking-dashboard`` on the site or a programme) and the
suggestion list behind each of its numbers (``@@suggestion-list``). Both read the catalog
only: the same figures as ``@consultation-stats``."""

from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.browser.charts import bar_chart
from collective.consultation.browser.display import label
from collective.consultation.browser.display import state_title
from collective.consultation.browser.listfilters import Filter
from collective.consultation.browser.listfilters import FilteredList
from collective.consultation.browser.listfilters import NOT_FILTERS
from collective.consultation.dates import as_day
from collective.consultation.dates import this_year
from collective.consultation.errors import FieldError
from collective.consultation.members.duty import default_year
from collective.consultation.members.duty import years
from collective.consultation.reports import adoption
from collective.consultation.reports import writers
from collective.consultation.reports.stats import consultation_stats
from collective.consultation.tracking import evaluation
from collective.consultation.tracking import reminders
from collective.consultation.tracking import states
from collective.consultation.tracking import units
from collective.consultation.validation import parse_year
from datetime import date
from plone import api
from Products.Five.browser import BrowserView
from urllib.parse import urlencode
from zExceptions import BadRequest
from zope.i18n import translate

LISTS = ("overdue", "unevaluated")


def site_url():
    return api.portal.get().absolute_url()


def list_url(**params):
    return f"{site_url()}/@@suggestion-list?" + urlencode(
        {k: v for k, v in params.items() if v}, doseq=True
    )


class DashboardView(BrowserView):
    def year(self):
        year = getattr(self.context, "year", None)
        if year:
            return year
        value = self.request.form.get("year")
        if value:
            try:
                return parse_year(value)
            except FieldError as exc:
                raise BadRequest(exc.text(self.request))
        return default_year() or this_year()

    def figures(self):
        if not hasattr(self, "_figures"):
            self._figures = consultation_stats(self.year())
        return self._figures

    def tiles(self):
        f, year = self.figures(), self.year()
        coverage = f["evaluation"]
        return [
            {
                # the annual report's figure; the rest of the programme said beside it
                "label": _("Consultations held"),
                "value": f["consultations"]["held"],
                "url": None,
                "note": _(
                    "consultations_in_programme",
                    default="${planned} in the programme, ${cancelled} cancelled",
                    mapping={
                        "planned": f["consultations"]["total"],
                        "cancelled": f["consultations"]["by_state"].get("cancelled", 0),
                    },
                ),
            },
            {
                "label": _("Suggestions"),
                "value": f["suggestions"]["total"],
                "url": list_url(year=year),
            },
            {
                "label": _("Adoption rate"),
                "value": f"{f['adoption_rate'] * 100:.1f}%",
                "url": list_url(year=year, state=["adopted", "implemented"]),
            },
            {
                "label": _("Overdue"),
                "value": f["overdue"],
                "url": list_url(year=year, list="overdue"),
            },
            {
                "label": _("Evaluation coverage"),
                "value": f"{coverage['coverage'] * 100:.1f}%",
                "url": None,
            },
            {
                "label": _("Answered, not yet evaluated"),
                "value": coverage["answered"] - coverage["evaluated"],
                "url": list_url(year=year, list="unevaluated"),
            },
        ]

    def state_chart(self):
        by_state, year = self.figures()["suggestions"]["by_state"], self.year()
        bars = [
            (
                state_title("Suggestion", s, self.request),
                by_state.get(s, 0),
                list_url(year=year, state=s),
            )
            for s in states.ALL
        ]
        return bar_chart(bars, "chart chart-states")

    def kind_chart(self):
        by_kind, year = self.figures()["consultations"]["held_by_kind"], self.year()
        bars = [
            (
                label(vocabularies.KINDS, kind, self.request),
                count,
                list_url(year=year, kind=kind),
            )
            for kind, count in sorted(by_kind.items(), key=lambda item: -item[1])
        ]
        return bar_chart(bars, "chart chart-kinds", colour="#3a8f5c")

    def unit_chart(self, top=15):
        by_unit, year = self.figures()["suggestions"]["by_unit"], self.year()
        ranked = sorted(by_unit.items(), key=lambda item: (-item[1]["total"], item[0]))[
            :top
        ]
        bars = [
            (unit, counts["total"], list_url(year=year, unit=unit))
            for unit, counts in ranked
        ]
        return bar_chart(bars, "chart chart-units", colour="#b5651d")

    def overdue(self):
        today = date.today()
        return [
            {
                "url": b.getURL(),
                "title": b.Title,
                "unit": b.lead_unit or "",
                "deadline": as_day(b.deadline).isoformat(),
                "days": reminders.days_late(b, today),
            }
            for b in reminders.overdue(today, self.year())
        ]


class SuggestionListView(FilteredList, BrowserView):
    """Suggestions filtered as the dashboard's links say: year, kind, state, unit, and the
    lists ``overdue`` and ``unevaluated``."""

    def filters(self):
        params = dict(self.request.form)
        params.pop("_authenticator", None)  # plone.protect adds it to every form
        self.list_name = params.pop("list", None) or None
        if params.pop("format", "") not in ("", "xlsx"):
            raise BadRequest("format: only 'xlsx' exports the list.")
        if self.list_name and self.list_name not in LISTS:
            raise BadRequest(
                f"list: '{self.list_name}' is not one of {', '.join(LISTS)}."
            )
        try:
            return adoption.Filters.parse(params)
        except FieldError as exc:
            raise BadRequest(exc.text(self.request))

    def brains(self):
        filters = self.filters()
        if self.list_name == "overdue":
            brains = reminders.overdue(date.today(), filters.year)
            # reminders read unrestricted; show only what this user may see
            visible = {b.getRID() for b in adoption.search(api.portal.get(), filters)}
            return [b for b in brains if b.getRID() in visible]
        brains = adoption.search(api.portal.get(), filters)
        if self.list_name == "unevaluated":
            return evaluation.pending(brains)
        return list(brains)

    def heading(self):
        filters = self.filters()
        parts = []
        if filters.year:
            parts.append(str(filters.year))
        if filters.kind:
            parts.append(label(vocabularies.KINDS, filters.kind, self.request))
        parts.extend(state_title("Suggestion", s, self.request) for s in filters.state)
        if filters.unit:
            parts.append(filters.unit)
        if self.list_name:
            names = {
                "overdue": _("Overdue"),
                "unevaluated": _("Answered, not yet evaluated"),
            }
            parts.append(translate(names[self.list_name], context=self.request))
        return " · ".join(parts)

    def rows(self):
        labels = adoption.Labels(self.request)
        return [
            {"url": brain.getURL(), "row": row}
            for brain, row in zip(self._brains, adoption.rows(self._brains, labels))
        ]

    @property
    def list_filters(self):
        """The form's selects: years present, kinds, states, units, the two lists (the
        values are checked by adoption.Filters, as the report's are)."""
        return (
            Filter("year", _("Year"), "", tuple((str(y), str(y)) for y in years())),
            Filter("kind", _("Kind of consultation"), "", vocabularies.KINDS),
            Filter(
                "state",
                _("State"),
                "",
                tuple(
                    (state, state_title("Suggestion", state, self.request))
                    for state in states.ALL
                ),
            ),
            Filter("unit", _("Lead unit"), "", tuple((n, n) for n in units.names())),
            Filter(
                "list",
                _("List"),
                "",
                (
                    ("overdue", _("Overdue")),
                    ("unevaluated", _("Answered, not yet evaluated")),
                ),
            ),
        )

    def export_url(self):
        """The list as shown, as a workbook."""
        query = {
            k: v for k, v in self.request.form.items() if v and k not in NOT_FILTERS
        }
        return f"{site_url()}/@@suggestion-list?" + urlencode(
            dict(query, format="xlsx"), doseq=True
        )

    def export_workbook(self):
        """The suggestion report's workbook (with its summary sheet) of these rows."""
        labels = adoption.Labels(self.request)
        rows = adoption.rows(self._brains, labels)
        data = writers.to_xlsx(rows, adoption.summary(self._brains), labels)
        response = self.request.response
        response.setHeader("Content-Type", writers.XLSX)
        response.setHeader(
            "Content-Disposition", 'attachment; filename="suggestions.xlsx"'
        )
        return data

    def __call__(self):
        self._brains = self.brains()
        if self.request.form.get("format") == "xlsx":
            return self.export_workbook()
        return self.index()
