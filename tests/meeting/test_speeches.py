"""Speeches (协商发言): an invited member submits one before the consultation's deadline;
staff arrange or decline it (with a reason, told to the speaker) and set the speaking
order, minutes and responding units (each speaker is mailed their place); a draft is its
speaker's and staff's only; the minutes list the delivered speeches in order; the annual
report and the duty records count them; a speech becomes a suggestion in one step."""

from conftest import add_consultation
from conftest import browser_for
from conftest import STAFF
from datetime import datetime
from datetime import timedelta
from helpers import mails
from io import BytesIO
from test_checkin import at
from test_checkin import scheduled
from zoneinfo import ZoneInfo

import pytest
import transaction

TZ = ZoneInfo("Asia/Shanghai")
WATER = "/2018/2018-06-28-bimonthly"  # minuted; its speeches are the demo's
WATER_ORDER = [  # the demo's speaking order: the third speech first
    "关于建立水源地保护区划定和水质定期检测公示制度的发言",
    "关于将幕阜山片区农村饮水安全巩固提升纳入市级重点民生工程的发言",
    "关于推行农村供水工程县级统管、专业运营的发言",
]


@pytest.fixture
def tomorrow(staff):
    """A consultation tomorrow inviting 游进 (the ``member`` login) and 王建华."""
    return scheduled(staff, 24 * 60, title="明日双月协商会")


def write_speech(session, url, title="关于农村饮水的发言", **fields):
    response = session.post(
        url, json={"@type": "Speech", "title": title, "text": "发言内容。", **fields}
    )
    assert response.status_code == 201, response.text
    return response.json()["@id"].replace("/++api++", "")


def step(session, speech, transition, comment=None):
    body = {"comment": comment} if comment is not None else {}
    return session.post(f"{speech}/@workflow/{transition}", json=body)


def arranged_speech(member, staff, url, title):
    speech = write_speech(member, url, title)
    assert step(member, speech, "submit").status_code == 200
    assert step(staff, speech, "accept").status_code == 200
    return speech


def uid_of(session, url):
    return session.get(url).json()["UID"]


# --- submitting --------------------------------------------------------------------------


def test_a_member_writes_a_speech_and_is_its_speaker(member, staff, tomorrow):
    speech = write_speech(member, tomorrow)
    data = staff.get(speech).json()
    assert data["speaker"]["title"] == "游进"
    assert data["review_state"] == "draft"
    assert step(member, speech, "submit").status_code == 200
    assert staff.get(speech).json()["review_state"] == "submitted"


def test_a_member_not_invited_may_not_write_one(invitee, tomorrow):
    response = invitee.post(
        tomorrow, json={"@type": "Speech", "title": "发言", "text": "内容"}
    )
    assert response.status_code == 401


def test_after_the_deadline_the_submission_is_refused_naming_it(
    member, staff, tomorrow
):
    speech = write_speech(member, tomorrow)
    past = (datetime.now(TZ) - timedelta(hours=1)).replace(tzinfo=None).isoformat()
    assert staff.patch(tomorrow, json={"speech_deadline": past}).status_code == 204
    response = step(member, speech, "submit")
    assert response.status_code == 400
    assert "deadline" in response.text
    assert staff.get(speech).json()["review_state"] == "draft"


def test_staff_enter_a_speech_only_for_an_invitee(staff, tomorrow):
    speech = write_speech(staff, tomorrow, speaker="/members/m05")
    response = step(staff, speech, "submit")
    assert response.status_code == 400
    assert "speaker" in response.text
    assert staff.patch(speech, json={"speaker": "/members/m02"}).status_code == 204
    assert step(staff, speech, "submit").status_code == 200


def test_a_member_may_not_arrange_their_own_speech(member, tomorrow):
    response = member.post(
        tomorrow,
        json={
            "@type": "Speech",
            "title": "发言",
            "text": "内容",
            "speaking_position": 1,
        },
    )
    assert response.status_code == 403
    assert "speaking_position" in response.text


# --- who sees it ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "state,expected",
    [
        # anonymous, 游进 (speaker), invitee (not invited here), staff, secretary
        ("draft", (401, 200, 401, 200, 200)),
        ("submitted", (401, 200, 401, 200, 200)),
        ("accepted", (200, 200, 200, 200, 200)),  # as the consultation is seen
        ("declined", (401, 200, 401, 200, 200)),
    ],
)
def test_who_sees_a_speech_in_each_state(
    session_as, member, staff, tomorrow, state, expected
):
    speech = write_speech(member, tomorrow)
    if state != "draft":
        assert step(member, speech, "submit").status_code == 200
    if state == "accepted":
        assert step(staff, speech, "accept").status_code == 200
    if state == "declined":
        assert step(staff, speech, "decline", "与议题无关。").status_code == 200
    roles = ("anonymous", "member", "invitee", "staff", "secretary")
    got = tuple(session_as(who).get(speech).status_code for who in roles)
    assert got == expected
    listed = tuple(
        any(
            item["@id"].endswith(speech.rsplit("/", 1)[-1])
            for item in session_as(who).get(f"{tomorrow}/@speeches").json()["items"]
        )
        for who in roles
    )
    assert listed == tuple(code == 200 for code in expected)


# --- arranging ----------------------------------------------------------------------------


def test_declining_needs_a_reason_and_tells_the_speaker(
    chinese, member, staff, smtp, tomorrow
):
    speech = write_speech(member, tomorrow)
    assert step(member, speech, "submit").status_code == 200
    refused = step(staff, speech, "decline")
    assert refused.status_code == 400 and "comment" in refused.text
    smtp.clear()  # the invitations
    assert step(staff, speech, "decline", "与已安排发言重复。").status_code == 200
    (told,) = mails(smtp)
    assert "未安排" in told["Subject"]
    assert "与已安排发言重复。" in told.get_body(("plain",)).get_content()


def test_staff_set_the_order_and_each_speaker_is_told_their_place(
    chinese, functional, member, staff, smtp, tomorrow
):
    first = arranged_speech(member, staff, tomorrow, "发言甲")
    second = write_speech(staff, tomorrow, "发言乙", speaker="/members/m02")
    assert step(staff, second, "submit").status_code == 200
    assert step(staff, second, "accept").status_code == 200
    uids = [uid_of(staff, first), uid_of(staff, second)]
    smtp.clear()
    response = staff.patch(
        f"{tomorrow}/@speeches",
        json={
            "order": [uids[1], uids[0]],
            "minutes": {uids[1]: 8, uids[0]: 5},
            "responding_units": {uids[1]: ["市水利和湖泊局"]},
        },
    )
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert [(i["title"], i["position"], i["minutes"]) for i in items] == [
        ("发言乙", 1, 8),
        ("发言甲", 2, 5),
    ]
    assert items[0]["responding_units"] == ["市水利和湖泊局"]
    told = {m["Subject"]: m.get_body(("plain",)).get_content() for m in mails(smtp)}
    assert len(told) == 2
    body = next(text for subject, text in told.items() if "发言甲" in subject)
    assert "第2位" in body and "5分钟" in body
    body = next(text for subject, text in told.items() if "发言乙" in subject)
    assert "第1位" in body and "8分钟" in body and "市水利和湖泊局" in body
    # the same arrangement again tells nobody
    smtp.clear()
    again = staff.patch(f"{tomorrow}/@speeches", json={"order": [uids[1], uids[0]]})
    assert again.status_code == 200
    assert mails(smtp) == []


@pytest.mark.parametrize(
    "body,field",
    [
        ({"order": "x"}, "order"),
        ({"order": ["not-a-speech"]}, "order"),
        ({"order": []}, "order"),  # the arranged speech is missing
        ({"minutes": {"x": 3}, "order": None}, "order"),
        ({"colour": 1}, "colour"),
        ({"minutes": []}, "minutes"),
    ],
)
def test_a_wrong_arrangement_is_refused_naming_the_field(
    member, staff, tomorrow, body, field
):
    speech = arranged_speech(member, staff, tomorrow, "发言甲")
    response = staff.patch(f"{tomorrow}/@speeches", json=body)
    assert response.status_code == 400
    assert field in response.json()["message"]
    assert staff.get(speech).json()["speaking_position"] == 1  # as accepting placed it


def test_minutes_out_of_range_are_refused(member, staff, tomorrow):
    speech = arranged_speech(member, staff, tomorrow, "发言甲")
    uid = uid_of(staff, speech)
    response = staff.patch(
        f"{tomorrow}/@speeches", json={"order": [uid], "minutes": {uid: 500}}
    )
    assert response.status_code == 400 and "minutes" in response.json()["message"]
    assert staff.get(speech).json()["speaking_minutes"] is None


@pytest.mark.parametrize(
    "units",
    [
        ["市" * 5000],
        ["市水利\x07局"],
        ["市水利\u202e局"],
        ["市水利\n局"],
        [""],
        [3],
        "市水利局",
    ],
)
def test_responding_units_follow_the_single_line_rule(member, staff, tomorrow, units):
    speech = arranged_speech(member, staff, tomorrow, "发言甲")
    uid = uid_of(staff, speech)
    response = staff.patch(
        f"{tomorrow}/@speeches",
        json={"order": [uid], "responding_units": {uid: units}},
    )
    assert response.status_code == 400
    assert "responding_units" in response.json()["message"]
    assert staff.get(speech).json()["responding_units"] in ([], None)


def test_members_may_not_arrange(member, staff, tomorrow):
    speech = arranged_speech(member, staff, tomorrow, "发言甲")
    response = member.patch(
        f"{tomorrow}/@speeches", json={"order": [uid_of(staff, speech)]}
    )
    assert response.status_code == 401


# --- the record: minutes, annual report, duty records -------------------------------------------


def test_the_demo_minutes_list_the_delivered_speeches_in_order(chinese, staff):
    """One demo speaker was away that day: the minutes leave that speech out."""
    from docx import Document

    items = staff.get(f"{WATER}/@speeches").json()["items"]
    delivered = [i["title"] for i in items if i["delivered"]]
    assert delivered == [WATER_ORDER[0], WATER_ORDER[2]]
    response = staff.get(f"{WATER}/@minutes")
    assert response.status_code == 200
    paragraphs = [p.text for p in Document(BytesIO(response.content)).paragraphs]
    heading = paragraphs.index(next(p for p in paragraphs if p.endswith("协商发言")))
    listed = [p for p in paragraphs[heading + 1 :] if "《关于" in p][: len(delivered)]
    for position, (line, title) in enumerate(zip(listed, delivered), 1):
        assert line.startswith(f"{position}. ")
        assert f"《{title}》" in line
        assert line.endswith("（回应单位：市水利和湖泊局）")
    assert f"《{WATER_ORDER[1]}》" not in "\n".join(paragraphs)


def test_the_speeches_api_gives_the_order_and_who_delivered(session_as):
    data = session_as("anonymous").get(f"{WATER}/@speeches").json()
    arranged = [i for i in data["items"] if i["review_state"] == "accepted"]
    assert [i["title"] for i in arranged] == WATER_ORDER
    assert [i["position"] for i in arranged] == [1, 2, 3]
    # the declined fourth speech is its speaker's and staff's only
    assert len(data["items"]) == 3
    staff_items = session_as("staff").get(f"{WATER}/@speeches").json()["items"]
    assert [i["review_state"] for i in staff_items][-1] == "declined"


def delivered_by_hand(portal):
    """Speeches delivered in 2018, counted from the content (not the catalog)."""
    from collective.consultation.meeting.attendance import statuses

    count = 0
    for consultation in portal["2018"].objectValues():
        if consultation.portal_type != "Consultation":
            continue
        state = portal.portal_workflow.getInfoFor(consultation, "review_state")
        marks = statuses(consultation)
        for speech in consultation.objectValues():
            if speech.portal_type != "Speech":
                continue
            speech_state = portal.portal_workflow.getInfoFor(speech, "review_state")
            speaker = speech.speaker.to_object.UID()
            if (
                speech_state == "accepted"
                and state in ("held", "minuted")
                and marks.get(speaker) not in ("absent", "leave")
            ):
                count += 1
    return count


def test_the_annual_report_counts_the_delivered_speeches(
    chinese, functional, secretary
):
    from docx import Document

    expected = delivered_by_hand(functional["portal"])
    assert expected > 10  # six bimonthly consultations with three speeches each
    response = secretary.get("/@annual-report?year=2018")
    text = "\n".join(p.text for p in Document(BytesIO(response.content)).paragraphs)
    assert f"委员作协商发言{expected}篇" in text


def test_duty_records_count_speeches_submitted_and_delivered(functional, staff):
    """For each demo speaker, counted by hand from the content."""
    from collective.consultation.meeting.attendance import statuses

    portal = functional["portal"]
    wftool = portal.portal_workflow
    expected = {}
    for consultation in portal["2018"].objectValues():
        if consultation.portal_type != "Consultation":
            continue
        marks = statuses(consultation)
        held = wftool.getInfoFor(consultation, "review_state") in ("held", "minuted")
        for speech in consultation.objectValues():
            if speech.portal_type != "Speech":
                continue
            state = wftool.getInfoFor(speech, "review_state")
            speaker = speech.speaker.to_object
            people = [speaker] + [r.to_object for r in speech.co_speakers or ()]
            spoke = (
                state == "accepted"
                and held
                and marks.get(speaker.UID())
                not in (
                    "absent",
                    "leave",
                )
            )
            for person in people:
                counts = expected.setdefault(person.getId(), [0, 0])
                counts[0] += state != "draft"
                counts[1] += spoke
    assert len(expected) > 5
    for member_id, (submitted, delivered) in sorted(expected.items())[:6]:
        record = staff.get(f"/members/{member_id}/@duty-record?year=2018").json()
        assert (record["speeches"], record["speeches_delivered"]) == (
            submitted,
            delivered,
        ), member_id


# --- a speech becomes a suggestion ----------------------------------------------------------


def test_an_arranged_speech_becomes_a_suggestion_once(member, staff):
    speech = f"{WATER}/speech-2"  # 3 speakers' speech with a co-speaker
    assert member.post(f"{speech}/@to-suggestion").status_code == 401
    response = staff.post(f"{speech}/@to-suggestion")
    assert response.status_code == 201, response.text
    suggestion = staff.get(response.json()["@id"]).json()
    speech_data = staff.get(speech).json()
    assert suggestion["review_state"] == "submitted"
    assert suggestion["title"] == speech_data["title"]
    assert [p["title"] for p in suggestion["proposers"]] == [
        speech_data["speaker"]["title"],
        *[c["title"] for c in speech_data["co_speakers"]],
    ]
    again = staff.post(f"{speech}/@to-suggestion")
    assert again.status_code == 400 and "suggestion" in again.json()["message"]


def test_a_declined_speech_does_not_become_a_suggestion(staff):
    response = staff.post(f"{WATER}/speech-4/@to-suggestion")
    assert response.status_code == 400 and "state" in response.json()["message"]


# --- pages -------------------------------------------------------------------------------------


def test_the_consultation_page_offers_a_speech_to_invitees(functional, tomorrow):
    from conftest import MEMBER

    browser = browser_for(functional, *MEMBER)
    browser.open(tomorrow)
    section = browser.contents.split('id="speeches"', 1)[1].split("</section>", 1)[0]
    assert "++add++Speech" in section and "arrange-speeches" not in section


def test_the_member_form_saves_and_submits_in_one_step(functional, staff, tomorrow):
    from conftest import MEMBER

    browser = browser_for(functional, *MEMBER)
    browser.open(f"{tomorrow}/++add++Speech")
    assert "form.widgets.speaking_position" not in browser.contents  # staff's field
    browser.getControl(name="form.widgets.title").value = "关于水价改革的发言"
    browser.getControl(name="form.widgets.text").value = "建议推进农村水价综合改革。"
    browser.getControl(name="form.buttons.submit").click()
    speech = browser.url.split("?")[0].rstrip("/").removesuffix("/view")
    assert speech.startswith(tomorrow + "/"), browser.url
    data = staff.get(speech).json()
    assert (data["title"], data["review_state"]) == ("关于水价改革的发言", "submitted")
    assert data["speaker"]["title"] == "游进"


def test_on_a_phone_staff_reorder_and_the_minutes_follow(
    chinese, functional, phone, portal_url, member, staff
):
    from browser.chromium import log_in
    from docx import Document

    url = add_consultation(
        staff,
        "已举行的协商会",
        at(-180),
        at(-60),
        ["/members/m01", "/members/m02"],
        kind="bimonthly",
        speech_deadline=at(-200),
    )
    # speeches came in while it was ahead: staff enter them with the day's time
    first = write_speech(staff, url, "发言甲", speaker="/members/m01")
    second = write_speech(staff, url, "发言乙", speaker="/members/m02")
    transaction.begin()
    from plone import api

    portal = functional["portal"]
    wftool = portal.portal_workflow
    with api.env.adopt_roles(["Manager"]):
        consultation = portal.unrestrictedTraverse(url.replace(portal_url, "")[1:])
        wftool.doActionFor(consultation, "schedule")
        for speech_url in (first, second):
            speech = portal.unrestrictedTraverse(speech_url.replace(portal_url, "")[1:])
            wftool.doActionFor(
                speech, "submit", now=datetime.now(TZ) - timedelta(hours=4)
            )
            wftool.doActionFor(speech, "accept")
        wftool.doActionFor(consultation, "hold")
    transaction.commit()

    log_in(phone, portal_url, *STAFF)
    phone.goto(f"{url}/@@arrange-speeches")
    places = phone.locator("input.speech-place")
    assert places.count() == 2
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    places.nth(0).fill("2")  # 发言甲 speaks second
    places.nth(1).fill("1")
    phone.locator("button.save-order").click()
    phone.wait_for_selector(".portalMessage")
    rows = phone.locator("tr.arranged-speech a")
    assert [rows.nth(i).inner_text() for i in range(2)] == ["发言乙", "发言甲"]

    minutes = staff.get(f"{url}/@minutes")
    paragraphs = [p.text for p in Document(BytesIO(minutes.content)).paragraphs]
    lines = [p for p in paragraphs if "《发言" in p]
    assert lines == ["1. 王建华：《发言乙》", "2. 游进：《发言甲》"]
