"""Every REST endpoint and page of the add-on, asked by every role; the answer must be the
one this table gives (docs/explanation/roles.md says the same in words).

Roles: a visitor; 游进, a member (invited to the 2018-10-30 consultation, proposer of the
public-opinion item sqmy01, not invited to the drinking-water consultation); a member
invited to the drinking-water consultation; committee staff; the secretariat; a site
manager. Write requests carry bodies that stop short of changing anything for those who
may make them (400), so every role meets the same data."""

import pytest

ROLES = ("anonymous", "member", "invitee", "staff", "secretary", "manager")
WATER = "/2018/2018-06-28-bimonthly"  # minuted
HELD = "/2018/2018-10-30-bimonthly"  # held; 游进 is invited
DRAFT = "/2018/2018-12-06-online"  # a draft consultation
SUBMITTED = f"{HELD}/s020"
PUBLIC = "/2018/sqmy01"  # adopted public-opinion item by 游进
TOKEN = "@calendar-feed/{token}"


def codes(*values):
    """Expected status per role, in ROLES order."""
    assert len(values) == len(ROLES)
    return dict(zip(ROLES, values))


EVERYONE = codes(200, 200, 200, 200, 200, 200)
STAFF_UP = codes(401, 401, 401, 200, 200, 200)
SECRETARIAT = codes(401, 401, 401, 401, 200, 200)
SECRETARIAT_400 = codes(401, 401, 401, 401, 400, 400)

# (method, path, body, expected)
REST = [
    ("GET", "/@ical", None, EVERYONE),
    ("GET", "/2018/@ical", None, EVERYONE),
    ("GET", f"{WATER}/@ical", None, EVERYONE),
    ("GET", f"{DRAFT}/@ical", None, STAFF_UP),
    ("GET", f"/{TOKEN}", None, EVERYONE),
    ("GET", "/@calendar-feed/not-a-token", None, codes(404, 404, 404, 404, 404, 404)),
    ("GET", f"{WATER}/@invitations", None, STAFF_UP),
    ("POST", f"{WATER}/@invitations", {}, codes(401, 401, 401, 400, 400, 400)),
    ("GET", f"{WATER}/@minutes", None, codes(401, 401, 200, 200, 200, 200)),
    ("GET", "/@adoption-report", None, SECRETARIAT),
    ("GET", "/2018/@adoption-report", None, SECRETARIAT),
    ("GET", f"{WATER}/@adoption-report", None, SECRETARIAT),
    ("GET", "/@annual-report?year=2018", None, SECRETARIAT),
    ("GET", "/@consultation-stats?year=2018", None, SECRETARIAT),
    ("GET", f"{WATER}/@attendance", None, STAFF_UP),
    ("PATCH", f"{WATER}/@attendance", {}, codes(401, 401, 401, 400, 400, 400)),
    ("POST", f"{WATER}/@attendance", {}, codes(401, 401, 401, 400, 400, 400)),
    ("GET", f"{WATER}/@materials", None, EVERYONE),  # each sees what they may read
    # a check-in without a code: refused for everybody logged in, naming the code
    ("POST", f"{WATER}/@checkin", {}, codes(401, 400, 400, 400, 400, 400)),
    ("GET", f"{WATER}/@speeches", None, EVERYONE),  # each sees what they may read
    ("PATCH", f"{WATER}/@speeches", {}, codes(401, 401, 401, 400, 400, 400)),
    # a declined speech: seen by its speakers and staff; it cannot become a suggestion
    (
        "POST",
        f"{WATER}/speech-4/@to-suggestion",
        {},
        codes(401, 401, 401, 400, 400, 400),
    ),
    ("GET", "/members/m01/@duty-record", None, codes(401, 200, 401, 200, 200, 200)),
    ("GET", "/members/m05/@duty-record", None, STAFF_UP),
    ("GET", "/@duty-records", None, SECRETARIAT),
    (
        "GET",
        "/members/m01/@duty-score?year=2018",
        None,
        codes(401, 200, 401, 200, 200, 200),
    ),
    ("GET", "/members/m05/@duty-score?year=2018", None, STAFF_UP),
    ("GET", "/@duty-scores?year=2018", None, SECRETARIAT),
    ("GET", "/@duty-reminders?year=2018", None, SECRETARIAT),
    ("GET", "/@duty-rules?year=2018", None, SECRETARIAT),
    ("PATCH", "/@duty-rules", {}, SECRETARIAT_400),
    # (a login source that is none: the permission is checked, no login is made)
    ("POST", "/@member-accounts", {"login": "none"}, SECRETARIAT_400),
    ("GET", "/members/m05/@duty-dossier?year=2018", None, STAFF_UP),
    ("PATCH", "/members/m05/@duty-dossier", {}, codes(401, 401, 401, 401, 400, 400)),
    ("GET", "/@duty-dossiers?year=2018", None, SECRETARIAT),
    ("POST", "/@duty-reminders", {}, SECRETARIAT_400),
    ("GET", f"{PUBLIC}/@evaluation", None, EVERYONE),
    ("POST", f"{PUBLIC}/@evaluation", {}, codes(401, 400, 401, 401, 400, 400)),
    ("GET", f"{PUBLIC}/@handling", None, EVERYONE),
    ("POST", f"{SUBMITTED}/@handling/refer", {}, SECRETARIAT_400),
    ("GET", f"{PUBLIC}/@merge", None, EVERYONE),
    ("POST", f"{SUBMITTED}/@merge", {}, codes(401, 401, 401, 401, 400, 400)),
    ("DELETE", f"{SUBMITTED}/@merge", None, SECRETARIAT_400),
    ("GET", "/@reminders", None, SECRETARIAT),
    ("POST", "/@reminders", {}, SECRETARIAT),
    ("POST", "/2018/@import-suggestions", {}, SECRETARIAT_400),
    # @workflow answers those who see the suggestion; the guard refuses the step (400)
    ("POST", f"{SUBMITTED}/@workflow/refer", {}, codes(401, 400, 400, 400, 400, 400)),
    ("GET", WATER, None, EVERYONE),
    ("GET", DRAFT, None, STAFF_UP),
    ("GET", "/members", None, STAFF_UP),
    ("GET", "/members/m01", None, codes(401, 200, 401, 200, 200, 200)),
    ("GET", "/units", None, STAFF_UP),
    ("GET", "/units/u01", None, STAFF_UP),
    ("PATCH", WATER, {"description": "改动"}, codes(401, 401, 401, 401, 401, 204)),
    (
        "PATCH",
        f"{HELD}/s018",
        {"description": "改动"},
        codes(401, 401, 401, 204, 204, 204),
    ),
]

# Classic UI pages, as a browser asks for them: a refusal sends it to the login page.
LOGIN = 302
PAGE_EVERYONE = codes(200, 200, 200, 200, 200, 200)
PAGE_STAFF_UP = codes(LOGIN, LOGIN, LOGIN, 200, 200, 200)
PAGE_SECRETARIAT = codes(LOGIN, LOGIN, LOGIN, LOGIN, 200, 200)
PAGE_MANAGER = codes(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 200)
PAGES = [
    ("/", PAGE_EVERYONE),  # the workbench, each role's own
    ("/@@workbench", PAGE_EVERYONE),
    ("/2018", PAGE_EVERYONE),
    (WATER, PAGE_EVERYONE),
    (DRAFT, PAGE_STAFF_UP),
    (PUBLIC, PAGE_EVERYONE),
    ("/members", PAGE_STAFF_UP),
    ("/members/m01", codes(LOGIN, 200, LOGIN, 200, 200, 200)),
    ("/members/@@sectors", PAGE_STAFF_UP),
    ("/members/@@sector?sector=education", PAGE_STAFF_UP),
    ("/units", PAGE_STAFF_UP),
    ("/units/u01", PAGE_STAFF_UP),
    (
        f"{SUBMITTED}/@@handle?transition=refer",
        codes(LOGIN, LOGIN, LOGIN, LOGIN, 200, 200),
    ),
    (
        f"{SUBMITTED}/@@merge-suggestions",
        codes(LOGIN, LOGIN, LOGIN, LOGIN, 200, 200),
    ),
    ("/@@accessibility-info", PAGE_EVERYONE),
    ("/@@plonejsi18n?domain=widgets&language=zh-cn", PAGE_EVERYONE),
    ("/@@footer", PAGE_EVERYONE),
    ("/@@tracking-dashboard", PAGE_SECRETARIAT),
    ("/2018/@@tracking-dashboard", PAGE_SECRETARIAT),
    ("/@@suggestion-list?state=referred", PAGE_SECRETARIAT),
    ("/2018/@@import-suggestions", PAGE_SECRETARIAT),
    (f"{WATER}/@@attendance", PAGE_STAFF_UP),
    (f"{WATER}/@@checkin-code", PAGE_STAFF_UP),
    (f"{WATER}/++add++MeetingMaterial", PAGE_STAFF_UP),
    # opens the file (a redirect to it) for whoever may read it: test_materials.py checks who
    (f"{WATER}/material-agenda/@@read", codes(302, 302, 302, 302, 302, 302)),
    # the invitees' report: refused to others; a Word file has no preview to give
    (
        f"{WATER}/material-research-report/@@preview",
        codes(LOGIN, LOGIN, 404, 404, 404, 404),
    ),
    (f"{WATER}/@@checkin", codes(LOGIN, 200, 200, 200, 200, 200)),
    (f"{WATER}/speech-1", PAGE_EVERYONE),  # arranged, at a public consultation
    (f"{WATER}/speech-1/@@speech-view", PAGE_EVERYONE),
    (f"{WATER}/speech-4", PAGE_STAFF_UP),  # declined: its speaker's and staff's
    (f"{WATER}/@@arrange-speeches", PAGE_STAFF_UP),
    (f"{HELD}/++add++Speech", PAGE_STAFF_UP),  # invitees submit before it is held
    (f"{WATER}/speech-1/@@speech-step", codes(400, 400, 400, 400, 400, 400)),  # POST
    (
        "/2018/2018-12-20-bimonthly/@@cancel-consultation",
        codes(LOGIN, LOGIN, LOGIN, 200, LOGIN, 200),
    ),
    (
        "/2018/2018-12-06-online/@@schedule-consultation",
        codes(LOGIN, LOGIN, LOGIN, 200, LOGIN, 200),
    ),
    ("/@@start-programme?year=2030", codes(LOGIN, LOGIN, LOGIN, 200, LOGIN, 200)),
    (f"{HELD}/++add++Suggestion", codes(LOGIN, 200, 200, 200, 200, 200)),
    ("/@@my-duties", codes(LOGIN, 200, 200, 200, 200, 200)),
    ("/@@minutes-template", PAGE_MANAGER),
    ("/@@duty-rules", PAGE_SECRETARIAT),
    ("/members/@@member-accounts", PAGE_SECRETARIAT),
    ("/members/@@duty-ranking", PAGE_SECRETARIAT),
    ("/@@consultation-settings", PAGE_MANAGER),
    (
        "/@@getVocabulary?name=plone.app.vocabularies.Catalog&query="
        '{"criteria":[{"i":"portal_type","o":"plone.app.querystring.operation'
        '.selection.any","v":["Consultation"]}]}&attributes=["UID","Title"]',
        PAGE_EVERYONE,
    ),
    ("/@@rsvp", codes(403, 403, 403, 403, 403, 403)),  # no signed link
    # POST-only: a GET is refused for everybody
    (f"{WATER}/@@resend-invitations", codes(LOGIN, LOGIN, LOGIN, 403, 403, 403)),
    ("/members/m01/@@regenerate-feed-token", codes(LOGIN, 403, LOGIN, 403, 403, 403)),
    (f"{WATER}/@@store-minutes", codes(LOGIN, LOGIN, LOGIN, 403, 403, 403)),
    (f"{DRAFT}/@@invite-sector", codes(LOGIN, LOGIN, LOGIN, 403, LOGIN, 403)),
    (f"{PUBLIC}/@@evaluate", codes(LOGIN, 400, LOGIN, LOGIN, 400, 400)),
    (
        f"{SUBMITTED}/@@unmerge-suggestion",
        codes(LOGIN, LOGIN, LOGIN, LOGIN, 403, 403),
    ),
]


@pytest.fixture
def feed_token(functional):
    return functional["portal"]["members"]["m01"].feed_token


@pytest.mark.parametrize("method,path,body,expected", REST)
def test_rest(session_as, feed_token, method, path, body, expected):
    path = path.format(token=feed_token)
    found = {}
    for role in ROLES:
        response = session_as(role).request(method, path, json=body)
        found[role] = response.status_code
    assert found == expected


@pytest.mark.parametrize("path,expected", PAGES)
def test_pages(session_as, path, expected):
    found = {}
    for role in ROLES:
        response = session_as(role, api=False).get(path, allow_redirects=False)
        found[role] = response.status_code
    assert found == expected


def registered():
    """(method or "page", name) of every service and page the add-on registers."""
    from plone.restapi.interfaces import IExpandableElement
    from zope.component import getGlobalSiteManager
    from zope.interface.common.interfaces import IException
    from zope.viewlet.interfaces import IViewlet

    found = set()
    for registration in getGlobalSiteManager().registeredAdapters():
        if registration.provided.isOrExtends(IViewlet):
            continue  # parts of pages, not pages
        if registration.required[0].isOrExtends(IException):
            continue  # how an error is answered (services/errors.py), not a page
        if registration.provided.isOrExtends(IExpandableElement):
            continue  # a service's summary in the item's answer (services/expansion.py)
        factory = registration.factory
        modules = [getattr(factory, "__module__", "")] + [
            base.__module__ for base in getattr(factory, "__mro__", ())
        ]
        if not any(
            m.startswith("collective.consultation.browser")
            or m.startswith("collective.consultation.services")
            for m in modules
        ):
            continue
        name = registration.name
        if "_application_" in name:
            found.add((name.split("_", 1)[0], name.rsplit("_", 1)[-1]))
        elif (
            name and not name.endswith("_view") and not name.startswith("duty-record-")
        ):
            found.add(("page", name))
    return found


def endpoint(path):
    """The service or page a path calls: its last segment starting with @."""
    segments = path.split("?")[0].split("/")
    added = [s.split("++add++", 1)[1] for s in segments if s.startswith("++add++")]
    if added:
        return added[-1]  # an add form, registered under its type's name
    segments = [s for s in segments if s.startswith("@")]
    return segments[-1].lstrip("@") if segments else None


def test_the_table_names_every_endpoint_and_page(functional):
    named = {(method, endpoint(path)) for method, path, _body, _expected in REST}
    named |= {("page", endpoint(path)) for path, _expected in PAGES}
    missing = {(m, n) for m, n in registered() if (m, n.lstrip("@")) not in named}
    assert not missing
