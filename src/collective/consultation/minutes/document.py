"""The minutes as a .docx in the official layout (officialdoc.py)."""

from collective.consultation import _
from collective.consultation.minutes.data import MinutesData
from collective.consultation.officialdoc import OfficialDocument
from collective.consultation.officialdoc import TITLE_SIZE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from zope.i18n import translate

LABELS = {
    "title_suffix": _("minutes_title_suffix", default=" — minutes"),
    "time": _("Time"),
    "place": _("Location"),
    "presided_by": _("Presided by"),
    "present": _("Present"),
    "late": _("Late"),
    "on_leave": _("On leave"),
    "absent": _("Absent"),
    "guests": _("Guests"),
    "units": _("Counterpart units"),
    "agenda": _("Agenda"),
    "summary": _("Summary of the discussion"),
    "decisions": _("Decisions"),
    "speeches": _("Speeches"),
    "responding_units": _("Responding units"),
    "suggestions": _("Suggestions"),
    "proposers": _("Proposers"),
    "lead_units": _("Units"),
    "none": _("none"),
}


class MinutesWriter(OfficialDocument):
    def label(self, key):
        return translate(LABELS[key], target_language=self.language)

    def labelled(self, key, value):
        if value:
            self.paragraph(self.pair(self.label(key), value))

    def write(self, data: MinutesData):
        zh = self.chinese
        sep = "、" if zh else ", "
        self.paragraph(
            data.title + self.label("title_suffix"),
            face="title",
            size=TITLE_SIZE,
            align=WD_ALIGN_PARAGRAPH.CENTER,
        )
        if data.number:
            self.paragraph(data.number, align=WD_ALIGN_PARAGRAPH.CENTER)
        self._rule()
        self.labelled("time", data.time)
        self.labelled("place", data.place)
        self.labelled("presided_by", data.presided_by)
        self.labelled("present", sep.join(data.present) or self.label("none"))
        if data.late:
            self.labelled("late", sep.join(data.late))
        leave = [
            (
                f"{name}（{reason}）"
                if reason and zh
                else f"{name} ({reason})" if reason else name
            )
            for name, reason in data.on_leave
        ]
        self.labelled("on_leave", sep.join(leave) or self.label("none"))
        self.labelled("absent", sep.join(data.absent) or self.label("none"))
        self.labelled("guests", sep.join(data.guests))
        self.labelled("units", sep.join(data.units))
        number = 0
        for key, items in (
            ("agenda", data.agenda),
            ("summary", data.summary),
            ("decisions", data.decisions),
        ):
            if not items:
                continue
            self.heading(number, self.label(key))
            number += 1
            for position, item in enumerate(items, 1):
                self.paragraph(f"{position}. {item}" if key != "summary" else item)
        if data.speeches:
            self.heading(number, self.label("speeches"))
            number += 1
            for position, line in enumerate(data.speeches, 1):
                units = (
                    self.pair(self.label("responding_units"), line.units)
                    if line.units
                    else ""
                )
                if zh:
                    text = f"{position}. {line.speakers}：《{line.title}》"
                    text += f"（{units}）" if units else ""
                else:
                    text = f"{position}. {line.speakers}: “{line.title}”"
                    text += f" ({units})" if units else ""
                self.paragraph(text)
        if data.suggestions:
            self.heading(number, self.label("suggestions"))
            for position, line in enumerate(data.suggestions, 1):
                details = [
                    self.pair(self.label(key), value)
                    for key, value in (
                        ("proposers", line.proposers),
                        ("lead_units", line.units),
                    )
                    if value
                ]
                suffix = (
                    f"（{'；'.join(details)}）"
                    if zh and details
                    else f" ({'; '.join(details)})" if details else ""
                )
                self.paragraph(f"{position}. {line.title}{suffix}")
        if data.closing:
            self.paragraph(data.closing)
        if data.organiser or data.date:
            self.paragraph(data.organiser, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
            self.paragraph(data.date, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        return self


def minutes_docx(data: MinutesData, language="zh_CN"):
    return MinutesWriter(language).write(data).to_bytes()
