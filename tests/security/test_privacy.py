"""Members' personal data (who is invited, how they answered, whether they came and why
not, guests' and members' e-mails, logins) reaches only those who may see the member
directory, and each member about themselves: in calendars, invitations, REST
serializers, @search metadata, the vocabulary view and pages."""

from collective.consultation.testing import MailSink
from conftest import LOGINS
from email import message_from_bytes
from email import policy
from helpers import future

import icalendar
import json
import pytest
import re
import vobject

WATER = (
    "/2018/2018-06-28-bimonthly"  # minuted, in the published programme, with a guest
)
PRIVILEGED = {"staff", "secretary", "manager"}
OTHERS = sorted(set(LOGINS) - PRIVILEGED)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
ORGANIZER = "zhengxie@example.org"  # the committee's public mailbox


def addresses(text):
    """E-mail addresses in ``text``, but for the organiser and calendar UIDs."""
    return {
        a
        for a in EMAIL.findall(text)
        if a != ORGANIZER and not a.endswith("@consultation.collective")
    }


def events(text):
    """Parsed by vobject, independently of the icalendar package the writer uses."""
    return vobject.readOne(text).vevent_list


@pytest.mark.parametrize("who", sorted(LOGINS))
def test_a_consultations_calendar_lists_attendees_for_staff_only(session_as, who):
    response = session_as(who).get(f"{WATER}/@ical")
    assert response.status_code == 200
    (event,) = events(response.text)
    attendees = event.contents.get("attendee", [])
    if who in PRIVILEGED:
        assert len(attendees) >= 15
        assert all(a.params.get("PARTSTAT") for a in attendees)
    else:
        assert attendees == []
        assert addresses(response.text) == set()


@pytest.mark.parametrize("who", sorted(LOGINS))
@pytest.mark.parametrize("feed", ["/2018/@ical", "/@ical"])
def test_feeds_never_list_attendees(session_as, who, feed):
    response = session_as(who).get(feed)
    assert response.status_code == 200
    assert "ATTENDEE" not in response.text
    assert addresses(response.text) == set()
    assert len(events(response.text)) >= 20


def test_an_invitation_names_its_recipient_only(staff, functional):
    smtp = MailSink(functional)
    smtp.clear()
    created = staff.post(
        "/2018",
        json={
            "@type": "Consultation",
            "title": "隐私测试协商会",
            "kind": "topical",
            "start": future(20, 9),
            "end": future(20, 11),
            "invitees": ["/members/m01", "/members/m02", "/members/m03"],
            "guests": ["王教授 | 湖北科技学院 | expert@example.net"],
        },
    ).json()["@id"]
    assert staff.post(f"{created}/@workflow/schedule").status_code == 200
    assert len(smtp.messages) == 4
    for _sender, (recipient,), raw in smtp.messages:
        message = message_from_bytes(raw, policy=policy.default)
        for part in message.walk():
            if part.get_content_type() == "text/calendar":
                calendar = icalendar.Calendar.from_ical(part.get_content())
                attendees = calendar.walk("VEVENT")[0]["ATTENDEE"]
                attendees = attendees if isinstance(attendees, list) else [attendees]
                assert [str(a) for a in attendees] == [f"mailto:{recipient}"]
        headers, body = raw.decode("ascii", "replace").split("\r\n\r\n", 1)
        others = addresses(body) - {recipient}
        assert others <= {"site@example.org"}, others


PRIVATE_COLUMNS = {
    "Consultation": ["invitees", "attendance_marks", "rsvp_partstats"],
    "Suggestion": ["proposers", "Creator", "listCreators"],
    "CommitteeMember": ["member_email", "member_userid"],
}


@pytest.mark.parametrize("who", sorted(LOGINS))
@pytest.mark.parametrize("portal_type", sorted(PRIVATE_COLUMNS))
def test_search_metadata(session_as, who, portal_type):
    columns = PRIVATE_COLUMNS[portal_type]
    session = session_as(who)
    for fields in (columns, ["_all"]):
        items = session.get(
            "/@search",
            params={
                "portal_type": portal_type,
                "metadata_fields": fields,
                "b_size": 200,
            },
        ).json()["items"]
        if who in PRIVILEGED:
            assert items and all(column in items[0] for column in columns)
        else:
            assert all(column not in item for item in items for column in columns)
            assert not any(
                addresses(json.dumps(item, ensure_ascii=False)) for item in items
            )


@pytest.mark.parametrize("who", sorted(LOGINS))
def test_folder_items_and_querystring_search(session_as, who):
    session = session_as(who)
    listing = session.get(
        "/2018", params={"metadata_fields": ["attendance_marks", "invitees"]}
    ).json()["items"]
    found = session.post(
        "/@querystring-search",
        json={
            "query": [
                {
                    "i": "portal_type",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": ["Consultation"],
                }
            ],
            "metadata_fields": ["attendance_marks", "rsvp_partstats"],
        },
    ).json()["items"]
    consultations = [i for i in listing + found if i["@type"] == "Consultation"]
    assert consultations
    for item in consultations:
        private = {"attendance_marks", "invitees", "rsvp_partstats"} & set(item)
        assert bool(private) == (who in PRIVILEGED)


@pytest.mark.parametrize("who", sorted(LOGINS))
def test_the_vocabulary_view(session_as, who):
    response = session_as(who, api=False).get(
        "/@@getVocabulary",
        params={
            "name": "plone.app.vocabularies.Catalog",
            "query": json.dumps(
                {
                    "criteria": [
                        {
                            "i": "portal_type",
                            "o": "plone.app.querystring.operation.selection.any",
                            "v": ["Consultation"],
                        }
                    ]
                }
            ),
            "attributes": json.dumps(
                ["UID", "Title", "attendance_marks", "marks:rsvp_partstats", "invitees"]
            ),
            "batch": json.dumps({"page": 1, "size": 50}),
        },
    )
    assert response.status_code == 200
    results = response.json()["results"]
    assert results and all("Title" in r for r in results)
    for item in results:
        assert bool({"attendance_marks", "marks", "invitees"} & set(item)) == (
            who in PRIVILEGED
        )


@pytest.mark.parametrize("who", sorted(LOGINS))
def test_consultation_json(session_as, who):
    data = session_as(who).get(WATER).json()
    if who in PRIVILEGED:
        assert data["invitees"] and data["guests"]
    else:
        assert "invitees" not in data and "guests" not in data
        assert addresses(json.dumps(data, ensure_ascii=False)) == set()


@pytest.mark.parametrize("who", sorted(LOGINS))
def test_proposers_are_names_to_those_who_may_not_see_members(
    session_as, functional, who
):
    data = session_as(who).get(f"{WATER}/s013").json()  # implemented: public
    proposers = data["proposers"]
    assert [p["title"] for p in proposers] == ["杨文斌", "田文斌"]
    login = (LOGINS[who] or ("",))[0]
    own = [
        m.title
        for m in functional["portal"]["members"].objectValues()
        if m.userid == login
    ]
    for proposer in proposers:
        if (
            who in PRIVILEGED or proposer["title"] in own
        ):  # a member sees their own entry
            assert proposer["@id"].startswith("http") and proposer["UID"]
        else:
            assert set(proposer) == {"title"}


@pytest.mark.parametrize("who", sorted(LOGINS))
def test_the_consultation_page(session_as, who):
    html = session_as(who, api=False).get(WATER).text
    assert ("expert03@example.net" in html) == (who in PRIVILEGED)
    assert ("湖北科技学院" in html) == (who in PRIVILEGED)


class TestHistory:
    """办理过程 on an adopted suggestion: the public steps, by name, for everybody; all
    steps and comments for those who follow the handling."""

    PATH = "/2018/sqmy01"  # a public-opinion item by 游进, adopted

    @pytest.mark.parametrize("who", sorted(LOGINS))
    def test_timeline(self, session_as, who):
        html = session_as(who, api=False).get(self.PATH).text
        timeline = html.split('class="timeline"', 1)[1].split("</ol>", 1)[0]
        assert "办公室工作人员（演示）" in timeline  # the secretariat's name
        for login in ("secretary", "staff", "admin", "youjin"):
            assert f">{login}<" not in timeline
        follows = who in PRIVILEGED or who == "member"  # 游进 proposed it
        assert ("<p>" in timeline) == follows  # comments
        assert ("创建" in timeline or "Create" in timeline) == follows

    def test_rest_history_is_not_for_visitors(self, session_as):
        assert session_as("anonymous").get(f"{self.PATH}/@history").status_code == 401
        workflow = session_as("anonymous").get(f"{self.PATH}/@workflow").json()
        assert all("actor" not in step for step in workflow.get("history", []))
