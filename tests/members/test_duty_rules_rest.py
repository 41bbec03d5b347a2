"""The duty-evaluation rules through REST (@duty-rules), as the rules page keeps them:
read for a year, a new version saved from a year on, every value checked first."""

import pytest


@pytest.fixture
def secretary(session_as):
    return session_as("secretary")


def rule(data, rule_id):
    return next(r for r in data["rules"] if r["id"] == rule_id)


def test_the_year_s_rules(secretary):
    data = secretary.get("/@duty-rules?year=2018").json()
    assert data["year"] == 2018
    assert data["version"] == 2018  # the demo keeps the defaults for 2018
    assert len(data["rules"]) == 13
    assert rule(data, "absent")["title"] == "Absent without leave"
    assert isinstance(data["minimum"], int)


def test_a_new_version_holds_from_its_year(secretary):
    before = secretary.get("/@duty-rules?year=2018").json()
    absent = rule(before, "absent")["points"]
    response = secretary.patch(
        "/@duty-rules",
        json={"year": 2019, "points": {"absent": absent - 1}, "note": "2019年细则"},
    )
    assert response.status_code == 200
    assert rule(response.json(), "absent")["points"] == absent - 1
    later = secretary.get("/@duty-rules?year=2020").json()
    assert later["version"] == 2019
    assert rule(later, "absent")["points"] == absent - 1
    assert later["note"] == "2019年细则"
    # the rest as it held, and 2018 untouched
    assert later["minimum"] == before["minimum"]
    assert rule(later, "speech") == rule(before, "speech")
    assert secretary.get("/@duty-rules?year=2018").json() == before


def test_a_cap_set_to_null_is_no_cap(secretary):
    capped = [
        r for r in secretary.get("/@duty-rules?year=2018").json()["rules"] if r["cap"]
    ]
    assert capped
    name = capped[0]["id"]
    response = secretary.patch(
        "/@duty-rules", json={"year": 2019, "caps": {name: None}}
    )
    assert response.status_code == 200
    assert rule(response.json(), name)["cap"] is None


@pytest.mark.parametrize(
    "body, field",
    [
        ({"year": 2019, "points": {"absent": "x"}}, "points.absent"),
        ({"year": 2019, "points": {"flying": 3}}, "flying"),
        ({"year": 2019, "review_day": "13-45"}, "review_day"),
        ({"year": 2019, "review_day": "02-30"}, "review_day"),
        ({"year": 2019, "review_day": "02-29"}, "review_day"),  # not in 2019
        ({"year": 2019, "review_day": "04-31"}, "review_day"),
        ({"year": 2019, "caps": {"suggestion": -1}}, "cap.suggestion"),
        ({"year": 2019, "caps": {"absent": 5}}, "cap.absent"),
        (
            {"year": 2019, "points": {"present": -2}, "caps": {"present": 4}},
            "cap.present",
        ),
        ({"year": 2019, "absences": 0}, "absences"),
        ({"year": "next", "minimum": 3}, "year"),
        ({"year": 2019, "colour": "red"}, "colour"),
        ({"year": 2019, "caps": [1]}, "caps"),
    ],
)
def test_wrong_values_are_refused_and_nothing_is_kept(secretary, body, field):
    response = secretary.patch("/@duty-rules", json=body)
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert secretary.get("/@duty-rules?year=2019").json()["version"] == 2018


def test_a_review_day_kept_before_days_were_checked_still_opens(
    functional, secretary, session_as
):
    """A site whose rules hold 02-30 (saved before the check): the year's reminders and
    rules page answer, the day falls on the month's end, and the page mends it."""
    from collective.consultation.members import scoring
    from plone import api
    from zope.annotation.interfaces import IAnnotations

    import transaction

    store = IAnnotations(functional["portal"])[scoring.KEY]
    version = dict(store[2018])
    store[2019] = dict(version, review_day="02-30")
    transaction.commit()
    try:
        assert secretary.get("/@duty-reminders?year=2020").status_code == 200
        page = session_as("secretary", api=False).get("/@@duty-rules?year=2020")
        assert page.status_code == 200
        from collective.consultation.members.talks import review_date

        with api.env.adopt_roles(["Manager"]):
            rules = scoring.rules_for(2021)
        assert str(review_date(2021, rules)) == "2021-02-28"
        mended = secretary.patch(
            "/@duty-rules", json={"year": 2019, "review_day": "02-28"}
        )
        assert mended.status_code == 200
        assert mended.json()["review_day"] == "02-28"
    finally:
        transaction.begin()
        store.pop(2019, None)
        transaction.commit()
