"""Text written out so that stored data of any kind cannot break a file or a message, nor
turn into something else: XML (docx, xlsx) keeps only the characters it can hold, a mail
header is one line, and a spreadsheet cell is text, never a formula.

Input is checked at the door (validation.py); this is the second line, for data
stored before the check or written by scripts."""

import re

# XML 1.0 allows no control characters but tab and line breaks.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What ends or hides a line in a header: control characters, separators, overrides.
_NOT_IN_HEADER = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# OWASP's CSV injection rule: these make a spreadsheet read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def xml_safe(text):
    return _INVALID_XML.sub("", text or "")


def one_line(text):
    """``text`` as a header value: invisible characters become spaces."""
    return " ".join(_NOT_IN_HEADER.sub(" ", text or "").split())


def csv_cell(value):
    """A csv value: text starting like a formula is quoted with an apostrophe."""
    if isinstance(value, str):
        value = xml_safe(value)
        if value.startswith(FORMULA_START):
            return "'" + value
    return value


def xlsx_cell(sheet, value):
    """A write-only openpyxl cell; text is always stored as text (openpyxl would read
    "=HYPERLINK(…)" as a formula), without characters XML cannot hold."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=None)
        cell.value = xml_safe(value)
        cell.data_type = "s"
        return cell
    return WriteOnlyCell(sheet, value=value)


def xlsx_row(sheet, values):
    return [v if hasattr(v, "data_type") else xlsx_cell(sheet, v) for v in values]
