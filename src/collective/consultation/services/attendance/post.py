"""POST <consultation>/++api++/@attendance {"admit": "<member UID or /members/m05>"}:
staff admit a member who was not invited (准许参加). The member joins the invitation list
and is marked present, recorded as admitted; answers the attendance as GET does, 400
naming the field when refused (already invited, before check-in opens, not a member)."""

from collective.consultation import _
from collective.consultation.errors import FieldError
from collective.consultation.meeting import checkin
from collective.consultation.services.attendance.get import attendance_summary
from collective.consultation.services.base import json_object
from collective.consultation.services.base import resolve
from plone.restapi.services import Service
from zope.interface import alsoProvides

import plone.protect.interfaces


class AttendancePost(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        reference = json_object(self.request).get("admit")
        if not isinstance(reference, str) or not reference:
            raise FieldError(
                "admit", _('give the member\'s UID or path, {"admit": "…"}.')
            )
        member = resolve(reference)
        if member is None:
            raise FieldError(
                "admit",
                _("no member at '${reference}'.", mapping={"reference": reference}),
            )
        checkin.admit(self.context, member)
        return attendance_summary(self.context)
