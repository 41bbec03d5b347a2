"""Private indexes answer only those who may read what they hold.

The catalog indexes who was invited (``invitees``), who proposed or spoke (``proposers``),
members' logins (``member_userid``, ``Creator``) and the hashes of feed tokens
(``feed_token_hash``), because duty records, feeds and the workbench search by them. Their
metadata columns are hidden (privacy.py), but a query alone leaks them: "which public
consultations match invitees=<this member's UID>?" tells who was invited, bisecting a
range tells it faster. So every search made as the user (``portal_catalog(...)``,
``searchResults``: ``@search``, ``@querystring-search``, collections, Classic ``@@search``,
``@@getVocabulary``) is checked here before it runs:

- those who may read members' data (privacy.may_see_member_data) query as they like;
- anybody else may ask a private index only for themselves: their own member UID, their
  own login; feed tokens never (the feed looks its token up unrestricted);
- otherwise a REST request is refused (400 naming the index), and any other search finds
  nothing for that criterion (a Classic page does not fail, and learns nothing).

Sorting on a private index is refused the same way. The add-on's own lookups that need
more (the token feed, duty records) run ``unrestrictedSearchResults``, which is not
checked: it is never reached with a visitor's query.

Importing this module installs the check on Plone's catalog tool (``install``).
"""

from collective.consultation import _
from collective.consultation.errors import FieldError
from collective.consultation.privacy import may_see_member_data
from collective.consultation.relations import member_of_user
from plone import api
from plone.rest.interfaces import IAPIRequest
from Products.CMFPlone.CatalogTool import CatalogTool
from zope.globalrequest import getRequest

NOTHING = "\x00private"  # a key no item is indexed under


def _own_member_uid(userid):
    member = member_of_user(userid)
    return member.UID() if member is not None else None


# index -> what a user may ask of it about themselves (None: nothing)
PRIVATE_INDEXES = {
    "invitees": _own_member_uid,
    "proposers": _own_member_uid,
    "member_userid": lambda userid: userid,
    "Creator": lambda userid: userid,
    "feed_token_hash": None,
}


class PrivateIndexError(FieldError):
    """A query on a private index this user may not ask."""


def _values(value):
    """The keys a criterion asks for, or None when it asks more than keys (a range)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [*value] if all(isinstance(i, str) for i in value) else None
    if hasattr(value, "keys") and hasattr(value, "get"):  # {"query": …}, a form record
        if value.get("range") or "not" in value.keys():
            return None
        return _values(value.get("query"))
    return None


def _allowed(index, value, userid):
    own = PRIVATE_INDEXES[index]
    if own is None or userid is None:
        return False
    asked = _values(value)
    mine = own(userid)
    return bool(asked) and mine is not None and all(key == mine for key in asked)


def _sort_indexes(query):
    sort_on = query.get("sort_on") or []
    return [sort_on] if isinstance(sort_on, str) else list(sort_on)


def _criteria(query, kw):
    """The query's criteria as the catalog reads them: a dict, then the keywords."""
    merged = dict(query) if isinstance(query, dict) else {}
    merged.update(kw)
    return merged


def checked(query, kw):
    """(query, kw) as this user may run them: unchanged when allowed, or with each
    private criterion finding nothing; raises PrivateIndexError on a REST request."""
    criteria = _criteria(query, kw)
    private = [name for name in PRIVATE_INDEXES if name in criteria]
    sorted_on = [name for name in _sort_indexes(criteria) if name in PRIVATE_INDEXES]
    if not (private or sorted_on) or may_see_member_data():
        return query, kw
    user = api.user.get_current()
    userid = None if api.user.is_anonymous() else user.getId()
    refused = [
        name for name in private if not _allowed(name, criteria[name], userid)
    ] + sorted_on
    if not refused:
        return query, kw
    if IAPIRequest.providedBy(getRequest()):
        raise PrivateIndexError(
            refused[0],
            _("this index is private: you may search it for yourself only."),
        )
    criteria = dict(criteria)
    for name in refused:
        if name in sorted_on:
            criteria.pop("sort_on", None)
            criteria.pop("sort_order", None)
        else:
            criteria[name] = NOTHING
    return None, criteria


def install():
    original = CatalogTool.searchResults
    if getattr(original, "checks_private_indexes", False):
        return

    def searchResults(self, query=None, **kw):
        query, kw = checked(query, kw)
        return original(self, query, **kw)

    searchResults.checks_private_indexes = True
    searchResults.__doc__ = original.__doc__
    CatalogTool.searchResults = searchResults
    CatalogTool.__call__ = searchResults


install()
