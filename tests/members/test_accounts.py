"""Members' logins made by the secretariat (@member-accounts): by mobile number or by the
directory's id, a one-time password shown once and to be changed at the first login;
members who have a login keep it; refused to everyone else; bad input names its field
and makes no login."""

from conftest import search

import pytest
import requests
import transaction


def post(session, body):
    return session.post("/@member-accounts", json=body)


def test_logins_for_a_sector_by_id(functional, secretary, portal_url):
    response = post(
        secretary, {"members": "without", "sector": "education", "login": "id"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["Cache-Control"] == "no-store"
    items = response.json()["items"]
    educators = search(portal_type="CommitteeMember", sector="education")
    assert {i["name"] for i in items} == {
        b.Title for b in educators if b.Title != "游进"
    }
    assert all(i["status"] == "created" and len(i["password"]) == 10 for i in items)
    first = items[0]
    # the member's entry names his login; the login works with the one-time password
    transaction.begin()
    member = functional["portal"]["members"][first["login"]]
    assert member.userid == first["login"]
    me = requests.get(
        f"{portal_url}/++api++/@users/{first['login']}",
        auth=(first["login"], first["password"]),
        headers={"Accept": "application/json"},
    )
    assert me.status_code == 200
    from plone import api

    user = api.user.get(username=first["login"])
    assert user.getProperty("must_change_password") is True
    assert "committee-members" in [g.id for g in api.group.get_groups(user=user)]
    # asked again: nothing new, no password shown again
    again = post(secretary, {"members": "all", "sector": "education", "login": "id"})
    assert {i["status"] for i in again.json()["items"]} == {"exists"}
    assert not any("password" in i for i in again.json()["items"])


def test_by_mobile_number(functional, secretary):
    assert (
        secretary.patch("/members/m02", json={"phone": "+86 139-0715-2233"}).status_code
        == 204
    )
    response = post(secretary, {"members": ["/members/m02", "/members/m03"]})
    by_name = {i["@id"].rsplit("/", 1)[1]: i for i in response.json()["items"]}
    assert by_name["m02"]["login"] == "13907152233"
    assert by_name["m02"]["status"] == "created"
    assert by_name["m03"]["status"] == "no-phone"  # a landline is no login


@pytest.mark.parametrize(
    "body,field",
    [
        ({"login": "email"}, "login"),
        ({"members": "some"}, "members"),
        ({"members": ["/members/nobody"]}, "members"),
        ({"members": ["/2018"]}, "members"),
        ({"sector": "astrology"}, "sector"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_input_names_the_field_and_makes_nothing(
    functional, secretary, body, field
):
    from plone import api

    response = post(secretary, body)
    assert response.status_code == 400
    assert field in response.text
    transaction.begin()
    assert api.user.get(username="m02") is None
    assert not functional["portal"]["members"]["m02"].userid


@pytest.mark.parametrize("who", ["anonymous", "member", "staff"])
def test_refused_to_all_but_the_secretariat(session_as, who):
    response = session_as(who).post("/@member-accounts", json={"login": "id"})
    assert response.status_code in (401, 403)
    assert "password" not in response.text


def test_the_directory_page_makes_logins_and_prints_notices(functional, portal_url):
    from conftest import browser_for
    from conftest import SECRETARY

    browser = browser_for(functional, *SECRETARY)
    browser.open(f"{portal_url}/members")
    browser.getLink(url="@@member-accounts").click()
    browser.getControl(name="sector").value = ["education"]
    browser.getControl(name="login").value = ["id"]
    browser.getControl(name="make").click()
    assert browser.headers["Cache-Control"] == "no-store"
    table = browser.contents.split('class="table table-sm listing member-accounts', 1)[
        1
    ]
    made = table.count('data-status="created"')
    assert made > 0
    assert browser.contents.count('class="login-notice"') == made
    transaction.begin()
    educators = search(portal_type="CommitteeMember", sector="education")
    assert all(b._unrestrictedGetObject().userid for b in educators)


def test_the_page_is_the_secretariats(functional, portal_url):
    from conftest import browser_for
    from conftest import STAFF
    from zExceptions import Unauthorized

    browser = browser_for(functional, *STAFF)
    browser.open(f"{portal_url}/members")
    assert "@@member-accounts" not in browser.contents
    with pytest.raises(Unauthorized):
        browser.open(f"{portal_url}/members/@@member-accounts")
