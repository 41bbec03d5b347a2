"""The login guard: five wrong passwords lock a login for fifteen minutes (right password
or not), a right one before that clears the count; a member whose term has ended cannot log
in; the other logins are not touched."""

from collective.consultation.members import loginguard
from conftest import MEMBER
from conftest import STAFF

import requests
import transaction


def status(portal_url, login, password):
    return requests.get(
        f"{portal_url}/++api++/@users/{login}",
        auth=(login, password),
        headers={"Accept": "application/json"},
    ).status_code


def test_five_wrong_passwords_lock_the_login(portal_url, monkeypatch):
    assert status(portal_url, *MEMBER) == 200
    for _n in range(4):
        assert status(portal_url, MEMBER[0], "guess") == 401
    assert status(portal_url, *MEMBER) == 200  # four: the right one still works, clears
    for _n in range(5):
        assert status(portal_url, MEMBER[0], "guess") == 401
    assert status(portal_url, *MEMBER) == 401  # locked, right password or not
    assert status(portal_url, *STAFF) == 200  # another login is not touched
    # fifteen minutes later it opens again
    later = loginguard._now() + loginguard.LOCK
    monkeypatch.setattr(loginguard, "_now", lambda: later)
    assert status(portal_url, *MEMBER) == 200


def test_the_login_form_is_guarded_too(page, portal_url):
    for _n in range(5):
        page.goto(f"{portal_url}/login")
        page.fill("#__ac_name", MEMBER[0])
        page.fill("#__ac_password", "guess")
        page.click("button[name='buttons.login']")
    page.goto(f"{portal_url}/login")
    page.fill("#__ac_name", MEMBER[0])
    page.fill("#__ac_password", MEMBER[1])
    page.click("button[name='buttons.login']")
    page.goto(f"{portal_url}/@@my-duties")
    assert "/login" in page.url or "require_login" in page.url


def test_a_member_whose_term_ended_cannot_log_in(functional, portal_url):
    from datetime import date

    year = date.today().year
    registry = functional["portal"].portal_registry
    registry["collective.consultation.terms"] = [
        "5 | 第五届 | 2017 | 2021",
        f"6 | 第六届 | {year - 1} | {year + 3}",
    ]
    transaction.commit()
    assert status(portal_url, *MEMBER) == 401  # 游进 served in the fifth term only
    assert status(portal_url, *STAFF) == 200  # staff are no members
    member = functional["portal"]["members"]["m01"]
    member.terms = [5, 6]
    member.reindexObject()
    transaction.commit()
    assert status(portal_url, *MEMBER) == 200


def test_the_guard_stands_in_for_the_user_source(functional):
    from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin

    plugins = functional["portal"].acl_users.plugins
    active = plugins.listPluginIds(IAuthenticationPlugin)
    assert loginguard.PLUGIN_ID in active and loginguard.SOURCE_ID not in active
