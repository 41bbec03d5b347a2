"""POST <consultation>/++api++/@checkin {"code": "…"}: the member who is logged in checks
in (签到) with the consultation's code, as the QR code's page does. Answers the mark that
stands: {"status": "present", "time": "…", "late": false, "first": true}; a refusal is
400 naming the field (code, consultation, time, member); anonymous is 401."""

from collective.consultation import _
from collective.consultation.meeting import checkin
from collective.consultation.relations import member_of_user
from collective.consultation.services.base import body_text
from collective.consultation.services.base import json_object
from dataclasses import asdict
from plone import api
from plone.restapi.services import Service
from zExceptions import Unauthorized
from zope.i18n import translate
from zope.interface import alsoProvides

import plone.protect.interfaces


class CheckInPost(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        if api.user.is_anonymous():
            raise Unauthorized(
                translate(_("Log in to check in."), context=self.request)
            )
        body = json_object(self.request)
        member = member_of_user(api.user.get_current().getId())
        result = checkin.check_in(self.context, member, body_text(body, "code"))
        return asdict(result)
