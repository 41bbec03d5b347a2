"""Figures for a year (or all years) from the catalog only: consultations by kind and state
(and those held, the annual report's count of 开展协商活动),
suggestions by state and unit, adoption rate, evaluation coverage and overdue items."""

from collective.consultation.meeting import HELD_STATES
from collective.consultation.reports.adoption import summary
from collective.consultation.tracking import evaluation
from plone import api


def consultation_stats(year=None):
    catalog = api.portal.get_tool("portal_catalog")
    year_query = {"consultation_year": year} if year else {}
    consultations = catalog(portal_type="Consultation", **year_query)
    by_kind, by_state, held_by_kind = {}, {}, {}
    for brain in consultations:
        by_kind[brain.consultation_kind] = by_kind.get(brain.consultation_kind, 0) + 1
        by_state[brain.review_state] = by_state.get(brain.review_state, 0) + 1
        if brain.review_state in HELD_STATES:
            kind = brain.consultation_kind
            held_by_kind[kind] = held_by_kind.get(kind, 0) + 1
    suggestions = catalog(portal_type="Suggestion", **year_query)
    figures = summary(suggestions)
    answered = evaluation.answered(suggestions)
    evaluated = sum(1 for b in answered if b.evaluation)
    return {
        "year": year,
        "consultations": {
            # everything in the programme, whatever its state
            "total": len(consultations),
            "by_kind": by_kind,
            # what the annual report counts as 开展协商活动: held (minuted or not)
            "held": sum(held_by_kind.values()),
            "held_by_kind": held_by_kind,
            "by_state": by_state,
        },
        "suggestions": {
            "total": figures["total"],
            "by_state": figures["by_state"],
            "by_unit": figures["by_unit"],
            "public_opinion": sum(1 for b in suggestions if b.public_opinion),
        },
        "adoption_rate": figures["adoption_rate"],
        "evaluation": {
            "answered": len(answered),
            "evaluated": evaluated,
            "coverage": round(evaluated / len(answered), 4) if answered else 0.0,
        },
        "overdue": figures["overdue"],
    }
