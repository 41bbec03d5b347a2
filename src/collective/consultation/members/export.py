"""Every member's duty record for a year as one .xlsx for the secretariat (委员履职档案): one
row per member, streamed by openpyxl's write-only workbook."""

from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.safetext import xlsx_row
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from zope.i18n import translate

COLUMNS = (
    ("title", _("Name")),
    ("sector", _("Sector")),
    ("party", _("Party")),
    ("invited", _("Invited")),
    ("present", _("Present")),
    ("leave", _("On leave")),
    ("absent", _("Absent")),
    ("unmarked", _("Not marked")),
    ("checked_in", _("Checked in")),
    ("late", _("Late")),
    ("attendance_rate", _("Attendance rate")),
    ("suggestions", _("Suggestions proposed")),
    ("adopted", _("Adopted")),
    ("speeches", _("Speeches submitted")),
    ("delivered", _("Speeches delivered")),
)


def write_xlsx(records, year, request, out):
    def text(message):
        return translate(message, context=request)

    sectors = {value: text(title) for value, title in vocabularies.SECTORS}
    parties = {value: text(title) for value, title in vocabularies.PARTIES}
    book = Workbook(write_only=True)
    sheet = book.create_sheet(text(_("Duty records")) + (f" {year}" if year else ""))
    sheet.freeze_panes = "A2"
    for index, width in enumerate((12, 22, 22, 8, 8, 8, 8, 8, 8, 8, 10, 10, 8, 10, 10)):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    header = []
    for _name, label in COLUMNS:
        cell = WriteOnlyCell(sheet, value=text(label))
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for record in records:
        rate = record.attendance_rate
        rate_cell = WriteOnlyCell(sheet, value=rate)
        rate_cell.number_format = "0.0%"
        sheet.append(
            xlsx_row(
                sheet,
                [
                    record.title,
                    sectors.get(record.sector, record.sector or ""),
                    parties.get(record.party, record.party or ""),
                    record.invited,
                    record.present,
                    record.leave,
                    record.absent,
                    record.unmarked,
                    record.checked_in,
                    record.late,
                    rate_cell,
                    record.suggestions,
                    record.adopted,
                    record.speeches,
                    record.delivered,
                ],
            )
        )
    book.save(out)
