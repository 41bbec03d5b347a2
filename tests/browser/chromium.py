"""A pytest plugin (tests/conftest.py loads it): pages in Debian's chromium, driven by
Playwright, on the functional layer's WSGI server. Skipped where chromium is not installed
(CI installs it)."""

import os
import pytest
import shutil

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# Flags for a closed network: no background connections, no first-run work.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _playwright():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            raise RuntimeError("CI must install Debian's chromium (see .ci/run)")
        pytest.skip("Debian's chromium is not installed")
    return pytest.importorskip("playwright.sync_api")


@pytest.fixture
def page(functional):
    """A desktop page."""
    with _playwright().sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(locale="zh-CN")
        page = context.new_page()
        page.set_default_timeout(30_000)
        yield page
        browser.close()


@pytest.fixture
def phone(functional):
    """A page 375 px wide, as a member's phone shows it."""
    with _playwright().sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(
            locale="zh-CN",
            viewport={"width": 375, "height": 812},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
        )
        page = context.new_page()
        page.set_default_timeout(30_000)
        yield page
        browser.close()


def log_in(page, portal_url, login, password):
    page.goto(f"{portal_url}/login")
    page.fill("#__ac_name", login)
    page.fill("#__ac_password", password)
    page.click("button[name='buttons.login']")
    # the toolbar: logged in (present, though hidden on a phone)
    page.wait_for_selector("#edit-zone", state="attached")
