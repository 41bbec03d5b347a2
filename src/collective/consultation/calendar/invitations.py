"""Who is invited, what was sent to each of them, and their answers; and the sending itself
through Plone's MailHost. A failed delivery is recorded and never stops the transition;
re-sending delivers it."""

from collective.consultation.calendar import rsvp
from collective.consultation.calendar.data import Attendee
from collective.consultation.calendar.data import event_from_object
from collective.consultation.calendar.data import PARTSTATS
from collective.consultation.calendar.ical import build_calendar
from collective.consultation.calendar.mail import build_message
from collective.consultation.content.validation import parse_guest
from collective.consultation.mailing import deliver
from collective.consultation.mailing import sender
from collective.consultation.mailing import site_language
from collective.consultation.relations import related_objects
from datetime import datetime
from datetime import timezone
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone.uuid.interfaces import IUUID
from typing import NamedTuple
from zope.annotation.interfaces import IAnnotations

ANNOTATION_KEY = "collective.consultation.invitations"
ANSWERS = ("accepted", "declined", "leave")
METHODS = {"invitation": "REQUEST", "update": "REQUEST", "cancellation": "CANCEL"}


class Recipient(NamedTuple):
    key: str  # a member's UID, or "guest:<e-mail>"
    name: str
    email: str
    kind: str  # "member" or "guest"


def recipients(consultation):
    """Invited members (with an e-mail) and guests who gave an e-mail."""
    found = [
        Recipient(IUUID(m), m.title, m.email, "member")
        for m in related_objects(consultation.invitees)
        if m.email
    ]
    for line in consultation.guests or ():
        guest = parse_guest(line)
        if guest["email"]:
            found.append(
                Recipient(
                    f"guest:{guest['email'].lower()}",
                    guest["name"],
                    guest["email"],
                    "guest",
                )
            )
    return found


class InvitationLog:
    """The per-consultation record, kept in an annotation; reading never writes."""

    def __init__(self, consultation):
        self.consultation = consultation
        self.annotations = IAnnotations(consultation)

    @property
    def records(self):
        return self.annotations.get(ANNOTATION_KEY, {})

    def _record(self, recipient):
        if ANNOTATION_KEY not in self.annotations:
            self.annotations[ANNOTATION_KEY] = PersistentMapping()
        records = self.annotations[ANNOTATION_KEY]
        if recipient.key not in records:
            records[recipient.key] = PersistentMapping(
                name=recipient.name,
                email=recipient.email,
                kind=recipient.kind,
                sendings=PersistentList(),
                answer=None,
                reason="",
                answered=None,
            )
        record = records[recipient.key]
        record["name"], record["email"] = recipient.name, recipient.email
        return record

    def add_sending(self, recipient, purpose, sequence, error=None):
        self._record(recipient)["sendings"].append(
            {
                "time": _now(),
                "purpose": purpose,
                "method": METHODS[purpose],
                "sequence": sequence,
                "ok": error is None,
                "error": error or "",
            }
        )

    def set_answer(self, recipient, answer, reason=""):
        if answer not in ANSWERS:
            raise ValueError(answer)
        record = self._record(recipient)
        record["answer"] = answer
        record["reason"] = reason if answer == "leave" else ""
        record["answered"] = _now()

    def answer_of(self, key):
        record = self.records.get(key)
        return record["answer"] if record else None

    def partstats(self):
        """{key: PARTSTAT} for every answer given (catalog metadata for feeds)."""
        return {
            key: PARTSTATS[r["answer"]]
            for key, r in self.records.items()
            if r["answer"]
        }

    def was_sent(self, key):
        record = self.records.get(key)
        return bool(record and record["sendings"])


def _now():
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def organizer():
    """(e-mail, name) of the committee's mailbox, as calendars name the organiser."""
    name, email = sender()
    return email, name


def is_over(consultation):
    return consultation.end is not None and consultation.end < datetime.now(
        timezone.utc
    )


def attendee_of(recipient, log):
    return Attendee(
        email=recipient.email,
        name=recipient.name,
        role="REQ-PARTICIPANT" if recipient.kind == "member" else "OPT-PARTICIPANT",
        partstat=PARTSTATS[log.answer_of(recipient.key)],
    )


def attendees(consultation, log=None):
    log = log or InvitationLog(consultation)
    return [attendee_of(r, log) for r in recipients(consultation)]


def calendar_for(consultation, method=None, request=None, with_attendees=False):
    """The consultation's calendar (bytes) and the EventData it was made from; with every
    attendee and their answer only when asked (the list is members' personal data)."""
    request = request if request is not None else getattr(consultation, "REQUEST", None)
    event = event_from_object(
        consultation, request, attendees(consultation) if with_attendees else ()
    )
    return build_calendar([event], method=method, organizer=organizer()), event


def send(consultation, purpose, to=None):
    """Send ``purpose`` (invitation, update, cancellation) to the recipients ``to`` (by
    default everyone invited). Each message names its recipient as the only ATTENDEE:
    nobody learns from an invitation who else was invited. Returns {key: error or
    None}."""
    log = InvitationLog(consultation)
    method = METHODS[purpose]
    request = getattr(consultation, "REQUEST", None)
    event = event_from_object(consultation, request)
    from_ = sender()

    language = site_language()
    results = {}
    for recipient in recipients(consultation) if to is None else to:
        event.attendees = [attendee_of(recipient, log)]
        payload = build_calendar([event], method=method, organizer=organizer())
        links = [
            (answer, rsvp.rsvp_link(consultation, recipient.key, answer))
            for answer in ANSWERS
        ]
        message = build_message(
            event,
            payload,
            method,
            purpose,
            from_,
            (recipient.name, recipient.email),
            links,
            language,
        )
        error = deliver(message)
        log.add_sending(recipient, purpose, event.sequence, error)
        results[recipient.key] = error
    return results


def removed_recipients(consultation):
    """Recipients that were sent something but are no longer invited."""
    current = {r.key for r in recipients(consultation)}
    return [
        Recipient(key, r["name"], r["email"], r["kind"])
        for key, r in InvitationLog(consultation).records.items()
        if key not in current
        and r["sendings"]
        and r["sendings"][-1]["purpose"] != "cancellation"
    ]
