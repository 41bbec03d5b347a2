"""Democratic evaluation (民主评议): once a suggestion is answered, each proposer rates the
answer satisfied, basically satisfied or dissatisfied, with a comment. The suggestion's
``evaluation`` is the least satisfied rating given, so one unhappy proposer is enough to
reopen it for another round of handling."""

from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.errors import FieldError
from collective.consultation.errors import not_one_of
from collective.consultation.relations import related_objects
from collective.consultation.workflows import state_title
from datetime import datetime
from datetime import timezone
from persistent.mapping import PersistentMapping
from plone import api
from plone.uuid.interfaces import IUUID
from zope.globalrequest import getRequest

OPEN_STATES = ("answered", "adopted", "implemented", "not_adopted")
RATINGS = tuple(value for value, _title in vocabularies.EVALUATIONS)  # best first


class EvaluationError(FieldError):
    """Refused; ``field`` names what was wrong."""


def proposer_members(suggestion):
    return related_objects(suggestion.proposers)


def member_for_user(suggestion, userid):
    """The proposer linked to the site login ``userid``, or None."""
    return next(
        (m for m in proposer_members(suggestion) if m.userid and m.userid == userid),
        None,
    )


def ratings(suggestion):
    """{member UID: {rating, comment, time, by, round}} for the current round."""
    return dict(getattr(suggestion, "evaluations", None) or {})


def evaluate(suggestion, member, rating, comment=""):
    """Record ``member``'s rating; returns the suggestion's resulting evaluation."""
    state = api.content.get_state(suggestion)
    if state not in OPEN_STATES:
        raise EvaluationError(
            "state",
            _(
                "a suggestion is evaluated once answered, not when ${state}.",
                mapping={
                    "state": state_title("Suggestion", state, context=getRequest())
                },
            ),
        )
    if rating not in RATINGS:
        raise EvaluationError("rating", not_one_of(rating, RATINGS))
    if member is None or IUUID(member) not in {
        IUUID(m) for m in proposer_members(suggestion)
    }:
        raise EvaluationError(
            "proposer", _("only the suggestion's proposers evaluate it.")
        )
    if rating == "dissatisfied" and not (comment or "").strip():
        raise EvaluationError("comment", _("say what is missing from the answer."))
    store = getattr(suggestion, "evaluations", None)
    if store is None:
        store = suggestion.evaluations = PersistentMapping()
    store[IUUID(member)] = {
        "rating": rating,
        "comment": (comment or "").strip(),
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "by": api.user.get_current().getId(),
        "member": member.title,
        "round": suggestion.handling_round,
    }
    given = [entry["rating"] for entry in store.values()]
    suggestion.evaluation = max(given, key=RATINGS.index)
    suggestion.evaluation_comment = (
        "\n".join(
            f"{entry['member']}：{entry['comment']}"
            for entry in store.values()
            if entry["comment"]
        )
        or None
    )
    suggestion.reindexObject(idxs=["evaluation"])
    return suggestion.evaluation


def archive(suggestion):
    """The current round's ratings, emptied for the next round."""
    store = getattr(suggestion, "evaluations", None)
    current = dict(store or {})
    suggestion.evaluations = PersistentMapping()
    return current


def answered(brains):
    """Suggestions whose answer is open to evaluation; merged ones are evaluated through
    their lead."""
    return [b for b in brains if b.review_state in OPEN_STATES and not b.merged_into]


def pending(brains):
    """Answered suggestions no proposer has evaluated yet (the seed's goal: every one)."""
    return [b for b in answered(brains) if not b.evaluation]
