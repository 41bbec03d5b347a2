"""Classic UI for minutes: the download link, and a new snapshot on demand (the approved
ones stay as they are)."""

from AccessControl import getSecurityManager
from collective.consultation import _
from collective.consultation.browser.calendar import api_url
from collective.consultation.minutes import template
from collective.consultation.minutes.snapshot import MINUTES_TYPE
from collective.consultation.minutes.snapshot import store_snapshot
from collective.consultation.permissions import APPROVE_MINUTES
from collective.consultation.permissions import VIEW_MINUTES
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import Forbidden


class MinutesPanel(BrowserView):
    """Mixed into the consultation view."""

    def minutes_url(self):
        if getSecurityManager().checkPermission(VIEW_MINUTES, self.context):
            return api_url(self.context, "@minutes")
        return None

    def minutes_snapshots(self):
        if not getSecurityManager().checkPermission(VIEW_MINUTES, self.context):
            return []
        catalog = api.portal.get_tool("portal_catalog")
        return [
            {"title": b.Title, "url": f"{b.getURL()}/@@download/file"}
            for b in catalog(
                portal_type=MINUTES_TYPE,
                path={"query": "/".join(self.context.getPhysicalPath()), "depth": 1},
                sort_on="created",
            )
        ]

    def can_snapshot(self):
        return api.content.get_state(self.context) == "minuted" and bool(
            getSecurityManager().checkPermission(APPROVE_MINUTES, self.context)
        )


class StoreMinutesSnapshot(BrowserView):
    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        CheckAuthenticator(self.request)
        if api.content.get_state(self.context) != "minuted":
            raise Forbidden("Minutes are kept once approved.")
        store_snapshot(self.context)
        api.portal.show_message(
            _("A new copy of the minutes was stored; earlier ones are kept."),
            self.request,
        )
        self.request.response.redirect(f"{self.context.absolute_url()}#minutes")


class MinutesTemplateForm(BrowserView):
    """Site setup: upload, check and remove the minutes template."""

    def __call__(self):
        self.error, self.saved = None, False
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if self.request.form.get("remove"):
                template.remove()
            else:
                upload = self.request.form.get("template")
                data = upload.read() if hasattr(upload, "read") else b""
                if not data:
                    self.error = _("Choose a .docx file to upload.")
                else:
                    try:
                        template.store(data)
                        self.saved = True
                    except template.TemplateError as error:
                        self.error = error.args[0]
                        self.request.response.setStatus(400)
        self.has_template = bool(template.stored())
        return self.index()
