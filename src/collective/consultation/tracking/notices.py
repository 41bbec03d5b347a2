"""Messages to the units and the secretariat: a referral (交办通知) when a suggestion is
referred or reopened, and the overdue reminders (催办). Each sending to a suggestion's
unit is recorded on the suggestion, with its error if delivery failed."""

from collective.consultation import _
from collective.consultation import dates
from collective.consultation import mailqueue
from collective.consultation.interfaces import setting
from collective.consultation.mailing import queue
from collective.consultation.mailing import site_language
from collective.consultation.mailing import t
from collective.consultation.mailing import text_message
from collective.consultation.tracking import units
from collective.consultation.tracking.evaluation import proposer_members
from contextlib import contextmanager
from datetime import date
from datetime import datetime
from datetime import timezone
from persistent.list import PersistentList
from zope.annotation.interfaces import IAnnotations

import threading

ANNOTATION_KEY = "collective.consultation.notices"
_state = threading.local()


@contextmanager
def quiet():
    """Send nothing inside (building the demo year, importing past years)."""
    _state.quiet = True
    try:
        yield
    finally:
        _state.quiet = False


def is_quiet():
    return getattr(_state, "quiet", False)


def sent_notices(suggestion):
    """[{time, purpose, to, status, error, recipients}] of what was sent about the
    suggestion, each with its delivery as the outbox knows it: ``status`` the state of the
    recipient who fared worst, ``recipients`` each address's own."""
    return [
        with_delivery(notice)
        for notice in IAnnotations(suggestion).get(ANNOTATION_KEY, ())
    ]


def with_delivery(notice):
    notice = dict(notice)
    if "letter" not in notice:  # recorded before the outbox: sent at once, or failed
        notice["status"] = mailqueue.FAILED if notice.get("error") else mailqueue.SENT
        notice["recipients"] = {}
        return notice
    recipients = mailqueue.deliveries(notice["letter"])
    notice["recipients"] = recipients
    notice["status"] = mailqueue.worst({d["status"] for d in recipients.values()})
    errors = [d["error"] for d in recipients.values() if d["error"]]
    notice["error"] = "; ".join(errors) if notice["status"] != mailqueue.SENT else ""
    return notice


def record(suggestion, purpose, to, letter_id):
    annotations = IAnnotations(suggestion)
    log = annotations.get(ANNOTATION_KEY)
    if log is None:
        log = annotations[ANNOTATION_KEY] = PersistentList()
    log.append(
        {
            "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "purpose": purpose,
            "to": to,
            "letter": letter_id,
        }
    )


def readable(unit):
    """“name <e-mail>” as people read it (formataddr would encode the Chinese name)."""
    return f"{unit.name} <{unit.email}>"


def _reply_to(message):
    secretariat = setting("secretariat_email")
    if secretariat:
        message["Reply-To"] = secretariat


REFERRAL_SUBJECTS = {
    "refer": _("Referred to you: ${title}"),
    "reopen": _("To be handled again: ${title}"),
    "reassign": _("Referred to you (change of units): ${title}"),
}


def referral_lines(suggestion, unit, language, purpose=None):
    assisting = "、".join(suggestion.assisting_units or ())
    lines = [("p", t(_("To ${unit}:"), language, unit=unit.name))]
    lead = {
        "refer": _(
            "The suggestion “${title}” is referred to your unit to lead its handling."
        ),
        "reopen": _(
            "The proposers were not satisfied with the answer to “${title}”; "
            "it is referred to your unit again (round ${round})."
        ),
        "reassign": _(
            "The units handling “${title}” have changed: it is now referred to your "
            "unit to lead its handling."
        ),
    }[purpose or _purpose(suggestion)]
    lines.append(
        (
            "p",
            t(
                lead,
                language,
                title=suggestion.title,
                round=str(suggestion.handling_round),
            ),
        )
    )
    if assisting:
        lines.append(
            ("p", t(_("Assisting units: ${units}"), language, units=assisting))
        )
    if suggestion.deadline:
        lines.append(
            (
                "p",
                t(
                    _("Please answer in writing by ${date}."),
                    language,
                    date=dates.readable(suggestion.deadline, language),
                ),
            )
        )
    if suggestion.text:
        lines.append(("p", t(_("The suggestion"), language) + ":"))
        lines.extend(
            ("p", paragraph)
            for paragraph in suggestion.text.splitlines()
            if paragraph.strip()
        )
    if suggestion.instruction:
        lines.append(
            (
                "p",
                t(_("Leader's instruction"), language) + ": " + suggestion.instruction,
            )
        )
    secretariat = setting("secretariat_email")
    if secretariat:
        lines.append(
            ("p", t(_("Send the answer to ${mailbox}."), language, mailbox=secretariat))
        )
    return lines


def _purpose(suggestion):
    return "reopen" if suggestion.handling_round > 1 else "refer"


def notify_referral(suggestion, purpose=None):
    """Queue the mail to the lead unit, with the assisting units in copy. Returns the
    letter's id, or None when nothing was queued."""
    if is_quiet():
        return None
    lead = units.find(suggestion.lead_unit)
    if lead is None:
        return None  # the referral check makes this rare: a unit deleted since
    assisting = [
        u for u in map(units.find, suggestion.assisting_units or ()) if u is not None
    ]
    language = site_language()
    purpose = purpose or _purpose(suggestion)
    message = text_message(
        t(REFERRAL_SUBJECTS[purpose], language, title=suggestion.title),
        (lead.name, lead.email),
        referral_lines(suggestion, lead, language, purpose),
        cc=[(u.name, u.email) for u in assisting],
    )
    _reply_to(message)
    letter_id = queue(message, purpose)
    to = [readable(lead)] + [readable(u) for u in assisting]
    record(suggestion, purpose, to, letter_id)
    return letter_id


def notify_released(suggestion, former_units):
    """After a change of units: the units that no longer handle the suggestion are told
    who does now. Returns the letter's id, or None."""
    former_lead, former_assisting = former_units
    current = {suggestion.lead_unit, *(suggestion.assisting_units or ())}
    released = [
        unit
        for unit in map(units.find, (former_lead, *former_assisting))
        if unit is not None and unit.name not in current
    ]
    if is_quiet() or not released:
        return None
    language = site_language()
    message = text_message(
        t(_("No longer yours to handle: ${title}"), language, title=suggestion.title),
        (released[0].name, released[0].email),
        [
            (
                "p",
                t(
                    _(
                        "The suggestion “${title}” is no longer referred to your unit; "
                        "${unit} leads its handling now. Nothing more is asked of you."
                    ),
                    language,
                    title=suggestion.title,
                    unit=suggestion.lead_unit,
                ),
            )
        ],
        cc=[(u.name, u.email) for u in released[1:]],
    )
    _reply_to(message)
    letter_id = queue(message, "released")
    record(suggestion, "released", [readable(u) for u in released], letter_id)
    return letter_id


def notify_reminder(suggestion, comment="", today=None):
    """催办 of one suggestion: the lead unit is reminded of it and its deadline, with the
    secretariat's words. Returns the letter's id, or None."""
    lead = units.find(suggestion.lead_unit)
    if is_quiet() or lead is None:
        return None
    language = site_language()
    today = today or date.today()
    lines = [("p", t(_("To ${unit}:"), language, unit=lead.name))]
    if suggestion.deadline and suggestion.deadline < today:
        due = _(
            "The suggestion “${title}” referred to your unit was due on ${date}; "
            "it is ${days} days late."
        )
    else:
        due = _(
            "The suggestion “${title}” referred to your unit awaits your answer, "
            "due on ${date}."
        )
    lines.append(
        (
            "p",
            t(
                due,
                language,
                title=suggestion.title,
                date=dates.readable(suggestion.deadline, language) or "—",
                days=(
                    str((today - suggestion.deadline).days)
                    if suggestion.deadline
                    else ""
                ),
            ),
        )
    )
    if comment.strip():
        lines.extend(("p", line) for line in comment.splitlines() if line.strip())
    secretariat = setting("secretariat_email")
    if secretariat:
        lines.append(
            ("p", t(_("Send the answer to ${mailbox}."), language, mailbox=secretariat))
        )
    message = text_message(
        t(_("Reminder: ${title}"), language, title=suggestion.title),
        (lead.name, lead.email),
        lines,
    )
    _reply_to(message)
    letter_id = queue(message, "reminder")
    record(suggestion, "reminder", [readable(lead)], letter_id)
    return letter_id


# --- the proposers, when their suggestion moves on ------------------------------------------

PROPOSER_STEPS = ("answer", "adopt", "decline", "implement")
PROPOSER_SUBJECTS = {
    "answer": _("Answered: ${title}"),
    "adopt": _("Adopted: ${title}"),
    "decline": _("Not adopted: ${title}"),
    "implement": _("Implemented: ${title}"),
}
PROPOSER_LEADS = {
    "answer": _("Your suggestion “${title}” has been answered by ${unit}."),
    "adopt": _("Your suggestion “${title}” has been adopted."),
    "decline": _("Your suggestion “${title}” will not be adopted."),
    "implement": _("Your suggestion “${title}” has been implemented."),
}


def proposer_lines(suggestion, step, member, language):
    lines = [("p", t(_("Dear ${name},"), language, name=member.title))]
    lines.append(
        (
            "p",
            t(
                PROPOSER_LEADS[step],
                language,
                title=suggestion.title,
                unit=suggestion.lead_unit or "",
            ),
        )
    )
    detail = {
        "answer": suggestion.answer,
        "adopt": suggestion.adopting_body,
        "decline": suggestion.decline_reason,
        "implement": suggestion.implementation,
    }[step]
    if detail:
        lines.extend(("p", line) for line in detail.splitlines() if line.strip())
    url = suggestion.absolute_url()
    lines.append(
        (
            "a",
            (
                t(_("Rate the answer (democratic evaluation)"), language),
                f"{url}#evaluation",
            ),
        )
    )
    return lines


def notify_proposers(suggestion, step):
    """Queue a message to each proposer with an e-mail: what happened, and the link to
    rate the answer (民主评议). Each gets their own message (no one sees the others'
    addresses). Returns the letter ids."""
    if is_quiet() or step not in PROPOSER_STEPS:
        return []
    language = site_language()
    letters = []
    for member in proposer_members(suggestion):
        if not member.email:
            continue
        message = text_message(
            t(PROPOSER_SUBJECTS[step], language, title=suggestion.title),
            (member.title, member.email),
            proposer_lines(suggestion, step, member, language),
        )
        _reply_to(message)
        letter_id = queue(message, "proposers")
        record(suggestion, "proposers", [f"{member.title} <{member.email}>"], letter_id)
        letters.append(letter_id)
    return letters
