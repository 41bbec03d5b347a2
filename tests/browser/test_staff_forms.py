"""End to end in a real headless Chromium (Debian's `chromium`, driven by Playwright):
committee staff log in and create a consultation through the Classic UI."""

from browser.chromium import log_in
from collective.consultation.testing import MailSink
from conftest import search
from conftest import STAFF

import os
import transaction


def fill_consultation(page, kind):
    page.fill("#form-widgets-IBasic-title", "浏览器测试：数字政协建设专题协商会")
    page.select_option("#form-widgets-kind", kind)
    page.fill("#form-widgets-IEventBasic-start", "2018-12-27T09:00")
    page.fill("#form-widgets-IEventBasic-end", "2018-12-27T11:30")
    page.fill("#form-widgets-IEventLocation-location", "市政协机关三楼会议室")


def test_staff_create_a_consultation(page, portal_url):
    log_in(page, portal_url, *STAFF)
    page.goto(f"{portal_url}/2018")
    page.click("#add-consultation")
    page.wait_for_selector("#form-widgets-IBasic-title")

    # A sectoral consultation without a sector is refused, on the field.
    fill_consultation(page, "sectoral")
    page.click("button[name='form.buttons.save']")
    if os.environ.get(
        "E2E_SCREENSHOT"
    ):  # a PNG path, to look at the page when debugging
        page.screenshot(path=os.environ["E2E_SCREENSHOT"])
    error = page.locator("#formfield-form-widgets-sector .invalid-feedback")
    assert "Sector" in error.inner_text() or "界别" in error.inner_text()
    assert len(search(Title="数字政协建设")) == 0

    # Mended, it is saved and shown.
    page.select_option("#form-widgets-sector", "education")
    page.fill("#form-widgets-IEventBasic-start", "2018-12-27T09:00")
    page.fill("#form-widgets-IEventBasic-end", "2018-12-27T11:30")
    page.click("button[name='form.buttons.save']")
    page.wait_for_selector("dl.consultation-details")
    assert "数字政协建设专题协商会" in page.inner_text("h1")
    details = page.inner_text("dl.consultation-details")
    assert "2018-12-27 09:00" in details and "市政协机关三楼会议室" in details

    transaction.begin()  # see what the server's thread committed
    brains = search(Title="数字政协建设")
    assert [(b.consultation_kind, b.sector, b.review_state) for b in brains] == [
        ("sectoral", "education", "draft")
    ]
    assert brains[0].Creator == "staff"


def test_secretariat_takes_steps_with_their_form(page, portal_url, functional):
    """The workflow menu's steps open the step form: a decline without a reason is refused
    on the field; a referral picks its unit from the directory and mails it."""
    from conftest import SECRETARY

    smtp = MailSink(functional)
    smtp.clear()
    submitted = search(
        portal_type="Suggestion", review_state="submitted", sort_on="getId"
    )[0]
    url = f"{portal_url}{submitted.getPath().split('/plone', 1)[1]}"
    log_in(page, portal_url, *SECRETARY)
    page.goto(url)
    page.click("nav.handling-steps a[data-step='decline']")
    page.wait_for_selector("#form-widgets-decline_reason")
    page.click("#form-buttons-take")
    assert (
        page.locator("#formfield-form-widgets-decline_reason .invalid-feedback").count()
        == 1
    )
    assert api_state(functional, submitted.UID) == "submitted"

    page.goto(url)
    page.click("nav.handling-steps a[data-step='refer']")
    page.wait_for_selector("#form-widgets-lead_unit")
    page.select_option("#form-widgets-lead_unit", label="市水利和湖泊局")
    assert page.input_value("#form-widgets-deadline")  # proposed: three months ahead
    page.fill("#form-widgets-comment", "请按期答复。")
    page.click("#form-buttons-take")
    page.wait_for_selector("section.unit-notices")
    assert "市水利和湖泊局" in page.inner_text("section.unit-notices")
    assert "请按期答复。" in page.inner_text("ol.timeline")
    assert api_state(functional, submitted.UID) == "referred"
    assert any("unit01@example.net" in rcpts for _sender, rcpts, _raw in smtp.messages)


def test_dashboard_charts_link_to_their_lists(page, portal_url):
    from conftest import SECRETARY

    log_in(page, portal_url, *SECRETARY)
    page.goto(f"{portal_url}/2018/@@tracking-dashboard")
    page.wait_for_selector("svg.chart-states")
    assert page.inner_text(".dashboard-year") == "2018"
    bars = page.locator("svg.chart-states a.bar")
    assert bars.count() == 8
    assert page.locator("svg.chart-kinds a.bar").count() == 8
    assert page.locator("svg.chart-units a.bar").count() >= 10
    adopted = page.locator("svg.chart-states a.bar").nth(4)
    value = int(adopted.get_attribute("data-value"))
    assert value > 0
    adopted.click()
    page.wait_for_selector("table.suggestion-list")
    assert page.locator("table.suggestion-list tbody tr").count() == value
    assert "2018" in page.inner_text(".list-heading")
    # the overdue tile and list agree
    page.goto(f"{portal_url}/2018/@@tracking-dashboard")
    overdue_rows = page.locator(".overdue-list tbody tr").count()
    page.click("a.tile-value >> nth=2")  # the overdue tile (the third tile with a link)
    page.wait_for_selector("table.suggestion-list")
    assert page.locator("table.suggestion-list tbody tr").count() == overdue_rows


def test_dashboard_is_for_the_secretariat(page, portal_url):
    log_in(page, portal_url, *STAFF)
    page.goto(f"{portal_url}/2018/@@tracking-dashboard")
    assert page.locator("svg.chart-states").count() == 0
    # Plone sends a logged-in user who may not open the page to its explanation
    assert "insufficient-privileges" in page.url


def api_state(functional, uid):
    transaction.begin()  # see what the server thread committed
    return search(UID=uid)[0].review_state


def test_staff_mark_attendance_in_the_grid(page, portal_url, functional):
    log_in(page, portal_url, *STAFF)
    page.goto(f"{portal_url}/2018/2018-06-28-bimonthly")
    page.click("a.attendance-link")
    page.wait_for_selector("form.attendance-grid")
    rows = page.locator("form.attendance-grid tbody tr")
    assert rows.count() >= 10
    first = rows.nth(0)
    member = first.get_attribute("data-member")
    first.locator("input[value='leave']").check()
    first.locator(f"input[name='reason.{member}']").fill("赴京参加培训")
    second = rows.nth(1)
    other = second.get_attribute("data-member")
    second.locator("input[value='absent']").check()
    page.click("form.attendance-grid button[type='submit']")
    page.wait_for_selector("form.attendance-grid")
    assert page.locator(f"tr[data-member='{member}'] input[value='leave']").is_checked()
    assert page.input_value(f"input[name='reason.{member}']") == "赴京参加培训"
    transaction.begin()
    from collective.consultation.meeting.attendance import marks

    stored = marks(functional["portal"]["2018"]["2018-06-28-bimonthly"])
    assert (
        stored[member]["status"] == "leave"
        and stored[member]["reason"] == "赴京参加培训"
    )
    assert stored[other]["status"] == "absent"
    # and the member's record counts it
    page.goto(f"{portal_url}/members")
    page.click("a.sectors-link")
    page.wait_for_selector("table.sectors")
    assert page.locator("table.sectors tbody tr").count() >= 20
