"""Adoption-report files: csv (UTF-8 with BOM so Excel opens Chinese), xlsx (write-only:
memory stays flat in the number of rows) and docx (the official layout)."""

from collective.consultation import _
from collective.consultation.officialdoc import LIST_SIZE
from collective.consultation.officialdoc import OfficialDocument
from collective.consultation.officialdoc import TITLE_SIZE
from collective.consultation.reports.adoption import COLUMNS
from collective.consultation.safetext import csv_cell
from collective.consultation.safetext import xlsx_row
from collective.consultation.safetext import xml_safe
from dataclasses import asdict
from docx.enum.text import WD_ALIGN_PARAGRAPH
from io import BytesIO
from io import StringIO

import csv

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEXT = {
    "yes": _("Yes"),
    "suggestions": _("Suggestions"),
    "summary": _("Summary"),
    "total": _("Total"),
    "adopted": _("Adopted"),
    "rate": _("Adoption rate"),
    "overdue": _("Overdue"),
    "state": _("State"),
    "kind": _("Kind of consultation"),
    "unit": _("Lead unit"),
    "public_opinion": _("Public-opinion information"),
    "title": _("Adoption status of suggestions"),
}

WIDTHS = {
    "title": 48,
    "consultation": 36,
    "proposers": 18,
    "lead_unit": 24,
    "assisting_units": 30,
}


def header(labels):
    return [labels.text(title) for _key, title in COLUMNS]


def values(row, labels):
    """The row's values; characters XML cannot hold (bad data) are dropped for docx (the
    spreadsheets' writers quote formulas too)."""
    data = asdict(row)
    data["overdue"] = labels.text(TEXT["yes"]) if row.overdue else ""
    return [
        xml_safe(data[key]) if isinstance(data[key], str) else data[key]
        for key, _title in COLUMNS
    ]


def to_csv(rows, labels):
    out = StringIO()
    writer = csv.writer(out)
    writer.writerow(header(labels))
    for row in rows:
        writer.writerow([csv_cell(v) for v in values(row, labels)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(rows, report_summary, labels, out=None):
    """Write the workbook into ``out`` (a file); without one, return the bytes. Rows stream
    through a write-only workbook, so memory does not grow with their number."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(labels.text(TEXT["suggestions"]))
    sheet.freeze_panes = "A2"
    for index, (key, _title) in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(key, 14)
    bold = Font(bold=True)
    cells = []
    for text in header(labels):
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    count = 0
    for row in rows:
        sheet.append(xlsx_row(sheet, values(row, labels)))
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"

    totals = workbook.create_sheet(labels.text(TEXT["summary"]))
    for key, value in (
        ("total", report_summary["total"]),
        ("adopted", report_summary["adopted"]),
        ("rate", report_summary["adoption_rate"]),
        ("overdue", report_summary["overdue"]),
    ):
        totals.append([labels.text(TEXT[key]), value])
    totals.append([])
    totals.append([labels.text(TEXT["state"]), labels.text(TEXT["suggestions"])])
    for state, number in sorted(report_summary["by_state"].items()):
        totals.append([labels.states.get(state, state), number])
    totals.append([])
    totals.append([labels.text(TEXT["kind"]), labels.text(TEXT["suggestions"])])
    for kind, number in sorted(report_summary["by_kind"].items()):
        totals.append(
            [labels.kinds.get(kind, labels.text(TEXT["public_opinion"])), number]
        )
    totals.append([])
    totals.append(
        [
            labels.text(TEXT["unit"]),
            labels.text(TEXT["suggestions"]),
            labels.text(TEXT["adopted"]),
        ]
    )
    for unit, counts in sorted(report_summary["by_unit"].items()):
        totals.append(xlsx_row(totals, [unit, counts["total"], counts["adopted"]]))
    if out is not None:
        workbook.save(out)
        return out
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# The Word list fits a landscape page: the suggestion with its consultation beneath,
# its lead unit, where it stands and its dates (the spreadsheet has every column).
DOCX_COLUMNS = (
    ("title", 100),  # with the others, the 225 mm of a landscape type area
    ("lead_unit", 40),
    ("state", 35),
    ("deadline", 25),
    ("answer_date", 25),
)


def to_docx(rows, labels, title, language):
    writer = OfficialDocument(language, landscape=True)
    writer.paragraph(
        title, face="title", size=TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER
    )
    names = dict(COLUMNS)

    def cells(row):
        state = " · ".join(filter(None, (row.state, row.adoption)))
        if row.overdue:
            state = f"{state}（{labels.text(names['overdue'])}）"
        return (
            [row.title, row.consultation] if row.consultation else row.title,
            row.lead_unit,
            state,
            row.deadline,
            row.answer_date,
        )

    writer.table(
        [labels.text(names[key]) for key, _width in DOCX_COLUMNS],
        (cells(row) for row in rows),
        widths=[width for _key, width in DOCX_COLUMNS],
        size=LIST_SIZE,
    )
    return writer.to_bytes()
