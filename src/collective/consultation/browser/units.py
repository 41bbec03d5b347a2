"""The unit directory and each unit's page: what it handles, what it still owes."""

from collective.consultation import _
from collective.consultation.browser.listfilters import Filter
from collective.consultation.browser.listfilters import FilteredList
from collective.consultation.browser.listfilters import YES
from collective.consultation.browser.views import _Base
from collective.consultation.dates import as_day
from collective.consultation.members.duty import years
from collective.consultation.tracking.overdue import is_overdue
from collective.consultation.tracking.overdue import WAITING
from datetime import date
from plone import api


class UnitDirectoryView(FilteredList, _Base):
    @property
    def list_filters(self):
        """The year of the suggestions counted, and the units that owe an overdue answer."""
        return (
            Filter(
                "year",
                _("Year"),
                "consultation_year",
                tuple((str(y), str(y)) for y in years()),
                int,
            ),
            Filter("overdue", _("Overdue"), "", YES),
        )

    def __call__(self):
        if self.wants_export():
            return self.export(
                _("Units"),
                (_("Unit name"), _("Waiting for an answer"), _("Overdue")),
                [[u["title"], u["waiting"], u["overdue"]] for u in self.units()],
                "units.xlsx",
            )
        return super().__call__()

    def units(self):
        catalog = api.portal.get_tool("portal_catalog")
        today = date.today()
        chosen = self.chosen()
        query = {"portal_type": "Suggestion", "review_state": list(WAITING)}
        if "year" in chosen:
            query["consultation_year"] = int(chosen["year"])
        counts = {}
        for brain in catalog(**query):
            if not brain.lead_unit:
                continue
            entry = counts.setdefault(brain.lead_unit, [0, 0])
            entry[0] += 1
            entry[1] += is_overdue(brain, today)
        rows = []
        for brain in catalog(
            portal_type="HandlingUnit", path=self.path_query(), sort_on="sortable_title"
        ):
            waiting, overdue = counts.get(brain.Title, (0, 0))
            if "overdue" in chosen and not overdue:
                continue
            rows.append(
                {
                    "url": brain.getURL(),
                    "title": brain.Title,
                    "waiting": waiting,
                    "overdue": overdue,
                }
            )
        return rows


class UnitView(_Base):
    def details(self):
        c = self.context
        rows = [
            (_("Contact person"), c.contact_person),
            (_("Contact e-mail"), c.contact_email),
            (_("Phone"), c.phone),
        ]
        return [(name, value) for name, value in rows if value]

    def suggestions(self):
        """Everything the unit leads or assists with, from the catalog, newest first."""
        catalog = api.portal.get_tool("portal_catalog")
        today = date.today()
        rows = []
        for brain in catalog(
            portal_type="Suggestion",
            units=self.context.title,
            sort_on="deadline",
            sort_order="reverse",
        ):
            deadline = as_day(brain.deadline)
            rows.append(
                {
                    "url": brain.getURL(),
                    "title": brain.Title,
                    "role": (
                        _("Lead")
                        if brain.lead_unit == self.context.title
                        else _("Assisting")
                    ),
                    "deadline": deadline.isoformat() if deadline else "",
                    "overdue": is_overdue(brain, today),
                    "state": self.state("Suggestion", brain.review_state),
                    "state_id": brain.review_state,
                }
            )
        return rows
