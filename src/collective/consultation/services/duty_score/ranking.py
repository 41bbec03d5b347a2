"""GET <site>/++api++/@duty-scores?year=2018 (or ?term=5) &sector=&format=json|xlsx: every
member's duty score, ranked, with their sector and the points per rule (the
secretariat's). From the catalog only."""

from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.errors import FieldError
from collective.consultation.errors import not_one_of
from collective.consultation.members import scoring
from collective.consultation.members.terms import members_of
from collective.consultation.members.terms import period_of
from collective.consultation.safetext import xlsx_row
from collective.consultation.services.base import JsonOrWorkbook
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from plone import api
from zope.i18n import translate

import tempfile

PARAMETERS = ("year", "term", "sector", "format")


class DutyScoresGet(JsonOrWorkbook):
    def ranking(self):
        form = dict(self.request.form)
        sector = form.get("sector") or None
        if sector and sector not in dict(vocabularies.SECTORS):
            raise FieldError("sector", not_one_of(sector, dict(vocabularies.SECTORS)))
        years, period = period_of(self.request.form, PARAMETERS)
        members = members_of(period, sector)
        return (
            years,
            period,
            scoring.ranked(scoring.scores(years, members, with_lines=False)),
        )

    def workbook(self):
        _years, period, ranked = self.ranking()
        with tempfile.TemporaryFile() as out:
            self.write_xlsx(ranked, out)
            out.seek(0)
            body = out.read()
        name = f"term-{period['term']}" if "term" in period else period["year"]
        return body, f"duty-scores-{name}.xlsx"

    def reply(self):
        _years, period, ranked = self.ranking()
        return {
            "@id": f"{api.portal.get().absolute_url()}/@duty-scores",
            **period,
            "items": [
                {
                    "rank": rank,
                    "UID": score.member,
                    "title": score.title,
                    "sector": score.sector,
                    "total": score.total,
                    "minimum": score.minimum,
                    "passed": score.passed,
                    "by_rule": score.by_rule,
                }
                for rank, score in ranked
            ],
        }

    def write_xlsx(self, ranked, out):
        def text(message):
            return translate(message, context=self.request)

        sectors = {value: text(title) for value, title in vocabularies.SECTORS}
        book = Workbook(write_only=True)
        sheet = book.create_sheet(text(_("Duty scores")))
        sheet.freeze_panes = "A2"
        header = [_("Rank"), _("Name"), _("Sector"), _("Score"), _("Passed")]
        header += [rule.title for rule in scoring.RULES]
        cells = []
        for label in header:
            cell = WriteOnlyCell(sheet, value=text(label))
            cell.font = Font(bold=True)
            cells.append(cell)
        sheet.append(cells)
        yes, no = text(_("Yes")), text(_("No"))
        for rank, score in ranked:
            sheet.append(
                xlsx_row(
                    sheet,
                    [
                        rank,
                        score.title,
                        sectors.get(score.sector, score.sector or ""),
                        score.total,
                        yes if score.passed else no,
                        *[score.by_rule.get(rule.id, 0) for rule in scoring.RULES],
                    ],
                )
            )
        book.save(out)
