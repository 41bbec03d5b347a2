"""@annual-report: the 2018 year in the report's own terms, in Chinese."""

from io import BytesIO

import docx
import pytest


def test_the_year_in_numbers(chinese, secretary, manager_request):
    response = secretary.get("/@annual-report", params={"year": "2018"})
    assert response.status_code == 200
    document = docx.Document(BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert document.paragraphs[0].text == "2018年度协商工作情况"
    held = manager_request.get(
        "/@search",
        params={"portal_type": "Consultation", "review_state": ["held", "minuted"]},
    ).json()["items_total"]
    assert f"2018年，共开展协商活动{held}次" in text
    assert "双月协商" in text and "采纳率" in text
    assert "关于争取命名“咸宁舰”的建议" in text
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "主办单位",
        "建议",
        "已采纳",
        "采纳率",
    ]
    assert len(table.rows) > 5


@pytest.mark.parametrize("year", ["", "abc", "1800"])
def test_year_must_make_sense(secretary, year):
    response = secretary.get("/@annual-report", params={"year": year})
    assert response.status_code == 400 and "year" in response.text


def test_secretariat_only(staff, anon_request):
    assert staff.get("/@annual-report", params={"year": "2018"}).status_code in (
        401,
        403,
    )
    assert (
        anon_request.get("/@annual-report", params={"year": "2018"}).status_code == 401
    )
