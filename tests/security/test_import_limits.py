"""A small upload cannot keep a worker busy: the workbook's unpacked size is measured
before it is parsed, and rows are read no further than the limits."""

from helpers import HEADER
from helpers import post
from helpers import xlsx
from openpyxl import Workbook

import io
import zipfile


def problems(response):
    assert response.status_code in (200, 400), response.text
    return " ".join(p["message"] for p in response.json()["problems"])


def test_a_zip_bomb_is_refused_unread(secretary):
    workbook = io.BytesIO(xlsx([["标题一"]]))
    bomb = io.BytesIO()
    with (
        zipfile.ZipFile(workbook) as source,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("xl/media/padding.bin", b"\0" * (80 * 2**20))
    assert len(bomb.getvalue()) < 200_000
    text = problems(post(secretary, bomb.getvalue(), "bomb.xlsx"))
    assert "unpacks" in text


def test_a_sheet_that_reaches_a_million_rows_down(secretary):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["关于测试的建议"])
    sheet.cell(row=1_000_000, column=1, value="远处的一格")
    out = io.BytesIO()
    book.save(out)
    assert len(out.getvalue()) < 20_000
    text = problems(post(secretary, out.getvalue(), "far.xlsx"))
    assert "split the file" in text


def test_too_many_rows(secretary):
    rows = [[f"建议{n}"] for n in range(5001)]
    text = problems(post(secretary, xlsx(rows), "many.xlsx"))
    assert "more than 5000 rows" in text


def test_formatting_far_down_is_not_a_problem(secretary):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(["关于测试的建议", "", "", "", "", "", ""])
    sheet.cell(row=9000, column=1, value=None).number_format = "@"
    out = io.BytesIO()
    book.save(out)
    response = post(secretary, out.getvalue(), "formatted.xlsx")
    assert response.status_code == 200
    assert len(response.json()["rows"]) == 1
