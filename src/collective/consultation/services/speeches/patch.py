"""PATCH <consultation>/++api++/@speeches: staff arrange the speeches, e.g.
{"order": [UID, …], "minutes": {UID: 8}, "responding_units": {UID: ["市水利和湖泊局"]}}.
``order`` lists every arranged speech, first speaker first. Each speaker whose place or
minutes changed is mailed (after commit). A wrong value answers 400 naming the field and
changes nothing. Answers the speeches as GET does."""

from collective.consultation import _
from collective.consultation.errors import check_parameters
from collective.consultation.errors import FieldError
from collective.consultation.meeting import speeches
from collective.consultation.services.base import json_object
from collective.consultation.services.speeches.get import SpeechesGet
from zope.interface import alsoProvides

import plone.protect.interfaces

FIELDS = ("order", "minutes", "responding_units")


class SpeechesPatch(SpeechesGet):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        data = json_object(self.request)
        check_parameters(data, FIELDS)
        for name in ("minutes", "responding_units"):
            if not isinstance(data.get(name, {}), dict):
                raise FieldError(name, _("must be an object keyed by speech UID."))
        changed = speeches.arrange(
            self.context,
            data.get("order"),
            data.get("minutes"),
            data.get("responding_units"),
        )
        speeches.notify_arranged(changed)
        return super().reply()
