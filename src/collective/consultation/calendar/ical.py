"""RFC 5545 calendars from EventData: one VEVENT per consultation, a compact VTIMEZONE
for the zones used, ORGANIZER, ATTENDEEs with their answers, and RFC 7986 CONFERENCE for
the online link."""

from collective.consultation.calendar.data import EventData
from datetime import datetime
from datetime import timezone

import icalendar
import pytz


PRODID = "-//collective.consultation//Political consultation//ZH"


def _organizer(email, name):
    organizer = icalendar.vCalAddress(f"mailto:{email}")
    if name:
        organizer.params["CN"] = icalendar.vText(name)
    return organizer


def _description(event: EventData):
    lines = [event.kind_label] if event.kind_label else []
    if event.description:
        lines.append(event.description)
    lines.extend(event.agenda)
    if event.online_url:
        lines.append(event.online_url)
    lines.append(event.url)
    return "\n".join(lines)


def vevent(event: EventData, organizer=None, stamp=None):
    component = icalendar.Event()
    component.add("uid", event.uid)
    component.add("dtstamp", stamp or datetime.now(timezone.utc))
    component.add("sequence", event.sequence)
    component.add("summary", event.summary)
    component.add("dtstart", event.start)
    component.add("dtend", event.end)
    component.add("description", _description(event))
    if event.location:
        component.add("location", event.location)
    component.add("url", event.url)
    if event.kind_label:
        component.add("categories", [event.kind_label])
    if event.online_url:
        conference = icalendar.vUri(event.online_url)
        conference.params["VALUE"] = "URI"
        conference.params["FEATURE"] = "VIDEO"
        conference.params["LABEL"] = event.kind_label or "Online"
        component.add("conference", conference)
    component.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    if event.modified:
        component.add("last-modified", event.modified.astimezone(timezone.utc))
    if organizer:
        component.add("organizer", _organizer(*organizer))
    for attendee in event.attendees:
        address = icalendar.vCalAddress(f"mailto:{attendee.email}")
        address.params["CN"] = icalendar.vText(attendee.name)
        address.params["ROLE"] = attendee.role
        address.params["PARTSTAT"] = attendee.partstat
        address.params["RSVP"] = "TRUE"
        component.add("attendee", address, encode=0)
    return component


def build_calendar(events, method=None, organizer=None, name=None, timezone_id=None):
    """An icalendar.Calendar holding ``events``.

    ``method`` is REQUEST or CANCEL for invitations (iTIP) and None for feeds;
    ``organizer`` is (e-mail, name)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    if timezone_id:
        calendar.add("x-wr-timezone", timezone_id)
    stamp = datetime.now(timezone.utc)
    spans = {}  # tzid -> (first, last) moment of the events in that zone
    components = []
    for event in events:
        components.append(vevent(event, organizer, stamp))
        for moment in (event.start, event.end):
            tzid = _tzid(moment)
            if tzid and tzid.upper() != "UTC":
                first, last = spans.get(tzid, (moment, moment))
                spans[tzid] = (min(first, moment), max(last, moment))
    # Time zones first: some calendar programs read the file top to bottom.
    for tzid, (first, last) in spans.items():
        calendar.add_component(vtimezone(tzid, first, last))
    for component in components:
        calendar.add_component(component)
    return calendar


def _tzid(moment):
    tz = getattr(moment, "tzinfo", None)
    return getattr(tz, "zone", None) or getattr(tz, "key", None)


def vtimezone(tzid, first, last):
    """A compact VTIMEZONE: one STANDARD block when the offset does not change between
    the first and the last event (Asia/Shanghai has had none since 1991), else the
    transitions in that span."""
    zone = pytz.timezone(tzid)
    transitions = [
        t for t in getattr(zone, "_utc_transition_times", [])
        if first.replace(tzinfo=None) <= t <= last.replace(tzinfo=None)
    ]
    if transitions:
        helper = icalendar.Calendar()
        probe = icalendar.Event()
        probe.add("dtstart", first.astimezone(zone))
        helper.add_component(probe)
        helper.add_missing_timezones(first_date=first.date(), last_date=last.date())
        return helper.walk("VTIMEZONE")[0]
    local = first.astimezone(zone)
    standard = icalendar.TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", local.utcoffset())
    standard.add("tzoffsetto", local.utcoffset())
    standard.add("tzname", local.tzname())
    component = icalendar.Timezone()
    component.add("tzid", tzid)
    component.add_component(standard)
    return component
