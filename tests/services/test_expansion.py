"""The item's summaries as @components: named on every GET, expanded with ?expand=, the
same as their own service answers, and only for those that service lets in."""

import pytest

CONSULTATION = "/2018/2018-06-28-bimonthly"
SUGGESTION = f"{CONSULTATION}/s009"


def components(session, path, expand=()):
    query = f"?expand={','.join(expand)}" if expand else ""
    response = session.get(f"{path}{query}")
    assert response.status_code == 200
    return response.json()["@components"]


@pytest.mark.parametrize(
    "path, names",
    [
        (CONSULTATION, ("invitations", "attendance", "speeches", "materials")),
        (SUGGESTION, ("evaluation", "handling", "merge")),
    ],
)
def test_staff_expand_what_the_services_answer(session_as, path, names):
    staff = session_as("staff")
    named = components(staff, path)
    for name in names:
        assert set(named[name]) == {"@id"}  # not expanded: the link only
        assert named[name]["@id"].endswith(f"{path}/@{name}")
    expanded = components(staff, path, names)
    for name in names:
        own = staff.get(f"{path}/@{name}").json()
        got = dict(expanded[name])
        assert got.pop("@id").endswith(f"{path}/@{name}")
        own.pop("@id", None)
        assert got == own
        assert own  # the summary has content, not only its link


@pytest.mark.parametrize("who", ["anonymous", "member", "invitee"])
def test_staff_summaries_stay_with_staff(session_as, who):
    found = components(session_as(who), CONSULTATION, ("invitations", "attendance"))
    assert "invitations" not in found
    assert "attendance" not in found
    assert "workflow" in found  # plone.restapi's own components are still there


def test_a_member_expands_what_they_may_read(session_as):
    member = session_as("member")
    found = components(member, CONSULTATION, ("speeches", "materials"))
    own = member.get(f"{CONSULTATION}/@speeches").json()
    own.pop("@id", None)
    got = dict(found["speeches"])
    got.pop("@id")
    assert got == own
