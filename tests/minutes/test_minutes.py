"""Word minutes: the layout of GB/T 9704-2012, the content, approval snapshots, bad data,
and a rendering through LibreOffice checked with pdftotext. Every file is opened again
with python-docx."""

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.shared import Pt
from helpers import OFFICE_MISSING
from helpers import OFFICE_REASON
from helpers import render_pdf
from io import BytesIO

import pytest
import re
import subprocess
import transaction

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
WATER = "/2018/2018-06-28-bimonthly"


def open_docx(body):
    return Document(BytesIO(body))


def text_of(document):
    return "\n".join(p.text for p in document.paragraphs)


def east_asian_font(run_or_style):
    fonts = run_or_style.element.rPr.rFonts
    return fonts.get(qn("w:eastAsia"))


@pytest.fixture(autouse=True)
def chinese_site(functional, request):
    """The committee's site speaks Chinese (the functional layer forgets it after the test)."""
    if "english" not in request.node.name:
        functional["portal"].portal_registry["plone.default_language"] = "zh-cn"
        transaction.commit()


def close(a, b):
    return abs(a - b) < Mm(0.1)


@pytest.fixture
def minutes(staff):
    response = staff.get(f"{WATER}/@minutes")
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == DOCX
    assert "attachment" in response.headers["Content-Disposition"]
    return open_docx(response.content)


class TestLayout:
    def test_a4_and_margins(self, minutes):
        section = minutes.sections[0]
        for value, millimetres in (
            (section.page_width, 210),
            (section.page_height, 297),
            (section.top_margin, 37),
            (section.bottom_margin, 35),
            (section.left_margin, 28),
            (section.right_margin, 26),
        ):
            assert close(value, Mm(millimetres)), (value.mm, millimetres)

    def test_fonts_are_chinese_faces(self, minutes):
        normal = minutes.styles["Normal"]
        assert east_asian_font(normal) == "仿宋_GB2312" and normal.font.size == Pt(16)
        title = minutes.paragraphs[0]
        assert title.text == "幕阜山片区农村安全饮水双月协商会纪要"
        assert east_asian_font(title.runs[0]) == "方正小标宋简体"
        assert title.runs[0].font.size == Pt(22)
        headings = [p for p in minutes.paragraphs if p.text.startswith("一、")]
        assert headings and east_asian_font(headings[0].runs[0]) == "黑体"
        body = [p for p in minutes.paragraphs if p.text.startswith("主持人")][0]
        assert east_asian_font(body.runs[0]) == "仿宋_GB2312"
        assert (body.runs[0].font.size or body.style.font.size) == Pt(
            16
        )  # 三号, from Normal

    def test_page_numbers_in_the_footer(self, minutes):
        footer = minutes.sections[0].footer.paragraphs[0]
        xml = footer._p.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml
        assert footer.text.startswith("— ") and footer.text.endswith(" —")


class TestContent:
    def test_what_the_minutes_say(self, minutes):
        text = text_of(minutes)
        # staff's attendance marks of the demo year: a leave with its reason
        assert re.search(r"^请假：.+（公务外出。（演示数据））", text, re.M)
        assert re.search(r"^咸政协纪〔2018〕\d+号$", text, re.M)
        for expected in (
            "时间：2018年6月28日 09:00 – 12:00",  # GB/T 9704 dates
            "2018年6月28日",
            "地点：市政协机关三楼会议室",
            "主持人：",
            "出席：",
            "请假：",
            "列席嘉宾：专家学者代表（湖北科技学院）",
            "议程",
            "1. 通报有关情况",
            "会议讨论情况",
            "会议议定事项",
            "关于将幕阜山片区农村饮水安全巩固提升纳入市级重点民生工程的建议",
            "承办单位：市水利和湖泊局",
            "会议要求",
        ):
            assert expected in text, expected

    def test_leave_and_absence_from_the_answers(self, functional, staff):
        """Where staff did not mark attendance, the answers to the invitation decide."""
        from collective.consultation.calendar.invitations import InvitationLog
        from collective.consultation.calendar.invitations import recipients
        from collective.consultation.meeting.attendance import ANNOTATION_KEY
        from zope.annotation.interfaces import IAnnotations

        consultation = functional["portal"]["2018"]["2018-06-28-bimonthly"]
        del IAnnotations(consultation)[ANNOTATION_KEY]
        members = [r for r in recipients(consultation) if r.kind == "member"]
        log = InvitationLog(consultation)
        log.set_answer(members[0], "leave", "赴省外学习")
        log.set_answer(members[1], "declined")
        transaction.commit()
        text = text_of(open_docx(staff.get(f"{WATER}/@minutes").content))
        assert f"请假：{members[0].name}（赴省外学习）" in text
        assert f"缺席：{members[1].name}" in text

    def test_marked_attendance_decides(self, functional, staff):
        from collective.consultation.calendar.invitations import InvitationLog
        from collective.consultation.calendar.invitations import recipients

        consultation = functional["portal"]["2018"]["2018-06-28-bimonthly"]
        member = [r for r in recipients(consultation) if r.kind == "member"][0]
        InvitationLog(consultation).set_answer(member, "declined")
        transaction.commit()
        response = staff.patch(
            f"{WATER}/@attendance",
            json={
                "attendance": [
                    {"member": member.key, "status": "leave", "reason": "临时公务"}
                ]
            },
        )
        assert response.status_code == 200, response.text
        text = text_of(open_docx(staff.get(f"{WATER}/@minutes").content))
        assert (
            f"{member.name}（临时公务）" in text and f"缺席：{member.name}" not in text
        )

    def test_english_site(self, functional, staff):
        functional["portal"].portal_registry["plone.default_language"] = "en"
        transaction.commit()
        document = open_docx(staff.get(f"{WATER}/@minutes").content)
        assert (
            document.paragraphs[0].text == "幕阜山片区农村安全饮水双月协商会 — minutes"
        )
        assert "Location: 市政协机关三楼会议室" in text_of(document)
        assert document.styles["Normal"].font.name == "Times New Roman"


class TestAccess:
    def test_visitors_get_no_minutes(self, anon_request):
        assert anon_request.get(f"{WATER}/@minutes").status_code == 401

    def test_uninvited_member_gets_none(self, member):
        # 游进 (m01) is not invited to the drinking-water consultation
        assert member.get(f"{WATER}/@minutes").status_code == 401


class TestApproval:
    def test_approval_stores_a_snapshot_that_never_changes(self, staff, secretary):
        created = staff.post(
            "/2018",
            json={
                "@type": "Consultation",
                "title": "纪要测试协商会",
                "kind": "topical",
                "start": "2018-12-27T09:00:00+08:00",
                "end": "2018-12-27T11:00:00+08:00",
                "presided_by": "市政协副主席沈晋",
                "decisions": "形成建议报送市委",
            },
        ).json()["@id"]
        for transition in ("schedule", "hold"):
            assert staff.post(f"{created}/@workflow/{transition}").status_code == 200
        assert secretary.post(f"{created}/@workflow/approve_minutes").status_code == 200
        files = staff.get(f"{created}?expand=items").json()["items"]
        snapshots = [f for f in files if f["@type"] == "MinutesFile"]
        assert len(snapshots) == 1
        first = staff.get(f"{snapshots[0]['@id']}/@@download/file").content
        assert "形成建议报送市委" in text_of(open_docx(first))
        # minutes are frozen once approved: staff cannot edit the consultation any more
        assert staff.patch(created, json={"decisions": "改动"}).status_code in (
            401,
            403,
        )

    def test_a_new_copy_keeps_the_old(self, functional, staff):
        from collective.consultation.minutes.snapshot import store_snapshot

        consultation = functional["portal"]["2018"]["2018-06-28-bimonthly"]
        before = [
            o for o in consultation.objectValues() if o.portal_type == "MinutesFile"
        ]
        assert len(before) == 1  # made when the demo year approved these minutes
        old_bytes = before[0].file.data
        consultation.decisions = "会后补充的议定事项"
        from datetime import datetime

        import pytz

        zone = pytz.timezone("Asia/Shanghai")
        times = [datetime.now(zone).strftime("%H:%M")]
        made = store_snapshot(consultation)
        times.append(datetime.now(zone).strftime("%H:%M"))
        # the approval's time as the office reads it (its zone), not the server's UTC
        assert any(f" {t}）" in made.Title() or f" {t})" in made.Title() for t in times)
        transaction.commit()
        after = [
            o for o in consultation.objectValues() if o.portal_type == "MinutesFile"
        ]
        assert len(after) == 2
        assert before[0].file.data == old_bytes
        assert "会后补充的议定事项" in text_of(open_docx(after[-1].file.data))


class TestBadData:
    def test_control_characters_and_huge_texts(self, functional, staff):
        consultation = functional["portal"]["2018"]["2018-06-28-bimonthly"]
        consultation.discussion_summary = "坏\x00数\x07据\x1b\n" + "长" * 200_000
        consultation.presided_by = "\x0b主持人"
        transaction.commit()
        response = staff.get(f"{WATER}/@minutes")
        assert response.status_code == 200
        text = text_of(open_docx(response.content))
        assert "坏数据" in text and "主持人：主持人" in text

    def test_invitee_whose_member_was_deleted(self, functional, staff, secretary):
        from plone import api
        from plone.app.testing import setRoles
        from plone.app.testing import TEST_USER_ID

        portal = functional["portal"]
        consultation = portal["2018"]["2018-06-28-bimonthly"]
        member = consultation.invitees[0].to_object
        setRoles(portal, TEST_USER_ID, ["Manager"])
        api.content.delete(member, check_linkintegrity=False)
        transaction.commit()
        text = text_of(open_docx(staff.get(f"{WATER}/@minutes").content))
        assert member.title not in text.split("出席：")[1].split("\n")[0]
        assert staff.get(f"{WATER}/@ical").status_code == 200
        assert (
            secretary.get(
                f"{WATER}/@adoption-report", params={"format": "xlsx"}
            ).status_code
            == 200
        )

    def test_empty_consultation(self, staff):
        created = staff.post(
            "/2018",
            json={
                "@type": "Consultation",
                "title": "空白协商会",
                "kind": "topical",
                "start": "2018-12-27T09:00:00+08:00",
                "end": "2018-12-27T11:00:00+08:00",
            },
        ).json()["@id"]
        response = staff.get(f"{created}/@minutes")
        assert response.status_code == 200
        assert open_docx(response.content).paragraphs[0].text == "空白协商会纪要"


@pytest.mark.skipif(OFFICE_MISSING, reason=OFFICE_REASON)
def test_libreoffice_renders_the_chinese_text(staff, tmp_path):
    pdf = render_pdf(staff.get(f"{WATER}/@minutes").content, tmp_path, "minutes")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout.decode("utf-8")
    assert "幕阜山片区农村安全饮水双月协商会纪要" in text.replace(" ", "")
    assert "市政协机关三楼会议室" in text.replace(" ", "")
    assert re.search(r"—\s*1\s*—", text)  # the page number in the footer
