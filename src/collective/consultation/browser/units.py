"""The unit directory and each unit's page: what it handles, what it still owes."""

from collective.consultation import _
from collective.consultation.browser.views import _Base
from collective.consultation.reports.adoption import as_day
from collective.consultation.reports.adoption import is_overdue
from collective.consultation.reports.adoption import WAITING
from datetime import date
from plone import api


class UnitDirectoryView(_Base):
    def units(self):
        catalog = api.portal.get_tool("portal_catalog")
        today = date.today()
        counts = {}
        for brain in catalog(portal_type="Suggestion", review_state=list(WAITING)):
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
