"""Messages to the units and the secretariat: a referral (交办通知) when a suggestion is
referred or reopened, and the overdue reminders (催办). Each sending to a suggestion's
unit is recorded on the suggestion, with its error if delivery failed."""

from collective.consultation import _
from collective.consultation.interfaces import setting
from collective.consultation.mailing import deliver
from collective.consultation.mailing import site_language
from collective.consultation.mailing import t
from collective.consultation.mailing import text_message
from collective.consultation.tracking import units
from contextlib import contextmanager
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
    """[{time, purpose, to, error}] of what was sent about the suggestion."""
    return list(IAnnotations(suggestion).get(ANNOTATION_KEY, ()))


def record(suggestion, purpose, to, error):
    annotations = IAnnotations(suggestion)
    log = annotations.get(ANNOTATION_KEY)
    if log is None:
        log = annotations[ANNOTATION_KEY] = PersistentList()
    log.append(
        {
            "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "purpose": purpose,
            "to": to,
            "error": error,
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
}


def referral_lines(suggestion, unit, language):
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
    }[_purpose(suggestion)]
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
                    date=suggestion.deadline.isoformat(),
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


def notify_referral(suggestion):
    """E-mail the lead unit, with the assisting units in copy. Returns the error or None."""
    if is_quiet():
        return None
    lead = units.find(suggestion.lead_unit)
    if lead is None:
        return None  # the referral check makes this rare: a unit deleted since
    assisting = [
        u for u in map(units.find, suggestion.assisting_units or ()) if u is not None
    ]
    language = site_language()
    purpose = _purpose(suggestion)
    message = text_message(
        t(REFERRAL_SUBJECTS[purpose], language, title=suggestion.title),
        (lead.name, lead.email),
        referral_lines(suggestion, lead, language),
        cc=[(u.name, u.email) for u in assisting],
    )
    _reply_to(message)
    error = deliver(message)
    to = [readable(lead)] + [readable(u) for u in assisting]
    record(suggestion, purpose, to, error)
    return error
