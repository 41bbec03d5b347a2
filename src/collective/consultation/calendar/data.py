"""Plain data for calendars, built from a consultation object (with its attendees) or from
a catalog brain (feeds: no object is woken)."""

from collective.consultation import vocabularies
from collective.consultation.calendar.identity import ical_sequence
from collective.consultation.calendar.identity import ical_uid
from collective.consultation.content.consultation import contained
from collective.consultation.dates import site_timezone
from collective.consultation.language import site_language
from collective.consultation.validation import safe_url
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from zope.i18n import translate

# RSVP answers, as stored, and how calendars show them.
PARTSTATS = {
    None: "NEEDS-ACTION",
    "accepted": "ACCEPTED",
    "declined": "DECLINED",
    "leave": "DECLINED",
}


@dataclass
class Attendee:
    email: str
    name: str
    role: str = "REQ-PARTICIPANT"  # guests: OPT-PARTICIPANT
    partstat: str = "NEEDS-ACTION"


@dataclass
class EventData:
    uid: str
    sequence: int
    summary: str
    start: datetime
    end: datetime
    url: str
    kind: str = ""
    kind_label: str = ""
    location: str = ""
    online_url: str = ""
    description: str = ""
    agenda: list = field(default_factory=list)
    cancelled: bool = False
    attendees: list = field(default_factory=list)
    modified: datetime | None = None
    materials: int = 0  # meeting materials on the consultation (mail links to them)


def kind_label(kind, request):
    """The label of a kind in the site's language, computed once per request (feeds ask
    1,000 times). Not in the request's: phone calendars fetch feeds without a language,
    and a member's calendar should read 双月协商座谈会 whatever app asked."""
    if not kind:
        return ""
    cache = (
        request.__dict__.setdefault("_consultation_kind_labels", {})
        if request is not None
        else {}
    )
    if kind not in cache:
        cache[kind] = translate(
            vocabularies.title_of(vocabularies.KINDS, kind),
            context=request,
            target_language=site_language(),
        )
    return cache[kind]


def _datetime(value, zone):
    """Catalog metadata (a datetime, or a Zope DateTime) as an aware datetime in the
    site's zone."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = value.asdatetime()
    return value.astimezone(zone) if value.tzinfo else zone.localize(value)


def event_from_object(consultation, request, attendees=()):
    from plone import api

    return EventData(
        uid=ical_uid(consultation),
        sequence=ical_sequence(consultation),
        summary=consultation.Title(),
        start=consultation.start,
        end=consultation.end,
        url=consultation.absolute_url(),
        kind=consultation.kind or "",
        kind_label=kind_label(consultation.kind, request),
        location=getattr(consultation, "location", "") or "",
        online_url=safe_url(consultation.online_url),
        description=consultation.Description() or "",
        agenda=[
            line for line in (consultation.agenda or "").splitlines() if line.strip()
        ],
        cancelled=api.content.get_state(consultation) == "cancelled",
        attendees=list(attendees),
        modified=consultation.modified().asdatetime(),
        materials=len(contained(consultation, "MeetingMaterial", unrestricted=True)),
    )


def event_from_brain(brain, request, attendees=(), zone=None):
    """Everything a feed shows, from catalog metadata alone."""
    zone = zone or site_timezone()
    return EventData(
        uid=brain.ical_uid,
        sequence=brain.ical_sequence or 0,
        summary=brain.Title,
        start=_datetime(brain.start, zone),
        end=_datetime(brain.end, zone),
        url=brain.getURL(),
        kind=brain.consultation_kind or "",
        kind_label=kind_label(brain.consultation_kind, request),
        location=brain.location or "",
        online_url=safe_url(brain.online_url),
        description=brain.Description or "",
        cancelled=brain.review_state == "cancelled",
        attendees=list(attendees),
        modified=brain.modified.asdatetime() if brain.modified else None,
    )
