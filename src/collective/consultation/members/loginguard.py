"""The guard in front of the site's passwords (a PAS plugin, ``consultation_login_guard``):
it checks a login and password in place of Plone's user source, which it asks, and

- after five wrong passwords for a login, refuses that login for fifteen minutes, right
  password or not (guessing the six-figure codes of a roster is slow);
- refuses a member whose term has ended (his entry names terms, none of them this year's).

Failures are counted in the instance's memory, not the database: a refused login ends
in 401, whose transaction is aborted, so a count kept there would never be written, and
writing on every failure would make logins collide. With two instances a login has five
tries on each; a restart forgets the counts."""

from collective.consultation.dates import this_year
from collective.consultation.members import terms
from datetime import datetime
from datetime import timedelta
from plone import api
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from zope.globalrequest import getRequest
from zope.interface import implementer

import logging
import threading

logger = logging.getLogger(__name__)
PLUGIN_ID = "consultation_login_guard"
SOURCE_ID = "source_users"
MAX_FAILURES = 5
LOCK = timedelta(minutes=15)

SEEN = "collective.consultation.failed_logins"
_failures = {}  # (site path, login) -> (count, last failure)
_lock = threading.Lock()


def _now():
    return datetime.now()


def locked(key, now=None):
    now = now or _now()
    with _lock:
        count, last = _failures.get(key, (0, None))
        if count >= MAX_FAILURES and now - last < LOCK:
            return True
        if last is not None and now - last >= LOCK:
            _failures.pop(key, None)
        return False


def failed(key, now=None):
    with _lock:
        count, _last = _failures.get(key, (0, None))
        _failures[key] = (count + 1, now or _now())


def succeeded(key):
    with _lock:
        _failures.pop(key, None)


def term_ended(userid):
    """True for a member whose entry names the terms he served and none covers this
    year (an entry without terms counts in every term)."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="CommitteeMember", member_userid=userid
    )
    if not brains:
        return False
    # from the index, not the member's object: this runs at every password login
    indexed = catalog.getIndexDataForRID(brains[0].getRID()).get("member_terms") or ()
    served = set(indexed) - {terms.ANY_TERM}
    if not served:
        return False
    year = this_year()
    current = {t.number for t in terms.terms() if t.first <= year <= t.last}
    return bool(current) and not (served & current)


@implementer(IAuthenticationPlugin)
class LoginGuard(BasePlugin):
    meta_type = "Consultation login guard"

    def __init__(self, id=PLUGIN_ID, title="Lockout and ended terms"):
        self._setId(id)
        self.title = title

    def authenticateCredentials(self, credentials):
        login = credentials.get("login")
        if not login or "password" not in credentials:
            return None
        source = getattr(self._getPAS(), SOURCE_ID, None)
        if source is None:
            return None
        key = ("/".join(self.getPhysicalPath()), login)
        if locked(key):
            logger.info(
                "Login %r refused: locked after %d failures", login, MAX_FAILURES
            )
            return None
        found = source.authenticateCredentials(credentials)
        if found is None:
            # PAS checks the credentials again at each level of traversal: one
            # request is one try
            request = getRequest()
            seen = (
                request.other.setdefault(SEEN, set()) if request is not None else set()
            )
            if key not in seen:
                seen.add(key)
                failed(key)
            return None
        succeeded(key)
        if term_ended(found[0]):
            logger.info("Login %r refused: the member's term has ended", login)
            return None
        return found


def install(portal):
    """Puts the guard in place of the user source's password check (idempotent)."""
    pas = portal.acl_users
    if PLUGIN_ID not in pas.objectIds():
        pas._setObject(PLUGIN_ID, LoginGuard())
    plugins = pas.plugins
    active = plugins.listPluginIds(IAuthenticationPlugin)
    if PLUGIN_ID not in active:
        plugins.activatePlugin(IAuthenticationPlugin, PLUGIN_ID)
    if SOURCE_ID in plugins.listPluginIds(IAuthenticationPlugin):
        plugins.deactivatePlugin(IAuthenticationPlugin, SOURCE_ID)


def uninstall(portal):
    pas = portal.acl_users
    plugins = pas.plugins
    if SOURCE_ID not in plugins.listPluginIds(IAuthenticationPlugin):
        plugins.activatePlugin(IAuthenticationPlugin, SOURCE_ID)
    if PLUGIN_ID in pas.objectIds():
        pas._delObject(PLUGIN_ID)
