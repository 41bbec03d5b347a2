"""GET <member>/++api++/@duty-dossier?year=2018 (or ?term=5): the member's duty dossier
(履职档案) as .docx, for the member and staff. PATCH {"year": 2018, "note": "…"} (or
"term") keeps the secretariat's note printed at its end.

GET <site>/++api++/@duty-dossiers?year=2018&sector=cdl: every dossier of the committee, or
of a sector, in one .zip (the secretariat's)."""

from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.errors import FieldError
from collective.consultation.errors import not_one_of
from collective.consultation.language import site_language
from collective.consultation.members import dossier
from collective.consultation.members.terms import members_of
from collective.consultation.members.terms import period_of
from collective.consultation.permissions import MANAGE_DUTY_RULES
from collective.consultation.services.base import body_text
from collective.consultation.services.base import json_object
from plone import api
from plone.restapi.services import Service
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.interface import alsoProvides

import io
import plone.protect.interfaces
import zipfile

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def period_title(period, language):
    if "term" in period:
        return period["title"]
    return f"{period['year']}年度" if language.startswith("zh") else str(period["year"])


def member_docx(member, years, period, language):
    return dossier.dossier_docx(
        member,
        years,
        period_title(period, language),
        language,
        dossier.note_of(member, period),
    )


def file_name(member, period):
    return f"{member.getId()}-{dossier.note_key(period)}.docx"


class DutyDossierGet(Service):
    def render(self):
        self.check_permission()
        years, period = period_of(self.request.form)
        body = member_docx(self.context, years, period, site_language())
        response = self.request.response
        response.setHeader("Content-Type", DOCX)
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="{file_name(self.context, period)}"',
        )
        return body


class DutyDossierPatch(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        if not api.user.has_permission(MANAGE_DUTY_RULES, obj=self.context):
            raise Unauthorized(
                translate(
                    _("The secretariat keeps the dossier's note."), context=self.request
                )
            )
        body = json_object(self.request)
        if body.get("note") is None:
            raise FieldError("note", _("text is required."))
        note = body_text(body, "note")
        form = {k: str(v) for k, v in body.items() if k in ("year", "term")}
        _years, period = period_of(form)
        dossier.set_note(self.context, period, note.strip())
        self.request.response.setStatus(204)
        return None


class DutyDossiersGet(Service):
    def render(self):
        self.check_permission()
        form = dict(self.request.form)
        sector = form.pop("sector", None) or None
        if sector and sector not in dict(vocabularies.SECTORS):
            raise FieldError("sector", not_one_of(sector, dict(vocabularies.SECTORS)))
        years, period = period_of(form)
        members = members_of(period, sector)
        if members is None:
            members = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                portal_type="CommitteeMember", sort_on="sortable_title"
            )
        language = site_language()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for brain in members:
                member = brain._unrestrictedGetObject()
                archive.writestr(
                    file_name(member, period),
                    member_docx(member, years, period, language),
                )
        name = (
            f"dossiers-{dossier.note_key(period)}{'-' + sector if sector else ''}.zip"
        )
        response = self.request.response
        response.setHeader("Content-Type", "application/zip")
        response.setHeader("Content-Disposition", f'attachment; filename="{name}"')
        return out.getvalue()
