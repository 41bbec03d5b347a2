"""POST <suggestion>/++api++/@evaluation {"rating": "satisfied" | "basically_satisfied" |
"dissatisfied", "comment": "..."}: a proposer rates the answer. The secretariat may record
a proposer's rating for them with {"proposer": "<member UID>"}."""

from collective.consultation import _
from collective.consultation import permissions
from collective.consultation.errors import FieldError
from collective.consultation.errors import not_one_of
from collective.consultation.services.base import body_text
from collective.consultation.services.base import json_object
from collective.consultation.services.evaluation.get import evaluation_summary
from collective.consultation.tracking import evaluation
from plone import api
from plone.restapi.services import Service
from plone.uuid.interfaces import IUUID
from zope.interface import alsoProvides

import plone.protect.interfaces


class EvaluationPost(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        data = json_object(self.request)
        proposer = data.get("proposer")
        if proposer is not None and not isinstance(proposer, str):
            raise FieldError("proposer", _("the member's UID."))
        rating = data.get("rating")
        if not isinstance(rating, (str, type(None))):
            raise FieldError("rating", not_one_of(rating, evaluation.RATINGS))
        comment = body_text(data, "comment")
        member = self.member(proposer)
        evaluation.evaluate(self.context, member, rating, comment)
        return evaluation_summary(self.context)

    def member(self, proposer):
        """The proposer rating: the one named (secretariat only), else the current user's."""
        if proposer:
            if not api.user.has_permission(
                permissions.HANDLE_SUGGESTION, obj=self.context
            ):
                raise FieldError(
                    "proposer",
                    _("only the secretariat records a rating for a proposer."),
                )
            found = [
                m
                for m in evaluation.proposer_members(self.context)
                if IUUID(m) == proposer
            ]
            if not found:
                raise FieldError(
                    "proposer",
                    _(
                        "'${uid}' is not a proposer of this suggestion.",
                        mapping={"uid": proposer},
                    ),
                )
            return found[0]
        member = evaluation.member_for_user(
            self.context, api.user.get_current().getId()
        )
        if member is None:
            raise FieldError(
                "proposer",
                _(
                    "you are not a proposer of this suggestion; "
                    "name one with 'proposer'."
                ),
            )
        return member
