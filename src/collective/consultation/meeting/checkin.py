"""Check-in (签到): staff show the consultation's QR code; a member who scans it and
presses the button is marked present, with the time, as checked in. It works from some
time before the start (control panel) until the end; a check-in too long after the start
is recorded as late. Staff's marks in the attendance grid win over check-in, and checking
in twice keeps the first. A member who was not invited is admitted by staff (准许参加),
recorded as such.

The code on the screen changes every ``STEP_SECONDS`` (a time-step HMAC of the
consultation, as one-time passwords are made): a photo of it passed round a chat group is
worthless a minute later, so a member checks in from the room. Three kinds of code are
accepted, each a signed link for this consultation only:

- the **screen code** ``<step>.<signature>``: the current step or the one before;
- a **pass** ``p<time>.<signature>``: the check-in page swaps a fresh screen code for it
  when the member opens the page, so logging in on the phone first does not make the
  screen code expire under them (valid ``PASS_SECONDS``);
- a member's **own link** ``m.<signature>``: staff send it to a member who cannot scan;
  it works for that member's login only, throughout the window.
"""

from collective.consultation import _
from collective.consultation import signing
from collective.consultation.interfaces import setting
from collective.consultation.meeting import attendance
from collective.consultation.meeting.attendance import AttendanceError
from collective.consultation.relations import is_invited
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from plone import api
from plone.uuid.interfaces import IUUID
from urllib.parse import urlencode
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent

PURPOSE = "checkin"  # signed with the consultation's UID: no other link fits
PASS = "checkin-pass"
OWN = "checkin-member"
OPEN_STATES = ("scheduled", "held")
STEP_SECONDS = 30  # the screen's code changes this often; the one before still counts
PASS_SECONDS = 10 * 60
SIGNATURE_LENGTH = 20  # hex characters: a small QR code, 80 bits to guess


def _now(now=None):
    return now or datetime.now(timezone.utc)


def _step(now):
    return int(now.timestamp()) // STEP_SECONDS


def _signed(*parts):
    return signing.sign(*parts)[:SIGNATURE_LENGTH]


def _verified(signature, *parts):
    return signing.verify_prefix(signature, SIGNATURE_LENGTH, *parts)


def code(consultation, now=None):
    """The code the screen shows now."""
    step = _step(_now(now))
    return f"{step}.{_signed(PURPOSE, IUUID(consultation), step)}"


def pass_for(consultation, now=None):
    """What the check-in page carries once a fresh screen code has opened it."""
    moment = int(_now(now).timestamp())
    return f"p{moment}.{_signed(PASS, IUUID(consultation), moment)}"


def member_code(consultation, member):
    """The member's own check-in code, for staff to send to a member who cannot scan."""
    return f"m.{_signed(OWN, IUUID(consultation), IUUID(member))}"


def checkin_url(consultation, given_code=None, now=None):
    given_code = given_code or code(consultation, now)
    return f"{consultation.absolute_url()}/@@checkin?{urlencode({'code': given_code})}"


def member_url(consultation, member):
    return checkin_url(consultation, member_code(consultation, member))


def _split(given_code):
    head, dot, signature = (given_code or "").partition(".")
    return (head, signature) if dot and signature else (None, None)


def is_screen_code(consultation, given_code, now=None):
    """A screen code of the current step or the one before."""
    head, signature = _split(given_code)
    if head is None or not head.isdigit():
        return False
    step = int(head)
    if _step(_now(now)) - step not in (0, 1):
        return False
    return _verified(signature, PURPOSE, IUUID(consultation), step)


def code_fits(consultation, given_code, member=None, now=None):
    """Does ``given_code`` let ``member`` check in to ``consultation`` now?"""
    if not isinstance(given_code, str):
        return False
    head, signature = _split(given_code)
    if head is None:
        return False
    if head == "m":
        return member is not None and _verified(
            signature, OWN, IUUID(consultation), IUUID(member)
        )
    if head.startswith("p") and head[1:].isdigit():
        issued = int(head[1:])
        age = int(_now(now).timestamp()) - issued
        return 0 <= age <= PASS_SECONDS and _verified(
            signature, PASS, IUUID(consultation), issued
        )
    return is_screen_code(consultation, given_code, now)


def window(consultation):
    """(opens, closes): from the control panel's minutes before the start to the end."""
    opens = consultation.start - timedelta(minutes=setting("checkin_opens_minutes"))
    return opens, consultation.end


def is_late(consultation, now):
    return now > consultation.start + timedelta(minutes=setting("late_after_minutes"))


def refusal(consultation, member, given_code, now):
    """Why ``member`` may not check in now with ``given_code``, as AttendanceError, or
    None. The code is checked before anything else is told."""
    if not code_fits(consultation, given_code, member, now):
        return AttendanceError(
            "code",
            _(
                "this is not this consultation's check-in code, or it has expired: "
                "scan the code on the screen again."
            ),
        )
    state = api.content.get_state(consultation)
    if state == "cancelled":
        return AttendanceError("consultation", _("the consultation was cancelled."))
    if state not in OPEN_STATES:
        return AttendanceError(
            "consultation", _("check-in is open for a scheduled consultation only.")
        )
    opens, closes = window(consultation)
    if now < opens:
        return AttendanceError("time", _("check-in has not opened yet."))
    if now > closes:
        return AttendanceError(
            "time", _("the consultation is over; check-in is closed.")
        )
    if member is None:
        return AttendanceError(
            "member", _("your login is not linked to a member of the committee.")
        )
    if not is_invited(consultation, member):
        return AttendanceError(
            "member",
            _("you are not invited to this consultation; the staff can admit you."),
        )
    return None


@dataclass
class CheckIn:
    status: str  # the mark that stands: present (or staff's mark)
    time: str  # when it was made (UTC, ISO)
    late: bool
    first: bool  # False: a mark was already there and stands


def check_in(consultation, member, given_code, now=None):
    """Mark ``member`` present as checked in, or raise AttendanceError naming the field."""
    now = now or datetime.now(timezone.utc)
    problem = refusal(consultation, member, given_code, now)
    if problem is not None:
        raise problem
    mark, first = attendance.record_check_in(
        consultation, IUUID(member), is_late(consultation, now), now
    )
    return CheckIn(mark["status"], mark["time"], bool(mark.get("late")), first)


def admit(consultation, member, now=None):
    """Staff admit a member who was not invited: added to the invitation list (so the
    member reads the materials and the day counts in their duty record) and marked
    present, recorded as admitted. Raises AttendanceError naming the field."""
    now = now or datetime.now(timezone.utc)
    state = api.content.get_state(consultation)
    if state not in OPEN_STATES:
        raise AttendanceError(
            "consultation",
            _("members are admitted to a consultation that takes place."),
        )
    if now < window(consultation)[0]:
        raise AttendanceError("time", _("members are admitted once check-in opens."))
    if member is None or getattr(member, "portal_type", None) != "CommitteeMember":
        raise AttendanceError("member", _("choose a member of the committee."))
    if is_invited(consultation, member):
        raise AttendanceError(
            "member", _("already invited: the member checks in, or staff mark them.")
        )
    consultation.invitees = list(consultation.invitees or ()) + [
        RelationValue(getUtility(IIntIds).getId(member))
    ]
    # the relation catalog, the invitation list's roles and the invitation mail follow
    notify(ObjectModifiedEvent(consultation))
    mark, _first = attendance.record_check_in(
        consultation, IUUID(member), is_late(consultation, now), now, source="admitted"
    )
    return CheckIn(mark["status"], mark["time"], bool(mark.get("late")), True)


@dataclass
class Count:
    invited: int
    checked_in: int
    present: int  # checked in or marked present by staff
    leave: int
    missing: list  # names of those neither present nor on leave


def count(consultation):
    """The live count on the staff's check-in page."""
    lines = attendance.lines(consultation)
    present = [line for line in lines if line.status == "present"]
    leave = [line for line in lines if line.status == "leave"]
    missing = [line.title for line in lines if line.status not in ("present", "leave")]
    return Count(
        invited=len(lines),
        checked_in=sum(1 for line in present if line.source == "checkin"),
        present=len(present),
        leave=len(leave),
        missing=missing,
    )
