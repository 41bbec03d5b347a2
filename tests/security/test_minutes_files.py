"""Approved minutes name who attended, who was on leave and why, who was absent: the files
approve_minutes stores are read only by those who may read @minutes (staff, the
secretariat, the consultation's invitees), through every URL and in every state."""

from conftest import LOGINS

import pytest
import transaction

WATER = "/2018/2018-06-28-bimonthly"  # minuted; 游进 is not invited, "invitee" is
READERS = {"invitee", "staff", "secretary", "manager"}


@pytest.fixture
def stored(functional):
    consultation = functional["portal"]["2018"]["2018-06-28-bimonthly"]
    files = [o for o in consultation.objectValues() if o.portal_type == "MinutesFile"]
    assert files, "the demo year approved these minutes"
    return f"{WATER}/{files[0].getId()}"


URLS = [
    "{file}/@@download/file",
    "{file}/@@display-file/file",
    "{file}",
    "{file}/view",
    "{file}/file_view",
]


@pytest.mark.parametrize("who", sorted(LOGINS))
@pytest.mark.parametrize("url", URLS)
def test_classic_urls(session_as, stored, who, url):
    response = session_as(who, api=False).get(
        url.format(file=stored), allow_redirects=False
    )
    if who in READERS:
        assert response.status_code == 200
    else:  # a browser is sent to Plone's login page, never given the file
        assert_sent_to_login(response)


def assert_sent_to_login(response):
    assert response.status_code == 302
    assert "require_login" in response.headers["Location"]
    assert b"PK" not in response.content[:2]


@pytest.mark.parametrize("who", sorted(LOGINS))
def test_rest_and_search(session_as, stored, who):
    session = session_as(who)
    response = session.get(stored)
    found = session.get(
        "/@search", params={"portal_type": "MinutesFile", "path": f"/plone{WATER}"}
    ).json()
    listed = session.get(f"{WATER}?expand=items").json() if who != "anonymous" else {}
    if who in READERS:
        assert response.status_code == 200
        assert response.json()["file"]["download"]
        assert found["items_total"] >= 1
    else:
        assert response.status_code == 401
        assert found["items_total"] == 0
        types = [i["@type"] for i in listed.get("items", [])]
        assert "MinutesFile" not in types


def test_the_catalog_hides_them_from_visitors(functional):
    from plone import api
    from plone.app.testing import logout

    logout()
    catalog = api.portal.get_tool("portal_catalog")
    assert len(catalog(portal_type="MinutesFile")) == 0
    assert len(catalog.unrestrictedSearchResults(portal_type="MinutesFile")) >= 1


@pytest.mark.parametrize("state", ["scheduled", "held", "minuted", "cancelled"])
def test_in_every_state_of_the_consultation(functional, session_as, state):
    """A copy stored while the consultation is in any state stays private."""
    from collective.consultation.minutes.snapshot import store_snapshot
    from plone import api
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID

    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    youjin = portal["members"]["m01"].UID()
    brains = sorted(
        api.content.find(portal_type="Consultation", review_state=state),
        key=lambda brain: youjin in (brain.invitees or ()),
    )
    consultation = brains[0].getObject()
    invited = youjin in (brains[0].invitees or ())
    snapshot = store_snapshot(consultation)
    transaction.commit()
    path = "/".join(snapshot.getPhysicalPath()[2:])
    assert_sent_to_login(
        session_as("anonymous", api=False).get(
            f"/{path}/@@download/file", allow_redirects=False
        )
    )
    assert session_as("member").get(f"/{path}").status_code == (200 if invited else 401)
    assert session_as("staff").get(f"/{path}").status_code == 200


def test_nobody_adds_or_edits_them_by_hand(session_as, stored):
    staff = session_as("staff")
    assert staff.patch(stored, json={"title": "改动"}).status_code == 401
    response = staff.post(
        WATER,
        json={"@type": "MinutesFile", "title": "x"},
    )
    assert response.status_code in (400, 403)
    assert "MinutesFile" not in [
        i["@type"]
        for i in staff.get(f"{WATER}?expand=items").json()["items"]
        if i["title"] == "x"
    ]


def test_the_upgrade_protects_minutes_stored_as_plain_files(functional, session_as):
    """Sites from before 1001 kept approved minutes as Files: the upgrade step turns them
    into MinutesFile, and the visitor who could download them no longer can."""
    from collective.consultation.minutes.snapshot import DOCX
    from collective.consultation.upgrades.v1001 import protect_stored_minutes
    from plone import api
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.namedfile.file import NamedBlobFile

    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    consultation = portal["2018"]["2018-06-28-bimonthly"]
    old = api.content.create(
        container=consultation,
        type="File",
        id="minutes-20181231-120000",
        title="旧纪要",
        file=NamedBlobFile(b"PK old", contentType=DOCX, filename="m.docx"),
    )
    other = api.content.create(
        container=consultation,
        type="File",
        id="site-visit-photos",
        title="议程",
        file=NamedBlobFile(b"agenda", contentType="application/pdf", filename="a.pdf"),
    )
    transaction.commit()
    url = f"{WATER}/minutes-20181231-120000/@@download/file"
    anonymous = session_as("anonymous", api=False)
    assert anonymous.get(url, allow_redirects=False).content == b"PK old"  # the leak

    protect_stored_minutes(portal.portal_setup)
    transaction.commit()
    assert old.portal_type == "MinutesFile"
    assert api.content.get_state(old) == "approved"
    assert other.portal_type == "File"  # staff's own files are left alone
    assert_sent_to_login(anonymous.get(url, allow_redirects=False))
    assert session_as("invitee", api=False).get(url).content == b"PK old"


def test_the_upgrade_step_is_registered(functional):
    from Products.GenericSetup.upgrade import listUpgradeSteps

    setup = functional["portal"].portal_setup
    steps = listUpgradeSteps(setup, "collective.consultation:default", "1000")
    assert steps and any("1001" in str(step) for step in steps)
