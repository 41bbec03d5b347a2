"""The forms as each role works with them: a step form that starts empty on required
choices and says what will happen, and what happened afterwards; cancelling that asks why
and warns who is told; a member's suggestion filed and submitted in one step."""

from conftest import add_consultation
from conftest import browser_for
from conftest import MEMBER
from conftest import search
from conftest import SECRETARY
from conftest import STAFF
from helpers import future

import pytest
import transaction


def open_form(functional, login, url):
    browser = browser_for(functional, *login)
    browser.raiseHttpErrors = False
    browser.open(url)
    return browser


@pytest.fixture
def submitted_url(functional):
    brain = search(portal_type="Suggestion", review_state="submitted")[0]
    return brain.getURL(), brain.UID


class TestReferralForm:
    def test_the_lead_unit_starts_empty(self, functional, submitted_url):
        url, _uid = submitted_url
        browser = open_form(functional, SECRETARY, f"{url}/@@handle?transition=refer")
        select = browser.getControl(name="form.widgets.lead_unit:list")
        assert select.value in ([], ["--NOVALUE--"], [""])
        assert "step-consequence" in browser.contents

    def test_taking_it_without_a_unit_refers_nothing(self, functional, submitted_url):
        url, uid = submitted_url
        browser = open_form(functional, SECRETARY, f"{url}/@@handle?transition=refer")
        browser.getControl(name="form.buttons.take").click()
        assert "form.widgets.lead_unit" in browser.contents  # still the form
        transaction.begin()
        assert search(UID=uid)[0].review_state == "submitted"

    def test_it_says_what_it_did(self, functional, submitted_url, smtp):
        url, uid = submitted_url
        browser = open_form(functional, SECRETARY, f"{url}/@@handle?transition=refer")
        browser.getControl(name="form.widgets.lead_unit:list").value = [
            "市民政局".encode().hex()
        ]
        browser.getControl(name="form.buttons.take").click()
        transaction.begin()
        assert search(UID=uid)[0].review_state == "referred"
        assert "市民政局" in browser.contents and "portalMessage" in browser.contents
        assert len(smtp.messages) == 1


class TestCancelling:
    @pytest.fixture
    def scheduled(self, staff):
        return add_consultation(
            staff,
            "待取消的协商会",
            future(15, 9),
            future(15, 11),
            ["/members/m01", "/members/m02"],
            schedule=True,
        )

    def test_the_menu_leads_to_a_page_that_warns(self, functional, scheduled):
        browser = open_form(functional, STAFF, scheduled)
        assert "@@cancel-consultation" in browser.contents
        browser.open(f"{scheduled}/@@cancel-consultation")
        assert "cancel-consequence" in browser.contents
        assert "<strong>2</strong>" in browser.contents

    def test_a_reason_is_required(self, functional, scheduled, staff):
        browser = open_form(functional, STAFF, f"{scheduled}/@@cancel-consultation")
        browser.getControl(name="confirm").click()
        assert "invalid-feedback" in browser.contents
        assert (
            staff.get(scheduled.replace("/plone", "/plone/++api++")).json()[
                "review_state"
            ]
            == "scheduled"
        )

    def test_cancelled_with_its_reason(self, functional, scheduled, staff, smtp):
        browser = open_form(functional, STAFF, f"{scheduled}/@@cancel-consultation")
        browser.getControl(name="reason").value = "因故推迟，另行通知。"
        browser.getControl(name="confirm").click()
        api_url = scheduled.replace("/plone", "/plone/++api++")
        assert staff.get(api_url).json()["review_state"] == "cancelled"
        history = staff.get(f"{api_url}/@history").json()
        assert any(h.get("comments") == "因故推迟，另行通知。" for h in history)
        assert len(smtp.messages) == 2  # each invitee is told
        assert "portalMessage" in browser.contents

    def test_not_for_members(self, functional, scheduled):
        from zExceptions import Unauthorized

        with pytest.raises(Unauthorized):
            open_form(functional, MEMBER, f"{scheduled}/@@cancel-consultation")


class TestMemberFiling:
    HELD = "/2018/2018-10-30-bimonthly"  # 游进 is invited

    def test_file_and_submit_in_one_step(self, functional, portal_url):
        browser = open_form(
            functional, MEMBER, f"{portal_url}{self.HELD}/++add++Suggestion"
        )
        assert "form.widgets.IBasic.description" not in browser.contents
        assert "form.widgets.answer" not in browser.contents
        browser.getControl(name="form.widgets.IBasic.title").value = (
            "关于完善社区养老的建议"
        )
        browser.getControl(name="form.widgets.text").value = (
            "建议增加社区日间照料中心。"
        )
        browser.getControl(name="form.buttons.submit").click()
        transaction.begin()
        (brain,) = search(portal_type="Suggestion", Title="完善社区养老")
        assert brain.review_state == "submitted"
        assert "游进" in brain.proposer_names

    def test_a_draft_has_its_submit_button(self, functional, portal_url):
        browser = open_form(
            functional, MEMBER, f"{portal_url}{self.HELD}/++add++Suggestion"
        )
        browser.getControl(name="form.widgets.IBasic.title").value = "关于草稿的建议"
        browser.getControl(name="form.buttons.save").click()
        assert "submit-suggestion" in browser.contents
        browser.getForm(action="content_status_modify").submit()
        transaction.begin()
        (brain,) = search(portal_type="Suggestion", Title="草稿的建议")
        assert brain.review_state == "submitted"


def test_scheduling_says_how_many_invitations_went(functional, staff):
    url = add_consultation(
        staff,
        "安排提示测试协商会",
        future(12, 9),
        future(12, 11),
        ["/members/m01", "/members/m02", "/members/m03"],
    )
    browser = open_form(functional, STAFF, url)
    browser.getLink(url="@@schedule-consultation").click()  # the state menu
    assert "schedule-nobody" not in browser.contents
    assert "<strong>3</strong>" in browser.contents  # says to how many, before
    assert staff.get(url).json()["review_state"] == "draft"
    browser.getControl(name="confirm").click()
    message = browser.contents.split("portalMessage", 1)[1][:600]
    assert "3" in message
    assert staff.get(url).json()["review_state"] == "scheduled"


def test_scheduling_with_nobody_invited_asks_first(functional, staff, session_as):
    url = add_consultation(staff, "无人受邀的协商会", future(12, 9), future(12, 11))
    browser = open_form(functional, STAFF, f"{url}/@@schedule-consultation")
    assert "schedule-nobody" in browser.contents
    assert browser.getLink(url=f"{url}/edit")  # invite members first
    assert (
        staff.get(url).json()["review_state"] == "draft"
    )  # opening it changes nothing
    member = browser_for(functional, *MEMBER)
    member.handleErrors = True
    member.raiseHttpErrors = False
    member.open(f"{url}/@@schedule-consultation")  # Plone's "insufficient privileges"
    assert "schedule-nobody" not in member.contents and "confirm" not in member.contents
    browser.getControl(name="confirm").click()  # schedule anyway
    assert staff.get(url).json()["review_state"] == "scheduled"
