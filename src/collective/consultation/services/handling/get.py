"""GET <suggestion>/++api++/@handling: the steps open to the current user, each with its
fields, what it still lacks and the values its form proposes; the round of handling, the
previous rounds, and (for those who handle suggestions) the notices sent to units."""

from collective.consultation import permissions
from collective.consultation.tracking import history
from collective.consultation.tracking import notices
from collective.consultation.tracking import steps
from plone import api
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from zope.i18n import translate


class HandlingGet(Service):
    def reply(self):
        suggestion = self.context
        wftool = api.portal.get_tool("portal_workflow")
        available = []
        for transition in wftool.getTransitionsFor(suggestion):
            step = steps.STEPS.get(transition["id"])
            if step is None:
                continue
            available.append(
                {
                    "transition": step.transition,
                    "title": translate(
                        transition["title"], domain="plone", context=self.request
                    ),
                    "fields": list(step.fields),
                    "required": list(step.required),
                    "comment_required": step.comment_required,
                    "defaults": json_compatible(
                        steps.defaults(suggestion, step.transition)
                    ),
                    "missing": steps.problems(suggestion, step.transition, comment="-"),
                }
            )
        result = {
            "@id": f"{suggestion.absolute_url()}/@handling",
            "review_state": api.content.get_state(suggestion),
            "round": suggestion.handling_round,
            "previous_rounds": json_compatible(
                list(getattr(suggestion, "previous_rounds", None) or ())
                if history.may_read_full_history(suggestion)
                else []
            ),
            "steps": available,
        }
        if api.user.has_permission(permissions.HANDLE_SUGGESTION, obj=suggestion):
            result["notices"] = notices.sent_notices(suggestion)
        return result
