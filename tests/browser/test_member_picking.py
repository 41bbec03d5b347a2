"""Picking members: the picker searches the whole member directory by name, pinyin and its
initials, sector or organisation, and shows 姓名 · 界别 · 单位; a whole sector is invited
in one step."""

from browser.chromium import log_in
from conftest import add_consultation
from conftest import browser_for
from conftest import search
from conftest import STAFF

import pytest
import transaction


@pytest.mark.parametrize(
    "text,expected",
    [("游进", "游进"), ("youjin", "游进"), ("yj", "游进"), ("湖北科技学院", "于海波")],
)
def test_the_catalog_finds_members(functional, text, expected):
    names = [
        b.Title for b in search(portal_type="CommitteeMember", SearchableText=text)
    ]
    assert expected in names


def test_a_member_is_described_by_sector_and_organisation(functional):
    member = functional["portal"]["members"]["m01"]
    sector, organisation = member.Description().split(" · ")
    assert sector and organisation == member.organisation
    assert "@" not in member.Description()  # no contact data


def open_picker(page, portal_url, text):
    """Staff's add form, its participants tab, ``text`` typed in the invitee picker until
    results show; the picker's search box."""
    log_in(page, portal_url, *STAFF)
    page.goto(f"{portal_url}/2018/++add++Consultation")
    page.click("a.autotoc-level-1 >> text=/参加|Participants/")
    field = page.locator("#formfield-form-widgets-invitees input.select2-input").first
    field.click()
    field.type(text)
    page.wait_for_selector(".member-picker-result")
    return field


def test_the_picker_finds_a_member_by_initials(page, portal_url):
    open_picker(page, portal_url, "yj")
    results = page.locator(".select2-results li").all_inner_texts()
    mine = [r for r in results if r.startswith("游进")]
    assert mine and "·" in mine[0]  # with sector and organisation


def test_inviting_a_whole_sector(functional, staff):
    from helpers import future

    url = add_consultation(
        staff,
        "教育界界别协商会",
        future(25, 9),
        future(25, 11),
        ["/members/m01"],
        kind="sectoral",
        sector="education",
    )
    browser = browser_for(functional, *STAFF)
    browser.open(url)
    browser.getControl(name="sector").value = ["education"]
    browser.getForm(action="@@invite-sector").submit()
    transaction.begin()
    educators = {
        b.UID for b in search(portal_type="CommitteeMember", sector="education")
    }
    (brain,) = search(portal_type="Consultation", Title="教育界界别协商会")
    assert educators and educators <= set(brain.invitees)
    assert len(brain.invitees) == len(
        educators | {functional["portal"]["members"]["m01"].UID()}
    )


def test_the_picker_speaks_chinese_when_nobody_matches(page, portal_url, functional):
    functional["portal"].portal_registry["plone.default_language"] = "zh-cn"
    transaction.commit()
    log_in(page, portal_url, *STAFF)
    page.goto(f"{portal_url}/2018/++add++Consultation")
    page.click("a.autotoc-level-1 >> text=参加人员")
    field = page.locator("#formfield-form-widgets-invitees input.select2-input").first
    field.click()
    field.type("查无此人")
    page.wait_for_selector(".select2-no-results")
    assert page.locator(".select2-no-results").inner_text() == "没有找到匹配项"


def test_inviting_the_whole_standing_committee(functional, staff):
    from collective.consultation.demo.members import STANDING_COMMITTEE
    from helpers import future

    url = add_consultation(staff, "常委会专题协商会", future(26, 9), future(26, 11))
    browser = browser_for(functional, *STAFF)
    browser.open(url)
    browser.getControl(name="sector").value = ["standing_committee"]
    browser.getForm(action="@@invite-sector").submit()
    assert "portalMessage" in browser.contents
    transaction.begin()
    (brain,) = search(portal_type="Consultation", Title="常委会专题协商会")
    invited = {b.Title for b in search(UID=list(brain.invitees))}
    assert invited == set(STANDING_COMMITTEE)


def test_a_click_anywhere_on_the_row_picks_and_clears_the_search(page, portal_url):
    """A click on the empty right-hand part of a highlighted row used to pick nobody, and the
    search text stayed in the box as if it were an invitee."""
    field = open_picker(page, portal_url, "yj")
    row = page.locator(".select2-results li", has_text="游进").first
    box = row.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 4, box["y"] + box["height"] / 2)
    chips = page.locator("#formfield-form-widgets-invitees .select2-search-choice")
    chips.first.wait_for()
    (chip,) = chips.all_inner_texts()
    assert chip.split()[0] == "游进" and "·" in chip and "/members/" not in chip
    page.keyboard.press("Escape")
    assert field.input_value() == ""
