"""A member on a phone (375 px): the pages they use fit the screen without scrolling
sideways, and the controls are big enough to tap; axe-core finds no serious or critical
accessibility problem on our pages."""

from browser.chromium import log_in
from conftest import MEMBER

import pytest

MEMBER_PAGES = [
    "",
    "/2018",
    "/2018/2018-10-30-bimonthly",  # 游进 is invited
    "/@@my-duties",
    "/2018/sqmy01",  # his adopted public-opinion item
]


def overflow(page):
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_member_pages_fit_a_phone(phone, portal_url):
    log_in(phone, portal_url, *MEMBER)
    for path in MEMBER_PAGES:
        phone.goto(f"{portal_url}{path}")
        assert overflow(phone) <= 0, path


def test_visitor_pages_fit_a_phone(phone, portal_url):
    for path in ("", "/2018", "/2018/2018-06-28-bimonthly", "/2018/sqmy01"):
        phone.goto(f"{portal_url}{path}")
        assert overflow(phone) <= 0, path


def test_tap_targets_on_the_workbench(phone, portal_url):
    log_in(phone, portal_url, *MEMBER)
    phone.goto(portal_url)
    for selector in (".workbench-tiles .tile", ".todo-link"):
        for box in [e.bounding_box() for e in phone.query_selector_all(selector)]:
            assert box["height"] >= 44, selector


@pytest.mark.parametrize(
    "path",
    ["", "/2018", "/2018/2018-06-28-bimonthly", "/2018/sqmy01", "/@@my-duties"],
)
def test_no_serious_accessibility_problem(page, portal_url, path):
    from axe_playwright_python.sync_playwright import Axe

    log_in(page, portal_url, *MEMBER)
    page.goto(f"{portal_url}{path}")
    # our part of the page: Plone's toolbar and its widgets are Plone's to mend
    results = Axe().run(page, context={"include": [["#content"], ["#portal-header"]]})
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_on_a_phone_the_toolbar_gives_way_to_the_phone_menu(phone, portal_url):
    log_in(phone, portal_url, *MEMBER)
    phone.goto(f"{portal_url}/2018")
    assert not phone.is_visible("#edit-zone")
    assert phone.evaluate("getComputedStyle(document.body).paddingLeft") == "0px"
    menu = phone.locator(".phone-menu")
    assert menu.is_visible()
    assert menu.locator("a[href$='/@@my-duties']").bounding_box()["height"] >= 44
    assert menu.locator("a[href$='/logout']").is_visible()


def test_on_a_desktop_the_toolbar_stays(page, portal_url):
    log_in(page, portal_url, *MEMBER)
    page.goto(f"{portal_url}/2018")
    assert page.is_visible("#edit-zone") and not page.is_visible(".phone-menu")


def test_the_dossier_downloads_from_my_duties(phone, portal_url, tmp_path):
    """下载履职档案 on 我的履职: the link answers the .docx itself (not a JSON 404), and
    python-docx reads the member's name and the year in it."""
    from docx import Document

    log_in(phone, portal_url, *MEMBER)
    phone.goto(f"{portal_url}/@@my-duties?year=2018")
    link = phone.locator("a.dossier-download")
    assert "/++api++/members/" in link.get_attribute("href")
    with phone.expect_download() as waiting:
        link.click()
    path = tmp_path / "dossier.docx"
    waiting.value.save_as(path)
    text = "\n".join(p.text for p in Document(path).paragraphs)
    assert "游进" in text and "2018" in text


def labels_before(page, selector):
    """What the stylesheet writes before each cell (its column's name), per cell."""
    return page.evaluate(
        """selector => Array.from(document.querySelectorAll(selector)).map(
            cell => getComputedStyle(cell, '::before').content)""",
        selector,
    )


def test_tables_become_labelled_cards_on_a_phone(phone, portal_url):
    from conftest import SECRETARY
    from conftest import STAFF

    log_in(phone, portal_url, *MEMBER)
    phone.goto(f"{portal_url}/@@my-duties")
    figures = labels_before(phone, "table.duty-figures td")
    assert figures and all(c not in ("none", "normal", "") for c in figures)
    assert overflow(phone) <= 0

    log_in(phone, portal_url, *STAFF)
    phone.goto(f"{portal_url}/2018/2018-06-28-bimonthly/@@attendance")
    names = phone.locator("table.attendance-table td.card-title")
    assert names.count() > 0
    for box in [names.nth(i).bounding_box() for i in range(min(names.count(), 5))]:
        assert box["width"] > 200  # a name on one line, not a character a line
    statuses = labels_before(phone, "table.attendance-table td:has(input[type=radio])")
    assert statuses and all(c not in ("none", "normal", "") for c in statuses)
    assert overflow(phone) <= 0

    log_in(phone, portal_url, *SECRETARY)
    phone.goto(f"{portal_url}/members/@@duty-ranking?year=2018")
    totals = labels_before(phone, "table.duty-ranking td:has(.ranking-total)")
    assert totals and all(c not in ("none", "normal", "") for c in totals)
