"""1005 → 1006: roles stay with the office; attendance marks one record per member."""

from collective.consultation.meeting import attendance
from collective.consultation.members import loginguard
from plone import api


def attendance_per_member(context):
    """Marks were one dict per consultation, rewritten by every check-in; now each member
    has a mark of their own in a BTree, made for every invitee of a consultation that
    takes place, so a plenary's check-ins do not collide (meeting/attendance.py)."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Consultation"):
        consultation = brain._unrestrictedGetObject()
        if brain.review_state in attendance.MARKABLE_STATES:
            attendance.prepare(consultation)  # brings the old dict over too
        elif attendance.marks(consultation):
            attendance.store_of(consultation)


def guard_logins(context):
    """Five wrong passwords lock a login for fifteen minutes; a member whose term has
    ended cannot log in (members/loginguard.py)."""
    loginguard.install(api.portal.get())
