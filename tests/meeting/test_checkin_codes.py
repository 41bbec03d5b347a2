"""The check-in code changes every half minute (a time-step HMAC): a photo of the screen
sent round a chat group stops working a minute later. The current and the previous step
count; the check-in page swaps a fresh code for a pass, so a member may log in first; staff
send a member who cannot scan his own link, which works for his login only. The projector
view shows the code as large as the screen allows, beside the count (below it on a phone),
and fetches the next code without reloading."""

from browser.chromium import log_in
from conftest import browser_for
from conftest import INVITEE
from conftest import MEMBER
from conftest import STAFF
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from meeting.test_checkin import check_in
from meeting.test_checkin import code_of
from meeting.test_checkin import scheduled
from urllib.parse import parse_qs
from urllib.parse import urlsplit

import json
import pytest
import re
import transaction

STEP = timedelta(seconds=30)


@pytest.fixture
def soon(staff):
    return scheduled(staff, 20, title="扫码签到协商会")


def consultation_at(functional, url):
    transaction.begin()
    portal = functional["portal"]
    return portal.unrestrictedTraverse(url[len(portal.absolute_url()) + 1 :])


def member_entry(functional, login):
    return next(
        m for m in functional["portal"]["members"].objectValues() if m.userid == login
    )


def test_the_code_changes_each_step_and_the_previous_one_still_counts(functional, soon):
    from collective.consultation.meeting import checkin

    consultation = consultation_at(functional, soon)
    now = datetime.now(timezone.utc)
    codes = [checkin.code(consultation, now - n * STEP) for n in range(3)]
    assert len(set(codes)) == 3  # a new code every step
    assert checkin.code_fits(consultation, codes[0], now=now)
    assert checkin.code_fits(consultation, codes[1], now=now)  # the one before
    assert not checkin.code_fits(consultation, codes[2], now=now)  # a minute old
    # a code of the future (a forged step) is refused too
    assert not checkin.code_fits(
        consultation, checkin.code(consultation, now + 2 * STEP), now=now
    )


def test_a_photo_of_an_old_code_is_refused(functional, member, soon):
    from collective.consultation.meeting import checkin

    consultation = consultation_at(functional, soon)
    old = checkin.code(consultation, datetime.now(timezone.utc) - 3 * STEP)
    response = check_in(member, soon, old)
    assert response.status_code == 400
    assert response.json()["field"] == "code"
    fresh = check_in(member, soon, code_of(functional, soon))
    assert fresh.status_code == 200, fresh.text


@pytest.mark.parametrize(
    "forged",
    [
        "123.abc",
        "m.0000",
        "p1.0000",
        "99999999999.0123456789abcdef0123",
        ".",
        "x" * 500,
    ],
)
def test_forged_codes(member, soon, forged):
    response = check_in(member, soon, forged)
    assert response.status_code == 400
    assert response.json()["field"] == "code"


def test_the_page_swaps_a_fresh_code_for_a_pass(functional, soon):
    from collective.consultation.meeting import checkin

    browser = browser_for(functional, *MEMBER)
    browser.open(f"{soon}/@@checkin?code={code_of(functional, soon)}")
    given = browser.getControl(name="code").value
    assert given.startswith("p")
    consultation = consultation_at(functional, soon)
    now = datetime.now(timezone.utc)
    # valid for ten minutes: long enough to log in, not for a chat group's afternoon
    assert checkin.code_fits(consultation, given, now=now + timedelta(minutes=9))
    assert not checkin.code_fits(consultation, given, now=now + timedelta(minutes=11))


def test_a_logged_out_member_logs_in_and_the_pass_still_works(
    phone, portal_url, functional, soon
):
    phone.goto(f"{soon}/@@checkin?code={code_of(functional, soon)}")
    assert "/login" in phone.url
    came_from = parse_qs(urlsplit(phone.url).query)["came_from"][0]
    assert "code=p" in came_from  # the pass, not the screen's code
    phone.fill("#__ac_name", MEMBER[0])
    phone.fill("#__ac_password", MEMBER[1])
    phone.click("button[name='buttons.login']")
    phone.wait_for_selector(".checkin-button")
    phone.locator(".checkin-button").click()
    assert phone.locator(".checkin-done").is_visible()


def test_a_members_own_link(functional, request_factory, member, soon):
    from collective.consultation.meeting import checkin

    consultation = consultation_at(functional, soon)
    own = checkin.member_code(consultation, member_entry(functional, "youjin"))
    # another login with 游进's link: refused, naming the code
    other = request_factory(basic_auth=INVITEE)
    refused = check_in(other, soon, own)
    assert refused.status_code == 400 and refused.json()["field"] == "code"
    done = check_in(member, soon, own)
    assert done.status_code == 200, done.text
    assert done.json()["first"] is True


def test_staff_find_the_own_links_on_the_attendance_page(functional, soon):
    browser = browser_for(functional, *STAFF)
    browser.open(f"{soon}/@@attendance")
    links = re.findall(r'value="([^"]*@@checkin\?code=m\.[0-9a-f]+)"', browser.contents)
    assert len(links) == 2  # 游进 and 王建华, neither present yet


@pytest.mark.parametrize("width,height", [(1366, 768), (1920, 1080), (375, 812)])
def test_the_projector_view(page, portal_url, functional, soon, width, height):
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, portal_url, *STAFF)
    page.goto(f"{soon}/@@checkin-code?refresh=1")
    qr = page.locator(".checkin-qr svg").bounding_box()
    count = page.locator(".checkin-count").bounding_box()
    # nothing overlaps, the code is large, nothing scrolls sideways
    apart = (
        qr["x"] + qr["width"] <= count["x"] + 1
        or qr["y"] + qr["height"] <= count["y"] + 1
    )
    assert apart, (qr, count)
    assert qr["width"] >= min(width, height) * 0.55
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    # the page fetches the code and the count again without reloading
    page.wait_for_function(
        "document.querySelector('.projector').dataset.refreshed !== undefined",
        timeout=5000,
    )
    assert page.locator(".checkin-qr svg").count() == 1


def test_the_json_the_projector_fetches(functional, soon):
    browser = browser_for(functional, *STAFF)
    browser.open(f"{soon}/@@checkin-code?format=json")
    data = json.loads(browser.contents)
    assert data["svg"].startswith("<svg")
    assert data["count"]["invited"] == 2
    assert data["refresh_seconds"] <= 15
    assert browser.headers["Cache-Control"] == "private, no-store"
