"""Report buttons on the programme and consultation pages, for the secretariat."""

from AccessControl import getSecurityManager
from collective.consultation import _
from collective.consultation.browser.calendar import api_url
from collective.consultation.permissions import VIEW_REPORTS
from plone import api
from Products.Five.browser import BrowserView

EXPORTS = (
    ("xlsx", _("Excel (.xlsx)")),
    ("csv", _("Table (.csv)")),
    ("docx", _("Word (.docx)")),
)


class ReportsPanel(BrowserView):
    def report_links(self):
        """The adoption report's downloads, named by what opens them (Excel, Word), and
        the year's report on a programme."""
        if not getSecurityManager().checkPermission(VIEW_REPORTS, self.context):
            return []
        base = api_url(self.context, "@adoption-report")
        links = [
            {"key": fmt, "label": label, "url": f"{base}?format={fmt}"}
            for fmt, label in EXPORTS
        ]
        year = getattr(self.context, "year", None)
        if year:
            portal = api.portal.get()
            links.append(
                {
                    "key": "annual-report",
                    "label": _("Annual report (.docx)"),
                    "url": f"{api_url(portal, '@annual-report')}?year={year}",
                }
            )
        return links
