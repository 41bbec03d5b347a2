"""The parts of Plone's page around our content that speak for the committee: the byline
says when a page changed (in Chinese form, without the creator's login id, which is
private), the footer names the committee and its office instead of Plone, and the
accessibility statement is the committee's own."""

from collective.consultation import _
from collective.consultation.dates import readable
from collective.consultation.dates import site_timezone
from collective.consultation.interfaces import setting
from collective.consultation.language import site_language
from datetime import date
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class UpdatedViewlet(ViewletBase):
    """Replaces plone.documentbyline: 更新于 2018年6月28日, for those who are logged in."""

    index = ViewPageTemplateFile("templates/byline.pt")

    def updated(self):
        if api.user.is_anonymous():
            return ""
        modified = getattr(self.context, "modification_date", None)
        if modified is None:
            return ""
        return readable(modified, site_language(), with_time=False)


class TimezoneMeta(ViewletBase):
    """Names the office's zone for scripts: the toolbar's modification time is written by
    a pattern in the browser's zone and, on a Chinese page, in English (consultation.js
    rewrites it in the office's zone, 2026年12月6日 15:49)."""

    def render(self):
        return f'<meta name="consultation-timezone" content="{site_timezone().zone}" />'


class PhoneMenu(ViewletBase):
    """On a phone Plone's toolbar (a 60 px column on a 375 px screen) is hidden by the
    stylesheet; this row in the header keeps what a member needs from it."""

    index = ViewPageTemplateFile("templates/phone_menu.pt")

    def links(self):
        if api.user.is_anonymous():
            return []
        root = self.portal_state.navigation_root_url()
        user = api.user.get_current()
        return [
            {"title": user.getProperty("fullname") or user.getId(), "url": None},
            {"title": _("My duties"), "url": f"{root}/@@my-duties"},
            {"title": _("Log out"), "url": f"{root}/logout"},
        ]


class CommitteeFooter(BrowserView):
    """The footer portlet's text (Plone's ``@@footer``): the committee and its office."""

    def year(self):
        return date.today().year

    def committee(self):
        """The site's title, as the header shows it (Site setup → Site)."""
        return api.portal.get_registry_record("plone.site_title", default="")

    def office_email(self):
        return setting("secretariat_email") or ""
