"""End to end in a real headless Chromium (Debian's `chromium`, driven by Playwright):
committee staff log in and create a consultation through the Classic UI."""

from conftest import search
from conftest import STAFF

import os
import transaction
import pytest
import shutil


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    if os.environ.get("CI"):
        raise RuntimeError("CI must install Debian's chromium (see .ci/run)")
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

playwright_api = pytest.importorskip("playwright.sync_api")

# Flags for a closed network: no background connections, no first-run work.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture
def page(functional):
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(locale="zh-CN")
        page = context.new_page()
        page.set_default_timeout(30_000)
        yield page
        browser.close()


def log_in(page, portal_url, login, password):
    page.goto(f"{portal_url}/login")
    page.fill("#__ac_name", login)
    page.fill("#__ac_password", password)
    page.click("button[name='buttons.login']")
    page.wait_for_selector("#edit-zone")  # the toolbar: logged in


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
    if os.environ.get("E2E_SCREENSHOT"):  # a PNG path, to look at the page when debugging
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
