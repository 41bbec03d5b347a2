"""No English on a Chinese site: the pages each role opens, as Chromium shows them, carry
no English words, neither from our templates nor from Plone's widgets, portlets, footer,
byline and status messages around them. Addresses (URLs, e-mail) and file formats are
not words."""

from browser.chromium import log_in
from conftest import LOGINS
from conftest import search

import pytest
import re
import transaction

# File formats and the standard the accessibility page cites, as Chinese sites write them.
ALLOWED = {
    "docx",
    "xlsx",
    "ics",
    "csv",
    "pdf",
    "doc",
    "pptx",
    "jpg",
    "jpeg",
    "png",
    "WCAG",
    "Tab",
    "Excel",
    "Word",
    "XLSX",
    "CSV",
}
ALLOWED |= {"UTF"}  # the encoding an import file is read in (UTF-8)
ALLOWED |= {"Email", "URL"}  # Plone's own Chinese: 请输入您的 Email 地址, 显示在URL中
# Login names are data (网站账号 on a member's page), not text.
ALLOWED |= {login for login, _password in filter(None, LOGINS.values())}
ADDRESSES = re.compile(r"(\w+://\S+|[\w.+-]+@[\w.-]+|\S+\.(?:docx|xlsx|ics|csv|pdf)\b)")
WORD = re.compile(r"[A-Za-z]{3,}")


def english(text):
    """The English words in a page's visible text."""
    return sorted(
        {w for w in WORD.findall(ADDRESSES.sub(" ", text)) if w not in ALLOWED}
    )


@pytest.fixture
def chinese_site(functional):
    portal = functional["portal"]
    portal.portal_registry["plone.default_language"] = "zh-cn"
    # the test layer's site is called "Plone site"
    portal.portal_registry["plone.site_title"] = "咸宁市政协协商议政平台"
    transaction.commit()


def suggestion_in(state):
    return search(portal_type="Suggestion", review_state=state)[0].getURL()


PAGES = {
    "anonymous": [
        "",
        "/2018",
        "/2018/2018-06-28-bimonthly",
        "/2018/2018-06-28-bimonthly/speech-1",
        "/2018/sqmy01",
        "/login",
        "/accessibility-info",
        "/contact-info",
        "/sitemap",
    ],
    "member": [
        "",
        "/@@my-duties",
        "/2018/2018-10-30-bimonthly",
        "/2018/2018-10-30-bimonthly/++add++Suggestion",
        "/2018/sqmy01",
        "/members/m01",
    ],
    # (minuted consultations hold their minutes' file, named in the site's language when
    # approved: English on the test layer)
    "staff": [
        "",
        "/units",
        "/units/u01",
        "/members",
        "/2018/2018-10-30-bimonthly",
        "/2018/2018-10-30-bimonthly/@@arrange-speeches",
        "/2018/2018-10-30-bimonthly/speech-4",
        "/2018/++add++Consultation",
        "/2018/2018-10-30-bimonthly/++add++MeetingMaterial",
    ],
    "secretary": [
        "",
        "/@@tracking-dashboard",
        "/@@suggestion-list",
        "/2018/@@import-suggestions",
        "/@@duty-rules",
        "/members/@@duty-ranking",
    ],
}


@pytest.mark.parametrize("who", sorted(PAGES))
def test_no_english_words(page, portal_url, chinese_site, who):
    if LOGINS[who]:
        log_in(page, portal_url, *LOGINS[who])
    found = {}
    for path in PAGES[who]:
        page.goto(f"{portal_url}{path}")
        words = english(page.evaluate("document.body.innerText"))
        if words:
            found[path] = words
    assert found == {}


def test_no_english_on_the_secretariats_step_pages(page, portal_url, chinese_site):
    log_in(page, portal_url, *LOGINS["secretary"])
    referred = suggestion_in("referred")
    found = {}
    for url in (
        referred,
        f"{referred}/@@handle?transition=reassign",
        f"{referred}/@@handle?transition=remind",
        f"{referred}/@@merge-suggestions",
        f"{suggestion_in('submitted')}/@@handle?transition=refer",
    ):
        page.goto(url)
        words = english(page.evaluate("document.body.innerText"))
        if words:
            found[url.replace(portal_url, "")] = words
    assert found == {}


def test_the_toolbar_time_the_picker_and_the_calendar_file(
    page, portal_url, chinese_site
):
    """Plone's parts a clerk sees that our templates do not write: the toolbar's time
    (in the office's zone, as Chinese dates are written), the member picker's toolbar, and
    the .ics a member's phone calendar shows."""
    import icalendar

    log_in(page, portal_url, *LOGINS["staff"])
    consultation = f"{portal_url}/2018/2018-10-30-bimonthly"
    page.goto(consultation)
    time = page.locator("#edit-zone time.pat-display-time")
    page.wait_for_function(
        "document.querySelector('#edit-zone time.pat-display-time')"
        ".textContent.includes('年')"
    )
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}", time.inner_text())

    page.goto(f"{portal_url}/2018/++add++Consultation")
    page.click("a.autotoc-level-1 >> text=参加人员")
    field = page.locator("#formfield-form-widgets-invitees")
    field.locator("input.select2-input").first.click()
    field.locator("input.select2-input").first.type("游")
    page.wait_for_selector(".member-picker-result")
    assert english(field.inner_text()) == []
    page.goto(f"{portal_url}/2018/2018-10-30-bimonthly/++add++MeetingMaterial")
    assert ".docx" in page.locator("#formfield-form-widgets-file").inner_text()

    response = page.request.get(f"{consultation}/ics_view")
    (event,) = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    assert english(str(event["DESCRIPTION"])) == []
    assert event["CATEGORIES"].to_ical().decode() == "双月协商"


def test_words_plones_chinese_gets_wrong_are_mended(page, portal_url, chinese_site):
    """登录, not 登陆 (our catalog is asked before Plone's); an optional choice's empty
    entry is （未选择）, not z3c.form's 空值; a state banner does not say its state twice."""
    page.goto(f"{portal_url}/login")
    text = page.evaluate("document.body.innerText")
    assert "登陆" not in text and "登录遇到问题" in text
    log_in(page, portal_url, *LOGINS["staff"])
    page.goto(f"{portal_url}/2018/++add++Consultation")
    options = page.locator("select option").all_inner_texts()
    assert "空值" not in options and "（未选择）" in options
    page.goto(suggestion_in("adopted"))
    banner = page.locator(".state-banner").inner_text()
    assert banner.count("已采纳") == 1
