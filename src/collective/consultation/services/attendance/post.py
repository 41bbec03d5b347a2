"""POST <consultation>/++api++/@attendance {"admit": "<member UID or /members/m05>"}:
staff admit a member who was not invited (准许参加). The member joins the invitation list
and is marked present, recorded as admitted; answers the attendance as GET does, 400
naming the field when refused (already invited, before check-in opens, not a member)."""

from collective.consultation.meeting import checkin
from collective.consultation.members.attendance import AttendanceError
from collective.consultation.services.attendance.get import attendance_summary
from collective.consultation.services.base import resolve
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.interface import alsoProvides

import plone.protect.interfaces


class AttendancePost(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        body = json_body(self.request) or {}
        reference = body.get("admit") if isinstance(body, dict) else None
        if not isinstance(reference, str) or not reference:
            raise BadRequest('admit: give the member\'s UID or path, {"admit": "…"}.')
        try:
            checkin.admit(self.context, resolve(reference))
        except AttendanceError as exc:
            raise BadRequest(str(exc))
        return attendance_summary(self.context)
