"""Meeting materials (会议材料): invitees and staff read them, everybody only those meant
for everybody once the consultation is held; reads are counted per member for staff;
invitees are told of a new material by mail, with a link and never the file."""

from conftest import browser_for
from conftest import INVITEE
from conftest import STAFF
from io import BytesIO
from test_checkin import scheduled

import pytest
import transaction

WATER = "/2018/2018-06-28-bimonthly"  # the demo's drinking-water consultation (minuted)
AGENDA = "会议议程（演示数据）"
REPORT = "幕阜山片区农村饮水质量调研报告（演示数据）"


def titles(session, path=WATER):
    response = session.get(f"{path}/@materials")
    assert response.status_code == 200, response.text
    return {item["title"] for item in response.json()["items"]}


@pytest.mark.parametrize(
    "who,expected",
    [
        ("anonymous", {AGENDA}),  # public once held
        ("member", {AGENDA}),  # 游进 was not invited to it
        ("invitee", {AGENDA, REPORT}),
        ("staff", {AGENDA, REPORT}),
        ("secretary", {AGENDA, REPORT}),
    ],
)
def test_who_reads_which_material(session_as, who, expected):
    assert titles(session_as(who)) == expected


def test_the_report_itself_is_refused_to_visitors(session_as, functional):
    report = [
        m
        for m in functional["portal"]["2018"]["2018-06-28-bimonthly"].objectValues()
        if m.portal_type == "MeetingMaterial" and m.audience == "invitees"
    ][0]
    path = "/" + "/".join(report.getPhysicalPath()[2:])
    assert session_as("anonymous").get(f"{path}/@@download/file").status_code == 401
    assert session_as("member").get(f"{path}/@@download/file").status_code == 401


def test_reads_are_counted_for_staff(functional, session_as):
    invitee = browser_for(functional, *INVITEE)
    items = session_as("invitee").get(f"{WATER}/@materials").json()["items"]
    report = [i for i in items if i["title"] == REPORT][0]
    assert "readers" not in report  # invitees do not see who read
    invitee.open(report["download"])
    assert invitee.headers["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    from docx import Document

    assert Document(BytesIO(invitee.contents)).paragraphs[0].text == REPORT
    staff_items = session_as("staff").get(f"{WATER}/@materials").json()["items"]
    assert [i["readers"] for i in staff_items if i["title"] == REPORT] == [1]


def test_the_consultation_page_lists_them(functional, portal_url):
    browser = browser_for(functional, *INVITEE)
    browser.open(f"{portal_url}{WATER}")
    section = browser.contents.split('id="materials"', 1)[1].split("</section>", 1)[0]
    assert AGENDA in section and REPORT in section and "@@read" in section


def test_a_new_material_tells_the_invitees(functional, staff, smtp):
    from email import message_from_bytes
    from email import policy

    url = scheduled(staff, 60 * 24 * 3, title="三天后的协商会")
    smtp.clear()  # the invitations
    browser = browser_for(functional, *STAFF)
    browser.open(f"{url}/++add++MeetingMaterial")
    browser.getControl(name="form.widgets.title").value = "参阅资料一"
    browser.getControl(name="form.widgets.kind:list").value = ["reference"]
    browser.getControl(name="form.widgets.file").add_file(
        b"%PDF-1.4\n%demo\n", "application/pdf", "ref.pdf"
    )
    browser.getControl(name="form.widgets.notify_invitees:list").value = ["selected"]
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    messages = [
        message_from_bytes(raw, policy=policy.default) for _f, _t, raw in smtp.messages
    ]
    assert len(messages) == 2  # 游进 and 王建华
    body = messages[0].get_body(("plain",)).get_content()
    assert "参阅资料一" in body and "#materials" in body
    assert not [part for part in messages[0].walk() if part.get_filename()]


def test_a_public_material_waits_for_the_meeting(functional, staff, session_as):
    url = scheduled(staff, 60 * 24 * 3, title="资料公开测试")
    path = url.split("/plone", 1)[1]
    transaction.begin()  # see what the request committed
    consultation = functional["portal"].unrestrictedTraverse(path.strip("/"))
    from plone import api
    from plone.namedfile.file import NamedBlobFile

    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=consultation,
            type="MeetingMaterial",
            title="公开的议程",
            kind="agenda",
            audience="public",
            file=NamedBlobFile(data=b"%PDF-1.4\n", filename="a.pdf"),
        )
    transaction.commit()
    assert titles(session_as("anonymous"), path) == set()
    assert staff.post(f"{url}/@workflow/hold").status_code == 200
    assert titles(session_as("anonymous"), path) == {"公开的议程"}


def test_invitations_link_to_the_materials(functional, staff, smtp):
    from email import message_from_bytes
    from email import policy
    from plone import api
    from plone.namedfile.file import NamedBlobFile

    functional["portal"].portal_registry["plone.default_language"] = "zh-cn"
    transaction.commit()
    response = staff.post(
        "/2018",
        json={
            "@type": "Consultation",
            "title": "带材料的协商会",
            "kind": "topical",
            "start": "2030-05-06T09:00:00",
            "end": "2030-05-06T11:00:00",
            "invitees": ["/members/m01"],
        },
    )
    url = response.json()["@id"]
    transaction.begin()
    consultation = functional["portal"]["2018"][url.rsplit("/", 1)[1]]
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=consultation,
            type="MeetingMaterial",
            title="调研报告",
            kind="research_report",
            file=NamedBlobFile(data=b"%PDF-1.4\n", filename="r.pdf"),
        )
    transaction.commit()
    smtp.clear()
    assert staff.post(f"{url}/@workflow/schedule").status_code == 200
    (message,) = (
        message_from_bytes(raw, policy=policy.default) for _f, _t, raw in smtp.messages
    )
    body = message.get_body(("plain",)).get_content()
    assert "会议材料（1）" in body and "#materials" in body


def test_on_a_phone_an_invitee_reads_a_material(phone, portal_url, session_as):
    from browser.chromium import log_in

    log_in(phone, portal_url, *INVITEE)
    phone.goto(f"{portal_url}{WATER}")
    link = phone.locator(".material-link", has_text=REPORT)
    assert link.bounding_box()["width"] <= 375
    with phone.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".docx")
    items = session_as("staff").get(f"{WATER}/@materials").json()["items"]
    assert [i["readers"] for i in items if i["title"] == REPORT] == [1]
