"""A member's duty dossier (履职档案, 一人一档) for a year or a term, as a Word document in
the official layout the minutes use: the member, the consultations with attendance, the
suggestions with their state and adoption, the public-opinion items, the speeches, the
score with every line, and the secretariat's note. From the duty records (catalog)."""

from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.dates import readable
from collective.consultation.members import scoring
from collective.consultation.members.duty import records
from collective.consultation.officialdoc import OfficialDocument
from collective.consultation.officialdoc import TITLE_SIZE
from collective.consultation.workflows import state_title
from docx.enum.text import WD_ALIGN_PARAGRAPH
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate

NOTES_KEY = "collective.consultation.dossier_notes"

TEXT = {
    "title": _("Duty dossier of a member"),
    "profile": _("The member"),
    "name": _("Name"),
    "sector": _("Sector"),
    "party": _("Party"),
    "organisation": _("Organisation and position"),
    "standing": _("Member of the standing committee"),
    "consultations": _("Consultations"),
    "suggestions": _("Suggestions"),
    "opinion": _("Public-opinion information"),
    "speeches": _("Speeches"),
    "score": _("Duty score"),
    "note": _("The secretariat's note"),
    "date": _("Date"),
    "activity": _("Activity"),
    "attendance": _("Attendance"),
    "state": _("State"),
    "adoption": _("Adoption"),
    "item": _("Item"),
    "points": _("Points"),
    "none": _("none"),
    "yes": _("Yes"),
    "total": _(
        "dossier_total",
        default="Score ${total}; the score to pass is ${minimum}: ${verdict}.",
    ),
    "passed": _("passed"),
    "failed": _("below the score to pass"),
    "delivered": _("Delivered"),
    **dict(vocabularies.ATTENDANCE_STATUSES),
    "unmarked": _("Not marked"),
    "late": _("late"),
}


def note_key(period):
    return f"term-{period['term']}" if "term" in period else str(period["year"])


def note_of(member, period):
    return IAnnotations(member).get(NOTES_KEY, {}).get(note_key(period), "")


def set_note(member, period, text):
    annotations = IAnnotations(member)
    notes = annotations.get(NOTES_KEY)
    if notes is None:
        notes = annotations[NOTES_KEY] = PersistentMapping()
    notes[note_key(period)] = text


def gathered(member, years):
    """(records of the member per year, the combined score) over ``years``."""
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        UID=member.UID()
    )
    per_year = [records(year, brains)[member.UID()] for year in years]
    score = scoring.scores(years, brains)[member.UID()]
    return per_year, score


class DossierWriter(OfficialDocument):
    def t(self, key, **mapping):
        message = TEXT[key]
        if mapping:
            message = message.__class__(message, mapping=mapping)
        return translate(message, target_language=self.language)

    def term(self, pairs, value):
        if not value:
            return ""
        return translate(
            vocabularies.title_of(pairs, value), target_language=self.language
        )

    def day(self, value):
        if hasattr(value, "asdatetime"):
            value = value.asdatetime()
        return readable(value, self.language, with_time=False)

    def table(self, header, rows):
        if not rows:
            self.paragraph(self.t("none"))
            return
        super().table([self.t(label) for label in header], rows)

    def write(self, member, period_title, per_year, score, note):
        self.paragraph(
            self.t("title"),
            face="title",
            size=TITLE_SIZE,
            align=WD_ALIGN_PARAGRAPH.CENTER,
        )
        self.paragraph(
            (
                f"{member.title}（{period_title}）"
                if self.chinese
                else f"{member.title} ({period_title})"
            ),
            align=WD_ALIGN_PARAGRAPH.CENTER,
        )
        self._rule()
        self.heading(0, self.t("profile"))
        for key, value in (
            ("name", member.title),
            ("sector", self.term(vocabularies.SECTORS, member.sector)),
            ("party", self.term(vocabularies.PARTIES, member.party)),
            ("organisation", member.organisation),
            ("standing", self.t("yes") if member.standing_committee else ""),
        ):
            if value:
                self.paragraph(self.pair(self.t(key), value))
        consultations, suggestions, opinion, speeches = [], [], [], []
        for record in per_year:
            for brain, status in record.consultations:
                checkin = (brain.attendance_checkins or {}).get(record.member)
                shown = self.t(status or "unmarked")
                if checkin == "late":
                    shown += (
                        f"（{self.t('late')}）"
                        if self.chinese
                        else f" ({self.t('late')})"
                    )
                consultations.append((self.day(brain.start), brain.Title, shown))
            for brain in record.proposed:
                row = (
                    brain.Title,
                    state_title(
                        "Suggestion", brain.review_state, target_language=self.language
                    ),
                    self.term(vocabularies.ADOPTION_DEGREES, brain.adoption_degree),
                )
                (opinion if brain.public_opinion else suggestions).append(row)
            for brain, delivered in record.spoken:
                speeches.append(
                    (
                        self.day(brain.consultation_date),
                        brain.Title,
                        (
                            self.t("delivered")
                            if delivered
                            else state_title(
                                "Speech",
                                brain.review_state,
                                target_language=self.language,
                            )
                        ),
                    )
                )
        self.heading(1, self.t("consultations"))
        self.table(("date", "activity", "attendance"), consultations)
        self.heading(2, self.t("suggestions"))
        self.table(("activity", "state", "adoption"), suggestions)
        self.heading(3, self.t("opinion"))
        self.table(("activity", "state", "adoption"), opinion)
        self.heading(4, self.t("speeches"))
        self.table(("date", "activity", "state"), speeches)
        self.heading(5, self.t("score"))
        verdict = self.t("passed") if score.passed else self.t("failed")
        self.paragraph(
            self.t("total", total=score.total, minimum=score.minimum, verdict=verdict)
        )
        titles = {rule.id: rule.title for rule in scoring.RULES}
        self.table(
            ("date", "item", "activity", "points"),
            [
                (
                    self.day(line.date),
                    translate(titles[line.rule], target_language=self.language),
                    line.title,
                    f"{line.points:+d}" if line.points else "0",
                )
                for line in score.lines
            ],
        )
        if note:
            self.heading(6, self.t("note"))
            self.paragraph(note)
        return self


def dossier_docx(member, years, period_title, language, note=""):
    per_year, score = gathered(member, years)
    return (
        DossierWriter(language)
        .write(member, period_title, per_year, score, note)
        .to_bytes()
    )
