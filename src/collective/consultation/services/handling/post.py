"""POST <suggestion>/++api++/@handling/<transition>: take a handling step with its data in
one request, e.g. ``@handling/refer`` with {"lead_unit": "市水利和湖泊局", "deadline":
"2019-03-31", "comment": "..."}. A missing or wrong value answers 400 naming the field, and
nothing is stored."""

from collective.consultation import _
from collective.consultation.content.suggestion import ISuggestion
from collective.consultation.errors import FieldError
from collective.consultation.services.base import body_text
from collective.consultation.services.base import json_object
from collective.consultation.services.deserializers import value_problem
from collective.consultation.tracking import steps
from plone.restapi.interfaces import IFieldDeserializer
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from zope.component import queryMultiAdapter
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse

import plone.protect.interfaces


@implementer(IPublishTraverse)
class HandlingPost(Service):
    transition = None

    def publishTraverse(self, request, name):
        if self.transition is not None:
            raise FieldError("transition", _("use @handling/<transition>."))
        self.transition = name
        return self

    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        if not self.transition:
            raise FieldError(
                "transition", _("use @handling/<transition>, e.g. @handling/refer.")
            )
        data = json_object(self.request)
        comment = body_text(data, "comment")
        data.pop("comment", None)
        values = {}
        for name, raw in data.items():
            if name not in ISuggestion:
                raise FieldError(name, _("not a field of a suggestion."))
            problem = value_problem(ISuggestion[name], raw)
            if problem:
                raise FieldError(name, problem)
            deserializer = queryMultiAdapter(
                (ISuggestion[name], self.context, self.request), IFieldDeserializer
            )
            try:
                values[name] = deserializer(raw)
            except Exception as exc:  # ValueError and zope.schema's ValidationError
                raise FieldError(
                    name, (exc.doc() if hasattr(exc, "doc") else "") or str(exc)
                )
        steps.perform(self.context, self.transition, values, comment)
        history = self.context.workflow_history["suggestion_workflow"][-1]
        return json_compatible(
            {
                "review_state": history["review_state"],
                "action": history["action"],
                "actor": history["actor"],
                "time": history["time"],
                "comments": history["comments"],
            }
        )
