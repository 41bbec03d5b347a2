"""The speech pages as people use them (zope.testbrowser, real forms): staff arrange or
decline submitted speeches on @@arrange-speeches, a member takes their speech back on its
page, staff turn an arranged speech into a suggestion there, and nobody else may."""

from conftest import browser_for
from conftest import MEMBER
from conftest import STAFF
from test_checkin import scheduled
from test_speeches import arranged_speech
from test_speeches import step
from test_speeches import uid_of
from test_speeches import write_speech

import pytest


@pytest.fixture
def tomorrow(staff):
    """A consultation tomorrow inviting 游进 (the ``member`` login) and 王建华."""
    return scheduled(staff, 24 * 60, title="明日双月协商会")


def submitted(member, url, title):
    speech = write_speech(member, url, title)
    assert step(member, speech, "submit").status_code == 200
    return speech


def form_for(browser, button, value):
    """The form with a ``button`` that carries ``value`` (one form per speech)."""
    index = 0
    while True:
        form = browser.getForm(index=index)  # LookupError past the last: not found
        if any(b.value == value for b in buttons(form, button)):
            return form
        index += 1


def buttons(form, name):
    found, index = [], 0
    while True:
        try:
            found.append(form.getControl(name=name, index=index))
        except LookupError:
            return found
        index += 1


def click(browser, name, value):
    form = form_for(browser, name, value)
    next(b for b in buttons(form, name) if b.value == value).click()


def state(session, speech):
    return session.get(speech).json()["review_state"]


def test_staff_arrange_one_and_decline_another(functional, member, staff, tomorrow):
    first = submitted(member, tomorrow, "关于水源保护的发言")
    second = submitted(member, tomorrow, "关于水价改革的发言")
    browser = browser_for(functional, *STAFF)
    browser.open(f"{tomorrow}/@@arrange-speeches")
    click(browser, "accept", uid_of(staff, first))
    assert state(staff, first) == "accepted"
    assert "arranged at the end of the order" in browser.contents

    # declining without a reason is refused on the page, and nothing changes
    click(browser, "decline", uid_of(staff, second))
    assert "comment" in browser.contents.split('class="alert', 1)[1].split("</", 1)[0]
    assert state(staff, second) == "submitted"

    browser.open(f"{tomorrow}/@@arrange-speeches")
    form = form_for(browser, "decline", uid_of(staff, second))
    form.getControl(name="reason").value = "与第一位发言重复。"
    form.getControl(name="decline").click()
    assert state(staff, second) == "declined"
    history = staff.get(f"{second}/@history").json()
    (declined,) = (h for h in history if h.get("action") == "decline")
    assert declined["comments"] == "与第一位发言重复。"


def test_a_member_takes_their_speech_back_on_its_page(functional, member, tomorrow):
    speech = submitted(member, tomorrow, "关于河长制的发言")
    browser = browser_for(functional, *MEMBER)
    browser.open(speech)
    click(browser, "step", "retract")
    assert state(member, speech) == "draft"


def test_staff_turn_an_arranged_speech_into_a_suggestion(
    functional, member, staff, tomorrow
):
    speech = arranged_speech(member, staff, tomorrow, "关于水质公示的发言")
    browser = browser_for(functional, *STAFF)
    browser.open(speech)
    click(browser, "step", "to_suggestion")
    suggestion = staff.get(browser.url.split("?")[0].removesuffix("/view")).json()
    assert suggestion["@type"] == "Suggestion"
    assert suggestion["title"] == "关于水质公示的发言"
    assert suggestion["review_state"] == "submitted"
    assert [p["title"] for p in suggestion["proposers"]] == ["游进"]


def test_the_member_is_not_offered_the_suggestion_step(
    functional, member, staff, tomorrow
):
    speech = arranged_speech(member, staff, tomorrow, "关于水质监测的发言")
    browser = browser_for(functional, *MEMBER)
    browser.open(speech)
    assert "to_suggestion" not in browser.contents
    browser.open(f"{tomorrow}/++add++Speech")  # a form: the member's own token
    token = browser.getControl(name="_authenticator", index=0).value
    browser.handleErrors, browser.raiseHttpErrors = True, False
    browser.post(
        f"{speech}/@@speech-step", f"step=to_suggestion&_authenticator={token}"
    )
    assert browser.headers["status"].startswith("403")
    assert state(staff, speech) == "accepted"


def test_the_arranging_page_in_chinese(chinese, functional, member, staff, tomorrow):
    """Its heading quotes the title once, and the column of minutes says what they are
    (发言时长, not 会议纪要)."""
    arranged_speech(member, staff, tomorrow, "发言甲")
    browser = browser_for(functional, *STAFF)
    browser.open(f"{tomorrow}/@@arrange-speeches")
    heading = browser.contents.split('class="documentFirstHeading"', 1)[1].split(
        "</h1>"
    )[0]
    assert "“明日双月协商会”" in heading.replace("\n", "").replace(" ", "").replace(
        "<span>", ""
    ).replace("</span>", "")
    assert "<q" not in heading
    header = browser.contents.split("speaking-order", 1)[1].split("</thead>")[0]
    assert "发言时长（分钟）" in header and "会议纪要" not in header
