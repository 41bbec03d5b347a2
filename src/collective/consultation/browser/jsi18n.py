"""Plone's ``plonejsi18n`` (the catalog the widgets' scripts translate with) looks up the
page's language as written ("zh-cn") among catalogs named as gettext names them ("zh_CN"),
finds none, and the member picker says "No matches found" on a Chinese site. This asks
for the gettext name when the written one is not there."""

from plone.app.content.browser.i18n import i18njs
from zope.component import queryUtility
from zope.i18n.interfaces import ITranslationDomain


def gettext_language(domain, language):
    """ "zh-cn" → "zh_CN" when the domain has a catalog under that name only."""
    catalogs = getattr(queryUtility(ITranslationDomain, domain), "_catalogs", {})
    if not language or language in catalogs or "-" not in language:
        return language
    base, region = language.split("-", 1)
    candidate = f"{base}_{region.upper()}"
    return candidate if candidate in catalogs else language


class WidgetCatalog(i18njs):
    def __call__(self, domain=None, language=None):
        if domain is not None and language is not None:
            language = gettext_language(domain, language)
        return super().__call__(domain=domain, language=language)
