"""Check-in (签到) with the consultation's QR code: the staff's page shows the code and who
is here; the member who scans it is marked present with the time; each refusal names its
field (a forged or another consultation's code, outside the window, not invited, a
cancelled consultation); twice keeps the first; staff's marks win; late is recorded."""

from browser.chromium import log_in
from conftest import add_consultation
from conftest import browser_for
from conftest import INVITEE
from conftest import MEMBER
from conftest import STAFF
from datetime import datetime
from datetime import timedelta
from io import BytesIO
from urllib.parse import parse_qs
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import json
import pytest
import re

TZ = ZoneInfo("Asia/Shanghai")


def at(minutes_from_now):
    moment = datetime.now(TZ).replace(second=0, microsecond=0)
    return (moment + timedelta(minutes=minutes_from_now)).isoformat()


def scheduled(staff, start_in, title="今日双月协商会", hours=3):
    """A consultation starting ``start_in`` minutes from now, inviting 游进 and 王建华."""
    return add_consultation(
        staff,
        title,
        at(start_in),
        at(start_in + hours * 60),
        ["/members/m01", "/members/m02"],
        kind="bimonthly",
        schedule=True,
    )


def code_of(functional, url):
    """The code the staff's projector view shows now (its JSON, as the page fetches it)."""
    browser = browser_for(functional, *STAFF)
    browser.open(f"{url}/@@checkin-code?format=json")
    return parse_qs(urlsplit(json.loads(browser.contents)["url"]).query)["code"][0]


@pytest.fixture
def soon(staff):
    return scheduled(staff, 20)  # check-in is open an hour before the start


def check_in(session, url, code):
    return session.post(f"{url}/@checkin", json={"code": code})


def test_a_member_checks_in_and_twice_keeps_the_first(functional, member, soon):
    code = code_of(functional, soon)
    first = check_in(member, soon, code)
    assert first.status_code == 200, first.text
    assert first.json()["status"] == "present" and first.json()["first"] is True
    assert first.json()["late"] is False
    again = check_in(member, soon, code)
    assert again.json()["first"] is False
    assert again.json()["time"] == first.json()["time"]


@pytest.mark.parametrize(
    "code,field", [("0" * 64, "code"), ("", "code"), ("not-hex", "code")]
)
def test_a_forged_code_is_refused(functional, member, soon, code, field):
    response = check_in(member, soon, code)
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"{field}:")


def test_another_consultations_code_is_refused(functional, staff, member, soon):
    other = scheduled(staff, 30, title="另一场协商会")
    response = check_in(member, soon, code_of(functional, other))
    assert response.status_code == 400
    assert response.json()["message"].startswith("code:")


def test_outside_the_window(functional, staff, member):
    later = scheduled(staff, 180, title="三小时后的协商会")
    response = check_in(member, later, code_of(functional, later))
    assert response.status_code == 400
    assert response.json()["message"].startswith("time:")


def test_not_invited(functional, request_factory, soon):
    invitee = request_factory(basic_auth=INVITEE)  # invited elsewhere, not here
    response = check_in(invitee, soon, code_of(functional, soon))
    assert response.status_code == 400
    assert response.json()["message"].startswith("member:")


def test_a_cancelled_consultation(functional, staff, member, soon):
    code = code_of(functional, soon)
    assert (
        staff.post(f"{soon}/@workflow/cancel", json={"comment": "改期"}).status_code
        == 200
    )
    response = check_in(member, soon, code)
    assert response.status_code == 400
    assert response.json()["message"].startswith("consultation:")


def test_anonymous_must_log_in(functional, anon_request, soon):
    response = check_in(anon_request, soon, code_of(functional, soon))
    assert response.status_code == 401


def test_late_is_recorded(functional, staff, member):
    begun = scheduled(staff, -30, title="半小时前开始的协商会")
    response = check_in(member, begun, code_of(functional, begun))
    assert response.json()["late"] is True  # 30 minutes after the start, 15 allowed


def test_staffs_mark_wins(functional, staff, member):
    begun = scheduled(staff, -5, title="刚开始的协商会")
    m01 = staff.get("/members/m01").json()["UID"]
    marked = staff.patch(
        f"{begun}/@attendance",
        json={"attendance": [{"member": m01, "status": "absent"}]},
    )
    assert marked.status_code == 200, marked.text
    response = check_in(member, begun, code_of(functional, begun))
    assert response.json()["status"] == "absent" and response.json()["first"] is False


def test_the_staff_page_counts_and_serves_the_code(functional, member, soon):
    from PIL import Image

    check_in(member, soon, code_of(functional, soon))
    browser = browser_for(functional, *STAFF)
    browser.open(f"{soon}/@@checkin-code")
    assert "<svg" in browser.contents
    checked_in = re.search(r'checkin-checked-in[^"]*"\s*>(\d+)<', browser.contents)
    assert checked_in.group(1) == "1"
    assert "王建华" in browser.contents.split("checkin-missing", 2)[2]
    browser.open(f"{soon}/@@checkin-code?format=png")
    assert browser.headers["Content-Type"] == "image/png"
    assert Image.open(BytesIO(browser.contents)).size[0] > 200


def test_members_may_not_see_the_code_page(functional, soon):
    browser = browser_for(functional, *MEMBER)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.open(f"{soon}/@@checkin-code")
    assert browser.url.endswith("/insufficient-privileges")


def test_on_a_phone_the_member_presses_the_button(phone, portal_url, functional, soon):
    code = code_of(functional, soon)
    log_in(phone, portal_url, *MEMBER)
    phone.goto(f"{soon}/@@checkin?code={code}")
    button = phone.locator(".checkin-button")
    assert button.bounding_box()["height"] >= 44
    button.click()
    assert phone.locator(".checkin-done").is_visible()
    assert (
        phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        <= 0
    )


def test_the_duty_record_counts_check_ins(functional, staff, member):
    begun = scheduled(staff, -30, title="计入履职的协商会")
    check_in(member, begun, code_of(functional, begun))
    year = datetime.now(TZ).year
    record = member.get(f"/members/m01/@duty-record?year={year}").json()
    # the only consultation of the year: checked in, 30 minutes late
    assert (record["checked_in"], record["on_time"], record["late"]) == (1, 0, 1)


def test_the_demo_year_has_check_ins_that_match_attendance(functional, staff):
    record = staff.get("/members/m01/@duty-record?year=2018").json()
    assert 0 < record["checked_in"] <= record["present"]


def test_the_minutes_name_who_came_late(functional, staff, member):
    from docx import Document

    begun = scheduled(staff, -40, title="有人迟到的协商会")
    check_in(member, begun, code_of(functional, begun))
    response = staff.get(f"{begun}/@minutes")
    assert response.status_code == 200, response.text
    text = "\n".join(p.text for p in Document(BytesIO(response.content)).paragraphs)
    late = [line for line in text.splitlines() if "游进" in line and line != ""]
    assert any(line.startswith(("迟到", "Late")) for line in late)


# --- a member who was not invited, admitted by staff (准许参加) -----------------------------


def invitee_member(functional):
    """The directory entry of the ``invitee`` login (invited to the water consultation)."""
    water = functional["portal"]["2018"]["2018-06-28-bimonthly"]
    return water.invitees[0].to_object


def test_staff_admit_a_member_who_was_not_invited(functional, staff, session_as, soon):
    from test_materials import add_material
    from test_materials import path_of
    from test_materials import titles

    guest = invitee_member(functional)
    assert guest.getId() not in ("m01", "m02")  # not invited to ``soon``
    add_material(functional, soon, "会议议程", "agenda")
    assert titles(session_as("invitee"), path_of(soon)) == set()
    response = staff.post(
        f"{soon}/@attendance", json={"admit": f"/members/{guest.getId()}"}
    )
    assert response.status_code == 200, response.text
    (line,) = (i for i in response.json()["items"] if i["title"] == guest.title)
    assert (line["status"], line["source"]) == ("present", "admitted")
    # now on the list: reads the materials, and the day is in the duty record
    assert titles(session_as("invitee"), path_of(soon)) == {"会议议程"}
    again = staff.post(f"{soon}/@attendance", json={"admit": guest.UID()})
    assert again.status_code == 400 and "member" in again.json()["message"]


@pytest.mark.parametrize(
    "who,body,status,field",
    [
        ("staff", {"admit": "/members/nobody"}, 400, "member"),
        ("staff", {}, 400, "admit"),
        ("member", {"admit": "/members/m05"}, 401, None),
    ],
)
def test_admitting_is_refused_naming_the_field(
    session_as, soon, who, body, status, field
):
    response = session_as(who).post(f"{soon}/@attendance", json=body)
    assert response.status_code == status
    if field:
        assert field in response.json()["message"]


def test_no_admission_before_check_in_opens(staff):
    later = scheduled(staff, 60 * 24 * 2, title="后天的协商会")
    response = staff.post(f"{later}/@attendance", json={"admit": "/members/m05"})
    assert response.status_code == 400 and "time" in response.json()["message"]


def test_the_attendance_page_admits_a_member(functional, soon):
    browser = browser_for(functional, *STAFF)
    browser.open(f"{soon}/@@attendance")
    select = browser.getControl(name="admit")
    member = functional["portal"]["members"]["m05"]
    select.value = [member.UID()]
    browser.getControl("Admit", index=0).click()
    assert "m05" not in browser.url and "@@attendance" in browser.url
    row = browser.contents.split(f'data-member="{member.UID()}"', 1)[1].split(
        "</tr>", 1
    )[0]
    assert member.title in row and 'class="badge bg-info text-dark admitted"' in row
