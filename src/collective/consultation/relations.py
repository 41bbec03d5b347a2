"""Reading the relation fields: members and suggestions a relation points to, and the
member a site login belongs to."""

from plone import api
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


def related_objects(relations):
    """The live targets of a RelationList (broken or deleted targets are skipped)."""
    objects = []
    for relation in relations or ():
        target = getattr(relation, "to_object", None)
        if target is not None:
            objects.append(target)
    return objects


def is_invited(consultation, member):
    """Whether ``member`` is on the consultation's invitation list (by the relations'
    ids: a plenary's check-in asks it 500 times and wakes no member object)."""
    target = getUtility(IIntIds).queryId(member)
    if target is None:
        return False
    return any(
        getattr(relation, "to_id", None) == target and relation.to_object is not None
        for relation in consultation.invitees or ()
    )


def linked_userids(members):
    """The site logins linked to CommitteeMember objects."""
    return sorted({m.userid for m in members if getattr(m, "userid", None)})


def member_of_user(userid):
    """The directory entry linked to a site login, or None."""
    if not userid:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="CommitteeMember", member_userid=userid
    )
    return brains[0]._unrestrictedGetObject() if brains else None
