"""RFC 5545 calendars from EventData: one VEVENT per consultation, a compact VTIMEZONE
for the zones used, ORGANIZER and ATTENDEEs with their answers for invitations, and RFC
7986 CONFERENCE for the online link.

The envelope and the VTIMEZONEs are built with icalendar. VEVENTs are written here as
content lines: a feed holds a thousand of them, and icalendar's per-property objects cost
three times the rest of the feed (bench/feed_bench.py). Tests read every calendar back
with icalendar and with vobject."""

from collective.consultation.calendar.data import EventData
from datetime import datetime
from datetime import timezone

import icalendar
import pytz

PRODID = "-//collective.consultation//Political consultation//ZH"


# --- content lines (RFC 5545 section 3.1) -------------------------------------------


CONTROL = {
    code: None
    for code in list(range(0, 9)) + list(range(11, 13)) + list(range(14, 32)) + [127]
}


def escape_text(value):
    """TEXT values: backslash, semicolon, comma and line breaks are escaped; other control
    characters are not allowed in iCalendar and are dropped."""
    return (
        value.translate(CONTROL)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def param(value):
    """A parameter value, quoted: DQUOTE and control characters are not allowed inside
    (RFC 5545 QSAFE-CHAR), so they are dropped or become spaces."""
    cleaned = "".join(
        " " if ord(c) < 32 or c == "\x7f" else c for c in value.replace('"', "")
    )
    return '"' + cleaned + '"'


def fold(line):
    """The line as UTF-8 bytes, folded at 75 octets without splitting a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data + b"\r\n"
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # inside a character
            end -= 1
        parts.append(data[start:end])
        start, limit = end, 74  # continuation lines begin with a space
    return b"\r\n ".join(parts) + b"\r\n"


def utc_stamp(moment):
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def local_time(name, moment):
    tzid = _tzid(moment)
    if not tzid or tzid.upper() == "UTC":
        return f"{name}:{utc_stamp(moment)}"
    return f"{name};TZID={tzid}:{moment.strftime('%Y%m%dT%H%M%S')}"


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
    """The VEVENT as folded content lines (bytes)."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{utc_stamp(stamp or datetime.now(timezone.utc))}",
        f"SEQUENCE:{event.sequence}",
        f"SUMMARY:{escape_text(event.summary)}",
        local_time("DTSTART", event.start),
        local_time("DTEND", event.end),
        f"DESCRIPTION:{escape_text(_description(event))}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    lines.append(f"URL;VALUE=URI:{event.url}")
    if event.kind_label:
        lines.append(f"CATEGORIES:{escape_text(event.kind_label)}")
    if event.online_url:
        label = param(event.kind_label or "Online")
        lines.append(
            f"CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL={label}:{event.online_url}"
        )
    lines.append("STATUS:" + ("CANCELLED" if event.cancelled else "CONFIRMED"))
    if event.modified:
        lines.append(f"LAST-MODIFIED:{utc_stamp(event.modified)}")
    if organizer:
        email, name = organizer
        cn = f";CN={param(name)}" if name else ""
        lines.append(f"ORGANIZER{cn}:mailto:{email}")
    for attendee in event.attendees:
        lines.append(
            f"ATTENDEE;CN={param(attendee.name)};ROLE={attendee.role};"
            f"PARTSTAT={attendee.partstat};RSVP=TRUE:mailto:{attendee.email}"
        )
    lines.append("END:VEVENT")
    return b"".join(fold(line) for line in lines)


# --- the calendar ---------------------------------------------------------------------


def build_calendar(events, method=None, organizer=None, name=None, timezone_id=None):
    """The calendar holding ``events``, as bytes.

    ``method`` is REQUEST or CANCEL for invitations (iTIP) and None for feeds;
    ``organizer`` is (e-mail, name)."""
    envelope = icalendar.Calendar()
    envelope.add("prodid", PRODID)
    envelope.add("version", "2.0")
    envelope.add("calscale", "GREGORIAN")
    if method:
        envelope.add("method", method)
    if name:
        envelope.add("x-wr-calname", name)
    if timezone_id:
        envelope.add("x-wr-timezone", timezone_id)
    stamp = datetime.now(timezone.utc)
    spans = {}  # tzid -> (first, last) moment of the events in that zone
    body = []
    for event in events:
        body.append(vevent(event, organizer, stamp))
        for moment in (event.start, event.end):
            tzid = _tzid(moment)
            if tzid and tzid.upper() != "UTC":
                first, last = spans.get(tzid, (moment, moment))
                spans[tzid] = (min(first, moment), max(last, moment))
    # Time zones first: some calendar programs read the file top to bottom.
    for tzid, (first, last) in spans.items():
        envelope.add_component(vtimezone(tzid, first, last))
    head = envelope.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    return head[: -len(end)] + b"".join(body) + end


def _tzid(moment):
    tz = getattr(moment, "tzinfo", None)
    return getattr(tz, "zone", None) or getattr(tz, "key", None)


def vtimezone(tzid, first, last):
    """A compact VTIMEZONE: one STANDARD block when the offset does not change between
    the first and the last event (Asia/Shanghai has had none since 1991), else the
    transitions in that span."""
    zone = pytz.timezone(tzid)
    transitions = [
        t
        for t in getattr(zone, "_utc_transition_times", [])
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
