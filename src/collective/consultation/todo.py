"""What waits for whom (the workbench's 待办): each count a link can show, from the catalog
as the current user may see it.

- a member: invitations not yet answered, answers to rate, drafts to submit, and the next
  consultation they are invited to;
- the secretariat: suggestions to refer, to record an answer for, to adopt, the overdue
  ones, and minutes to approve;
- committee staff: consultations to schedule and minutes to approve.
"""

from collective.consultation import permissions
from collective.consultation.relations import member_of_user
from collective.consultation.tracking import evaluation
from collective.consultation.tracking import reminders
from dataclasses import dataclass
from dataclasses import field
from DateTime import DateTime
from plone import api


@dataclass
class Item:
    key: str  # what it is (the view gives it a label)
    count: int
    query: dict = field(default_factory=dict)  # for @@suggestion-list, where it applies
    brains: list = field(default_factory=list)  # the first few, to name them


def _catalog(**query):
    return api.portal.get_tool("portal_catalog")(**query)


def upcoming(limit=5):
    """(True, the next consultations this user may see, those under way included), or
    when none is ahead, (False, the latest ones)."""
    ahead = list(
        _catalog(
            portal_type="Consultation",
            end={"query": DateTime(), "range": "min"},
            review_state=["scheduled", "held"],
            sort_on="start",
            sort_limit=limit,
        )
    )[:limit]
    if ahead:
        return True, ahead
    latest = _catalog(
        portal_type="Consultation",
        review_state=["scheduled", "held", "minuted"],
        sort_on="start",
        sort_order="descending",
        sort_limit=limit,
    )
    return False, list(latest)[:limit]


def latest_programme():
    brains = _catalog(portal_type="ConsultationProgramme", sort_on="consultation_year")
    return brains[-1] if brains else None


def member_items(member):
    uid = member.UID()
    invited = _catalog(
        portal_type="Consultation",
        invitees=uid,
        review_state="scheduled",
        end={"query": DateTime(), "range": "min"},
        sort_on="start",
    )
    unanswered = [b for b in invited if uid not in (b.rsvp_partstats or {})]
    open_ones = _catalog(
        portal_type="Suggestion",
        proposers=uid,
        review_state=list(evaluation.OPEN_STATES),
    )
    to_rate = [
        b
        for b in open_ones
        if uid not in evaluation.ratings(b._unrestrictedGetObject())
        and not b.merged_into
    ]
    drafts = list(
        _catalog(portal_type="Suggestion", proposers=uid, review_state="draft")
    )
    return [
        Item("invitations", len(unanswered), brains=unanswered[:5]),
        Item("to_rate", len(to_rate), brains=to_rate[:5]),
        Item("drafts", len(drafts), brains=drafts[:5]),
    ]


def secretariat_items():
    def suggestions(state):
        # merged ones follow their lead: counted once, through it
        brains = [
            b
            for b in _catalog(portal_type="Suggestion", review_state=state)
            if not b.merged_into
        ]
        return Item(f"to_{state}", len(brains), {"state": state})

    overdue = reminders.overdue()
    return [
        suggestions("submitted"),  # to refer
        suggestions("referred"),  # to record the unit's answer
        suggestions("answered"),  # to adopt or decline
        Item("overdue", len(overdue), {"list": "overdue"}),
    ]


def minutes_items():
    held = list(
        _catalog(portal_type="Consultation", review_state="held", sort_on="start")
    )
    return [Item("minutes", len(held), brains=held[:5])]


def staff_items():
    drafts = list(
        _catalog(portal_type="Consultation", review_state="draft", sort_on="start")
    )
    return [Item("to_schedule", len(drafts), brains=drafts[:5])]


def items_for_current_user():
    """Everything waiting for the user, in the order the workbench shows it."""
    user = api.user.get_current()
    portal = api.portal.get()
    found = []
    member = member_of_user(user.getId()) if not api.user.is_anonymous() else None
    if member is not None:
        found += member_items(member)
    if api.user.has_permission(permissions.HANDLE_SUGGESTION, obj=portal):
        found += secretariat_items()
    if api.user.has_permission(permissions.SCHEDULE_CONSULTATION, obj=portal):
        found += staff_items()
    if api.user.has_permission(permissions.APPROVE_MINUTES, obj=portal):
        found += minutes_items()
    return found, member
