"""The workflows: which role may take which transition, the comment and history kept
on each step, and who sees what in each state."""

from conftest import search
from plone import api
from plone.api.exc import InvalidParameterError
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import pytest


def relation(obj):
    return RelationValue(getUtility(IIntIds).getId(obj))


def transitions_for(obj):
    return {
        t["id"] for t in api.portal.get_tool("portal_workflow").getTransitionsFor(obj)
    }


@pytest.fixture
def second_member(manager, members):
    """A second member login, linked to the directory entry m02 (王建华)."""
    api.user.create(
        email="m02@example.com", username="wangjianhua", password="wang-2018-demo"
    )
    members["m02"].userid = "wangjianhua"
    members["m02"].reindexObject()
    return "wangjianhua"


@pytest.fixture
def consultation(manager, programme, members, consultation_data):
    """A new draft consultation that invites 游进 (m01)."""
    return api.content.create(
        container=programme,
        type="Consultation",
        id="new-consultation",
        invitees=[relation(members["m01"])],
        **consultation_data,
    )


@pytest.fixture
def suggestion(consultation, members):
    """A draft suggestion proposed by 游进 in a scheduled consultation, with the data each
    handling step needs already filled in (tests/test_tracking.py checks the refusals).
    """
    from datetime import date

    api.content.transition(consultation, transition="schedule")
    return api.content.create(
        container=consultation,
        type="Suggestion",
        id="new-suggestion",
        title="关于测试的建议",
        proposers=[relation(members["m01"])],
        lead_unit="市水利和湖泊局",
        deadline=date(2019, 3, 31),
        answer="已答复。",
        answer_date=date(2019, 2, 1),
        adoption_degree="full",
        implementation="已落实。",
    )


def advance(obj, *transitions):
    with api.env.adopt_roles(["Manager"]):
        for transition in transitions:
            api.content.transition(obj, transition=transition, comment="测试")


CONSULTATION_CASES = [
    # (path to reach the state, user, transitions that user may take there)
    ((), "staff", {"schedule", "cancel"}),
    ((), "secretary", set()),
    ((), "youjin", set()),
    ((), None, set()),
    (("schedule",), "staff", {"hold", "cancel"}),
    (("schedule",), "secretary", set()),
    (("schedule",), "youjin", set()),
    (("schedule", "hold"), "staff", {"approve_minutes"}),
    (("schedule", "hold"), "secretary", {"approve_minutes"}),
    (("schedule", "hold"), "youjin", set()),
    (("schedule", "hold", "approve_minutes"), "staff", set()),
    (("schedule", "cancel"), "staff", set()),
]


@pytest.mark.parametrize("path,user,expected", CONSULTATION_CASES)
def test_consultation_transitions(consultation, as_user, path, user, expected):
    advance(consultation, *path)
    as_user(user)
    assert transitions_for(consultation) == expected


SUGGESTION_CASES = [
    ((), "youjin", {"submit", "withdraw"}),
    ((), "staff", {"submit", "withdraw"}),
    ((), "secretary", {"submit", "withdraw"}),
    ((), "wangjianhua", set()),
    (("submit",), "secretary", {"refer", "decline", "withdraw"}),
    (("submit",), "staff", {"withdraw"}),
    (("submit",), "youjin", {"withdraw"}),
    (
        ("submit", "refer"),
        "secretary",
        {"answer", "adopt", "decline", "withdraw", "reassign", "remind"},
    ),
    (("submit", "refer"), "staff", {"withdraw"}),
    (("submit", "refer", "answer"), "secretary", {"adopt", "decline"}),
    (("submit", "refer", "answer"), "staff", set()),
    (("submit", "refer", "answer"), "youjin", set()),
    (("submit", "refer", "answer", "adopt"), "secretary", {"implement"}),
    (("submit", "refer", "answer", "adopt"), "staff", set()),
    (("submit", "refer", "answer", "adopt", "implement"), "secretary", set()),
    (("submit", "decline"), "secretary", set()),
    (("submit", "withdraw"), "secretary", set()),
]


@pytest.mark.parametrize("path,user,expected", SUGGESTION_CASES)
def test_suggestion_transitions(
    suggestion, second_member, as_user, path, user, expected
):
    advance(suggestion, *path)
    as_user(user)
    assert transitions_for(suggestion) == expected


def test_refused_transition_raises(suggestion, as_user):
    advance(suggestion, "submit")
    as_user("staff")
    with pytest.raises(InvalidParameterError):
        api.content.transition(suggestion, transition="refer", comment="测试")
    assert api.content.get_state(suggestion) == "submitted"


def test_each_step_keeps_actor_time_and_comment(suggestion, as_user):
    as_user("youjin")
    api.content.transition(suggestion, transition="submit", comment="请审阅")
    as_user("secretary")
    api.content.transition(
        suggestion, transition="refer", comment="交市水利和湖泊局办理"
    )
    history = suggestion.workflow_history["suggestion_workflow"]
    steps = [
        (h["action"], h["actor"], h["review_state"], h["comments"]) for h in history[1:]
    ]
    assert steps == [
        ("submit", "youjin", "submitted", "请审阅"),
        ("refer", "secretary", "referred", "交市水利和湖泊局办理"),
    ]
    assert all(h["time"] for h in history)


class TestVisibility:
    def test_anonymous_sees_what_is_public(self, programme, as_user):
        as_user(None)
        brains = api.content.find(portal_type="Consultation")
        states = {b.review_state for b in brains}
        assert len(brains) == 31  # all but the draft
        assert "draft" not in states
        suggestion_states = {
            b.review_state for b in api.content.find(portal_type="Suggestion")
        }
        assert suggestion_states == {"adopted", "implemented"}
        assert len(api.content.find(portal_type="CommitteeMember")) == 0

    def test_anonymous_cannot_open_a_draft(self, programme, as_user):
        from AccessControl import Unauthorized

        as_user(None)
        with pytest.raises(Unauthorized):
            programme.restrictedTraverse("2018-12-06-online")

    def test_member_sees_own_entry_only(self, members, as_user):
        as_user("youjin")
        found = api.content.find(portal_type="CommitteeMember")
        assert [b.getId for b in found] == ["m01"]

    def test_private_programme_shows_invitees_their_consultation(
        self, manager, members, consultation_data, second_member, as_user
    ):
        programme = api.content.create(
            container=manager,
            type="ConsultationProgramme",
            id="2019",
            title="2019",
            year=2019,
        )
        consultation = api.content.create(
            container=programme,
            type="Consultation",
            invitees=[relation(members["m01"])],
            **consultation_data,
        )
        api.content.transition(consultation, transition="schedule")
        uid = consultation.UID()
        as_user("youjin")
        assert [b.UID for b in api.content.find(UID=uid)] == [uid]
        assert api.user.has_permission(
            "collective.consultation: Add Suggestion",
            username="youjin",
            obj=consultation,
        )
        as_user("wangjianhua")
        assert len(api.content.find(UID=uid)) == 0
        as_user(None)
        assert len(api.content.find(UID=uid)) == 0

    def test_invitation_change_takes_effect(
        self, manager, programme, members, consultation_data, second_member, as_user
    ):
        consultation = api.content.create(
            container=programme, type="Consultation", **consultation_data
        )
        uid = consultation.UID()
        as_user("wangjianhua")
        assert len(api.content.find(UID=uid)) == 0
        as_user("test-user")
        consultation.invitees = [relation(members["m02"])]
        consultation.reindexObject()
        as_user("wangjianhua")
        assert (
            api.user.has_permission("View", username="wangjianhua", obj=consultation)
            is False
        )  # still draft
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(consultation, transition="schedule")
        assert api.user.has_permission("View", username="wangjianhua", obj=consultation)

    def test_stored_counts_do_not_depend_on_viewer(self, portal):
        assert len(search(portal_type="Consultation")) == 32


@pytest.mark.parametrize(
    "user,expected",
    [
        ("secretary", {"adopt", "decline", "reopen"}),
        ("staff", set()),
        ("youjin", set()),
        (None, set()),
    ],
)
def test_reopen_after_a_dissatisfied_evaluation(suggestion, as_user, user, expected):
    advance(suggestion, "submit", "refer", "answer")
    suggestion.evaluation = "dissatisfied"
    as_user(user)
    assert transitions_for(suggestion) == expected


def test_reopen_from_not_adopted(suggestion, as_user):
    advance(suggestion, "submit", "refer", "decline")
    as_user("secretary")
    assert transitions_for(suggestion) == set()
    suggestion.evaluation = "dissatisfied"
    assert transitions_for(suggestion) == {"reopen"}
