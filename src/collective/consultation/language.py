"""The site's language, as gettext names it (zh_CN, en): texts written outside a request
(mail, catalog text, files) follow it."""

from plone import api


def site_language():
    language = (
        api.portal.get_registry_record("plone.default_language", default="zh-cn")
        or "zh-cn"
    )
    return "zh_CN" if language.lower().startswith("zh") else language.split("-")[0]


# --- our catalogs before Plone's -----------------------------------------------------

_preferred = False


def prefer_our_translations(event=None):
    """Puts the add-on's catalogs first in every domain it translates (plone, z3c.form…).

    zope.i18n asks a domain's catalogs in the order they were registered and takes the
    first translation found; plone.app.locales registers first, so our plone.po could
    fill only what Plone's Chinese leaves empty, never mend what it gets wrong (登陆 for
    登录 on the login page). Done once, on the first request (IPubStart): by then every
    package's translations are registered."""
    global _preferred
    if _preferred:
        return
    from zope.component import getUtilitiesFor
    from zope.i18n.interfaces import ITranslationDomain

    import os

    ours = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locales")
    for _name, domain in getUtilitiesFor(ITranslationDomain):
        for names in (getattr(domain, "_catalogs", None) or {}).values():
            mine = [n for n in names if str(n).startswith(ours)]
            if mine:
                names[:] = mine + [n for n in names if n not in mine]
    _preferred = True
