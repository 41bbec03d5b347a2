"""POST <suggestion>/++api++/@evaluation {"rating": "satisfied" | "basically_satisfied" |
"dissatisfied", "comment": "..."}: a proposer rates the answer. The secretariat may record
a proposer's rating for them with {"proposer": "<member UID>"}."""

from collective.consultation import permissions
from collective.consultation.services.base import body_text
from collective.consultation.services.evaluation.get import evaluation_summary
from collective.consultation.tracking import evaluation
from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from plone.uuid.interfaces import IUUID
from zExceptions import BadRequest
from zope.interface import alsoProvides

import plone.protect.interfaces


class EvaluationPost(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        data = json_body(self.request) or {}
        if not isinstance(data, dict):
            raise BadRequest("The body must be a JSON object.")
        proposer = data.get("proposer")
        if proposer is not None and not isinstance(proposer, str):
            raise BadRequest("proposer: the member's UID.")
        if not isinstance(data.get("rating"), (str, type(None))):
            raise BadRequest(
                "rating: one of satisfied, basically_satisfied, dissatisfied."
            )
        comment = body_text(data, "comment")
        member = self.member(proposer)
        try:
            evaluation.evaluate(self.context, member, data.get("rating"), comment)
        except evaluation.EvaluationError as exc:
            raise BadRequest(str(exc))
        return evaluation_summary(self.context)

    def member(self, proposer):
        """The proposer rating: the one named (secretariat only), else the current user's."""
        if proposer:
            if not api.user.has_permission(
                permissions.HANDLE_SUGGESTION, obj=self.context
            ):
                raise BadRequest(
                    "proposer: only the secretariat records a rating for a proposer."
                )
            found = [
                m
                for m in evaluation.proposer_members(self.context)
                if IUUID(m) == proposer
            ]
            if not found:
                raise BadRequest(
                    f"proposer: '{proposer}' is not a proposer of this suggestion."
                )
            return found[0]
        member = evaluation.member_for_user(
            self.context, api.user.get_current().getId()
        )
        if member is None:
            raise BadRequest(
                "proposer: you are not a proposer of this suggestion; name one with 'proposer'."
            )
        return member
