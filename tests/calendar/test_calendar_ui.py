"""The calendar parts of the Classic UI: links, the invitations panel, the member's
personal feed link and its regeneration, and the settings control panel."""

from conftest import browser_for
from conftest import MEMBER
from conftest import STAFF
from plone.testing.zope import Browser

import icalendar
import pytest
import re
import requests
import transaction


def test_programme_offers_a_webcal_subscription(functional, portal_url):
    browser = Browser(functional["app"])
    browser.open(f"{portal_url}/2018")
    link = browser.getLink(url="webcal://")
    assert link.url.endswith("/plone/++api++/2018/@ical")


def test_consultation_offers_its_ics(functional, portal_url):
    """The link works from a browser over HTTP, whatever it accepts."""
    page = requests.get(f"{portal_url}/2018/2018-06-28-bimonthly").text
    link = re.search(r'href="([^"]+/@ical)"', page).group(1)
    for accept in ("text/html,*/*", "text/calendar", "*/*"):
        response = requests.get(link, headers={"Accept": accept})
        assert response.status_code == 200, accept
    assert response.headers["Content-Type"].startswith("text/calendar")
    event = icalendar.Calendar.from_ical(response.text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "幕阜山片区农村安全饮水双月协商会"


def test_invitations_panel_for_staff_only(functional, portal_url):
    staff = browser_for(functional, *STAFF)
    staff.open(f"{portal_url}/2018/2018-06-28-bimonthly")
    assert 'id="invitations"' in staff.contents
    visitor = Browser(functional["app"])
    visitor.open(f"{portal_url}/2018/2018-06-28-bimonthly")
    assert 'id="invitations"' not in visitor.contents


def test_member_sees_and_renews_own_feed_link(functional, portal_url):
    member = browser_for(functional, *MEMBER)
    member.open(f"{portal_url}/members/m01")
    old = functional["portal"]["members"]["m01"].feed_token
    assert old in member.contents
    member.getForm(action=f"{portal_url}/members/m01/@@regenerate-feed-token").submit()
    transaction.begin()
    new = functional["portal"]["members"]["m01"].feed_token
    assert new != old and new in member.contents and old not in member.contents


def test_feed_link_is_not_shown_to_others(functional, portal_url):
    staff = browser_for(functional, *STAFF)
    staff.open(f"{portal_url}/members/m02")
    assert "personal-feed" in staff.contents  # staff manage members' links
    token = functional["portal"]["members"]["m02"].feed_token
    assert token in staff.contents


def test_regenerate_needs_post_and_authenticator(functional, portal_url):
    from zExceptions import Forbidden

    member = browser_for(functional, *MEMBER)
    with pytest.raises(Forbidden):
        member.open(f"{portal_url}/members/m01/@@regenerate-feed-token")


def test_settings_control_panel(functional, portal_url, request_factory):
    admin = browser_for(functional)
    admin.open(f"{portal_url}/@@consultation-settings")
    admin.getControl(name="form.widgets.organizer_email").value = "office@example.org"
    admin.getControl(name="form.widgets.organizer_name").value = "政协某市委员会办公室"
    admin.getControl(name="form.buttons.save").click()
    text = request_factory(role="Manager").get("/2018/2018-06-28-bimonthly/@ical").text
    organizer = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]["ORGANIZER"]
    assert str(organizer) == "mailto:office@example.org"
    assert organizer.params["CN"] == "政协某市委员会办公室"


def test_settings_refuse_a_bad_mailbox(functional, portal_url):
    admin = browser_for(functional)
    admin.open(f"{portal_url}/@@consultation-settings")
    admin.getControl(name="form.widgets.organizer_email").value = "not-an-address"
    admin.getControl(name="form.buttons.save").click()
    assert "invalid-feedback" in admin.contents
    assert (
        functional["portal"].portal_registry["collective.consultation.organizer_email"]
        == "zhengxie@example.org"
    )
