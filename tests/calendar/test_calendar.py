"""Calendars and invitations over HTTP on the test WSGI server, with mail delivered to a
real SMTP server (aiosmtpd) and every calendar parsed back by icalendar and by vobject.
"""

from collective.consultation.testing import free_port
from datetime import timedelta
from email import message_from_bytes
from email import policy
from helpers import future
from urllib.parse import parse_qs
from urllib.parse import urlparse

import icalendar
import pytest
import pytz
import re
import requests
import transaction
import vobject

TZ = pytz.timezone("Asia/Shanghai")


GUEST = "王教授 | 湖北科技学院 | expert@example.net"


@pytest.fixture
def consultation(staff):
    """A draft consultation a month ahead, inviting 游进 (m01) and 王建华 (m02), a guest
    with an e-mail and one without."""
    response = staff.post(
        "/2018",
        json={
            "@type": "Consultation",
            "title": "关于数字政协建设的专题协商会",
            "kind": "online",
            "start": future(30, 9),
            "end": future(30, 11),
            "location": "市政协机关三楼会议室",
            "online_url": "https://meet.example.org/cppcc/digital",
            "agenda": "通报情况\n委员发言",
            "invitees": ["/members/m01", "/members/m02"],
            "guests": [GUEST, "李主任 | 市数据局"],
        },
    )
    assert response.status_code == 201, response.text
    return response.json()["@id"]


def messages(smtp):
    return [
        (recipients, message_from_bytes(raw, policy=policy.default))
        for _sender, recipients, raw in smtp.messages
    ]


def calendar_part(message):
    alternative = message.get_payload()[0]
    return alternative.get_payload()[2]


def parse_both(text):
    """The same text through two independent parsers."""
    return icalendar.Calendar.from_ical(text), vobject.readOne(text)


def rsvp_links(message):
    text = message.get_payload()[0].get_payload()[0].get_content()
    return {
        parse_qs(urlparse(url).query)["a"][0]: url
        for url in re.findall(r"https?://\S+@@rsvp\S+", text)
    }


def schedule(staff, url):
    response = staff.post(f"{url}/@workflow/schedule", json={"comment": "发出通知"})
    assert response.status_code == 200, response.text


class TestSingleCalendar:
    def test_ics_of_a_consultation(self, staff, consultation):
        response = staff.get(f"{consultation}/@ical")
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("text/calendar")
        cal, vcal = parse_both(response.text)
        event = cal.walk("VEVENT")[0]
        assert str(event["SUMMARY"]) == "关于数字政协建设的专题协商会"
        assert event["DTSTART"].dt.tzinfo is not None
        assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
        assert str(event["STATUS"]) == "CONFIRMED"
        assert str(event["LOCATION"]) == "市政协机关三楼会议室"
        assert str(event["CONFERENCE"]) == "https://meet.example.org/cppcc/digital"
        assert event["CONFERENCE"].params["VALUE"] == "URI"
        assert "通报情况" in str(event["DESCRIPTION"]) and consultation in str(
            event["DESCRIPTION"]
        )
        assert str(event["ORGANIZER"]) == "mailto:zhengxie@example.org"
        attendees = {str(a): a.params for a in event["ATTENDEE"]}
        assert set(attendees) == {
            "mailto:m01@example.org",
            "mailto:m02@example.com",
            "mailto:expert@example.net",
        }
        assert attendees["mailto:m01@example.org"]["CN"] == "游进"
        assert attendees["mailto:m01@example.org"]["ROLE"] == "REQ-PARTICIPANT"
        assert attendees["mailto:expert@example.net"]["ROLE"] == "OPT-PARTICIPANT"
        assert all(
            p["PARTSTAT"] == "NEEDS-ACTION" and p["RSVP"] == "TRUE"
            for p in attendees.values()
        )
        timezone = cal.walk("VTIMEZONE")[0]
        assert (
            str(timezone["TZID"]) == "Asia/Shanghai"
            and len(timezone.subcomponents) == 1
        )
        assert vcal.vevent.summary.value == "关于数字政协建设的专题协商会"
        assert vcal.vevent.dtstart.value.utcoffset() == timedelta(hours=8)

    def test_uid_is_stable_and_sequence_rises_on_what_matters(
        self, staff, consultation
    ):
        def uid_and_sequence():
            event = icalendar.Calendar.from_ical(
                staff.get(f"{consultation}/@ical").text
            ).walk("VEVENT")[0]
            return str(event["UID"]), int(event["SEQUENCE"])

        uid, sequence = uid_and_sequence()
        assert sequence == 0
        staff.patch(consultation, json={"title": "改个标题"})
        assert uid_and_sequence() == (uid, 0)
        staff.patch(consultation, json={"location": "市民之家"})
        assert uid_and_sequence() == (uid, 1)
        staff.patch(consultation, json={"start": future(31, 9), "end": future(31, 11)})
        assert uid_and_sequence() == (uid, 2)
        staff.patch(consultation, json={"online_url": "https://meet.example.org/other"})
        assert uid_and_sequence() == (uid, 3)
        staff.post(f"{consultation}/@workflow/cancel")
        assert uid_and_sequence() == (uid, 4)

    def test_anonymous_cannot_read_a_draft(self, anon_request, consultation):
        assert anon_request.get(f"{consultation}/@ical").status_code == 401


class TestFeeds:
    def test_programme_feed_for_visitors(self, anon_request):
        response = anon_request.get("/2018/@ical")
        assert response.status_code == 200
        cal, vcal = parse_both(response.text)
        events = cal.walk("VEVENT")
        assert len(events) == 31  # the draft is not public
        statuses = {str(e["SUMMARY"]): str(e["STATUS"]) for e in events}
        assert statuses["与市卫生健康委员会对口协商乡村医生队伍建设"] == "CANCELLED"
        assert statuses["幕阜山片区农村安全饮水双月协商会"] == "CONFIRMED"
        assert len(list(vcal.vevent_list)) == 31
        assert all("ATTENDEE" not in e for e in events)  # a feed lists no one's e-mail

    def test_site_feed_for_staff_includes_drafts(self, staff):
        cal, _ = parse_both(staff.get("/@ical").text)
        assert len(cal.walk("VEVENT")) == 32

    def test_feed_reads_the_catalog_only(self, functional):
        """No consultation object is loaded to write the programme feed."""
        from Acquisition import aq_base
        from collective.consultation.calendar.feeds import container_calendar
        from plone.app.testing import setRoles
        from plone.app.testing import TEST_USER_ID

        portal = functional["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        programme = portal["2018"]
        ids = [i for i in programme.objectIds() if i.startswith("2018-")]
        portal._p_jar.cacheMinimize()
        text = container_calendar(programme, functional["request"])
        assert text.count(b"BEGIN:VEVENT") == 32
        ghosts = [aq_base(programme._getOb(i))._p_changed is None for i in ids]
        assert all(ghosts), f"{ghosts.count(False)} consultations were loaded"


class TestInvitations:
    def test_schedule_sends_imip_invitations(self, staff, consultation, smtp):
        schedule(staff, consultation)
        sent = messages(smtp)
        assert sorted(r[0] for r, _ in sent) == [
            "expert@example.net",
            "m01@example.org",
            "m02@example.com",
        ]
        for recipients, message in sent:
            assert message.get_content_type() == "multipart/mixed"
            alternative, attachment = message.get_payload()
            assert alternative.get_content_type() == "multipart/alternative"
            assert [p.get_content_type() for p in alternative.get_payload()] == [
                "text/plain",
                "text/html",
                "text/calendar",
            ]
            inline = alternative.get_payload()[2]
            assert inline.get_param("method") == "REQUEST"
            assert inline.get_content_charset() == "utf-8"
            assert attachment.get_content_type() == "text/calendar"
            assert attachment.get_filename() == "invite.ics"
            assert recipients[0] in message["To"]
            cal, vcal = parse_both(inline.get_content())
            assert str(cal["METHOD"]) == "REQUEST"
            assert vcal.method.value == "REQUEST"
            assert cal.walk("VEVENT")[0]["SEQUENCE"] == 0
            assert attachment.get_content() == inline.get_content()
        to_member = {r[0]: m for r, m in sent}["m01@example.org"]
        assert "游进" in to_member["To"]
        assert "关于数字政协建设的专题协商会" in to_member["Subject"]
        plain = to_member.get_payload()[0].get_payload()[0].get_content()
        html = to_member.get_payload()[0].get_payload()[1].get_content()
        assert "市政协机关三楼会议室" in plain and "市政协机关三楼会议室" in html
        assert set(rsvp_links(to_member)) == {"accepted", "declined", "leave"}

    def test_change_sends_an_update_with_the_same_uid(self, staff, consultation, smtp):
        schedule(staff, consultation)
        uid = str(
            icalendar.Calendar.from_ical(
                calendar_part(messages(smtp)[0][1]).get_content()
            ).walk("VEVENT")[0]["UID"]
        )
        smtp.clear()
        assert (
            staff.patch(consultation, json={"location": "市民之家二楼"}).status_code
            == 204
        )
        sent = messages(smtp)
        assert len(sent) == 3
        for _recipients, message in sent:
            event = icalendar.Calendar.from_ical(
                calendar_part(message).get_content()
            ).walk("VEVENT")[0]
            assert (str(event["UID"]), event["SEQUENCE"], str(event["LOCATION"])) == (
                uid,
                1,
                "市民之家二楼",
            )
        smtp.clear()
        staff.patch(consultation, json={"description": "只改说明"})
        assert smtp.messages == []  # nothing calendar programs show changed

    def test_cancel_sends_method_cancel(self, staff, consultation, smtp):
        schedule(staff, consultation)
        smtp.clear()
        assert (
            staff.post(
                f"{consultation}/@workflow/cancel", json={"comment": "因故取消"}
            ).status_code
            == 200
        )
        sent = messages(smtp)
        assert len(sent) == 3
        for _recipients, message in sent:
            part = calendar_part(message)
            assert part.get_param("method") == "CANCEL"
            cal, vcal = parse_both(part.get_content())
            assert str(cal["METHOD"]) == "CANCEL"
            event = cal.walk("VEVENT")[0]
            assert str(event["STATUS"]) == "CANCELLED" and event["SEQUENCE"] == 1
            assert vcal.vevent.status.value == "CANCELLED"

    def test_added_and_removed_invitees(self, staff, consultation, smtp):
        schedule(staff, consultation)
        smtp.clear()
        staff.patch(consultation, json={"invitees": ["/members/m01", "/members/m03"]})
        sent = {r[0]: m for r, m in messages(smtp)}
        assert set(sent) == {"m03@example.net", "m02@example.com"}
        assert calendar_part(sent["m03@example.net"]).get_param("method") == "REQUEST"
        assert calendar_part(sent["m02@example.com"]).get_param("method") == "CANCEL"

    def test_invitations_listing_and_resending(self, staff, consultation, smtp):
        schedule(staff, consultation)
        data = staff.get(f"{consultation}/@invitations").json()
        assert data["summary"]["invited"] == 3
        assert data["summary"]["queued"] == 3  # the worker has not run yet
        smtp.deliver()
        data = staff.get(f"{consultation}/@invitations").json()
        assert data["summary"]["sent"] == 3 and data["summary"]["queued"] == 0
        row = [r for r in data["items"] if r["email"] == "m01@example.org"][0]
        assert row["name"] == "游进" and row["sent"][0]["method"] == "REQUEST"
        assert row["delivery"] == "sent" and row["delivered"] and not row["failed"]
        smtp.clear()
        response = staff.post(
            f"{consultation}/@invitations", json={"recipients": [row["key"]]}
        )
        assert response.status_code == 200, response.text
        assert response.json()["queued"] == [row["key"]]
        assert [r[0] for r, _ in messages(smtp)] == ["m01@example.org"]
        assert (
            len(
                [r for r in response.json()["items"] if r["key"] == row["key"]][0][
                    "sent"
                ]
            )
            == 2
        )

    def test_resend_refuses_strangers_and_drafts(self, staff, consultation):
        response = staff.post(f"{consultation}/@invitations", json={})
        assert response.status_code == 400 and "scheduled" in response.text
        schedule(staff, consultation)
        response = staff.post(
            f"{consultation}/@invitations", json={"recipients": ["nobody@example.org"]}
        )
        assert response.status_code == 400 and "nobody@example.org" in response.text
        response = staff.post(
            f"{consultation}/@invitations", json={"recipients": "m01"}
        )
        assert response.status_code == 400 and "recipients" in response.text

    @pytest.mark.parametrize("who", ["anonymous", "member"])
    def test_invitations_are_for_staff(
        self, consultation, anon_request, member, staff, who
    ):
        schedule(staff, consultation)
        session = anon_request if who == "anonymous" else member
        assert session.get(f"{consultation}/@invitations").status_code == 401
        assert session.post(f"{consultation}/@invitations", json={}).status_code in (
            401,
            403,
        )


class TestDeliveryFailures:
    def test_refused_recipient_is_recorded_and_resent(self, staff, consultation, smtp):
        staff.patch(
            consultation, json={"guests": ["拒收 | 某单位 | refuse@example.org"]}
        )
        response = staff.post(f"{consultation}/@workflow/schedule")
        assert response.status_code == 200
        smtp.deliver()
        data = staff.get(f"{consultation}/@invitations").json()
        failed = [r for r in data["items"] if r["failed"]]
        assert [r["email"] for r in failed] == ["refuse@example.org"]
        assert "550" in failed[0]["sent"][-1]["error"] and "550" in failed[0]["error"]
        assert data["summary"]["failed"] == 1 and data["summary"]["sent"] == 2

    def test_smtp_down_then_back(self, functional, staff, consultation, smtp):
        """The worker retries with backoff: nothing is lost while the server is down,
        everything arrives once it is back, and the list says what is happening."""
        from datetime import datetime
        from datetime import timezone

        # The worker takes the server from Plone's mail settings (the registry).
        registry = functional["portal"].portal_registry
        port = registry["plone.smtp_port"]
        registry["plone.smtp_port"] = free_port()  # nobody listens there
        transaction.commit()
        response = staff.post(f"{consultation}/@workflow/schedule")
        assert response.status_code == 200
        assert staff.get(consultation).json()["review_state"] == "scheduled"
        assert smtp.messages == []
        data = staff.get(f"{consultation}/@invitations").json()
        assert data["summary"]["retrying"] == 3
        row = data["items"][0]
        assert row["attempts"] == 1 and "Connection" in row["error"]

        transaction.begin()
        registry["plone.smtp_port"] = port
        transaction.commit()
        smtp.deliver()  # too early: the next attempt waits a minute
        assert smtp.handler.messages == []
        smtp.deliver(now=datetime.now(timezone.utc) + timedelta(minutes=2))
        assert sorted(r[0] for r, _ in messages(smtp)) == [
            "expert@example.net",
            "m01@example.org",
            "m02@example.com",
        ]
        data = staff.get(f"{consultation}/@invitations").json()
        assert data["summary"]["sent"] == 3 and data["summary"]["retrying"] == 0


class TestRSVP:
    @pytest.fixture
    def links(self, staff, consultation, smtp):
        schedule(staff, consultation)
        sent = {r[0]: m for r, m in messages(smtp)}
        return rsvp_links(sent["m01@example.org"])

    def form_fields(self, html):
        return dict(
            re.findall(r'<input type="hidden" name="(\w)" value="([^"]*)"', html)
        )

    def test_get_shows_the_question_and_answers_nothing(
        self, links, staff, consultation
    ):
        page = requests.get(links["accepted"])
        assert page.status_code == 200
        assert "关于数字政协建设的专题协商会" in page.text and "游进" in page.text
        data = staff.get(f"{consultation}/@invitations").json()
        assert all(r["answer"] is None for r in data["items"])

    def test_post_records_the_answer_and_calendars_show_it(
        self, links, staff, consultation
    ):
        page = requests.get(links["accepted"])
        answer = requests.post(
            links["accepted"].split("?")[0],
            data={**self.form_fields(page.text), "answer": "accepted"},
        )
        assert answer.status_code == 200 and "rsvp-done" in answer.text
        row = [
            r
            for r in staff.get(f"{consultation}/@invitations").json()["items"]
            if r["email"] == "m01@example.org"
        ][0]
        assert row["answer"] == "accepted" and row["answered"]
        event = icalendar.Calendar.from_ical(
            staff.get(f"{consultation}/@ical").text
        ).walk("VEVENT")[0]
        partstats = {str(a): a.params["PARTSTAT"] for a in event["ATTENDEE"]}
        assert partstats["mailto:m01@example.org"] == "ACCEPTED"
        assert partstats["mailto:m02@example.com"] == "NEEDS-ACTION"

    def test_a_logged_out_member_is_led_on(self, links, page, consultation):
        """From the mail on a logged-out phone: the reason for leave shows only when he
        asks for leave; once he has answered, the page offers the login that brings
        him to the consultation, whose materials and speeches need it."""
        from conftest import MEMBER

        page.goto(links["accepted"])
        assert not page.locator("#rsvp-reason").is_visible()
        page.click("summary")
        assert page.locator("#rsvp-reason").is_visible()
        page.click("button[value=accepted]")
        page.wait_for_selector(".rsvp-done")
        assert "QR" in page.locator(".rsvp-next").inner_text()
        page.click("a.rsvp-login")
        page.fill("#__ac_name", MEMBER[0])
        page.fill("#__ac_password", MEMBER[1])
        page.click("button[name='buttons.login']")
        page.wait_for_selector("section.consultation")
        assert page.url == consultation.replace("/++api++", "")

    def test_leave_needs_a_reason(self, links, staff, consultation):
        fields = self.form_fields(requests.get(links["leave"]).text)
        url = links["leave"].split("?")[0]
        assert requests.post(url, data={**fields, "answer": "leave"}).status_code == 400
        assert (
            requests.post(
                url, data={**fields, "answer": "leave", "reason": "赴省外学习"}
            ).status_code
            == 200
        )
        row = [
            r
            for r in staff.get(f"{consultation}/@invitations").json()["items"]
            if r["email"] == "m01@example.org"
        ][0]
        assert (row["answer"], row["reason"]) == ("leave", "赴省外学习")

    @pytest.mark.parametrize("tamper", ["i", "c", "s", "x"])
    def test_forged_links_are_refused(self, links, staff, consultation, tamper):
        fields = self.form_fields(requests.get(links["accepted"]).text)
        other = {
            "i": "guest:someone@example.org",
            "c": "0" * 32,
            "s": "0" * 64,
            "x": str(int(fields["x"]) + 86400),
        }
        fields[tamper] = other[tamper]
        response = requests.post(
            links["accepted"].split("?")[0], data={**fields, "answer": "declined"}
        )
        assert response.status_code == 403
        assert "游进" not in response.text
        assert all(
            r["answer"] is None
            for r in staff.get(f"{consultation}/@invitations").json()["items"]
        )

    def test_expired_link(self, functional):
        """A link for a consultation that is over no longer takes answers."""
        from collective.consultation.calendar.rsvp import rsvp_link
        from plone.uuid.interfaces import IUUID

        portal = functional["portal"]
        past = portal["2018"]["2018-10-30-bimonthly"]
        member_uid = IUUID(portal["members"]["m01"])
        link = rsvp_link(past, member_uid, "accepted")
        transaction.commit()
        response = requests.get(link)
        assert response.status_code == 410 and "rsvp-expired" in response.text


class TestPersonalFeed:
    def feed_url(self, functional, member_id="m01"):
        import transaction as txn

        txn.begin()
        member = functional["portal"]["members"][member_id]
        return f"{functional['portal'].absolute_url()}/++api++/@calendar-feed/{member.feed_token}"

    def test_members_own_consultations_with_their_answer(
        self, functional, staff, consultation, smtp
    ):
        schedule(staff, consultation)
        links = rsvp_links({r[0]: m for r, m in messages(smtp)}["m01@example.org"])
        page = requests.get(links["declined"])
        fields = dict(
            re.findall(r'<input type="hidden" name="(\w)" value="([^"]*)"', page.text)
        )
        requests.post(
            links["declined"].split("?")[0], data={**fields, "answer": "declined"}
        )

        response = requests.get(self.feed_url(functional))
        assert response.status_code == 200
        cal, vcal = parse_both(response.text)
        summaries = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
        assert "关于数字政协建设的专题协商会" in summaries
        assert "2018-12-06" not in response.text  # drafts are not in anyone's feed
        mine = summaries["关于数字政协建设的专题协商会"]
        assert str(mine["ATTENDEE"]) == "mailto:m01@example.org"
        assert mine["ATTENDEE"].params["PARTSTAT"] == "DECLINED"
        assert len(list(vcal.vevent_list)) == len(summaries)

    def test_only_invited_consultations(self, functional, staff, consultation):
        schedule(staff, consultation)
        text = requests.get(self.feed_url(functional, "m60")).text
        assert "关于数字政协建设的专题协商会" not in text

    @pytest.mark.parametrize(
        "token", ["wrong-token-that-is-long-enough-0000", "short", ""]
    )
    def test_wrong_token_is_404(self, functional, token):
        response = requests.get(
            f"{functional['portal'].absolute_url()}/++api++/@calendar-feed/{token}"
        )
        assert response.status_code == 404
        assert "BEGIN:VCALENDAR" not in response.text

    def test_regenerated_token_revokes_the_old(self, functional):
        from collective.consultation.calendar.feedtoken import regenerate

        old = self.feed_url(functional)
        regenerate(functional["portal"]["members"]["m01"])
        transaction.commit()
        assert requests.get(old).status_code == 404
        assert requests.get(self.feed_url(functional)).status_code == 200


class TestLanguage:
    def test_invitation_in_chinese_on_a_chinese_site(
        self, functional, staff, consultation, smtp
    ):
        functional["portal"].portal_registry["plone.default_language"] = "zh-cn"
        transaction.commit()
        schedule(staff, consultation)
        message = {r[0]: m for r, m in messages(smtp)}["m01@example.org"]
        assert message["Subject"] == "【会议邀请】关于数字政协建设的专题协商会"
        plain = message.get_payload()[0].get_payload()[0].get_content()
        assert plain.startswith("游进：")
        assert "诚邀您参加“关于数字政协建设的专题协商会”。" in plain
        assert "地点：市政协机关三楼会议室" in plain and "请假: http" in plain
        # the day with its weekday, once, and the hours (the meeting is a month ahead)
        from datetime import datetime

        day = datetime.fromisoformat(future(30))
        weekday = "一二三四五六日"[day.weekday()]
        assert re.search(
            rf"时间：{day.year}年{day.month}月{day.day}日（星期{weekday}）09:00 – 11:00",
            plain,
        ), plain

    def test_invitation_in_english_on_an_english_site(self, staff, consultation, smtp):
        schedule(staff, consultation)
        message = {r[0]: m for r, m in messages(smtp)}["m01@example.org"]
        assert message["Subject"] == "Invitation: 关于数字政协建设的专题协商会"
        plain = message.get_payload()[0].get_payload()[0].get_content()
        assert plain.startswith("Dear 游进,") and "I ask for leave: http" in plain
