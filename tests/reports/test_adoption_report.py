"""@adoption-report: json, csv, xlsx and docx from catalog data, the filters, bad filters
answered with 400, and who may read it. Every file is opened again."""

from helpers import OFFICE_MISSING
from helpers import OFFICE_REASON
from helpers import render_pdf
from io import BytesIO
from io import StringIO

import csv
import docx
import openpyxl
import pytest
import re
import subprocess
import transaction


def report(session, path="", **params):
    return session.get(f"{path}/@adoption-report", params=params)


class TestJSON:
    def test_every_suggestion_with_its_summary(self, secretary):
        data = report(secretary).json()
        assert len(data["items"]) == 124 == data["summary"]["total"]
        assert sum(data["summary"]["by_state"].values()) == 124
        ship = [i for i in data["items"] if "咸宁舰" in i["title"]][0]
        assert ship["state"] == "Adopted" and ship["proposers"] == "游进"
        assert ship["consultation"] == "政协咸宁市委员会2018年度协商计划"
        water = [
            i
            for i in data["items"]
            if i["consultation"] == "幕阜山片区农村安全饮水双月协商会"
        ]
        assert len(water) == 5 and {i["date"] for i in water} == {"2018-06-28"}
        assert {i["kind"] for i in water} == {"Bimonthly consultation"}
        rate = data["summary"]["adoption_rate"]
        assert 0 < rate < 1

    @pytest.mark.parametrize(
        "params,expected",
        [
            ({"year": "2018"}, 124),
            ({"year": "2019"}, 0),
            ({"kind": "bimonthly"}, None),
            ({"state": "adopted"}, None),
            ({"unit": "市水利和湖泊局"}, None),
        ],
    )
    def test_filters(self, secretary, manager_request, params, expected):
        items = report(secretary, **params).json()["items"]
        if expected is None:
            index = {
                "kind": "consultation_kind",
                "state": "review_state",
                "unit": "units",
            }[next(iter(params))]
            search = {"portal_type": "Suggestion", index: next(iter(params.values()))}
            expected = manager_request.get("/@search", params=search).json()[
                "items_total"
            ]
            assert expected > 0
        assert len(items) == expected

    def test_a_consultation_reports_its_own(self, secretary):
        items = report(secretary, "/2018/2018-06-28-bimonthly").json()["items"]
        assert len(items) == 5

    @pytest.mark.parametrize(
        "params,words",
        [
            ({"year": "abc"}, "year"),
            ({"year": "1900"}, "1949"),
            ({"kind": "party"}, "kind"),
            ({"state": "lost"}, "state"),
            ({"colour": "red"}, "colour"),
            ({"format": "pdf"}, "format"),
        ],
    )
    def test_bad_filters_are_400(self, secretary, params, words):
        response = report(secretary, **params)
        assert response.status_code == 400 and words in response.text

    def test_overdue(self, functional, secretary):
        from datetime import date

        suggestion = functional["portal"]["2018"]["2018-06-28-bimonthly"]["s012"]
        assert suggestion.deadline < date.today()
        items = {i["title"]: i for i in report(secretary).json()["items"]}
        assert items[suggestion.title]["overdue"] is (
            suggestion.portal_workflow.getInfoFor(suggestion, "review_state")
            in ("submitted", "referred")
        )

    @pytest.mark.parametrize("who", ["anonymous", "staff", "member"])
    def test_secretariat_only(self, anon_request, staff, member, who):
        session = {"anonymous": anon_request, "staff": staff, "member": member}[who]
        assert report(session).status_code == 401


class TestFiles:
    def test_csv_opens_in_excel(self, secretary):
        response = report(secretary, format="csv")
        assert response.headers["Content-Type"].startswith("text/csv")
        assert response.content.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0][0] == "Suggestion" and len(rows) == 125
        assert any("咸宁舰" in row[0] for row in rows)

    def test_xlsx(self, secretary):
        response = report(secretary, format="xlsx", year="2018")
        book = openpyxl.load_workbook(BytesIO(response.content))
        sheet = book["Suggestions"]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == "A1:N125"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.column_dimensions["A"].width == 48
        assert sheet.max_row == 125
        summary = {
            row[0].value: row[1].value
            for row in book["Summary"].iter_rows()
            if row and row[0].value
        }
        assert summary["Total"] == 124 and 0 < summary["Adoption rate"] < 1

    def test_docx(self, secretary):
        response = report(secretary, "/2018/2018-06-28-bimonthly", format="docx")
        document = docx.Document(BytesIO(response.content))
        table = document.tables[0]
        assert len(table.rows) == 6
        assert table.rows[0].cells[0].text == "Suggestion"

    def test_docx_fits_many_to_a_page(self, secretary):
        """Landscape, five columns, the header repeated on each page, and cells without
        the body's first-line indent and 29 pt lines (which fitted four a page)."""
        from docx.enum.section import WD_ORIENT
        from docx.enum.text import WD_LINE_SPACING

        response = report(secretary, "/2018", format="docx")
        document = docx.Document(BytesIO(response.content))
        section = document.sections[0]
        assert section.orientation == WD_ORIENT.LANDSCAPE
        assert section.page_width > section.page_height
        table = document.tables[0]
        assert len(table.columns) == 5 and len(table.rows) == 125  # 124 and the header
        assert table.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
        first = table.rows[1].cells
        title, consultation = (p.text for p in first[0].paragraphs)
        assert title and consultation  # the consultation beneath the suggestion
        style = first[0].paragraphs[0].style
        assert style.paragraph_format.first_line_indent == 0
        assert style.paragraph_format.line_spacing_rule == WD_LINE_SPACING.SINGLE
        widths = sum(cell.width for cell in first)
        assert widths <= section.page_width - section.left_margin - section.right_margin

    def test_bad_data_still_generates(self, functional, secretary):
        suggestion = functional["portal"]["2018"]["2018-06-28-bimonthly"]["s009"]
        suggestion.title = "坏\x00数据\x1b" + "长" * 200_000
        suggestion.reindexObject()
        transaction.commit()
        for fmt in ("csv", "xlsx", "docx", "json"):
            assert (
                report(secretary, "/2018/2018-06-28-bimonthly", format=fmt).status_code
                == 200
            ), fmt


def test_chinese_headers_on_a_chinese_site(functional, secretary):
    functional["portal"].portal_registry["plone.default_language"] = "zh-cn"
    transaction.commit()
    response = report(secretary, format="xlsx")
    book = openpyxl.load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["建议", "汇总"]
    assert [c.value for c in book["建议"][1]][:4] == [
        "建议",
        "协商活动",
        "协商形式",
        "日期",
    ]
    ship = [
        row for row in book["建议"].iter_rows(values_only=True) if "咸宁舰" in row[0]
    ][0]
    assert ship[7] == "已采纳"


def test_report_buttons_for_the_secretariat(functional, portal_url):
    from conftest import browser_for
    from conftest import SECRETARY
    from conftest import STAFF

    secretary = browser_for(functional, *SECRETARY)
    secretary.open(f"{portal_url}/2018")
    assert secretary.getLink(url="@adoption-report?format=xlsx")
    assert secretary.getLink(url="@annual-report?year=2018")
    staff = browser_for(functional, *STAFF)
    staff.open(f"{portal_url}/2018")
    assert "@adoption-report" not in staff.contents


@pytest.mark.skipif(OFFICE_MISSING, reason=OFFICE_REASON)
def test_the_word_report_fits_many_suggestions_a_page(secretary, tmp_path):
    """Rendered by LibreOffice, the year's 124 suggestions take a dozen landscape pages,
    not thirty portrait ones (about four a page)."""
    pdf = render_pdf(report(secretary, "/2018", format="docx").content, tmp_path)
    info = subprocess.run(
        ["pdfinfo", str(pdf)],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout.decode()
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 124 / pages >= 8, pages
    width, height = map(
        float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups()
    )
    assert width > height  # landscape
