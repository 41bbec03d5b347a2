"""The overdue rule on catalog metadata, called directly."""

from collective.consultation.tracking import states
from collective.consultation.tracking.overdue import is_overdue
from collective.consultation.tracking.overdue import WAITING
from datetime import date
from types import SimpleNamespace

import pytest

TODAY = date(2019, 4, 1)


def brain(state="referred", deadline=date(2019, 3, 31), merged_into=None):
    return SimpleNamespace(
        review_state=state, deadline=deadline, merged_into=merged_into
    )


@pytest.mark.parametrize(
    "found, overdue",
    [
        (brain(), True),
        (brain(state="submitted"), True),
        (brain(deadline=TODAY), False),  # due today is not late yet
        (brain(deadline=None), False),
        (brain(state="answered"), False),
        (brain(merged_into="lead-uid"), False),  # chased through its lead
    ],
)
def test_overdue(found, overdue):
    assert is_overdue(found, TODAY) is overdue


def test_the_state_groups_are_states_of_the_workflow(integration):
    workflow = integration["portal"].portal_workflow["suggestion_workflow"]
    assert set(states.ALL) == set(workflow.states.objectIds())
    for group in (WAITING, states.NOT_MADE, states.FORWARDED, states.ANSWERED):
        assert set(group) <= set(states.ALL)


def test_a_refusal_names_the_state_by_its_title(integration):
    from collective.consultation.tracking import evaluation
    from plone import api

    catalog = api.portal.get_tool("portal_catalog")
    first, *_rest = catalog.unrestrictedSearchResults(
        portal_type="Suggestion", review_state="submitted"
    )
    suggestion = first._unrestrictedGetObject()
    with pytest.raises(evaluation.EvaluationError) as refused:
        evaluation.evaluate(suggestion, None, "satisfied")
    assert refused.value.field == "state"
    assert str(refused.value) == (
        "state: a suggestion is evaluated once answered, not when Submitted."
    )
