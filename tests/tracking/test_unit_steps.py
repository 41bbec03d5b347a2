"""While a suggestion is referred, the secretariat changes its units (变更承办单位) and
reminds its unit (催办) as steps: each is told by mail (the test layer's SMTP server),
recorded in the history with its reason, refused with the field named when its data is
wrong; the units are no longer a free-text edit once referred."""

from email.utils import getaddresses
from helpers import mails
from helpers import REFERRAL
from test_tracking import smtp  # noqa: F401 - a fixture
from test_tracking import submitted  # noqa: F401 - a fixture

import pytest
import re

HEALTH = "市卫生健康委员会"
WATER = "市水利和湖泊局"


@pytest.fixture
def referred(secretary, submitted, smtp):  # noqa: F811 - fixtures
    response = secretary.post(f"{submitted}/@handling/refer", json=REFERRAL)
    assert response.status_code == 200, response.text
    assert len(mails(smtp)) == 1
    smtp.clear()
    return submitted


def history(session, url):
    return session.get(f"{url}/@history").json()


def test_a_change_of_units_tells_the_new_and_the_leaving_units(
    secretary, referred, smtp  # noqa: F811 - fixtures
):
    response = secretary.post(
        f"{referred}/@handling/reassign",
        json={
            "lead_unit": HEALTH,
            "assisting_units": [],
            "deadline": "2030-04-30",
            "comment": "职能调整，改由卫健委主办",
        },
    )
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "referred"
    by_subject = {mail["Subject"]: mail for mail in mails(smtp)}
    new = by_subject["交办通知（变更承办单位）：关于建设农村饮水安全监测平台的建议"]
    assert [name for name, _ in getaddresses(new.get_all("To"))] == [HEALTH]
    assert "2030年4月30日" in new.get_body(("plain",)).get_content()
    leaving = by_subject["不再由贵单位办理：关于建设农村饮水安全监测平台的建议"]
    assert [name for name, _ in getaddresses(leaving.get_all("To"))] == [WATER]
    assert f"现由{HEALTH}主办" in leaving.get_body(("plain",)).get_content()
    suggestion = secretary.get(referred).json()
    assert suggestion["lead_unit"] == HEALTH and suggestion["assisting_units"] == []
    entry = [e for e in history(secretary, referred) if e.get("action") == "reassign"]
    assert len(entry) == 1
    assert entry[0]["comments"] == (
        f"{WATER}（协办：{HEALTH}） → {HEALTH}：职能调整，改由卫健委主办"
    )
    purposes = [
        n["purpose"] for n in secretary.get(f"{referred}/@handling").json()["notices"]
    ]
    assert purposes.count("reassign") == 1 and purposes.count("released") == 1


@pytest.mark.parametrize(
    "body,field",
    [
        (
            {"lead_unit": WATER, "assisting_units": [HEALTH], "comment": "同前"},
            "lead_unit",
        ),
        ({"lead_unit": "不存在的局", "comment": "改"}, "lead_unit"),
        ({"lead_unit": HEALTH}, "comment"),
    ],
)
def test_a_change_of_units_refused_names_the_field(
    secretary, referred, smtp, body, field  # noqa: F811 - fixtures
):
    response = secretary.post(f"{referred}/@handling/reassign", json=body)
    assert response.status_code == 400
    assert field in response.text
    assert secretary.get(referred).json()["lead_unit"] == WATER
    assert mails(smtp) == []


def test_a_reminder_of_one_suggestion(secretary, referred, smtp):  # noqa: F811
    response = secretary.post(
        f"{referred}/@handling/remind", json={"comment": "请于本周内报送答复"}
    )
    assert response.status_code == 200, response.text
    (mail,) = mails(smtp)
    assert mail["Subject"] == "催办通知：关于建设农村饮水安全监测平台的建议"
    assert [name for name, _ in getaddresses(mail.get_all("To"))] == [WATER]
    text = mail.get_body(("plain",)).get_content()
    assert "办理时限为 2030年3月31日" in text and "请于本周内报送答复" in text
    steps = [e.get("action") for e in history(secretary, referred)]
    assert steps[0] == "remind"  # newest first
    assert secretary.get(referred).json()["review_state"] == "referred"


@pytest.mark.parametrize("step", ["reassign", "remind"])
def test_only_the_secretariat_and_only_while_referred(
    staff, member, secretary, submitted, step  # noqa: F811 - fixtures
):
    assert secretary.post(f"{submitted}/@handling/{step}", json={}).status_code == 400
    secretary.post(f"{submitted}/@handling/refer", json=REFERRAL)
    assert staff.post(f"{submitted}/@handling/{step}", json={}).status_code == 401
    assert member.post(f"{submitted}/@handling/{step}", json={}).status_code == 401


def test_the_units_are_not_edited_once_referred(secretary, referred):
    response = secretary.patch(referred, json={"lead_unit": HEALTH})
    assert response.status_code == 400
    assert "lead_unit" in response.text and "reassign" in response.text
    # sending back what is there passes (a client's round trip)
    same = {"lead_unit": WATER, "assisting_units": [HEALTH], "title": "新标题"}
    assert secretary.patch(referred, json=same).status_code == 204


def test_the_units_are_shown_not_edited_on_the_edit_form(session_as, referred):
    html = session_as("secretary", api=False).get(f"{referred}/edit").text
    for name in ("lead_unit", "assisting_units"):
        assert not re.search(
            rf'<(input|select|textarea)[^>]*name="form\.widgets\.{name}', html
        )
        assert f"fieldname-form.widgets.{name} widget-mode-display" in html
    assert WATER in html
