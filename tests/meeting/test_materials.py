"""Meeting materials (会议材料): invitees and staff read them, everybody only those meant
for everybody once the consultation is held; reads are counted per member for staff;
invitees are told of a new material by mail, with a link and never the file."""

from conftest import add_consultation
from conftest import browser_for
from conftest import INVITEE
from conftest import STAFF
from helpers import mails
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
    reader = functional["portal"]["2018"]["2018-06-28-bimonthly"].invitees[0].to_object
    assert [i["read_by"] for i in staff_items if i["title"] == REPORT] == [
        [reader.title]
    ]
    page = browser_for(functional, *STAFF)
    page.open(f"{functional['portal'].absolute_url()}{WATER}")
    assert f"（{reader.title}）" in page.contents


def test_the_consultation_page_lists_them(functional, portal_url):
    browser = browser_for(functional, *INVITEE)
    browser.open(f"{portal_url}{WATER}")
    section = browser.contents.split('id="materials"', 1)[1].split("</section>", 1)[0]
    assert AGENDA in section and REPORT in section and "@@read" in section


def add_material(functional, url, title, kind, audience="invitees"):
    """A material added to the consultation at ``url`` (committed), as staff would."""
    from plone import api
    from plone.namedfile.file import NamedBlobFile

    transaction.begin()  # see what the requests committed
    consultation = functional["portal"].unrestrictedTraverse(path_of(url).strip("/"))
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=consultation,
            type="MeetingMaterial",
            title=title,
            kind=kind,
            audience=audience,
            file=NamedBlobFile(data=b"%PDF-1.4\n", filename="m.pdf"),
        )
    transaction.commit()


def path_of(url):
    return url.split("/plone", 1)[1]


def test_a_new_material_tells_the_invitees(functional, staff, smtp):
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
    messages = mails(smtp)
    assert len(messages) == 2  # 游进 and 王建华
    body = messages[0].get_body(("plain",)).get_content()
    assert "参阅资料一" in body and "#materials" in body
    assert not [part for part in messages[0].walk() if part.get_filename()]


def test_a_public_material_waits_for_the_meeting(functional, staff, session_as):
    url = scheduled(staff, 60 * 24 * 3, title="资料公开测试")
    add_material(functional, url, "公开的议程", "agenda", audience="public")
    assert titles(session_as("anonymous"), path_of(url)) == set()
    assert staff.post(f"{url}/@workflow/hold").status_code == 200
    assert titles(session_as("anonymous"), path_of(url)) == {"公开的议程"}


def test_invitations_link_to_the_materials(functional, staff, smtp):
    functional["portal"].portal_registry["plone.default_language"] = "zh-cn"
    transaction.commit()
    url = add_consultation(
        staff,
        "带材料的协商会",
        "2030-05-06T09:00:00",
        "2030-05-06T11:00:00",
        ["/members/m01"],
    )
    add_material(functional, url, "调研报告", "research_report")
    smtp.clear()
    assert staff.post(f"{url}/@workflow/schedule").status_code == 200
    (message,) = mails(smtp)
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


def test_who_reads_follows_the_invitation_list(functional, staff, session_as):
    """A member taken off the invitees no longer finds the internal material; one added
    finds it (the catalog's security of what the consultation holds follows its
    invitees)."""
    url = scheduled(staff, 60 * 24 * 3, title="名单变动的协商会")  # 游进 and 王建华
    add_material(functional, url, "内部材料", "reference")
    assert titles(session_as("member"), path_of(url)) == {"内部材料"}
    response = staff.patch(url, json={"invitees": ["/members/m02"]})
    assert response.status_code == 204
    assert titles(session_as("member"), path_of(url)) == set()
    response = staff.patch(url, json={"invitees": ["/members/m01", "/members/m02"]})
    assert response.status_code == 204
    assert titles(session_as("member"), path_of(url)) == {"内部材料"}


def test_a_materials_own_address_shows_its_page(session_as):
    """The address in the list (and in a mail) opens the material's page for whoever may
    read it, as ``/view`` does; it answered 404 while it pointed at a file display
    registered for Plone's own File type only."""
    items = session_as("invitee").get(f"{WATER}/@materials").json()["items"]
    page = session_as("invitee", api=False)
    for item in items:
        response = page.get(item["@id"].replace("/++api++", ""))
        assert response.status_code == 200, item["@id"]
        assert item["title"] in response.text


def test_a_logged_out_invitee_is_asked_to_log_in_and_brought_back(phone, portal_url):
    """The mail's materials link on a logged-out phone: the page says the materials are
    for the invitees and its login brings him back to them."""
    phone.goto(f"{portal_url}{WATER}#materials")
    assert phone.locator(".material-link", has_text=REPORT).count() == 0
    phone.click(".materials-login a")
    phone.fill("#__ac_name", INVITEE[0])
    phone.fill("#__ac_password", INVITEE[1])
    phone.click("button[name='buttons.login']")
    phone.wait_for_selector(".material-link")
    assert phone.url.split("#")[0] == f"{portal_url}{WATER}"
    assert phone.locator(".material-link", has_text=REPORT).count() == 1
    assert phone.locator(".materials-login").count() == 0


def test_members_see_no_login_prompt(functional, portal_url):
    from conftest import MEMBER

    browser = browser_for(functional, *MEMBER)  # 游进, not invited: nothing to log into
    browser.open(f"{portal_url}{WATER}")
    assert "materials-login" not in browser.contents


def a_pdf(pages=2):
    """A real PDF of ``pages`` A4 pages, written by PDFium itself."""
    import pypdfium2

    document = pypdfium2.PdfDocument.new()
    for _number in range(pages):
        document.new_page(595, 842)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def test_saving_a_material_returns_to_the_list_and_its_page_previews_it(
    functional, staff, phone, portal_url
):
    """Saved, a material goes back to the consultation's list (not Plone's bare file
    page); its page shows a PDF's first page as a picture a phone can show."""
    from browser.chromium import log_in
    from PIL import Image

    url = scheduled(staff, 60 * 24 * 3, title="带预览的协商会")
    browser = browser_for(functional, *STAFF)
    browser.open(f"{url}/++add++MeetingMaterial")
    browser.getControl(name="form.widgets.title").value = "调研报告（PDF）"
    browser.getControl(name="form.widgets.kind:list").value = ["research_report"]
    browser.getControl(name="form.widgets.file").add_file(
        a_pdf(), "application/pdf", "report.pdf"
    )
    browser.getControl(name="form.buttons.save").click()
    assert browser.url.split("#")[0] == url and "material-link" in browser.contents

    transaction.begin()
    consultation = functional["portal"].unrestrictedTraverse(path_of(url).strip("/"))
    (material,) = (
        m for m in consultation.objectValues() if m.portal_type == "MeetingMaterial"
    )
    browser.open(f"{material.absolute_url()}/@@preview")
    assert browser.headers["Content-Type"] == "image/png"
    assert browser.headers["X-Preview-Pages"] == "2"
    assert Image.open(BytesIO(browser.contents)).size[0] == 900

    log_in(phone, portal_url, *STAFF)
    phone.goto(material.absolute_url())
    image = phone.locator(".material-preview img")
    image.wait_for()
    phone.wait_for_function(
        "document.querySelector('.material-preview img').naturalWidth > 0"
    )
    assert image.bounding_box()["width"] <= 375
    assert phone.locator("a.material-open").is_visible()


def test_an_image_is_its_own_preview_and_a_word_file_has_none(functional, staff):
    from PIL import Image
    from plone import api
    from plone.namedfile.file import NamedBlobFile

    picture = BytesIO()
    Image.new("RGB", (40, 30), "red").save(picture, format="PNG")
    transaction.begin()
    water = functional["portal"].unrestrictedTraverse(WATER.strip("/"))
    with api.env.adopt_roles(["Manager"]):
        for name, data, content_type in (
            ("photo.png", picture.getvalue(), "image/png"),
            (
                "notes.docx",
                b"PK\x03\x04",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
        ):
            api.content.create(
                container=water,
                type="MeetingMaterial",
                id=name.replace(".", "-"),
                title=name,
                kind="reference",
                audience="invitees",
                file=NamedBlobFile(data=data, filename=name, contentType=content_type),
            )
    transaction.commit()
    browser = browser_for(functional, *STAFF)
    browser.open(f"{water.absolute_url()}/photo-png/@@preview")
    assert browser.contents == picture.getvalue()
    browser.open(f"{water.absolute_url()}/notes-docx")
    assert "material-preview" not in browser.contents
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.open(f"{water.absolute_url()}/notes-docx/@@preview")
    assert browser.headers["status"].startswith("404")


def test_a_preview_is_private_as_its_material(functional, staff, session_as):
    """An invitees' material's preview answers no visitor and no member not invited."""
    items = session_as("staff").get(f"{WATER}/@materials").json()["items"]
    (report,) = (i for i in items if i["title"] == REPORT)
    url = report["@id"].replace("/++api++", "") + "/@@preview"
    for who in ("anonymous", "member"):
        response = session_as(who, api=False).get(url, allow_redirects=False)
        assert response.status_code in (302, 401, 403), who
        assert not response.headers.get("Content-Type", "").startswith("image/")
