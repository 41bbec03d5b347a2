"""PATCH <consultation>/++api++/@speeches: staff arrange the speeches, e.g.
{"order": [UID, …], "minutes": {UID: 8}, "responding_units": {UID: ["市水利和湖泊局"]}}.
``order`` lists every arranged speech, first speaker first. Each speaker whose place or
minutes changed is mailed (after commit). A wrong value answers 400 naming the field and
changes nothing. Answers the speeches as GET does."""

from collective.consultation.meeting import speeches
from collective.consultation.services.speeches.get import SpeechesGet
from collective.consultation.tracking.steps import StepError
from plone.restapi.deserializer import json_body
from zExceptions import BadRequest
from zope.interface import alsoProvides

import plone.protect.interfaces

FIELDS = ("order", "minutes", "responding_units")


class SpeechesPatch(SpeechesGet):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        data = json_body(self.request) or {}
        if not isinstance(data, dict):
            raise BadRequest('order: send {"order": [UID, …]}.')
        unknown = sorted(set(data) - set(FIELDS))
        if unknown:
            raise BadRequest(f"{unknown[0]}: not something to arrange.")
        for name in ("minutes", "responding_units"):
            if not isinstance(data.get(name, {}), dict):
                raise BadRequest(f"{name}: must be an object keyed by speech UID.")
        try:
            changed = speeches.arrange(
                self.context,
                data.get("order"),
                data.get("minutes"),
                data.get("responding_units"),
            )
        except StepError as exc:
            raise BadRequest(exc.text(self.request))
        speeches.notify_arranged(changed)
        return super().reply()
