"""Report buttons on the programme and consultation pages, for the secretariat."""

from AccessControl import getSecurityManager
from collective.consultation.browser.calendar import api_url
from collective.consultation.permissions import VIEW_REPORTS
from plone import api
from Products.Five.browser import BrowserView


class ReportsPanel(BrowserView):
    def report_links(self):
        if not getSecurityManager().checkPermission(VIEW_REPORTS, self.context):
            return []
        base = api_url(self.context, "@adoption-report")
        links = [
            (fmt.upper(), f"{base}?format={fmt}") for fmt in ("xlsx", "csv", "docx")
        ]
        year = getattr(self.context, "year", None)
        if year:
            portal = api.portal.get()
            links.append(("annual", f"{api_url(portal, '@annual-report')}?year={year}"))
        return links
