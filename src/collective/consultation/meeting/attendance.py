"""Attendance (出勤) per consultation: staff mark each invitee present, absent or on leave
once the consultation has begun. Leave comes pre-filled from the member's answer to the
invitation (请假, with its reason). Marks are kept on the consultation, who and when.

A plenary's 500 members check in within minutes, on more than one instance. So each
member's mark is a persistent object of its own (``Mark``) in a BTree keyed by member, made
for every invitee when the consultation is scheduled (``prepare``): a check-in changes
only its member's mark, and two members' check-ins never write the same record. The
catalog's copy of the marks (duty records read it) is refreshed after the commit
(deferredindex.py), not by the check-in itself."""

from BTrees.OOBTree import OOBTree
from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.calendar.invitations import InvitationLog
from collective.consultation.deferredindex import reindex_after_commit
from collective.consultation.errors import FieldError
from collective.consultation.errors import not_one_of
from collective.consultation.relations import related_objects
from collective.consultation.workflows import state_title
from dataclasses import dataclass
from datetime import datetime
from datetime import timezone
from persistent import Persistent
from plone import api
from plone.uuid.interfaces import IUUID
from zope.annotation.interfaces import IAnnotations
from zope.container.interfaces import IContainerModifiedEvent
from zope.globalrequest import getRequest

ANNOTATION_KEY = "collective.consultation.attendance"
STATUSES = tuple(value for value, _title in vocabularies.ATTENDANCE_STATUSES)
MARKABLE_STATES = ("scheduled", "held", "minuted")


class AttendanceError(FieldError):
    """Refused; ``field`` names what was wrong."""


@dataclass
class Line:
    member: str  # UID
    title: str
    sector: str | None
    rsvp: str | None  # the answer to the invitation: accepted, declined, leave
    rsvp_reason: str
    status: str | None  # as marked, or leave pre-filled from the answer
    reason: str
    marked: bool
    by: str
    time: str
    # "checkin": the member checked in (签到); "admitted": not invited, admitted by
    # staff; "": staff's mark
    source: str = ""
    late: bool = False  # checked in later than the control panel allows


class Mark(Persistent):
    """One member's attendance at one consultation; ``status`` None: not marked yet."""

    status = None
    reason = ""
    by = ""
    time = ""
    source = ""  # "checkin", "admitted", or "" for staff's mark
    late = False

    def set(self, **values):
        for name, value in values.items():
            setattr(self, name, value)

    def as_dict(self):
        mark = {
            "status": self.status,
            "reason": self.reason,
            "by": self.by,
            "time": self.time,
        }
        if self.source:
            mark.update(source=self.source, late=self.late)
        return mark


def _as_dict(value):
    """A stored mark as a dict: a Mark, or a dict as releases before 1006 stored it."""
    return value.as_dict() if isinstance(value, Mark) else dict(value)


def marks(consultation):
    """{member UID: {status, reason, by, time[, source, late]}} as marked."""
    stored = IAnnotations(consultation).get(ANNOTATION_KEY, {})
    out = {}
    for uid, value in stored.items():
        mark = _as_dict(value)
        if mark.get("status"):
            out[uid] = mark
    return out


def checkins(consultation):
    """{member UID: "late" | "on_time"} of the marks that are the member's own check-in
    (catalog metadata for duty records)."""
    return {
        uid: "late" if mark.get("late") else "on_time"
        for uid, mark in marks(consultation).items()
        if mark.get("source") == "checkin"
    }


def statuses(consultation):
    """{member UID: status} as marked (catalog metadata for duty records)."""
    return {uid: mark["status"] for uid, mark in marks(consultation).items()}


def lines(consultation):
    """One line per invitee, in the invitation's order."""
    log = InvitationLog(consultation)
    marked = marks(consultation)
    out = []
    for member in related_objects(consultation.invitees):
        uid = IUUID(member)
        record = log.records.get(uid, {})
        mark = marked.get(uid)
        rsvp, rsvp_reason = record.get("answer"), record.get("reason", "") or ""
        if mark:
            status, reason = mark["status"], mark.get("reason", "")
        else:
            status, reason = ("leave", rsvp_reason) if rsvp == "leave" else (None, "")
        out.append(
            Line(
                member=uid,
                title=member.title,
                sector=member.sector,
                rsvp=rsvp,
                rsvp_reason=rsvp_reason,
                status=status,
                reason=reason,
                marked=bool(mark),
                by=mark["by"] if mark else "",
                time=mark["time"] if mark else "",
                source=mark.get("source", "") if mark else "",
                late=bool(mark.get("late")) if mark else False,
            )
        )
    return out


def has_begun(consultation, now=None):
    now = now or datetime.now(timezone.utc)
    return consultation.start is not None and consultation.start <= now


def mark(consultation, changes, now=None):
    """Apply ``changes``: [(member UID, status, reason)]. All are checked first; one bad
    entry and nothing is stored."""
    state = api.content.get_state(consultation)
    if state not in MARKABLE_STATES:
        raise AttendanceError(
            "consultation",
            _(
                "attendance is kept for a consultation that takes place, not a ${state} "
                "one.",
                mapping={
                    "state": state_title("Consultation", state, context=getRequest())
                },
            ),
        )
    if not has_begun(consultation, now):
        raise AttendanceError(
            "consultation",
            _("it has not begun yet; attendance is marked from its start."),
        )
    invited = {IUUID(m): m for m in related_objects(consultation.invitees)}
    for uid, status, reason in changes:
        if uid not in invited:
            raise AttendanceError(
                "member",
                _(
                    "'${uid}' is not invited to this consultation.",
                    mapping={"uid": uid},
                ),
            )
        if status not in STATUSES:
            raise AttendanceError("status", not_one_of(status, STATUSES))
        if not isinstance(reason, str):
            raise AttendanceError("reason", _("must be text."))
    store = store_of(consultation)
    log = InvitationLog(consultation)
    by = api.user.get_current().getId()
    stamp = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    for uid, status, reason in changes:
        if status == "leave" and not reason.strip():
            reason = (
                log.records.get(uid, {}).get("reason", "") or ""
            )  # the member's own words
        _mark_of(store, uid).set(
            status=status,
            reason=reason.strip() if status == "leave" else "",
            by=by,
            time=stamp,
            source="",
            late=False,
        )
    reindex_after_commit(consultation)


def store_of(consultation):
    """The consultation's BTree of marks, made (or brought from the dict of releases
    before 1006) when first written."""
    annotations = IAnnotations(consultation)
    store = annotations.get(ANNOTATION_KEY)
    if not isinstance(store, OOBTree):
        old = store or {}
        store = annotations[ANNOTATION_KEY] = OOBTree()
        for uid, value in old.items():
            _mark_of(store, uid).set(**_as_dict(value))
    return store


def _mark_of(store, uid):
    mark = store.get(uid)
    if mark is None:
        mark = store[uid] = Mark()
    return mark


def prepare(consultation):
    """A mark, not yet marked, for each invitee: check-ins then change a member's own
    mark and never the BTree they are kept in."""
    store = store_of(consultation)
    for member in related_objects(consultation.invitees):
        uid = IUUID(member)
        if uid not in store:
            store[uid] = Mark()


def record_check_in(consultation, uid, late, now=None, source="checkin"):
    """A member's own check-in (签到), as present (``source`` "admitted" for a member
    staff admitted). A mark already there stands: staff's marks win over check-in, and
    a second check-in keeps the first. Returns (the mark that stands, whether this
    check-in made it)."""
    stored = IAnnotations(consultation).get(ANNOTATION_KEY)
    mark = stored.get(uid) if isinstance(stored, OOBTree) else None
    if mark is None:  # not prepared (an admitted member, an older consultation)
        mark = _mark_of(store_of(consultation), uid)
    if mark.status:
        return mark.as_dict(), False
    mark.set(
        status="present",
        reason="",
        by=api.user.get_current().getId(),
        time=(now or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
        source=source,
        late=late,
    )
    reindex_after_commit(consultation)
    return mark.as_dict(), True


def consultation_transitioned(consultation, event):
    """Scheduled: every invitee's mark is made before anyone checks in."""
    if event.new_state is not None and event.new_state.id in MARKABLE_STATES:
        prepare(consultation)


def consultation_modified(consultation, event):
    """Invitees added to a consultation that takes place get their marks too."""
    if IContainerModifiedEvent.providedBy(event):
        return
    if api.content.get_state(consultation, None) in MARKABLE_STATES:
        prepare(consultation)
