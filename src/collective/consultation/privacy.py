"""Who may read members' personal data, decided once.

Invitation lists (who is invited, guests and their e-mails), answers to invitations,
attendance marks with reasons for leave, and members' contact data are read by those who
may see the member directory (permission ``View member data``: staff, the secretariat and
site managers), and by each member about themselves. Every output goes through here:
pages, REST serializers, ``@search`` metadata, the Classic UI's vocabulary view and
calendars.
"""

from AccessControl import getSecurityManager
from collective.consultation.permissions import VIEW_MEMBER_DATA
from plone import api
from plone.restapi.interfaces import IJSONSummarySerializerMetadata
from zope.interface import implementer

# Catalog metadata that names who was invited, how they answered, whether they came,
# and members' addresses and logins (a member who files a suggestion is its Creator).
# Member UIDs count too: with one, anybody could ask the catalog which consultations that
# member was invited to.
PRIVATE_METADATA = frozenset(
    {
        "Creator",
        "listCreators",
        "attendance_marks",
        "attendance_checkins",
        "invitees",
        "member_email",
        "member_userid",
        "proposers",
        "rsvp_partstats",
    }
)


def may_see_member_data(context=None):
    """True for those who may read every member's personal data."""
    context = context if context is not None else api.portal.get()
    return bool(getSecurityManager().checkPermission(VIEW_MEMBER_DATA, context))


def readable_metadata(names):
    """``names`` without the private columns, unless this user may read them."""
    if may_see_member_data():
        return list(names)
    return [name for name in names if name not in PRIVATE_METADATA]


@implementer(IJSONSummarySerializerMetadata)
class SummaryMetadata:
    """plone.restapi's summaries (``@search``, ``@querystring-search``, folder items,
    relations) leave out the private columns for those who may not read them; the
    serializer caches this per request, so it is decided once per request."""

    def default_metadata_fields(self):
        return set()

    def field_accessors(self):
        return {}

    def non_metadata_attributes(self):
        return set()

    def blocklisted_attributes(self):
        return set() if may_see_member_data() else set(PRIVATE_METADATA)
