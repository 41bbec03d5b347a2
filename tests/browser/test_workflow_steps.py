"""The workflow steps open to a user are buttons on the page, so that staff on a phone
(where Plone's toolbar with its state menu is hidden) can schedule, mark held, approve the
minutes or cancel; members and visitors see no step they may not take."""

from browser.chromium import log_in
from conftest import add_consultation
from conftest import MEMBER
from conftest import search
from conftest import STAFF
from helpers import future

import transaction


def steps(page):
    return {
        link.get_attribute("data-step")
        for link in page.locator("nav.workflow-steps a").all()
    }


def test_staff_take_the_steps_from_a_phone(phone, portal_url, staff):
    url = add_consultation(
        staff, "手机上召开的协商会", future(3, 9), future(3, 11), ["/members/m01"]
    )
    log_in(phone, portal_url, *STAFF)
    phone.goto(url)
    assert not phone.locator("#edit-zone").is_visible()  # the toolbar is hidden
    assert steps(phone) == {"schedule", "cancel"}
    phone.click("nav.workflow-steps a[data-step=schedule]")
    phone.wait_for_url("**/@@schedule-consultation?*")
    phone.click('form[action$="@@schedule-consultation"] button[type=submit]')
    phone.wait_for_url(url)
    assert steps(phone) == {"hold", "cancel"}
    phone.click("nav.workflow-steps a[data-step=hold]")
    phone.wait_for_selector("nav.workflow-steps a[data-step=approve_minutes]")
    transaction.begin()
    (brain,) = search(portal_type="Consultation", Title="手机上召开的协商会")
    assert brain.review_state == "held"


def test_members_and_visitors_see_no_steps(page, portal_url):
    consultation = f"{portal_url}/2018/2018-10-30-bimonthly"
    page.goto(consultation)
    assert steps(page) == set()
    log_in(page, portal_url, *MEMBER)
    page.goto(consultation)
    assert steps(page) == set()
