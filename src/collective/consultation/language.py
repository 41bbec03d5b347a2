"""The site's language, as gettext names it (zh_CN, en): texts written outside a request
(mail, catalog text, files) follow it."""

from plone import api


def site_language():
    language = (
        api.portal.get_registry_record("plone.default_language", default="zh-cn")
        or "zh-cn"
    )
    return "zh_CN" if language.lower().startswith("zh") else language.split("-")[0]
