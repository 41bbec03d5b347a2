"""Feeds from the catalog: a container's consultations as this user may see them, and a
member's personal feed. Brains only: no consultation object is woken."""

from collective.consultation.calendar.data import Attendee
from collective.consultation.calendar.data import event_from_brain
from collective.consultation.calendar.ical import build_calendar
from collective.consultation.calendar.invitations import calendar_for
from collective.consultation.calendar.invitations import organizer
from collective.consultation.dates import site_timezone
from collective.consultation.privacy import may_see_member_data
from plone import api

# A personal feed shows what a member was invited to once invitations went out.
PERSONAL_STATES = ["scheduled", "held", "minuted", "cancelled"]


def consultation_calendar(consultation, request):
    """One consultation's calendar (bytes), with the attendees and their answers only for
    those who may read members' data."""
    body, _event = calendar_for(
        consultation,
        request=request,
        with_attendees=may_see_member_data(consultation),
    )
    return body


def container_calendar(container, request):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(
        portal_type="Consultation",
        path="/".join(container.getPhysicalPath()),
        sort_on="start",
    )
    zone = site_timezone()
    events = [event_from_brain(brain, request, zone=zone) for brain in brains]
    # No ORGANIZER: a feed is not a scheduling message (RFC 5546), and it costs per event.
    return build_calendar(events, name=container.Title(), timezone_id=zone.zone)


def personal_calendar(member, request):
    """``member`` is a CommitteeMember brain; its token stands for it, so the search runs
    unrestricted, limited to what the member was invited to."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Consultation",
        invitees=member.UID,
        review_state=PERSONAL_STATES,
        sort_on="start",
    )
    events = []
    for brain in brains:
        partstat = (brain.rsvp_partstats or {}).get(member.UID, "NEEDS-ACTION")
        me = Attendee(email=member.member_email, name=member.Title, partstat=partstat)
        events.append(event_from_brain(brain, request, attendees=[me]))
    return build_calendar(
        events,
        organizer=organizer(),
        name=member.Title,
        timezone_id=site_timezone().zone,
    )
