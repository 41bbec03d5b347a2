"""The demo year (profile ``demo``) holds what the 2018 work report describes."""

from collections import Counter
from collective.consultation.tracking import states
from conftest import search
from datetime import datetime

import pytest
import pytz

KINDS = {
    "bimonthly",
    "sectoral",
    "counterpart",
    "topical",
    "standing_committee",
    "online",
    "inspection",
    "research",
}
TZ = pytz.timezone("Asia/Shanghai")


def test_thirty_two_consultations_of_every_kind(portal):
    brains = search(portal_type="Consultation")
    assert len(brains) == 32
    assert {b.consultation_kind for b in brains} == KINDS
    assert {b.consultation_year for b in brains} == {2018}


def test_consultations_in_every_state(portal):
    states = Counter(b.review_state for b in search(portal_type="Consultation"))
    assert set(states) == {"draft", "scheduled", "held", "minuted", "cancelled"}


def test_over_a_hundred_suggestions_in_every_state(portal):
    brains = search(portal_type="Suggestion")
    assert len(brains) >= 100
    assert {b.review_state for b in brains} == set(states.ALL)


def test_ten_topics_of_the_report(programme):
    topics = {
        c.topic for c in programme.objectValues() if c.portal_type == "Consultation"
    }
    for topic in (
        "幕阜山片区农村饮水质量",
        "提高农村生活垃圾收集清运处理社会化服务水平",
        "保护企业合法权益",
        "做好侨务工作",
        "提升贫困群众内生动力",
        "促进康养产业发展",
        "提升乡村医生素质",
        "构筑绿色生态屏障",
        "防范金融风险",
        "加强地方古籍文献整理保护",
    ):
        assert topic in topics


def test_dated_events_of_the_report(programme):
    water = programme["2018-06-28-bimonthly"]
    assert water.kind == "bimonthly"
    assert water.start.astimezone(TZ).date() == datetime(2018, 6, 28).date()
    assert "饮水" in water.title
    relics = programme["2018-09-12-online"]
    assert relics.kind == "online"
    assert "文物" in relics.title and relics.online_url
    assert relics.start.astimezone(TZ).date() == datetime(2018, 9, 12).date()


def test_sectoral_and_counterpart_carry_what_their_kind_needs(programme):
    for consultation in programme.objectValues():
        if consultation.portal_type != "Consultation":
            continue
        if consultation.kind == "sectoral":
            assert consultation.sector
        if consultation.kind == "counterpart":
            assert consultation.counterpart_units


def test_xianning_ship_adopted(portal):
    brains = search(portal_type="Suggestion", Title="咸宁舰")
    assert len(brains) == 1
    brain = brains[0]
    assert brain.Title == "关于争取命名“咸宁舰”的建议"
    assert brain.review_state == "adopted"
    assert brain.public_opinion is True
    assert brain.proposer_names == ["游进"]
    assert "南海舰队" in brain.getObject().implementation


def test_sixty_members_across_sectors_on_example_domains(members):
    entries = search(portal_type="CommitteeMember")
    assert len(entries) == 60
    assert len({b.sector for b in entries}) >= 20
    for brain in entries:
        assert brain.member_email.rsplit("@", 1)[1] in {
            "example.org",
            "example.com",
            "example.net",
        }


def test_invented_details_are_marked_as_demo_data(portal):
    for brain in search(
        portal_type=["Consultation", "Suggestion", "ConsultationProgramme"]
    ):
        assert (
            "演示数据" in brain.Description
            or brain.portal_type == "Suggestion"
            and "演示" in (brain.getObject().text or "")
        ), brain.getPath()


def test_history_is_dated_in_2018(programme):
    suggestion = programme["2018-06-28-bimonthly"]["s009"]
    years = {
        entry["time"].year()
        for entry in suggestion.workflow_history["suggestion_workflow"]
    }
    assert years <= {2018, 2019}


@pytest.mark.parametrize(
    "login,group", [("staff", "consultation-staff"), ("secretary", "secretariat")]
)
def test_demo_logins(portal, login, group):
    from plone import api

    assert login in [u.getId() for u in api.user.get_users(groupname=group)]


def test_member_login_is_linked(portal):
    brains = search(portal_type="CommitteeMember", member_userid="youjin")
    assert [b.Title for b in brains] == ["游进"]


def test_applying_the_demo_twice_changes_nothing(manager):
    from collective.consultation.demo.builder import build_demo_year

    build_demo_year(None)
    assert len(search(portal_type="Consultation")) == 32


def test_youjin_can_propose_to_the_consultation_still_to_come(session_as):
    """The tour's step: 游进 is invited to the scheduled consultation and proposes a
    suggestion there, becoming its proposer."""
    member = session_as("member")
    path = "/2018/2018-12-20-bimonthly"
    response = member.post(
        path,
        json={
            "@type": "Suggestion",
            "title": "关于古籍数字化的建议",
            "text": "建议建立古籍数字化平台。",
        },
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert [p["title"] for p in created["proposers"]] == ["游进"]
