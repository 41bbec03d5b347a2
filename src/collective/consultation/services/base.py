"""What the services share: content named by reference, free text from a request body
checked as forms check it, and a service that answers with a text/calendar body instead of
JSON."""

from collective.consultation.content.validation import text_problem
from collective.consultation.reports.writers import XLSX
from plone import api
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.globalrequest import getRequest
from zope.i18n import translate


def resolve(reference):
    """Content named in a request body by UID, site path (/members/m01) or URL; or None."""
    if not isinstance(reference, str) or not reference:
        return None
    if "/" not in reference:
        return api.content.get(UID=reference)
    portal = api.portal.get()
    path = reference.split(portal.absolute_url(), 1)[-1].strip("/")
    return api.content.get(path="/" + path)


def body_text(data, name, single_line=False):
    """The text ``name`` of a request body ("" when absent or null), checked by the rule
    of content/validation.py; 400 naming the field otherwise."""
    value = data.get(name)
    if value is None:
        return ""
    problem = text_problem(value, single_line)
    if problem:
        raise BadRequest(f"{name}: {translate(problem, context=getRequest())}")
    return value


class JsonOrWorkbook(Service):
    """A service that answers JSON, or with ``?format=xlsx`` a workbook."""

    def workbook(self):
        """(the .xlsx as bytes, its file name)."""
        raise NotImplementedError

    def render(self):
        fmt = self.request.form.get("format") or "json"
        if fmt == "json":
            return super().render()
        self.check_permission()
        if fmt != "xlsx":
            raise BadRequest(f"format: '{fmt}' is not one of json, xlsx.")
        body, name = self.workbook()
        response = self.request.response
        response.setHeader("Content-Type", XLSX)
        response.setHeader("Content-Disposition", f'attachment; filename="{name}"')
        return body


class CalendarService(Service):
    filename = "calendar.ics"

    def calendar(self):
        """The calendar as bytes."""
        raise NotImplementedError

    def render(self):
        self.check_permission()
        body = self.calendar()
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader("Content-Disposition", f'inline; filename="{self.filename}"')
        # Feeds change with every edit; calendar programs poll, so let them revalidate.
        response.setHeader("Cache-Control", "private, max-age=300")
        return body
