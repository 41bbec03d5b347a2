"""Deadlines (办理时限): which referred suggestions are past their answer deadline, and the
reminders (催办) that go to each unit with its overdue items and to the secretariat as one
digest. ``today`` is a parameter everywhere, so a fixed clock tests it and cron runs it.
"""

from collective.consultation import _
from collective.consultation.dates import as_day
from collective.consultation.dates import readable
from collective.consultation.interfaces import setting
from collective.consultation.mailing import queue
from collective.consultation.mailing import site_language
from collective.consultation.mailing import t
from collective.consultation.mailing import text_message
from collective.consultation.tracking import notices
from collective.consultation.tracking import units
from collective.consultation.tracking.overdue import is_overdue
from collective.consultation.tracking.overdue import WAITING
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from DateTime import DateTime
from plone import api


def overdue(today=None, year=None):
    """Catalog brains of suggestions waiting for an answer past their deadline, oldest
    deadline first; merged suggestions are chased through their lead."""
    today = today or date.today()
    catalog = api.portal.get_tool("portal_catalog")
    query = {
        "portal_type": "Suggestion",
        "review_state": list(WAITING),
        "deadline": {"query": DateTime(today.isoformat()), "range": "max"},
        "sort_on": "deadline",
    }
    if year:
        query["consultation_year"] = year
    return [
        brain
        for brain in catalog.unrestrictedSearchResults(**query)
        if is_overdue(brain, today)
    ]


def days_late(brain, today):
    return (today - as_day(brain.deadline)).days


@dataclass
class Outcome:
    today: date
    overdue: int = 0
    units: list = field(default_factory=list)  # (unit name, count, letter id)
    unregistered: list = field(default_factory=list)  # unit names with no contact
    digest: str | None = None  # the letter id of the secretariat's digest


def by_unit(brains):
    grouped = {}
    for brain in brains:
        grouped.setdefault(brain.lead_unit or "", []).append(brain)
    return grouped


def _item_line(brain, today, language):
    return (
        "p",
        t(
            _("“${title}”: due ${date}, ${days} days late."),
            language,
            title=brain.Title,
            date=readable(as_day(brain.deadline), language),
            days=str(days_late(brain, today)),
        ),
    )


def send_reminders(today=None):
    """E-mail every unit its overdue items, and the secretariat the digest."""
    today = today or date.today()
    language = site_language()
    outcome = Outcome(today=today)
    brains = overdue(today)
    outcome.overdue = len(brains)
    for name, items in sorted(by_unit(brains).items()):
        unit = units.find(name)
        if unit is None:
            outcome.unregistered.append(name or "—")
            continue
        lines = [
            ("p", t(_("To ${unit}:"), language, unit=unit.name)),
            (
                "p",
                t(
                    _(
                        "These suggestions referred to your unit are past their answer deadline:"
                    ),
                    language,
                ),
            ),
        ]
        lines.extend(_item_line(brain, today, language) for brain in items)
        secretariat = setting("secretariat_email")
        if secretariat:
            lines.append(
                (
                    "p",
                    t(
                        _("Send the answer to ${mailbox}."),
                        language,
                        mailbox=secretariat,
                    ),
                )
            )
        message = text_message(
            t(
                _("Overdue: ${count} suggestions await your answer"),
                language,
                count=str(len(items)),
            ),
            (unit.name, unit.email),
            lines,
        )
        if secretariat:
            message["Reply-To"] = secretariat
        letter_id = queue(message, "reminder")
        outcome.units.append((unit.name, len(items), letter_id))
        for brain in items:
            notices.record(
                brain._unrestrictedGetObject(),
                "reminder",
                [notices.readable(unit)],
                letter_id,
            )
    outcome.digest = send_digest(brains, outcome, today, language)
    return outcome


def send_digest(brains, outcome, today, language):
    secretariat = setting("secretariat_email")
    if not secretariat or not brains:
        return None
    lines = [
        (
            "p",
            t(
                _("${count} suggestions are past their answer deadline on ${date}."),
                language,
                count=str(len(brains)),
                date=readable(today, language),
            ),
        )
    ]
    for name, items in sorted(by_unit(brains).items()):
        lines.append(("p", f"{name or '—'}（{len(items)}）"))
        lines.extend(_item_line(brain, today, language) for brain in items)
    if outcome.unregistered:
        lines.append(
            (
                "p",
                t(
                    _("Units not in the unit directory, not reminded: ${units}"),
                    language,
                    units="、".join(outcome.unregistered),
                ),
            )
        )
    message = text_message(
        t(_("Overdue suggestions: ${count}"), language, count=str(len(brains))),
        (t(_("Secretariat"), language), secretariat),
        lines,
    )
    return queue(message, "digest")
