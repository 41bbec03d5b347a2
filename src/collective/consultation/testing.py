"""Test layers: one Plone site with the add-on and the demo year, shared by every test.

Integration tests roll back after each test; functional tests get a fresh DemoStorage
over the same site, and the WSGI server layer serves it to HTTP clients and Chromium.
"""

from plone.app.contenttypes.testing import PLONE_APP_CONTENTTYPES_FIXTURE
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import os


# Compile the .po catalogs into .mo files when the ZCML registers them.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")


class ConsultationLayer(PloneSandboxLayer):
    defaultBases = (PLONE_APP_CONTENTTYPES_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import collective.consultation
        import plone.app.event
        import plone.restapi

        self.loadZCML(package=plone.app.event)
        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=collective.consultation)

    def setUpPloneSite(self, portal):
        portal.portal_registry["plone.portal_timezone"] = "Asia/Shanghai"
        portal.portal_registry["plone.available_timezones"] = ["Asia/Shanghai"]
        applyProfile(portal, "collective.consultation:default")
        applyProfile(portal, "collective.consultation:demo")


FIXTURE = ConsultationLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,), name="CollectiveConsultationLayer:IntegrationTesting"
)
FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="CollectiveConsultationLayer:FunctionalTesting",
)
