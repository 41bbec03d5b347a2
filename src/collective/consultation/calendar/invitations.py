"""Who is invited, what was sent to each of them and how its delivery went, and their
answers; invitations leave through the outbox (mailqueue.py) after commit. A failed
delivery never stops the transition; re-sending queues it again."""

from collective.consultation import mailqueue
from collective.consultation import vocabularies
from collective.consultation.calendar import rsvp
from collective.consultation.calendar.data import Attendee
from collective.consultation.calendar.data import event_from_object
from collective.consultation.calendar.data import PARTSTATS
from collective.consultation.calendar.ical import build_calendar
from collective.consultation.calendar.identity import ical_sequence
from collective.consultation.calendar.mail import build_message
from collective.consultation.content.consultation import IConsultation
from collective.consultation.mailing import sender
from collective.consultation.mailing import site_language
from collective.consultation.relations import related_objects
from collective.consultation.validation import parse_guest
from datetime import datetime
from datetime import timezone
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone.uuid.interfaces import IUUID
from typing import NamedTuple
from z3c.relationfield import RelationValue
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

ANNOTATION_KEY = "collective.consultation.invitations"
ANSWERS = tuple(value for value, _title in vocabularies.RSVP_ANSWERS)
METHODS = {"invitation": "REQUEST", "update": "REQUEST", "cancellation": "CANCEL"}


class Recipient(NamedTuple):
    key: str  # a member's UID, or "guest:<e-mail>"
    name: str
    email: str
    kind: str  # "member" or "guest"


def invite(consultation, members):
    """Add ``members`` to the invitees (those already invited stay as they are); the
    usual modified event follows, so a scheduled consultation sends them invitations.
    Returns how many were added."""
    current = {IUUID(m) for m in related_objects(consultation.invitees)}
    new = [m for m in members if IUUID(m) not in current]
    if not new:
        return 0
    intids = getUtility(IIntIds)
    consultation.invitees = list(consultation.invitees or []) + [
        RelationValue(intids.getId(m)) for m in new
    ]
    notify(ObjectModifiedEvent(consultation, Attributes(IConsultation, "invitees")))
    consultation.reindexObject()
    return len(new)


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

    def add_sending(self, recipient, purpose, sequence, letter_id):
        """Record that ``purpose`` was queued for the recipient in the outbox's letter
        ``letter_id``; how its delivery went is read from the outbox (``sendings``)."""
        self._record(recipient)["sendings"].append(
            {
                "time": _now(),
                "purpose": purpose,
                "method": METHODS[purpose],
                "sequence": sequence,
                "letter": letter_id,
            }
        )

    def sendings(self, key):
        """What was sent to ``key``, each with its delivery: status (queued, sent,
        retrying, failed), when, attempts and the last error."""
        out = []
        for sending in self.records.get(key, {}).get("sendings", ()):
            entry = dict(sending)
            entry.update(delivery_of(sending, key))
            out.append(entry)
        return out

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
        """Something was queued for ``key`` (its delivery may still be under way)."""
        record = self.records.get(key)
        return bool(record and record["sendings"])


def _now():
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def delivery_of(sending, key):
    """A sending's delivery; records from before the outbox kept "ok" and "error"."""
    if "letter" not in sending:
        ok = sending.get("ok", False)
        return {
            "status": mailqueue.SENT if ok else mailqueue.FAILED,
            "delivered": sending["time"] if ok else None,
            "attempts": 1,
            "error": sending.get("error", ""),
        }
    found = mailqueue.delivery(sending["letter"], key) or {
        "status": mailqueue.FAILED,
        "time": None,
        "attempts": 0,
        "error": "no longer in the outbox",
    }
    return {
        "status": found["status"],
        "delivered": found["time"] if found["status"] == mailqueue.SENT else None,
        "attempts": found["attempts"],
        "error": found["error"],
    }


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
    """Queue ``purpose`` (invitation, update, cancellation) for the recipients ``to`` (by
    default everyone invited): one letter in the outbox, built per recipient by the
    delivery worker after commit, so this costs the same for 5 invitees or 500. Returns
    the letter's id."""
    log = InvitationLog(consultation)
    chosen = recipients(consultation) if to is None else list(to)
    if not chosen:
        return None
    sequence = ical_sequence(consultation)
    letter_id, _message_ids = mailqueue.queue_built(
        "invitation",
        sender()[1],
        purpose,
        [(r.key, r.name, r.email) for r in chosen],
        {"consultation": IUUID(consultation), "purpose": purpose},
    )
    for recipient in chosen:
        log.add_sending(recipient, purpose, sequence, letter_id)
    return letter_id


def build_invitation(letter, key):
    """The delivery worker's builder: the message for one recipient of a letter, made
    from the consultation as it is now. Each names its recipient as the only ATTENDEE:
    nobody learns from an invitation who else was invited."""
    from plone import api

    consultation = api.content.get(UID=letter.params["consultation"])
    if consultation is None:
        raise LookupError("The consultation was deleted.")
    purpose = letter.params["purpose"]
    delivery = letter.recipients[key]
    recipient = Recipient(
        key,
        delivery["name"],
        delivery["email"],
        "guest" if key.startswith("guest:") else "member",
    )
    method = METHODS[purpose]
    event = event_from_object(consultation, getattr(consultation, "REQUEST", None))
    event.attendees = [attendee_of(recipient, InvitationLog(consultation))]
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
        sender(),
        (recipient.name, recipient.email),
        links,
        site_language(),
    )
    message.replace_header("Message-ID", delivery["message_id"])
    return message.as_bytes()


mailqueue.register_builder("invitation", build_invitation)


def summary(consultation):
    """Each invitee and guest with what was sent to them, how its delivery went and their
    answer; and the counts (what @invitations and the invitations panel show staff)."""
    log = InvitationLog(consultation)
    rows = []
    for recipient in recipients(consultation):
        record = log.records.get(recipient.key, {})
        sendings = log.sendings(recipient.key)
        last = sendings[-1] if sendings else {}
        rows.append(
            {
                "key": recipient.key,
                "kind": recipient.kind,
                "name": recipient.name,
                "email": recipient.email,
                "sent": sendings,
                "last_sent": last.get("time"),
                "delivery": last.get("status"),
                "delivered": last.get("delivered"),
                "attempts": last.get("attempts", 0),
                "error": last.get("error", ""),
                "failed": last.get("status") == mailqueue.FAILED,
                "answer": record.get("answer"),
                "reason": record.get("reason", ""),
                "answered": record.get("answered"),
            }
        )
    counts = {
        answer: sum(1 for r in rows if r["answer"] == answer) for answer in ANSWERS
    }
    for state in (
        mailqueue.QUEUED,
        mailqueue.SENT,
        mailqueue.RETRYING,
        mailqueue.FAILED,
    ):
        counts[state] = sum(1 for r in rows if r["delivery"] == state)
    counts.update(invited=len(rows), no_answer=sum(1 for r in rows if not r["answer"]))
    return {"summary": counts, "items": rows}


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
