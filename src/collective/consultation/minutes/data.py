"""What the minutes say, gathered from a consultation, its invitations and the catalog."""

from collective.consultation.dates import shown
from collective.consultation.dates import shown_span
from collective.consultation.meeting import speeches
from collective.consultation.meeting.attendance import lines as attendance_lines
from collective.consultation.validation import parse_guest
from dataclasses import dataclass
from dataclasses import field
from plone import api


@dataclass
class SuggestionLine:
    title: str
    proposers: str
    units: str


@dataclass
class SpeechLine:
    title: str
    speakers: str
    units: str  # the units that responded


@dataclass
class MinutesData:
    title: str
    number: str = ""
    time: str = ""
    place: str = ""
    presided_by: str = ""
    present: list = field(default_factory=list)  # names
    late: list = field(
        default_factory=list
    )  # names of those present who checked in late
    on_leave: list = field(default_factory=list)  # (name, reason)
    absent: list = field(default_factory=list)  # names
    guests: list = field(default_factory=list)  # "name (organisation)"
    units: list = field(default_factory=list)
    agenda: list = field(default_factory=list)
    summary: list = field(default_factory=list)  # paragraphs
    decisions: list = field(default_factory=list)
    speeches: list = field(default_factory=list)  # SpeechLine, in speaking order
    suggestions: list = field(default_factory=list)  # SuggestionLine
    closing: str = ""
    organiser: str = ""
    date: str = ""


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def attendance(consultation):
    """Present, on leave (with reason) and absent. Staff's attendance marks decide; where an
    invitee is not marked, their answer does: leave is 请假, a declined invitation is absent,
    everyone else is counted present."""
    present, on_leave, absent = [], [], []
    for line in attendance_lines(consultation):
        status = line.status or ("absent" if line.rsvp == "declined" else "present")
        if status == "leave":
            on_leave.append((line.title, line.reason))
        elif status == "absent":
            absent.append(line.title)
        else:
            present.append(line.title)
    return present, on_leave, absent


def suggestion_lines(consultation):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Suggestion",
        path={"query": "/".join(consultation.getPhysicalPath()), "depth": 1},
        sort_on="getObjPositionInParent",
    )
    lines = []
    for brain in brains:
        if brain.review_state == "withdrawn":
            continue
        units = [brain.lead_unit] if brain.lead_unit else []
        units += [u for u in brain.assisting_units or () if u not in units]
        lines.append(
            SuggestionLine(
                brain.Title, "、".join(brain.proposer_names or ()), "、".join(units)
            )
        )
    return lines


def speech_lines(consultation):
    """The speeches delivered, in speaking order."""
    return [
        SpeechLine(
            row["title"], "、".join(row["speakers"]), "、".join(row["responding_units"])
        )
        for row in speeches.rows(consultation, unrestricted=True)
        if row["delivered"]
    ]


def late_arrivals(consultation):
    """Who checked in (签到) after the control panel's minutes past the start."""
    return [
        line.title
        for line in attendance_lines(consultation)
        if line.late and line.status == "present"
    ]


def minutes_data(consultation, organiser=""):
    present, on_leave, absent = attendance(consultation)
    guests = []
    for line in consultation.guests or ():
        guest = parse_guest(line)
        guests.append(
            f"{guest['name']}（{guest['organisation']}）"
            if guest["organisation"]
            else guest["name"]
        )
    start, end = consultation.start, consultation.end
    return MinutesData(
        title=consultation.Title(),
        number=consultation.minutes_number or "",
        # GB/T 9704: dates as 2018年6月28日 in a Chinese document
        time=shown_span(start, end) if start and end else "",
        place=getattr(consultation, "location", "") or "",
        presided_by=consultation.presided_by or "",
        present=present,
        late=late_arrivals(consultation),
        on_leave=on_leave,
        absent=absent,
        guests=guests,
        units=list(consultation.counterpart_units or ()),
        agenda=_lines(consultation.agenda),
        summary=_lines(consultation.discussion_summary),
        decisions=_lines(consultation.decisions),
        speeches=speech_lines(consultation),
        suggestions=suggestion_lines(consultation),
        closing=(consultation.minutes_closing or "").strip(),
        organiser=organiser,
        date=shown(start, with_time=False) if start else "",
    )
