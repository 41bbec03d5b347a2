"""Members' logins (委员账号), made by the secretariat for the roster at once rather than
by an administrator one by one: the login is the member's mobile number or his entry's
id in the directory, the password a one-time one that is shown once (or printed on a
登录通知书) and must be changed at the first login (Plone's ``must_change_password``)."""

from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.errors import FieldError
from dataclasses import dataclass
from plone import api

import re
import secrets

MEMBERS_GROUP = "committee-members"
LOGIN_SOURCES = ("phone", "id")
# no 0/o, 1/l/i: a password read off paper is typed without guessing
PASSWORD_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789"
PASSWORD_LENGTH = 10
MOBILE = re.compile(r"^1\d{10}$")


@dataclass
class Account:
    member: object
    login: str
    password: str  # empty unless made now
    status: str  # created, exists, no-phone, taken


def one_time_password():
    return "".join(secrets.choice(PASSWORD_LETTERS) for _n in range(PASSWORD_LENGTH))


def check_source(source):
    if source not in LOGIN_SOURCES:
        raise FieldError(
            "login",
            _(
                "must be one of ${allowed}.",
                mapping={"allowed": ", ".join(LOGIN_SOURCES)},
            ),
        )


def login_for(member, source):
    """The login ``source`` gives a member, or None (no mobile number on record)."""
    check_source(source)
    if source == "id":
        return member.getId()
    digits = re.sub(r"\D", "", member.phone or "")
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits if MOBILE.match(digits) else None


def create_accounts(members, source="phone"):
    """A login for each member who has none; an Account per member, in their order.
    Members who have a login keep it (status ``exists``); nothing else is changed."""
    results = []
    for member in members:
        if member.userid:
            results.append(Account(member, member.userid, "", "exists"))
            continue
        login = login_for(member, source)
        if login is None:
            results.append(Account(member, "", "", "no-phone"))
            continue
        if api.user.get(username=login) is not None:
            results.append(Account(member, login, "", "taken"))
            continue
        password = one_time_password()
        user = api.user.create(
            username=login,
            email=member.email or f"{login}@members.invalid",
            password=password,
            properties={"fullname": member.title},
        )
        user.setMemberProperties({"must_change_password": True})
        api.group.add_user(groupname=MEMBERS_GROUP, username=login)
        member.userid = login
        member.reindexObject(idxs=["member_userid"])
        results.append(Account(member, login, password, "created"))
    return results


WHICH = ("without", "all")


def roster(which="without", sector=None):
    """The directory's members an account run covers: those without a login (or all),
    of one sector if given, by name."""
    if which not in WHICH:
        raise FieldError(
            "members",
            _(
                "must be one of ${allowed}, or a list of members.",
                mapping={"allowed": ", ".join(WHICH)},
            ),
        )
    query = {"portal_type": "CommitteeMember", "sort_on": "sortable_title"}
    if sector:
        if sector not in dict(vocabularies.SECTORS):
            raise FieldError("sector", _("not a sector."))
        query["sector"] = sector
    catalog = api.portal.get_tool("portal_catalog")
    members = [
        b._unrestrictedGetObject() for b in catalog.unrestrictedSearchResults(**query)
    ]
    return [m for m in members if which == "all" or not m.userid]
