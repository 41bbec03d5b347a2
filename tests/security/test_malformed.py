"""Malformed input answers 400 naming what is wrong, never 500, and stores nothing: the
cases a red-team pass found (parameters sent twice, bodies that are no JSON object,
values of the wrong type, paths that step outside the site)."""

from conftest import add_consultation
from helpers import future

import pytest
import transaction

HELD = "/2018/2018-10-30-bimonthly"


def count_consultations(session):
    return session.get(
        "/@search", params={"portal_type": "Consultation", "b_size": 1}
    ).json()["items_total"]


@pytest.mark.parametrize("query", ["b_size=-1", "b_start=abc", "b_size=abc"])
def test_search_batching(session_as, query):
    response = session_as("anonymous").get(f"/@search?{query}")
    assert response.status_code == 400, response.text
    assert query.split("=")[0] in response.json()["message"]


@pytest.mark.parametrize(
    "body, field",
    [
        ({"members": [{}]}, "members"),
        ({"members": [None]}, "members"),
        ({"members": "m01"}, "members"),
    ],
)
def test_duty_reminders(session_as, body, field):
    response = session_as("secretary").post(
        "/@duty-reminders", json=dict(body, year=2018)
    )
    assert response.status_code == 400, response.text
    assert response.json()["field"] == field


def test_admitting_a_path_outside_the_members(session_as):
    staff = session_as("staff")
    response = staff.post(f"{HELD}/@attendance", json={"admit": "../../members/m02"})
    assert response.status_code == 400, response.text
    assert response.json()["field"] == "admit"


class TestContentBodies:
    """plone.restapi's own content POST on our types (the add-on's deserializers)."""

    @pytest.mark.parametrize(
        "data, content_type",
        [
            ('{"@type": "Consultation", "title": "x", "start": 5}', "application/json"),
            (b'{"@type": "Consultation", "title": "\xff\xfe"}', "application/json"),
            ("@type=Consultation&title=x", "application/x-www-form-urlencoded"),
            ("[" * 100_000 + "]" * 100_000, "application/json"),
            ('{"@type": "Consultation", "title": "x', "application/json"),
        ],
        ids=["start-number", "not-utf8", "form-encoded", "deep", "truncated"],
    )
    def test_posts_that_cannot_be_read(self, session_as, data, content_type):
        staff = session_as("staff")
        before = count_consultations(staff)
        response = staff.post(
            "/2018", data=data, headers={"Content-Type": content_type}
        )
        assert response.status_code == 400, response.text[:500]
        named = response.json().get("field") or response.json()["message"]
        raw = data if isinstance(data, bytes) else data.encode()
        assert ("start" if b'"start"' in raw else "body") in str(named)
        assert count_consultations(staff) == before


class TestPagesWithAParameterTwice:
    """Plone's error page answers them (400); the message is in the log."""

    def test_the_handling_form(self, session_as):
        secretary = session_as("secretary", api=False)
        response = secretary.post(
            "/2018/2018-06-28-bimonthly/s009/@@handle?transition=refer",
            data={"transition": "refer"},
        )
        assert response.status_code == 400

    def test_the_suggestion_list(self, session_as):
        secretary = session_as("secretary", api=False)
        response = secretary.get("/@@suggestion-list?kind:list=a&kind:list=b")
        assert response.status_code == 400

    def test_an_invitation_answer_with_two_reasons(self, functional, session_as):
        from collective.consultation.calendar.rsvp import rsvp_link
        from plone.uuid.interfaces import IUUID

        staff = session_as("staff")
        url = add_consultation(
            staff,
            "请假事由测试协商会",
            future(5),
            future(5, hour=11),
            invitees=["/members/m01"],
            schedule=True,
        )
        transaction.begin()
        portal = functional["portal"]
        consultation = portal.unrestrictedTraverse(
            url.replace(portal.absolute_url() + "/", "")
        )
        link = rsvp_link(consultation, IUUID(portal["members"]["m01"]), "leave")
        transaction.commit()
        page, query = link.split("?")
        anonymous = session_as("anonymous", api=False)
        response = anonymous.post(
            f"{page}?{query}&reason=出差", data={"answer": "leave", "reason": "开会"}
        )
        assert response.status_code == 400
        answers = staff.get(f"{url}/@invitations").json()["items"]
        assert all(item["answer"] is None for item in answers)
