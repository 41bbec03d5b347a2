"""What the services share: content named by reference, a JSON object body, free text
from it checked as forms check it, and services that answer a workbook or a calendar
instead of JSON. Refusals are errors.FieldError: 400 in the request's language
(services/errors.py)."""

from collective.consultation import _
from collective.consultation.errors import FieldError
from collective.consultation.errors import not_one_of
from collective.consultation.reports.writers import XLSX
from collective.consultation.validation import text_problem
from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services import Service


def resolve(reference):
    """Content named in a request body by UID, site path (/members/m01) or URL; or None."""
    if not isinstance(reference, str) or not reference:
        return None
    if "/" not in reference:
        return api.content.get(UID=reference)
    portal = api.portal.get()
    path = reference.split(portal.absolute_url(), 1)[-1].strip("/")
    if not path or any(part in ("", ".", "..") for part in path.split("/")):
        return None  # a reference names content, never a way around the site
    try:
        return api.content.get(path="/" + path)
    except (KeyError, AttributeError, UnicodeError):
        return None


def json_object(request):
    """The request's body, a JSON object ({} when empty); 400 otherwise (plone.restapi's
    own DeserializationError would end as a 500)."""
    try:
        return json_body(request)
    except DeserializationError:
        raise FieldError("body", _("send a JSON object."))


def boolean(data, name, default):
    """The flag ``name`` of a request body; 400 when it is not true or false."""
    value = data.get(name, default)
    if not isinstance(value, bool):
        raise FieldError(name, _("true or false."))
    return value


def body_text(data, name, single_line=False):
    """The text ``name`` of a request body ("" when absent or null), checked by the rule
    of validation.py; 400 naming the field otherwise."""
    value = data.get(name)
    if value is None:
        return ""
    problem = text_problem(value, single_line)
    if problem:
        raise FieldError(name, problem)
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
            raise FieldError("format", not_one_of(fmt, ("json", "xlsx")))
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
