from collective.consultation.testing import FUNCTIONAL_TESTING
from collective.consultation.testing import INTEGRATION_TESTING
from collective.consultation.testing import INVITEE
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from pytest_plone import fixtures_factory

import pytest
import transaction

pytest_plugins = ["pytest_plone", "browser.chromium"]

globals().update(
    fixtures_factory(
        (
            (INTEGRATION_TESTING, "integration"),
            (FUNCTIONAL_TESTING, "functional"),
        )
    )
)

# Demo logins made by the demo profile, and their passwords.
STAFF = ("staff", "staff-2018")
SECRETARY = ("secretary", "secretary-2018")
MEMBER = ("youjin", "youjin-2018")  # linked to the member 游进


@pytest.fixture(scope="session")
def package_name() -> str:
    return "collective.consultation"


@pytest.fixture
def manager(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    yield portal
    setRoles(portal, TEST_USER_ID, ["Member"])


@pytest.fixture
def as_user(portal):
    """Switch the security context to a demo login (or None for anonymous)."""

    def switch(userid):
        if userid is None:
            logout()
        else:
            login(portal, userid)

    yield switch
    login(portal, TEST_USER_NAME)


@pytest.fixture
def programme(portal):
    return portal["2018"]


@pytest.fixture
def members(portal):
    return portal["members"]


@pytest.fixture
def consultation_data():
    """What a valid consultation needs, for the API and scripts."""
    from datetime import datetime

    import pytz

    tz = pytz.timezone("Asia/Shanghai")
    return {
        "title": "测试协商会",
        "kind": "topical",
        "start": tz.localize(datetime(2018, 12, 27, 9, 0)),
        "end": tz.localize(datetime(2018, 12, 27, 11, 30)),
        "location": "市政协机关三楼会议室",
    }


@pytest.fixture
def staff(request_factory):
    """A REST session (++api++) as the demo committee staff login."""
    return request_factory(basic_auth=STAFF)


@pytest.fixture
def secretary(request_factory):
    return request_factory(basic_auth=SECRETARY)


@pytest.fixture
def member(request_factory):
    return request_factory(basic_auth=MEMBER)


@pytest.fixture
def invitee(request_factory):
    """A member invited to the drinking-water consultation (not 游进)."""
    return request_factory(basic_auth=INVITEE)


LOGINS = {
    "anonymous": None,
    "member": MEMBER,  # 游进: a member, not invited to the drinking-water consultation
    "invitee": INVITEE,  # invited to it
    "staff": STAFF,
    "secretary": SECRETARY,
    "manager": (SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
}


@pytest.fixture
def session_as(request_factory):
    """``session_as("invitee", api=False)``: an HTTP session for one of LOGINS."""

    def make(who, api=True):
        login = LOGINS[who]
        if login is None:
            session = request_factory(role="Anonymous", api=api)
        else:
            session = request_factory(basic_auth=login, api=api)
        if not api:
            session.headers["Accept"] = "text/html"  # the Classic UI's pages
        return session

    return make


@pytest.fixture
def chinese(functional):
    """The site in Chinese, as the committee runs it (the test site is in English)."""
    functional["portal"].portal_registry["plone.default_language"] = "zh-cn"
    transaction.commit()


@pytest.fixture
def smtp(functional):
    """The test SMTP server, emptied; reading its messages runs the mail worker first."""
    from collective.consultation.testing import MailSink

    sink = MailSink(functional)
    sink.clear()
    return sink


@pytest.fixture
def portal_url(functional):
    return functional["portal"].absolute_url()


def browser_for(functional, login=SITE_OWNER_NAME, password=SITE_OWNER_PASSWORD):
    """A zope.testbrowser on the functional layer, logged in with basic auth."""
    from plone.testing.zope import Browser

    browser = Browser(functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {login}:{password}")
    return browser


def search(**query):
    """Catalog search that ignores security (for asserting what is stored)."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(**query)


def add_consultation(
    session, title, start, end, invitees=(), kind="topical", schedule=False, **fields
):
    """A consultation in the 2018 programme through REST, scheduled if asked; its URL."""
    body = {"@type": "Consultation", "title": title, "kind": kind, "start": start}
    body.update(end=end, **fields)
    if invitees:
        body["invitees"] = list(invitees)
    response = session.post("/2018", json=body)
    assert response.status_code == 201, response.text
    url = response.json()["@id"].replace("/++api++", "")
    if schedule:
        assert session.post(f"{url}/@workflow/schedule").status_code == 200
    return url


@pytest.fixture(autouse=True)
def _fresh_login_guard():
    """Wrong passwords one test sends do not lock the logins the next one uses."""
    from collective.consultation.members import loginguard

    loginguard._failures.clear()
