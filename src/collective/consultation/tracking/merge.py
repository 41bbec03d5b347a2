"""并案: suggestions on the same matter are merged into a lead suggestion. The merged ones
point to it, take its handling (units, deadline, answer, adoption) and its state, and
keep following it; reports show which lead each one was merged into."""

from collective.consultation import _
from collective.consultation.errors import FieldError
from DateTime import DateTime
from plone import api
from plone.uuid.interfaces import IUUID
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent

WORKFLOW = "suggestion_workflow"
# What a merged suggestion takes over from its lead.
HANDLING_FIELDS = (
    "lead_unit",
    "assisting_units",
    "deadline",
    "instruction",
    "answer",
    "answer_date",
    "adoption_degree",
    "adopting_body",
    "implementation",
    "implementation_date",
    "decline_reason",
)
CLOSED = ("withdrawn",)


class MergeError(FieldError):
    """Refused; ``field`` names what was wrong."""


def lead_of(suggestion):
    return (
        getattr(suggestion.merged_into, "to_object", None)
        if suggestion.merged_into
        else None
    )


def followers(lead):
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Suggestion", merged_into=IUUID(lead)
        )
    ]


def merge(lead, others, comment=""):
    """Merge ``others`` into ``lead``; all are checked before any is changed."""
    if not others:
        raise MergeError("suggestions", _("name at least one suggestion to merge."))
    if lead_of(lead) is not None:
        raise MergeError(
            "lead",
            _(
                "“${title}” is itself merged into another suggestion.",
                mapping={"title": lead.title},
            ),
        )
    if api.content.get_state(lead) in CLOSED:
        raise MergeError(
            "lead", _("“${title}” is withdrawn.", mapping={"title": lead.title})
        )
    lead_uid = IUUID(lead)
    for other in others:
        if getattr(other, "portal_type", None) != "Suggestion":
            raise MergeError("suggestions", _("only suggestions can be merged."))
        if IUUID(other) == lead_uid:
            raise MergeError(
                "suggestions", _("a suggestion cannot be merged into itself.")
            )
        current = lead_of(other)
        if current is not None and IUUID(current) != lead_uid:
            raise MergeError(
                "suggestions",
                _(
                    "“${title}” is already merged into “${lead}”.",
                    mapping={"title": other.title, "lead": current.title},
                ),
            )
        if followers(other):
            raise MergeError(
                "suggestions",
                _(
                    "“${title}” leads merged suggestions of its own.",
                    mapping={"title": other.title},
                ),
            )
    intids = getUtility(IIntIds)
    note = comment or f"并入《{lead.title}》办理。"
    for other in others:
        other.merged_into = RelationValue(intids.getId(lead))
        notify(ObjectModifiedEvent(other))  # the relation catalog learns of it this way
        _take_over(other, lead, note)


def unmerge(suggestion):
    """Handle it on its own again; it keeps the state it has."""
    if lead_of(suggestion) is None:
        raise MergeError(
            "suggestion",
            _("“${title}” is not merged.", mapping={"title": suggestion.title}),
        )
    suggestion.merged_into = None
    notify(ObjectModifiedEvent(suggestion))


def follow_lead(lead, event):
    """After a step of ``lead``, its merged suggestions take the same step."""
    if lead_of(lead) is not None:
        return
    for other in followers(lead):
        _take_over(
            other,
            lead,
            event.kwargs.get("comment", "") if event.kwargs else "",
            event.transition.id,
        )


def _take_over(other, lead, comment, action="merge"):
    for name in HANDLING_FIELDS:
        setattr(other, name, getattr(lead, name, None))
    state = api.content.get_state(lead)
    wftool = api.portal.get_tool("portal_workflow")
    # The lead's own step (adopt, implement...) names the entry, so history reads as it;
    # the merge itself is entered as "merge" (并案 in the plone domain's catalog).
    wftool.setStatusOf(
        WORKFLOW,
        other,
        {
            "action": action,
            "review_state": state,
            "actor": api.user.get_current().getId(),
            "comments": (
                comment
                if action == "merge"
                else f"随并案主件《{lead.title}》：{comment}"
            ),
            "time": DateTime(),
        },
    )
    wftool.getWorkflowById(WORKFLOW).updateRoleMappingsFor(other)
    other.reindexObject()
    other.reindexObjectSecurity()


def visible_lineage(suggestion):
    """(lead or None, followers) as the current user may see them: a private lead's or
    follower's title is not shown to someone who may not open it."""

    def visible(one):
        return one is not None and api.user.has_permission("View", obj=one)

    lead = lead_of(suggestion)
    return (lead if visible(lead) else None), [
        one for one in followers(suggestion) if visible(one)
    ]
