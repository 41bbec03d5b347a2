"""Roles stay with the office: a member owns the suggestions and speeches he files and is a
proposer or invitee of others, but none of that lets him hand out local roles (@sharing):
not Editor to himself after submitting, not Reader to a member who was not invited."""

from conftest import LOGINS
from plone import api

import pytest
import transaction

HELD = "/2018/2018-10-30-bimonthly"  # 游进 is invited: he may propose there
ITEMS = {
    "Suggestion": "/2018/sqmy01",  # 游进's public-opinion item
    "submitted Suggestion": "/2018/2018-10-30-bimonthly/s020",
    "Consultation": "/2018/2018-06-28-bimonthly",
    "Speech": "/2018/2018-06-28-bimonthly/speech-1",
    "MeetingMaterial": "/2018/2018-06-28-bimonthly/material-agenda",
    "ConsultationProgramme": "/2018",
    "CommitteeMember": "/members/m01",  # 游进's own entry
    "HandlingUnit": "/units/u01",
}
OFFICE = {"staff", "secretary", "manager"}
SHARING = (
    "Change local roles",
    "Sharing page: Delegate roles",
    "Sharing page: Delegate Reader role",
    "Sharing page: Delegate Editor role",
    "Sharing page: Delegate Contributor role",
    "Sharing page: Delegate Reviewer role",
)


@pytest.fixture
def own_suggestion(session_as, functional):
    """A suggestion 游进 files himself at a consultation he is invited to: he owns it."""
    created = session_as("member").post(
        HELD, json={"@type": "Suggestion", "title": "关于共享测试的建议"}
    )
    assert created.status_code == 201, created.text
    transaction.begin()
    portal = functional["portal"]
    path = created.json()["@id"].replace("/++api++", "")[len(portal.absolute_url()) :]
    item = portal.unrestrictedTraverse(path.lstrip("/"))
    assert item.getOwner().getId() == "youjin"
    yield path
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(item)
    transaction.commit()


@pytest.mark.parametrize("login", ["youjin", "invitee"])
@pytest.mark.parametrize("kind", sorted(ITEMS))
def test_members_have_no_sharing_permission(functional, login, kind):
    item = functional["portal"].unrestrictedTraverse(ITEMS[kind].lstrip("/"))
    for permission in SHARING:
        assert not api.user.has_permission(
            permission, username=login, obj=item
        ), permission


@pytest.mark.parametrize("kind", sorted(ITEMS))
def test_the_office_keeps_them(functional, kind):
    item = functional["portal"].unrestrictedTraverse(ITEMS[kind].lstrip("/"))
    for login in ("staff", "secretary"):
        assert api.user.has_permission("Change local roles", username=login, obj=item)


@pytest.mark.parametrize("who", sorted(LOGINS))
def test_the_sharing_service(session_as, own_suggestion, who):
    response = session_as(who).get(f"{own_suggestion}/@sharing")
    # his draft: the owner sees it but may not share it; others do not see it at all
    expected = 200 if who in OFFICE else 403 if who == "member" else 401
    assert response.status_code == expected


def test_the_owner_cannot_make_himself_editor_or_share_with_another(
    session_as, functional, own_suggestion
):
    portal = functional["portal"]

    def local_roles():
        transaction.begin()  # read what the server committed
        item = portal.unrestrictedTraverse(own_suggestion.lstrip("/"))
        return dict(item.get_local_roles())

    before = local_roles()
    session = session_as("member")
    for principal, role in (("youjin", "Editor"), ("invitee", "Reader")):
        response = session.post(
            f"{own_suggestion}/@sharing",
            json={
                "entries": [{"id": principal, "type": "user", "roles": {role: True}}]
            },
        )
        assert response.status_code == 403, response.text
    after = local_roles()
    assert after == before
    assert "Editor" not in after.get("youjin", ())
    assert "invitee" not in after
