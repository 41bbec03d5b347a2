"""Workflow events of suggestions: the step checks before a transition; after it, the
referral mail, the proposers' mail, what reopening resets, and merged suggestions
following their lead."""

from collective.consultation.tracking import evaluation
from collective.consultation.tracking import merge
from collective.consultation.tracking import notices
from collective.consultation.tracking import steps
from persistent.list import PersistentList


def before_transition(suggestion, event):
    steps.check_before_transition(suggestion, event)


def after_transition(suggestion, event):
    if event.transition is None:
        return
    transition = event.transition.id
    if transition == "reopen":
        start_new_round(suggestion)
    kwargs = event.kwargs or {}
    if transition in ("refer", "reopen"):
        notices.notify_referral(suggestion)
    if transition == "reassign":
        notices.notify_referral(suggestion, "reassign")
        if kwargs.get("former_units"):
            notices.notify_released(suggestion, kwargs["former_units"])
    if transition == "remind":
        notices.notify_reminder(suggestion, kwargs.get("comment", ""))
    if transition in notices.PROPOSER_STEPS:
        notices.notify_proposers(suggestion, transition)
    merge.follow_lead(suggestion, event)


def start_new_round(suggestion):
    """再办理: keep the previous answer and evaluations, and wait for a new answer."""
    rounds = getattr(suggestion, "previous_rounds", None)
    if rounds is None:
        rounds = suggestion.previous_rounds = PersistentList()
    rounds.append(
        {
            "round": suggestion.handling_round,
            "answer": suggestion.answer,
            "answer_date": (
                suggestion.answer_date.isoformat() if suggestion.answer_date else None
            ),
            "evaluation": suggestion.evaluation,
            "evaluation_comment": suggestion.evaluation_comment,
            "ratings": evaluation.archive(suggestion),
        }
    )
    suggestion.handling_round += 1
    suggestion.answer = None
    suggestion.answer_date = None
    suggestion.answer_letter = None
    suggestion.evaluation = None
    suggestion.evaluation_comment = None
    suggestion.reindexObject()
