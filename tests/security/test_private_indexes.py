"""Private indexes (who was invited, who proposed, logins, feed tokens) answer queries only
from those who may read that data: staff, the secretariat and managers, and each member
about themselves. Everybody else is refused (400 naming the index) over REST and finds
nothing on Classic pages: in @search, @querystring-search, collections, @@search and
@@getVocabulary, by value, by range and by sorting (searchguard.py)."""

from conftest import LOGINS
from plone import api

import json
import pytest
import transaction

WATER = ("2018", "2018-06-28-bimonthly")  # published; its invitees are private
PRIVILEGED = {"staff", "secretary", "manager"}
ANY = "plone.app.querystring.operation.selection.any"


@pytest.fixture
def known(functional):
    """UIDs the queries ask about: another member invited to the drinking-water
    consultation and another proposer (neither the 'invitee' login's member nor 游进, the
    'member' login), and those two logins' own members."""
    portal = functional["portal"]
    water = portal[WATER[0]][WATER[1]]
    own = {m.userid: m.UID() for m in portal["members"].objectValues() if m.userid}
    mine = set(own.values())
    other = next(
        r.to_object.UID() for r in water.invitees if r.to_object.UID() not in mine
    )
    proposer = next(
        r.to_object.UID()
        for r in water["s013"].proposers
        if r.to_object.UID() not in mine
    )
    return {
        "water": water.UID(),
        "invitee": other,
        "proposer": proposer,
        "youjin": own["youjin"],
        "own invitee": own["invitee"],
    }


def refused(response, index):
    assert response.status_code == 400, response.text
    assert response.json()["field"] == index
    return True


QUERIES = {
    # each: (the index, @search params asking about somebody, what staff then find)
    "invitees": lambda k: {"portal_type": "Consultation", "invitees": k["invitee"]},
    "invitees range": lambda k: {
        "portal_type": "Consultation",
        "invitees.query:list": ["0", "z"],
        "invitees.range": "min:max",
    },
    "proposers": lambda k: {"portal_type": "Suggestion", "proposers": k["proposer"]},
    "member_userid": lambda k: {"member_userid": "invitee"},
    "Creator": lambda k: {"portal_type": "Suggestion", "Creator": "youjin"},
    "feed_token_hash": lambda k: {"feed_token_hash": "0" * 64},
}


# the queries above that ask about the login's own member: allowed
OWN = {("invitee", "member_userid"), ("member", "Creator")}


@pytest.mark.parametrize("who", sorted(LOGINS))
@pytest.mark.parametrize("case", sorted(QUERIES))
def test_search_on_a_private_index(session_as, known, who, case):
    index = case.split()[0]
    response = session_as(who).get("/@search", params=QUERIES[case](known))
    if who in PRIVILEGED:
        assert response.status_code == 200, response.text
        if index in ("invitees", "proposers"):
            assert response.json()["items_total"] > 0
    elif (who, case) in OWN:
        assert response.status_code == 200, response.text
    else:
        assert refused(response, index)


def test_the_bisecting_attack_learns_nothing(session_as, known):
    """The attack the red team ran: bisect UIDs with ranges until one consultation is
    left; anonymous now gets the same 400 for every step."""
    session = session_as("anonymous")
    for low, high in (("0", "8"), ("0", "4"), ("4", "8"), (known["invitee"], "z")):
        response = session.get(
            "/@search",
            params={
                "portal_type": "Consultation",
                "invitees.query:list": [low, high],
                "invitees.range": "min:max",
            },
        )
        assert refused(response, "invitees")


def test_a_member_searches_for_himself(session_as, known):
    session = session_as("member")
    own = session.get(
        "/@search", params={"portal_type": "Suggestion", "proposers": known["youjin"]}
    )
    assert own.status_code == 200
    assert own.json()["items_total"] > 0
    both = session.get(
        "/@search",
        params={"proposers": [known["youjin"], known["proposer"]]},
    )
    assert refused(both, "proposers")  # himself and somebody else: not his alone
    invited = session_as("invitee").get(
        "/@search",
        params={"portal_type": "Consultation", "invitees": known["own invitee"]},
    )
    assert invited.status_code == 200
    assert any(i["@id"].endswith("/".join(WATER)) for i in invited.json()["items"])


@pytest.mark.parametrize("who", sorted(LOGINS))
def test_sorting_on_a_private_index(session_as, who):
    response = session_as(who).get(
        "/@search", params={"portal_type": "Consultation", "sort_on": "member_userid"}
    )
    if who in PRIVILEGED:
        assert response.status_code == 200
    else:
        assert refused(response, "member_userid")


@pytest.mark.parametrize("who", sorted(LOGINS))
def test_querystring_search(session_as, known, who):
    response = session_as(who).post(
        "/@querystring-search",
        json={
            "query": [
                {"i": "portal_type", "o": ANY, "v": ["Consultation"]},
                {"i": "invitees", "o": ANY, "v": [known["invitee"]]},
            ]
        },
    )
    if who in PRIVILEGED:
        assert response.status_code == 200
        assert response.json()["items_total"] > 0
    else:
        assert refused(response, "invitees")


@pytest.mark.parametrize("who", sorted(LOGINS))
def test_the_vocabulary_view_finds_nothing(session_as, known, who):
    response = session_as(who, api=False).get(
        "/@@getVocabulary",
        params={
            "name": "plone.app.vocabularies.Catalog",
            "query": json.dumps(
                {
                    "criteria": [
                        {"i": "portal_type", "o": ANY, "v": ["Consultation"]},
                        {"i": "invitees", "o": ANY, "v": [known["invitee"]]},
                    ]
                }
            ),
            "attributes": json.dumps(["UID", "Title"]),
            "batch": json.dumps({"page": 1, "size": 50}),
        },
    )
    assert response.status_code == 200
    found = {r["UID"] for r in response.json()["results"]}
    if who in PRIVILEGED:
        assert known["water"] in found
    else:
        assert found == set()


@pytest.mark.parametrize("who", sorted(LOGINS))
def test_the_classic_search_page_finds_nothing(session_as, known, who):
    response = session_as(who, api=False).get(
        "/@@search",
        params={"portal_type": "Consultation", "invitees": known["invitee"]},
    )
    assert response.status_code == 200
    listed = "幕阜山片区农村安全饮水双月协商会" in response.text
    assert listed == (who in PRIVILEGED)


@pytest.fixture
def collection(functional, known):
    """A collection staff made of one member's invitations, published."""
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        made = api.content.create(
            container=portal,
            type="Collection",
            id="invited-collection",
            title="某委员受邀的协商",
            query=[
                {"i": "portal_type", "o": ANY, "v": ["Consultation"]},
                {"i": "invitees", "o": ANY, "v": [known["invitee"]]},
            ],
        )
        api.content.transition(made, to_state="published")
    transaction.commit()
    yield "/invited-collection"
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(portal["invited-collection"])
    transaction.commit()


@pytest.mark.parametrize("who", sorted(LOGINS))
def test_a_collection_on_a_private_index(session_as, collection, who):
    page = session_as(who, api=False).get(collection)
    assert page.status_code == 200
    assert ("幕阜山片区农村安全饮水双月协商会" in page.text) == (who in PRIVILEGED)
    rest = session_as(who).get(collection)
    if who in PRIVILEGED:
        assert rest.status_code == 200
        assert rest.json()["items_total"] > 0
    else:
        assert refused(rest, "invitees")
