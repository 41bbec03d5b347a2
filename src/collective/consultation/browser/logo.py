"""The header shows the committee: its emblem (Site setup → Site → logo, else the add-on's
default) and the site's title, instead of Plone's logo."""

from plone.app.layout.viewlets.common import LogoViewlet
from plone.base.interfaces import ISiteSchema
from plone.registry.interfaces import IRegistry
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.component import getUtility


class CommitteeLogoViewlet(LogoViewlet):
    index = ViewPageTemplateFile("templates/logo.pt")

    def emblem(self):
        settings = getUtility(IRegistry).forInterface(
            ISiteSchema, prefix="plone", check=False
        )
        if settings.site_logo:
            return self.img_src
        return f"{self.site_url}/++plone++collective.consultation/emblem.svg"
