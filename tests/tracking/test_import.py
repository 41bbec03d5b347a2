"""Importing the secretariat's lists: .xlsx and .csv (UTF-8, GB18030), a dry run that
previews, errors that name the row and column, and all-or-nothing commits."""

from datetime import date
from helpers import HEADER
from helpers import post
from helpers import xlsx

import io

WATER = "幕阜山片区农村安全饮水双月协商会"
GOOD = [
    [
        "关于加强水源地巡查的建议",
        "建议建立水源地网格化巡查制度。",
        WATER,
        "游进、王建华",
        "市水利和湖泊局",
        "市生态环境局",
        "2018-10-31",
    ],
    [
        "关于农村水价改革的建议",
        "",
        WATER,
        "李秀英",
        "市水利和湖泊局",
        "",
        date(2018, 11, 30),
    ],
    [
        "关于规范网约车管理的建议",
        "社情民意信息。",
        "",
        "张德明",
        "",
        "",
        "2018年12月31日",
    ],
]


def csv_bytes(rows, encoding="utf-8-sig", header=HEADER):
    lines = [",".join(header)] + [",".join(str(c) for c in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def count(session):
    return session.get(
        "/@search", params={"portal_type": "Suggestion", "b_size": 1}
    ).json()["items_total"]


class TestDryRun:
    def test_preview_of_a_good_workbook(self, secretary):
        before = count(secretary)
        response = post(secretary, xlsx(GOOD), "建议汇总.xlsx")
        assert response.status_code == 200, response.text
        data = response.json()
        assert (
            data["dry_run"] is True and data["problems"] == [] and data["created"] == []
        )
        assert [r["row"] for r in data["rows"]] == [2, 3, 4]
        assert data["rows"][0]["proposers"] == ["游进", "王建华"]
        assert (
            data["rows"][1]["deadline"] == "2018-11-30"
            and data["rows"][2]["deadline"] == "2018-12-31"
        )
        assert count(secretary) == before

    def test_gb18030_csv_as_excel_saves_it(self, secretary):
        response = post(
            secretary,
            csv_bytes([r[:6] + [str(r[6])] for r in GOOD], "gb18030"),
            "建议.csv",
        )
        assert response.status_code == 200 and response.json()["problems"] == []
        assert response.json()["rows"][0]["title"] == "关于加强水源地巡查的建议"

    def test_bad_rows_are_named(self, secretary):
        rows = [
            GOOD[0],
            ["", "无标题", WATER, "游进", "", "", ""],
            [
                "关于某事的建议",
                "",
                "不存在的协商会",
                "查无此人",
                "市不存在局",
                "",
                "明年",
            ],
        ]
        problems = post(secretary, xlsx(rows), "x.xlsx").json()["problems"]
        found = {(p["row"], p["column"]) for p in problems}
        assert found == {
            (3, "标题"),
            (4, "协商活动"),
            (4, "提出人"),
            (4, "牵头单位"),
            (4, "答复期限"),
        }
        assert any("查无此人" in p["message"] for p in problems)

    def test_wrong_columns(self, secretary):
        response = post(
            secretary, xlsx(GOOD, header=["标题", "颜色"] + HEADER[2:]), "x.xlsx"
        )
        (problem,) = response.json()["problems"]
        assert (
            problem["row"] == 1
            and problem["column"] == "颜色"
            and "unknown column" in problem["message"]
        )
        response = post(secretary, xlsx([["x"]], header=["建议内容"]), "x.xlsx")
        assert response.json()["problems"][0]["column"] == "标题"

    def test_wrong_encoding(self, secretary):
        response = post(secretary, csv_bytes(GOOD[:1], "utf-16"), "x.csv")
        (problem,) = response.json()["problems"]
        assert problem["column"] == "file" and "UTF-16" in problem["message"]

    def test_a_date_that_is_no_day_is_a_row_problem(self, secretary):
        rows = [GOOD[0][:6] + ["2019-13-40"], GOOD[1][:6] + ["2018-02-30"]]
        for data, name in ((xlsx(rows), "x.xlsx"), (csv_bytes(rows), "x.csv")):
            response = post(secretary, data, name)
            assert response.status_code == 200, response.text
            problems = response.json()["problems"]
            assert [(p["row"], p["column"]) for p in problems] == [
                (2, "答复期限"),  # the sheet's row numbers, the header being row 1
                (3, "答复期限"),
            ]
            assert "2019-13-40" in problems[0]["message"]

    def test_a_workbook_with_a_dtd_is_refused(self, secretary):
        import zipfile

        source = zipfile.ZipFile(io.BytesIO(xlsx(GOOD)))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for entry in source.infolist():
                data = source.read(entry)
                if entry.filename == "xl/worksheets/sheet1.xml":
                    data = (
                        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' + data
                    )
                target.writestr(entry, data)
        response = post(secretary, out.getvalue(), "x.xlsx")
        assert response.status_code == 200, response.text
        (problem,) = response.json()["problems"]
        assert problem["column"] == "file" and "Excel" in problem["message"]

    def test_not_a_workbook(self, secretary):
        response = post(secretary, b"PK\x03\x04 broken", "x.xlsx")
        assert "Excel" in response.json()["problems"][0]["message"]

    def test_bad_requests(self, secretary, staff, member):
        assert (
            secretary.post("/2018/@import-suggestions", json={"file": "x"}).status_code
            == 400
        )
        body = {"file": {"data": "***", "filename": "x.csv"}}
        assert secretary.post("/2018/@import-suggestions", json=body).status_code == 400
        response = post(secretary, xlsx(GOOD), "x.xlsx", dry_run=False, state="adopted")
        assert response.status_code == 400 and "state" in response.json()["message"]
        assert post(staff, xlsx(GOOD), "x.xlsx").status_code == 401
        assert post(member, xlsx(GOOD), "x.xlsx").status_code == 401


class TestCommit:
    def test_all_rows_are_created(self, secretary, caplog):
        import logging

        before = count(secretary)
        with caplog.at_level(logging.ERROR):
            response = post(secretary, xlsx(GOOD), "建议汇总.xlsx", dry_run=False)
        assert response.status_code == 200, response.text
        assert not caplog.records  # no "uncatalogObject unsuccessfully attempted"
        created = response.json()["created"]
        assert created[0].endswith("/guan-yu-jia-qiang-shui-yuan-di-xun-cha-de-jian-yi")
        assert len(created) == 3 and count(secretary) == before + 3
        first = secretary.get(created[0]).json()
        assert first["review_state"] == "submitted"
        assert first["parent"]["title"] == WATER
        assert [p["title"] for p in first["proposers"]] == ["游进", "王建华"]
        assert (
            first["assisting_units"] == ["市生态环境局"]
            and first["deadline"] == "2018-10-31"
        )
        public = secretary.get(created[2]).json()
        assert public["parent"]["@id"].endswith("/2018")
        # importing the same file again is refused: the rows are already there
        again = post(secretary, xlsx(GOOD), "建议汇总.xlsx", dry_run=False)
        assert again.status_code == 400 and {
            p["row"] for p in again.json()["problems"]
        } == {2, 3, 4}

    def test_one_bad_row_stores_nothing(self, secretary):
        before = count(secretary)
        rows = GOOD + [["关于另一件事的建议", "", WATER, "查无此人", "", "", ""]]
        response = post(secretary, xlsx(rows), "x.xlsx", dry_run=False)
        assert response.status_code == 400
        assert "nothing was imported" in response.json()["message"]
        assert response.json()["problems"] == [
            {
                "row": 5,
                "column": "提出人",
                "message": "'查无此人' is not in the member directory.",
            }
        ]
        assert count(secretary) == before

    def test_drafts(self, secretary):
        response = post(
            secretary, xlsx(GOOD[:1]), "x.xlsx", dry_run=False, state="draft"
        )
        assert (
            secretary.get(response.json()["created"][0]).json()["review_state"]
            == "draft"
        )


def test_import_page(functional, portal_url):
    from conftest import browser_for
    from conftest import SECRETARY

    browser = browser_for(functional, *SECRETARY)
    browser.open(f"{portal_url}/2018/@@import-suggestions")
    control = browser.getControl(name="file")
    control.add_file(
        xlsx(GOOD),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "建议.xlsx",
    )
    browser.getControl(name="form.preview").click()
    assert (
        "关于农村水价改革的建议" in browser.contents and "import-ok" in browser.contents
    )
    control = browser.getControl(name="file")
    control.add_file(
        xlsx(
            GOOD[:1]
            + [["", "", "", "", "", "", ""], ["x", "", "无此会", "", "", "", ""]]
        ),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "建议.xlsx",
    )
    browser.getControl(name="form.import").click()
    assert "import-problems" in browser.contents and "无此会" in browser.contents


def test_the_previewed_file_is_imported_without_a_second_upload(
    functional, portal_url, secretary
):
    from conftest import browser_for
    from conftest import SECRETARY

    before = count(secretary)
    browser = browser_for(functional, *SECRETARY)
    browser.open(f"{portal_url}/2018/@@import-suggestions")
    browser.getControl(name="file").add_file(
        xlsx(GOOD),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "建议.xlsx",
    )
    browser.getControl(name="form.preview").click()
    assert "import-kept" in browser.contents and "建议.xlsx" in browser.contents
    browser.getControl(name="form.import").click()  # no file chosen again
    assert "import-problems" not in browser.contents
    assert count(secretary) == before + len(GOOD)


def test_the_template_is_what_the_import_reads(functional, portal_url, secretary):
    from conftest import browser_for
    from conftest import SECRETARY
    from openpyxl import load_workbook

    browser = browser_for(functional, *SECRETARY)
    browser.open(f"{portal_url}/2018/@@import-suggestions")
    browser.getLink(url="template=xlsx").click()
    sheet = load_workbook(io.BytesIO(browser.contents)).active
    header = [cell.value for cell in sheet[1]]
    assert header[:2] == ["标题", "内容"] and "提出人" in header
    response = post(secretary, browser.contents, "template.xlsx")
    assert response.status_code == 200, response.text
    assert response.json()["problems"] == []
    assert len(response.json()["rows"]) == 1
