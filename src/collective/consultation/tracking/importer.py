"""Import suggestions from the secretariat's Excel lists (.xlsx) or CSV files into a
programme: each row becomes a suggestion of the consultation it names (or a public-opinion
item of the programme). Every row is checked before anything is written; one bad row and
nothing is stored. A dry run returns the same preview and errors without writing."""

from collective.consultation import _
from collective.consultation import naming
from collective.consultation.errors import FieldError
from collective.consultation.errors import not_one_of
from collective.consultation.tracking import units
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from plone import api
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.intid.interfaces import IIntIds

import csv
import io
import re
import transaction
import zipfile

# Column ids and the headers accepted for each (the Chinese the secretariat's lists use).
COLUMNS = {
    "title": ("标题", "建议标题", "title"),
    "text": ("内容", "建议内容", "text"),
    "consultation": ("协商活动", "所属活动", "consultation"),
    "proposers": ("提出人", "proposers"),
    "proposer_other": ("联名提出", "其他提出方", "proposer_other"),
    "lead_unit": ("牵头单位", "主办单位", "lead_unit"),
    "assisting_units": ("协办单位", "assisting_units"),
    "deadline": ("答复期限", "办理期限", "deadline"),
}
REQUIRED = ("title",)
SEPARATORS = re.compile(r"[、,，;；\n]+")
STATES = ("draft", "submitted")
MAX_ROWS = 5000
MAX_COLUMNS = 50
# A few kilobytes of .xlsx can unpack to gigabytes, or declare a million rows: the
# workbook is measured before it is parsed, and rows are read no further than needed.
MAX_UNPACKED = 50 * 2**20
MAX_RATIO = 200
MAX_SCANNED = 20 * MAX_ROWS  # rows read, empty ones included (Excel formats far down)


@dataclass
class Problem:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    message: object  # an i18n message, translated where it is shown

    def as_dict(self, request=None):
        return {
            "row": self.row,
            "column": self.column,
            "message": translate(
                self.message, context=request if request is not None else getRequest()
            ),
        }


@dataclass
class Result:
    rows: list = field(default_factory=list)  # parsed rows, for the preview
    problems: list = field(default_factory=list)
    created: list = field(default_factory=list)  # URLs


class FileProblem(ValueError):
    """The file as a whole cannot be read (format, encoding, columns); ``check`` lists it
    as the file's one problem."""

    def __init__(self, problem):
        self.problem = problem
        super().__init__(
            f"row {problem.row}, {problem.column}: {translate(problem.message)}"
        )


class DateProblem(ValueError):
    """A cell that is not a date; ``message`` says so (an i18n message)."""

    def __init__(self, message):
        self.message = message
        super().__init__(translate(message))


NOT_A_WORKBOOK = _("not an Excel workbook (.xlsx) that can be read.")


def too_many(limit):
    return _("more than ${limit} rows; split the file.", mapping={"limit": limit})


# --- reading ------------------------------------------------------------------------------


def read_table(data, filename=""):
    """(header, rows) of cell values from .xlsx or .csv bytes."""
    if data[:2] == b"PK" or filename.lower().endswith(".xlsx"):
        return _read_xlsx(data)
    return _read_csv(data)


def _check_unpacked_size(data):
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FileProblem(Problem(0, "file", NOT_A_WORKBOOK))
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries) or 1
    if unpacked > MAX_UNPACKED or (unpacked > 2**20 and unpacked / packed > MAX_RATIO):
        raise FileProblem(
            Problem(
                0,
                "file",
                _(
                    "the workbook unpacks to ${size} MB; "
                    "save only the suggestions in a new workbook.",
                    mapping={"size": unpacked // 2**20},
                ),
            )
        )


def _read_xlsx(data):
    from openpyxl import load_workbook

    _check_unpacked_size(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = _bounded(
            list(row) for row in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
        )
        workbook.close()
    except FileProblem:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError, SyntaxError):
        # ValueError covers defusedxml's refusal of a DTD; SyntaxError, broken XML
        raise FileProblem(Problem(0, "file", NOT_A_WORKBOOK))
    return (rows[0] if rows else []), rows[1:]


def _decode(data):
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:200]:
        raise FileProblem(
            Problem(
                0,
                "file",
                _(
                    "the text is UTF-16 (Excel's “Unicode text”); save it as “CSV UTF-8”."
                ),
            )
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel's plain “CSV” on Chinese Windows.
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise FileProblem(
            Problem(
                0,
                "file",
                _("the text is neither UTF-8 nor GB18030; save it as “CSV UTF-8”."),
            )
        )


def _read_csv(data):
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = _bounded(
            row[:MAX_COLUMNS] for row in csv.reader(io.StringIO(text), dialect)
        )
    except csv.Error as exc:
        raise FileProblem(
            Problem(
                0,
                "file",
                _("not readable as csv: ${error}", mapping={"error": str(exc)}),
            )
        )
    return (rows[0] if rows else []), rows[1:]


def _bounded(rows):
    """The rows, read no further than the limits allow (a header and MAX_ROWS rows with
    something in them, MAX_SCANNED rows in all)."""
    kept, filled = [], 0
    for number, row in enumerate(rows, start=1):
        if number > MAX_SCANNED:
            raise FileProblem(Problem(number, "file", too_many(MAX_SCANNED)))
        kept.append(row)
        filled += any(_text(c) for c in row)
        if filled > MAX_ROWS + 1:
            raise FileProblem(Problem(number, "file", too_many(MAX_ROWS)))
    return kept


def map_header(header):
    """{column id: index}; unknown or missing columns are an error naming them."""
    lookup = {
        name.lower(): column for column, names in COLUMNS.items() for name in names
    }
    positions, unknown = {}, []
    for index, cell in enumerate(header):
        name = str(cell or "").strip()
        if not name:
            continue
        column = lookup.get(name.lower())
        if column is None:
            unknown.append(name)
        elif column in positions:
            raise FileProblem(Problem(1, name, _("this column appears twice.")))
        else:
            positions[column] = index
    if unknown:
        known = "、".join(names[0] for names in COLUMNS.values())
        raise FileProblem(
            Problem(
                1,
                unknown[0],
                _(
                    "unknown column; the columns are ${known}.",
                    mapping={"known": known},
                ),
            )
        )
    for column in REQUIRED:
        if column not in positions:
            raise FileProblem(
                Problem(1, COLUMNS[column][0], _("this column is required."))
            )
    return positions


# --- checking -----------------------------------------------------------------------------


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_date(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    match = re.fullmatch(
        r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", text
    )
    if not match:
        raise DateProblem(
            _(
                "'${text}' is not a date like ${example}.",
                mapping={"text": text, "example": "2018-09-30 / 2018年9月30日"},
            )
        )
    try:
        return date(*map(int, match.groups()))
    except ValueError:  # 2019-13-40, 2018-02-30: the shape of a date, but no day
        raise DateProblem(
            _("'${text}' is not a day of the calendar.", mapping={"text": text})
        )


class Lookups:
    """What rows refer to, read once: the programme's consultations, members, units."""

    def __init__(self, programme):
        catalog = api.portal.get_tool("portal_catalog")
        path = "/".join(programme.getPhysicalPath())
        self.consultations = {}
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Consultation", path=path
        ):
            self.consultations.setdefault(brain.Title, []).append(brain)
        self.members = {}
        for brain in catalog.unrestrictedSearchResults(portal_type="CommitteeMember"):
            self.members.setdefault(brain.Title, []).append(brain)
        self.units = set(units.names())
        self.existing = {
            (brain.consultation_uid, brain.Title)
            for brain in catalog.unrestrictedSearchResults(
                portal_type="Suggestion", path=path
            )
        }
        self.programme = programme


def check_row(number, cells, positions, lookups, seen):
    """(parsed row, problems) for one spreadsheet row."""
    value = {
        column: cells[index] if index < len(cells) else None
        for column, index in positions.items()
    }
    row, problems = {"row": number}, []

    def problem(column, message):
        problems.append(Problem(number, COLUMNS[column][0], message))

    title = _text(value.get("title"))
    if not title:
        problem("title", _("a suggestion needs a title."))
    elif len(title) > 200:
        problem("title", _("longer than 200 characters."))
    row["title"] = title
    row["text"] = _text(value.get("text"))
    row["proposer_other"] = _text(value.get("proposer_other"))

    consultation = _text(value.get("consultation"))
    row["consultation"] = consultation
    row["container_uid"] = lookups.programme.UID()
    if consultation:
        found = lookups.consultations.get(consultation, [])
        if len(found) != 1:
            problem(
                "consultation",
                (
                    _(
                        "'${title}' is the title of several consultations.",
                        mapping={"title": consultation},
                    )
                    if found
                    else _(
                        "'${title}' is not a consultation of this programme.",
                        mapping={"title": consultation},
                    )
                ),
            )
        else:
            row["container_uid"] = found[0].UID

    row["proposers"] = []
    for name in SEPARATORS.split(_text(value.get("proposers"))):
        name = name.strip()
        if not name:
            continue
        found = lookups.members.get(name, [])
        if len(found) != 1:
            problem(
                "proposers",
                (
                    _(
                        "'${name}' is the name of several members.",
                        mapping={"name": name},
                    )
                    if found
                    else _(
                        "'${name}' is not in the member directory.",
                        mapping={"name": name},
                    )
                ),
            )
        else:
            row["proposers"].append((name, found[0].UID))

    lead = _text(value.get("lead_unit"))
    if lead and lead not in lookups.units:
        problem(
            "lead_unit",
            _("'${unit}' is not in the unit directory.", mapping={"unit": lead}),
        )
    row["lead_unit"] = lead
    row["assisting_units"] = [
        u.strip()
        for u in SEPARATORS.split(_text(value.get("assisting_units")))
        if u.strip()
    ]
    missing = [u for u in row["assisting_units"] if u not in lookups.units]
    if missing:
        problem(
            "assisting_units",
            _(
                "not in the unit directory: ${units}.",
                mapping={"units": "、".join(missing)},
            ),
        )

    try:
        row["deadline"] = parse_date(value.get("deadline"))
    except DateProblem as exc:
        row["deadline"] = None
        problem("deadline", exc.message)

    key = (row["container_uid"], title)
    if title and (key in lookups.existing or key in seen):
        problem(
            "title", _("the same suggestion is already there (or twice in this file).")
        )
    seen.add(key)
    return row, problems


def check(programme, data, filename=""):
    """Read and check every row; nothing is written."""
    result = Result()
    try:
        header, rows = read_table(data, filename)
        positions = map_header(header)
    except FileProblem as exc:
        result.problems.append(exc.problem)
        return result
    rows = [cells for cells in rows if any(_text(c) for c in cells)]
    if not rows:
        result.problems.append(
            Problem(2, "file", _("there are no rows below the header."))
        )
        return result
    if len(rows) > MAX_ROWS:
        result.problems.append(Problem(MAX_ROWS + 2, "file", too_many(MAX_ROWS)))
        return result
    lookups, seen = Lookups(programme), set()
    for number, cells in enumerate(rows, start=2):
        row, problems = check_row(number, cells, positions, lookups, seen)
        result.rows.append(row)
        result.problems.extend(problems)
    return result


# --- writing ------------------------------------------------------------------------------


def run(programme, data, filename="", dry_run=True, state="submitted"):
    """Check everything; unless a dry run and only if every row is good, create them all."""
    if state not in STATES:
        raise FieldError("state", not_one_of(state, STATES))
    result = check(programme, data, filename)
    if dry_run or result.problems:
        return result
    intids = getUtility(IIntIds)
    savepoint = transaction.savepoint()
    try:
        for row in result.rows:
            container = api.content.get(UID=row["container_uid"])
            suggestion = naming.create(
                container,
                "Suggestion",
                row["title"],
                text=row["text"] or None,
                proposers=[
                    RelationValue(intids.getId(api.content.get(UID=uid)))
                    for _name, uid in row["proposers"]
                ],
                proposer_other=row["proposer_other"] or None,
                lead_unit=row["lead_unit"] or None,
                assisting_units=row["assisting_units"],
                deadline=row["deadline"],
            )
            if state == "submitted":
                api.content.transition(
                    suggestion, transition="submit", comment="批量导入。"
                )
            result.created.append(suggestion.absolute_url())
    except Exception:
        savepoint.rollback()  # all or nothing, even if something unforeseen breaks
        result.created = []
        raise
    return result


def preview(row):
    """A row as the preview shows it and the REST API returns it."""
    return {
        "row": row["row"],
        "title": row["title"],
        "consultation": row["consultation"],
        "proposers": [name for name, _uid in row["proposers"]],
        "proposer_other": row["proposer_other"],
        "lead_unit": row["lead_unit"],
        "assisting_units": row["assisting_units"],
        "deadline": row["deadline"].isoformat() if row["deadline"] else None,
    }


# One example row for the template, as the demo year could have it.
TEMPLATE_EXAMPLE = {
    "title": "关于加强农村饮水安全工程管护的建议（示例）",
    "text": "建议建立县级统管、乡镇监管、村级管护的农村供水工程管护体系。",
    "consultation": "",
    "proposers": "游进、王建华",
    "proposer_other": "",
    "lead_unit": "市水利和湖泊局",
    "assisting_units": "市卫生健康委员会",
    "deadline": "2018-09-30",
}


def template_workbook():
    """An .xlsx with the column names the import reads and one example row, for the
    secretariat to fill in."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "建议"
    sheet.append([names[0] for names in COLUMNS.values()])
    sheet.append([TEMPLATE_EXAMPLE[key] for key in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFGH", (40, 60, 30, 16, 16, 20, 20, 12)):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
