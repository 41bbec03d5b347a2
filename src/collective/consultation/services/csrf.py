"""REST calls that change something, made with the browser's login cookie, must come from
the site's own pages.

plone.restapi turns off plone.protect's token check for its services (clients send JSON,
not forms). A foreign page can still make a logged-in browser send a "simple" request
(a POST as text/plain or a form) with the cookie, and Zope would parse it. So a cookie-
authenticated POST, PATCH, PUT or DELETE to any REST service is refused unless it comes
from this site (``Origin``, when sent, is the site's own) and is JSON (a foreign page
cannot send JSON, or the ``X-Requested-With`` header, without a CORS preflight the site
does not allow). Clients that send credentials themselves (basic auth, JWT bearer) are
not browsers acting on a cookie and pass."""

from Acquisition import aq_base
from collective.consultation import _
from plone.rest.interfaces import IService
from urllib.parse import urlsplit
from zExceptions import Forbidden
from zope.i18n import translate

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOGIN_COOKIES = ("__ac", "auth_token")
JSON_TYPES = ("application/json",)


def _origin(url):
    parts = urlsplit(url or "")
    default = {"http": 80, "https": 443}.get(parts.scheme)
    try:
        port = parts.port or default
    except ValueError:
        port = None
    return (parts.scheme, (parts.hostname or "").lower(), port)


def cross_site_problem(request):
    """Why this cookie-authenticated write is refused, or None."""
    origin = request.getHeader("Origin")
    if origin and _origin(origin) != _origin(request.get("SERVER_URL")):
        return _(
            "Cross-site request from ${origin} refused.", mapping={"origin": origin}
        )
    if request.get("REQUEST_METHOD") == "POST":
        content_type = (request.getHeader("Content-Type") or "").split(";")[0]
        if content_type.strip().lower() not in JSON_TYPES and not request.getHeader(
            "X-Requested-With"
        ):
            return _("Send JSON (Content-Type: application/json) to change anything.")
    return None


def uses_login_cookie(request):
    return not request._auth and any(request.cookies.get(n) for n in LOGIN_COOKIES)


def refuse_cross_site_writes(event):
    request = event.request
    if request.get("REQUEST_METHOD", "GET") in SAFE_METHODS:
        return
    if not IService.providedBy(aq_base(request.get("PUBLISHED"))):
        return
    if not uses_login_cookie(request):
        return
    problem = cross_site_problem(request)
    if problem:
        raise Forbidden(translate(problem, context=request))
