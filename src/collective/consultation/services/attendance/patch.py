"""PATCH <consultation>/++api++/@attendance

    {"attendance": [{"member": "<member UID or /members/m01>", "status": "present" | "leave" |
    "absent", "reason": "…"}]}

Marks some or all invitees; one bad entry (not invited, an unknown status, before the start)
answers 400 naming it and nothing is stored."""

from collective.consultation import _
from collective.consultation.errors import FieldError
from collective.consultation.meeting import attendance
from collective.consultation.services.attendance.get import attendance_summary
from collective.consultation.services.base import body_text
from collective.consultation.services.base import json_object
from collective.consultation.services.base import resolve
from plone.restapi.services import Service
from zope.interface import alsoProvides

import plone.protect.interfaces


def member_uid(reference):
    """The UID of a member named by UID, site path or URL."""
    if not isinstance(reference, str) or not reference:
        raise FieldError("member", _("give the member's UID or path."))
    if "/" not in reference:
        return reference  # checked against the invitees
    found = resolve(reference)
    if found is None or found.portal_type != "CommitteeMember":
        raise FieldError(
            "member",
            _("no member at '${reference}'.", mapping={"reference": reference}),
        )
    return found.UID()


class AttendancePatch(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        entries = json_object(self.request).get("attendance")
        if not isinstance(entries, list) or not entries:
            raise FieldError(
                "attendance",
                _('a list of {"member": …, "status": …, "reason": …}.'),
            )
        changes = []
        for entry in entries:
            if not isinstance(entry, dict):
                raise FieldError("attendance", _("each entry is an object."))
            changes.append(
                (
                    member_uid(entry.get("member")),
                    entry.get("status"),
                    body_text(entry, "reason"),
                )
            )
        attendance.mark(self.context, changes)
        return attendance_summary(self.context)
