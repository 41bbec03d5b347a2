"""Members' duty evaluation (履职量化考评): the rules (points per item, a cap per item, the
minimum to pass), kept per year by the secretariat, and each member's score with every
line behind it, so that a member can check each point.

A year's rules are the newest version saved for that year or an earlier one; the defaults
hold until the secretariat saves one. Scores are computed from the duty records (catalog
brains only) whenever they are asked for: nothing is stored twice, and a changed rule
changes every score at once."""

from collective.consultation import _
from collective.consultation.errors import FieldError
from collective.consultation.interfaces import setting
from collective.consultation.members.duty import records
from collective.consultation.permissions import VIEW_REPORTS
from collective.consultation.tracking.states import ADOPTED
from collective.consultation.tracking.states import FORWARDED
from collective.consultation.tracking.states import NOT_MADE
from collective.consultation.validation import text_problem
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from datetime import timezone
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations

import re

KEY = "collective.consultation.duty_rules"
FIELD_WORK = ("inspection", "research")  # 视察、调研: counted as their own item


@dataclass(frozen=True)
class Rule:
    id: str
    title: object  # an i18n message
    points: int  # the default
    cap: int | None = (
        None  # the default most (or, for a deduction, least) it adds up to
    )


RULES = (
    Rule("present", _("Attended a consultation"), 2),
    Rule("inspection", _("Attended an inspection or research"), 2),
    Rule("leave", _("On leave"), 0),
    Rule("absent", _("Absent without leave"), -3),
    Rule("on_time", _("Checked in on time"), 0),
    Rule("late", _("Checked in late"), -1),
    Rule("suggestion", _("Suggestion submitted"), 1, 10),
    Rule("referred", _("Suggestion referred to a unit"), 1),
    Rule("adopted_full", _("Suggestion adopted in full"), 3),
    Rule("adopted_partial", _("Suggestion adopted in part"), 2),
    Rule("opinion_adopted", _("Public-opinion item adopted"), 5),
    Rule("instruction", _("Leader's instruction on a suggestion"), 5),
    Rule("speech", _("Speech delivered"), 3),
)
RULE_IDS = tuple(rule.id for rule in RULES)
RULES_BY_ID = {rule.id: rule for rule in RULES}
DEFAULT_MINIMUM = 10
DEFAULT_ABSENCES = 2
DEFAULT_REVIEW_DAY = "10-31"
REVIEW_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


def is_review_day(value):
    """MM-DD of a day every year has: 02-30 never is, 02-29 not in three years of four."""
    if not isinstance(value, str) or not REVIEW_DAY.match(value):
        return False
    month, day = (int(part) for part in value.split("-"))
    try:
        date(2001, month, day)  # a common year
    except ValueError:
        return False
    return True


class RulesError(FieldError):
    """Refused rules; ``field`` names what was wrong."""


@dataclass
class RuleSet:
    year: int | None  # the version's year (None: the defaults)
    points: dict
    caps: dict
    minimum: int
    note: str = ""  # the secretariat's, e.g. where the rules come from
    # 谈话提醒: remind a member absent without leave this many times in the year, and
    # from this day of the year (MM-DD) one whose score is below the minimum
    absences: int = DEFAULT_ABSENCES
    review_day: str = DEFAULT_REVIEW_DAY


def defaults():
    return RuleSet(
        None,
        {r.id: r.points for r in RULES},
        {r.id: r.cap for r in RULES if r.cap is not None},
        DEFAULT_MINIMUM,
    )


def _versions():
    return IAnnotations(api.portal.get()).get(KEY, {})


def rules_for(year):
    """The rules that hold for ``year``: the newest version saved for it or before."""
    versions = _versions()
    known = sorted(y for y in versions if year is None or y <= year)
    if not known:
        return defaults()
    stored = versions[known[-1]]
    return RuleSet(
        known[-1],
        # a rule added after the version was saved counts with its default points
        {**defaults().points, **stored["points"]},
        # caps as saved: a cap left empty is no cap
        dict(stored["caps"]),
        stored["minimum"],
        stored.get("note", ""),
        stored.get("absences", DEFAULT_ABSENCES),
        stored.get("review_day", DEFAULT_REVIEW_DAY),
    )


def _whole(value, name):
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not -100 <= value <= 100
    ):
        raise RulesError(name, _("a whole number between -100 and 100."))
    return value


def save_rules(
    year,
    points,
    caps,
    minimum,
    note="",
    absences=DEFAULT_ABSENCES,
    review_day=DEFAULT_REVIEW_DAY,
):
    """Keep the rules from ``year`` on. Everything is checked before anything is
    stored; RulesError names the field."""
    unknown = sorted((set(points) | set(caps)) - set(RULE_IDS))
    if unknown:
        raise RulesError(unknown[0], _("not one of the rules."))
    checked_points = {
        rule: _whole(value, f"points.{rule}") for rule, value in points.items()
    }
    checked_caps = {
        rule: _whole(value, f"cap.{rule}")
        for rule, value in caps.items()
        if value is not None
    }
    for rule, cap in checked_caps.items():
        # A cap bounds what a rule adds up to, on the side its points go: 0 or more for
        # a rule that adds, 0 or less for a deduction.
        sign = checked_points.get(rule, RULES_BY_ID[rule].points)
        if (sign >= 0 and cap < 0) or (sign < 0 and cap > 0):
            raise RulesError(
                f"cap.{rule}",
                _(
                    "a cap on the same side as the rule's points (0 or more for a rule "
                    "that adds, 0 or less for a deduction)."
                ),
            )
    minimum = _whole(minimum, "minimum")
    absences = _whole(absences, "absences")
    if absences < 1:
        raise RulesError("absences", _("at least 1."))
    if not is_review_day(review_day):
        raise RulesError(
            "review_day",
            _("a day that every year has, as MM-DD, e.g. 10-31 (not 02-29)."),
        )
    if text_problem(note or "", single_line=True):
        raise RulesError("note", _("one line of text, without invisible characters."))
    annotations = IAnnotations(api.portal.get())
    store = annotations.get(KEY)
    if store is None:
        store = annotations[KEY] = PersistentMapping()
    store[year] = {
        "points": checked_points,
        "caps": checked_caps,
        "minimum": minimum,
        "note": note,
        "absences": absences,
        "review_day": review_day,
        "by": api.user.get_current().getId(),
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    return rules_for(year)


# --- scores ----------------------------------------------------------------------------------


@dataclass
class Line:
    rule: str
    title: str  # the activity: a consultation, suggestion or speech
    url: str
    date: object  # a datetime or date (the activity's)
    year: int | None
    points: int = 0
    capped: bool = False  # the rule's cap was reached: this line adds nothing more


@dataclass
class Score:
    member: str  # UID
    title: str
    sector: str | None
    total: int = 0
    minimum: int = DEFAULT_MINIMUM
    lines: list = field(default_factory=list)  # only when asked for
    by_rule: dict = field(default_factory=dict)  # points per rule
    counts: dict = field(default_factory=dict)  # items per rule

    @property
    def passed(self):
        return self.total >= self.minimum


def _date(brain, name):
    value = getattr(brain, name, None)
    return value.asdatetime() if hasattr(value, "asdatetime") else value


def activity_lines(record):
    """(rule, brain, date attribute) for every item of a member's duty record that a rule
    counts, in no particular order."""
    found = []
    for brain, status in record.consultations:
        if status == "present":
            kind = brain.consultation_kind
            found.append(("inspection" if kind in FIELD_WORK else "present", brain))
        elif status in ("leave", "absent"):
            found.append((status, brain))
        checkin = (brain.attendance_checkins or {}).get(record.member)
        if checkin:
            found.append(("late" if checkin == "late" else "on_time", brain))
    for brain in record.proposed:
        if brain.review_state in NOT_MADE:
            continue
        found.append(("suggestion", brain))
        if brain.review_state in FORWARDED:
            found.append(("referred", brain))
        if brain.review_state in ADOPTED:
            if brain.public_opinion:
                found.append(("opinion_adopted", brain))
            elif brain.adoption_degree in ("full", "partial"):
                found.append((f"adopted_{brain.adoption_degree}", brain))
        if getattr(brain, "has_instruction", False):
            found.append(("instruction", brain))
    for brain, delivered in record.spoken:
        if delivered:
            found.append(("speech", brain))
    return found


def _when(brain):
    if brain.portal_type == "Consultation":
        return _date(brain, "start")
    return _date(brain, "consultation_date")


def _allowed(points, so_far, cap):
    """What one more item adds when the rule's total stands at ``so_far``."""
    if cap is None:
        return points
    if points >= 0:
        return max(0, min(points, cap - so_far))
    return min(0, max(points, cap - so_far))


def _capped_total(points, times, cap):
    """What ``times`` items add up to, as adding them one by one with _allowed would."""
    if cap is None:
        return points * times
    if points >= 0:
        return min(points * times, max(cap, 0))
    return max(points * times, min(cap, 0))


def score_of(record, rules_by_year, with_lines=True):
    """The member's Score, each item with the points of its year's rules; a rule's cap
    stops its total growing (or, for a deduction, falling) further. With ``with_lines``
    one line per item, in date order (the member's and the dossier's view); without, the
    totals only (the ranking's)."""
    score = Score(record.member, record.title, record.sector)
    found = [
        (rule, brain, brain.consultation_year) for rule, brain in activity_lines(record)
    ]
    for rule, _brain, _year in found:
        score.counts[rule] = score.counts.get(rule, 0) + 1
    if not with_lines:
        per_year = {}
        for rule, _brain, year in found:
            per_year[year, rule] = per_year.get((year, rule), 0) + 1
        for (year, rule), times in per_year.items():
            rules = rules_by_year(year)
            points = _capped_total(rules.points[rule], times, rules.caps.get(rule))
            score.by_rule[rule] = score.by_rule.get(rule, 0) + points
            score.total += points
        return score
    lines = [
        Line(
            rule,
            brain.Title,
            brain.getURL(),
            _when(brain),
            year,
            rules_by_year(year).points[rule],
        )
        for rule, brain, year in found
    ]
    lines.sort(key=lambda line: (str(line.date or ""), RULE_IDS.index(line.rule)))
    in_year = {}  # caps hold per year
    for line in lines:
        so_far = in_year.get((line.year, line.rule), 0)
        allowed = _allowed(
            line.points, so_far, rules_by_year(line.year).caps.get(line.rule)
        )
        line.capped = allowed != line.points
        line.points = allowed
        in_year[line.year, line.rule] = so_far + allowed
        score.by_rule[line.rule] = score.by_rule.get(line.rule, 0) + allowed
        score.total += allowed
    score.lines = lines
    return score


def scores(years, members=None, with_lines=True):
    """{member UID: Score} over ``years`` (one year, or a term's), each year's items
    counted by that year's rules; the score to pass is each year's, added up. The
    years are read in one go."""
    cache = {}

    def rules_by_year(year):
        if year not in cache:
            cache[year] = rules_for(year)
        return cache[year]

    found = records(list(years), members, ordered=with_lines)
    minimum = sum(rules_by_year(year).minimum for year in years)
    result = {}
    for uid, record in found.items():
        result[uid] = score_of(record, rules_by_year, with_lines)
        result[uid].minimum = minimum
    return result


def ranked(score_map):
    """Scores from the highest, with their rank (equal totals share a rank)."""
    ordered = sorted(score_map.values(), key=lambda s: (-s.total, s.title))
    result, rank, previous = [], 0, None
    for position, score in enumerate(ordered, 1):
        if score.total != previous:
            rank, previous = position, score.total
        result.append((rank, score))
    return result


def rank_of(member_uid, years):
    """(the member's rank, how many are ranked) over ``years``."""
    everyone = ranked(scores(years, with_lines=False))
    for rank, score in everyone:
        if score.member == member_uid:
            return rank, len(everyone)
    return None, len(everyone)


def may_see_rank():
    """Whether the user sees a member's rank: the secretariat always, members when the
    settings allow it (the ranking itself stays the secretariat's)."""
    if api.user.has_permission(VIEW_REPORTS, obj=api.portal.get()):
        return True
    return bool(setting("show_own_rank"))
