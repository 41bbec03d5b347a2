"""GET <suggestion>/++api++/@evaluation: the proposers' ratings of the current answer
(民主评议), who has not rated yet, and the ratings of earlier rounds."""

from collective.consultation.tracking import evaluation
from collective.consultation.tracking import history
from plone import api
from plone.restapi.services import Service
from plone.uuid.interfaces import IUUID


def evaluation_summary(suggestion):
    """The result for everybody who sees the suggestion; each proposer's rating, comment
    and who is still to rate for those who follow the handling (tracking/history.py)."""
    summary = {
        "@id": f"{suggestion.absolute_url()}/@evaluation",
        "open": api.content.get_state(suggestion) in evaluation.OPEN_STATES,
        "round": suggestion.handling_round,
        "evaluation": suggestion.evaluation,
    }
    if not history.may_read_full_history(suggestion):
        return summary
    ratings = evaluation.ratings(suggestion)
    return {
        **summary,
        "ratings": [dict(entry, proposer=uid) for uid, entry in ratings.items()],
        "waiting_for": [
            {"proposer": IUUID(m), "title": m.title}
            for m in evaluation.proposer_members(suggestion)
            if IUUID(m) not in ratings
        ],
        "previous_rounds": [
            {
                "round": r["round"],
                "evaluation": r.get("evaluation"),
                "ratings": list((r.get("ratings") or {}).values()),
            }
            for r in getattr(suggestion, "previous_rounds", None) or ()
        ],
    }


class EvaluationGet(Service):
    def reply(self):
        return evaluation_summary(self.context)
