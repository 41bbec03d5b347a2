"""No change without proof that the request comes from the site's own pages: every form
that changes something checks plone.protect's token, and REST calls made with the
browser's login cookie must be JSON from this site's origin."""

from collective.consultation.testing import MailSink
from conftest import LOGINS

import pytest
import requests
import transaction

REFERRABLE = "/2018/2018-06-28-bimonthly"


def cookie_session(portal_url, who, accept="application/json"):
    """A browser's session: logged in through Plone's login form, holding the cookie.
    Accept is a header any page may set: with JSON, a REST call is worth an attack."""
    session = requests.Session()
    session.headers["Accept"] = accept
    login, password = LOGINS[who]
    response = session.post(
        f"{portal_url}/login",
        data={"__ac_name": login, "__ac_password": password, "buttons.login": "Log in"},
    )
    assert response.status_code == 200 and "__ac" in session.cookies
    return session


@pytest.fixture
def secretary_browser(portal_url):
    return cookie_session(portal_url, "secretary")


@pytest.fixture
def secretary_pages(portal_url):
    return cookie_session(portal_url, "secretary", accept="text/html")


@pytest.fixture
def submitted(functional):
    from conftest import search

    brains = search(portal_type="Suggestion", review_state="submitted")
    return brains[0]._unrestrictedGetObject()


def state_of(obj):
    from plone import api

    transaction.begin()
    return api.content.get_state(obj)


class TestRestWithTheLoginCookie:
    def test_a_foreign_text_plain_post_changes_nothing(
        self, secretary_browser, portal_url, functional, submitted
    ):
        smtp = MailSink(functional)
        smtp.clear()
        url = submitted.absolute_url()
        for target in (
            f"{portal_url}/++api++/@reminders",
            f"{url}/++api++/@workflow/decline",
        ):
            response = secretary_browser.post(
                target,
                data='{"comment": "x"}',
                headers={"Content-Type": "text/plain", "Origin": "http://evil.example"},
            )
            assert response.status_code == 403
        assert smtp.messages == []
        assert state_of(submitted) == "submitted"

    @pytest.mark.parametrize(
        "headers",
        [
            {"Content-Type": "text/plain"},
            {"Content-Type": "application/x-www-form-urlencoded"},
            {"Content-Type": "application/json", "Origin": "http://evil.example"},
            {"Content-Type": "application/json", "Origin": "http://localhost:1"},
        ],
    )
    def test_refused_without_json_from_this_origin(
        self, secretary_browser, submitted, headers
    ):
        response = secretary_browser.post(
            f"{submitted.absolute_url()}/++api++/@workflow/decline",
            data='{"comment": "理由"}',
            headers=headers,
        )
        assert response.status_code == 403
        assert state_of(submitted) == "submitted"

    def test_patch_from_another_origin(self, secretary_browser, submitted):
        response = secretary_browser.patch(
            f"{submitted.absolute_url()}/++api++",
            json={"title": "改"},
            headers={"Origin": "http://evil.example"},
        )
        assert response.status_code == 403
        assert response.json()["message"] == (
            "Cross-site request from http://evil.example refused."
        )
        transaction.begin()
        assert submitted.title != "改"

    @pytest.mark.usefixtures("chinese")
    def test_the_refusal_is_in_the_sites_language(self, secretary_browser, submitted):
        response = secretary_browser.patch(
            f"{submitted.absolute_url()}/++api++",
            json={"title": "改"},
            headers={"Origin": "http://evil.example"},
        )
        assert response.status_code == 403
        assert (
            response.json()["message"] == "已拒绝来自 http://evil.example 的跨站请求。"
        )

    def test_the_sites_own_json_call_works(
        self, secretary_browser, portal_url, submitted
    ):
        origin = portal_url.split("/plone")[0]
        response = secretary_browser.post(
            f"{submitted.absolute_url()}/++api++/@workflow/decline",
            json={"comment": "不予采纳的理由"},
            headers={"Origin": origin},
        )
        assert response.status_code == 200, response.text
        assert state_of(submitted) == "not_adopted"

    def test_clients_with_their_own_credentials_are_not_browsers(self, submitted):
        from conftest import SECRETARY

        response = requests.post(
            f"{submitted.absolute_url()}/++api++/@workflow/decline",
            data='{"comment": "理由"}',
            headers={"Content-Type": "text/plain", "Accept": "application/json"},
            auth=SECRETARY,
        )
        assert response.status_code == 200, response.text


class TestForms:
    def test_a_link_cannot_take_a_handling_step(
        self, secretary_pages, submitted, functional
    ):
        secretary_browser = secretary_pages
        smtp = MailSink(functional)
        smtp.clear()
        url = submitted.absolute_url()
        attack = {
            "transition": "refer",
            "form.widgets.lead_unit:list": "市水利和湖泊局",
            "form.widgets.deadline": "2019-01-31",
            "form.buttons.take": "1",
        }
        for send in (secretary_browser.get, secretary_browser.post):
            kwargs = (
                {"params": attack}
                if send == secretary_browser.get
                else {"data": attack}
            )
            response = send(f"{url}/@@handle", allow_redirects=False, **kwargs)
            assert response.status_code == 403
        assert state_of(submitted) == "submitted"
        assert smtp.messages == []

    def test_the_form_itself_carries_the_token(self, secretary_pages, submitted):
        page = secretary_pages.get(
            f"{submitted.absolute_url()}/@@handle", params={"transition": "refer"}
        ).text
        assert 'name="_authenticator"' in page

    FORMS = [
        (
            "secretary",
            "/2018/2018-06-28-bimonthly/@@attendance",
            {"status.x": "present"},
        ),
        ("secretary", "/2018/@@import-suggestions", {"form.import": "1"}),
        ("manager", "/@@minutes-template", {"remove": "1"}),
        ("staff", "/2018/2018-06-28-bimonthly/@@store-minutes", {}),
        ("staff", "/2018/2018-12-20-bimonthly/@@resend-invitations", {}),
        ("staff", "/members/m01/@@regenerate-feed-token", {}),
        ("member", "/2018/sqmy01/@@evaluate", {"rating": "satisfied"}),
    ]

    @pytest.mark.parametrize("who,path,data", FORMS)
    def test_posts_without_the_token_are_refused(self, portal_url, who, path, data):
        session = cookie_session(portal_url, who, accept="text/html")
        response = session.post(f"{portal_url}{path}", data=data, allow_redirects=False)
        assert response.status_code == 403
