"""A refusal answers 400 in the site's language and names the field, whichever service
refuses: the core raises errors.FieldError (or a step's StepError) and one error view
answers it (services/errors.py)."""

import pytest

SUGGESTION = "/2018/2018-06-28-bimonthly/s009"


def refusal(response):
    assert response.status_code == 400
    body = response.json()
    assert body["type"] == "BadRequest"
    return body["field"], body["message"]


def test_english_site(session_as):
    staff = session_as("secretary")
    assert refusal(staff.get("/@consultation-stats?year=abc")) == (
        "year",
        "year: 'abc' is not a year.",
    )
    assert refusal(staff.get("/@consultation-stats?period=2018")) == (
        "period",
        "period: not a parameter here; use year.",
    )


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize(
    "who, method, path, body, expected",
    [
        (
            "secretary",
            "get",
            "/@consultation-stats?year=abc",
            None,
            ("year", "year: “abc”不是年份。"),
        ),
        (
            "secretary",
            "get",
            "/@adoption-report?year=2018&kind=party",
            None,
            ("kind", "kind: “party”不在可选值之列："),
        ),
        (
            "secretary",
            "get",
            "/@duty-scores?year=2018&term=5",
            None,
            ("term", "term: 请给出年度或届次，不能同时给出。"),
        ),
        (
            "staff",
            "post",
            "/2018/2018-06-28-bimonthly/@invitations",
            [1, 2],
            ("body", "body: 请求正文应为JSON对象。"),
        ),
    ],
)
def test_chinese_site(session_as, who, method, path, body, expected):
    session = session_as(who)
    response = getattr(session, method)(
        path, **({} if body is None else {"json": body})
    )
    field, message = refusal(response)
    assert field == expected[0]
    assert message.startswith(expected[1])


@pytest.mark.usefixtures("chinese")
def test_a_wrong_status_in_chinese(session_as):
    staff = session_as("staff")
    path = "/2018/2018-06-28-bimonthly/@attendance"
    invited = staff.get(path).json()["items"][0]["member"]
    response = staff.patch(
        path, json={"attendance": [{"member": invited, "status": "maybe"}]}
    )
    field, message = refusal(response)
    assert field == "status"
    assert message.startswith("status: “maybe”不在可选值之列：present, leave, absent")


@pytest.mark.usefixtures("chinese")
def test_a_step_refused_in_chinese(session_as):
    secretary = session_as("secretary")
    response = secretary.post(f"{SUGGESTION}/@handling/adopt", json={})
    field, message = refusal(response)
    assert field == "transition"
    assert message == "adopt: transition: 建议处于“已采纳”状态时不能进行此步骤。"


@pytest.mark.usefixtures("chinese")
def test_import_problems_in_chinese(session_as):
    from helpers import HEADER
    from helpers import post
    from helpers import xlsx

    row = ["关于加强水源地巡查的建议", "", "", "查无此人", "", "", "明年"]
    response = post(session_as("secretary"), xlsx([row]), "建议.xlsx", dry_run=True)
    assert response.status_code == 200
    problems = {p["column"]: p["message"] for p in response.json()["problems"]}
    assert problems[HEADER[3]] == "“查无此人”不在委员名录中。"
    assert problems[HEADER[6]].startswith("“明年”不是日期")
