"""Talk reminders (谈话提醒): the members the secretariat should talk to about their
duties this year: absent without leave as often as the year's rules allow, or below the
score to pass once the year's review day has come. The secretariat lists them and may
mail each a reminder (after commit, through the outbox)."""

from collective.consultation import _
from collective.consultation.mailing import queue
from collective.consultation.mailing import site_language
from collective.consultation.mailing import t
from collective.consultation.mailing import text_message
from collective.consultation.members import scoring
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from plone import api

import calendar


@dataclass
class Reminder:
    member: str  # UID
    title: str
    sector: str | None
    absent: int
    total: int
    minimum: int
    reasons: list = field(default_factory=list)  # "absent", "below_minimum"


def review_date(year, rules):
    """The year's review day; one kept before days were checked (02-29, 02-30) falls on
    the month's last day, so the year's pages still open and the rules can be mended."""
    month, day = (int(part) for part in rules.review_day.split("-"))
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def due(year, today=None):
    """Reminders for ``year``, by name."""
    today = today or date.today()
    rules = scoring.rules_for(year)
    reviewing = today >= review_date(year, rules)
    found = []
    for score in scoring.scores([year], with_lines=False).values():
        absent = score.counts.get("absent", 0)
        reasons = []
        if absent >= rules.absences:
            reasons.append("absent")
        if reviewing and not score.passed:
            reasons.append("below_minimum")
        if reasons:
            found.append(
                Reminder(
                    score.member,
                    score.title,
                    score.sector,
                    absent,
                    score.total,
                    score.minimum,
                    reasons,
                )
            )
    return sorted(found, key=lambda r: r.title)


def send(reminders, year):
    """Mail each member in ``reminders`` who has an e-mail address. Returns how many."""
    language = site_language()
    catalog = api.portal.get_tool("portal_catalog")
    told = 0
    for reminder in reminders:
        brains = catalog.unrestrictedSearchResults(UID=reminder.member)
        member = brains[0]._unrestrictedGetObject() if brains else None
        if member is None or not member.email:
            continue
        lines = [("p", t(_("Dear ${name},"), language, name=member.title))]
        if "absent" in reminder.reasons:
            lines.append(
                (
                    "p",
                    t(
                        _(
                            "In ${year} you were absent without leave from ${count} "
                            "consultations."
                        ),
                        language,
                        year=year,
                        count=reminder.absent,
                    ),
                )
            )
        if "below_minimum" in reminder.reasons:
            lines.append(
                (
                    "p",
                    t(
                        _(
                            "Your duty score for ${year} is ${total}; the score to pass "
                            "is ${minimum}."
                        ),
                        language,
                        year=year,
                        total=reminder.total,
                        minimum=reminder.minimum,
                    ),
                )
            )
        lines.append(
            (
                "p",
                t(
                    _(
                        "The committee's office would like to talk with you about your "
                        "duties; please get in touch."
                    ),
                    language,
                ),
            )
        )
        lines.append(
            (
                "a",
                (
                    t(_("Your duty record"), language),
                    f"{api.portal.get().absolute_url()}/@@my-duties?year={year}",
                ),
            )
        )
        message = text_message(
            t(_("About your duties in ${year}"), language, year=year),
            (member.title, member.email),
            lines,
        )
        queue(message, "duty-reminder")
        told += 1
    return told
