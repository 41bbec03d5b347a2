"""Content events: keep what suggestions index from their consultation (and who may find
them) current, and name the member who files a suggestion as its proposer."""

from collective.consultation import logger
from collective.consultation.relations import member_of_user
from plone import api
from z3c.relationfield import RelationValue
from ZODB.POSException import ConflictError
from zope.component import getUtility
from zope.container.interfaces import IContainerModifiedEvent
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent

SUGGESTION_INDEXES = (
    "consultation_year",
    "consultation_kind",
    "consultation_title",
    "consultation_date",
)


def reindex_suggestions(consultation, event):
    if IContainerModifiedEvent.providedBy(event):
        return  # something was added inside; the consultation itself did not change
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(consultation.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(
        portal_type=["Suggestion", "Speech"], path={"query": path, "depth": 1}
    ):
        brain._unrestrictedGetObject().reindexObject(idxs=SUGGESTION_INDEXES)


def reindex_contents_security(consultation, event):
    """Invitees read what a consultation holds (materials, speeches, suggestions) through
    the Invitee role derived from its invitation list: when the list changes, the
    catalog's security of everything inside must follow, or a member taken off it would
    still find the items in listings."""
    if IContainerModifiedEvent.providedBy(event):
        return
    consultation.reindexObjectSecurity()


def reindex_member_security(member, event):
    """Invitee and Proposer are derived from the member's login: when it changes, the
    catalog's security of their consultations and suggestions must follow."""
    if IContainerModifiedEvent.providedBy(event):
        return
    catalog = api.portal.get_tool("portal_catalog")
    uid = member.UID()
    brains = list(catalog.unrestrictedSearchResults(invitees=uid))
    brains += list(catalog.unrestrictedSearchResults(proposers=uid))
    for brain in brains:
        brain._unrestrictedGetObject().reindexObjectSecurity()


def default_proposer(suggestion, event):
    """A member who files a suggestion is its proposer unless others were named."""
    if suggestion.proposers:
        return
    member = member_of_user(api.user.get_current().getId())
    if member is None:
        return
    suggestion.proposers = [RelationValue(getUtility(IIntIds).getId(member))]
    # The relation catalog only learns of relations through events.
    notify(ObjectModifiedEvent(suggestion))


def log_conflict_retry(event):
    """A request that met a write conflict and will be run again: logged, so that an
    operator (and bench/checkin_bench.py) can count the retries a peak caused."""
    if not getattr(event, "retry", False):
        return
    exc = event.exc_info[1] if event.exc_info else None
    if isinstance(exc, ConflictError):
        request = event.request
        logger.info(
            "Conflict retried: %s %s",
            request.get("REQUEST_METHOD", ""),
            request.get("ACTUAL_URL", ""),
        )
