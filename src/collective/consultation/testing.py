"""Test layers: one Plone site with the add-on and the demo year, shared by every test.

Integration tests roll back after each test; functional tests get a fresh DemoStorage
over the same site, and the WSGI server layer serves it to HTTP clients and Chromium.
"""

from aiosmtpd.controller import Controller
from plone.app.contenttypes.testing import PLONE_APP_CONTENTTYPES_FIXTURE
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.testing import Layer
from plone.testing.zope import WSGI_SERVER_FIXTURE

import os
import socket

# A member invited to the drinking-water consultation (see add_invitee_login).
INVITEE = ("invitee", "invitee-2018")

# Compile the .po catalogs into .mo files when the ZCML registers them.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")


class RecordingSMTPHandler:
    """Keeps every message a real SMTP conversation delivered; refuses recipients whose
    address starts with "refuse" (to test a server that rejects one recipient)."""

    def __init__(self):
        self.messages = []  # (envelope sender, recipients, raw bytes)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("refuse"):
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
        )
        return "250 Message accepted"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SMTPServerLayer(Layer):
    """A real SMTP server (aiosmtpd) on 127.0.0.1 for the whole test run."""

    def setUp(self):
        self["smtp"] = RecordingSMTPHandler()
        self["smtp_port"] = free_port()
        self.controller = Controller(
            self["smtp"], hostname="127.0.0.1", port=self["smtp_port"]
        )
        self.controller.start()

    def tearDown(self):
        self.controller.stop()
        del self["smtp"]


SMTP_SERVER_FIXTURE = SMTPServerLayer()


class MailSink:
    """The test's SMTP server as the mail worker fills it. Mail leaves after commit
    through the outbox; reading ``messages`` first runs the worker's round on the layer's
    database (what its thread does after each commit), so a test reads what a member
    would have received by then."""

    def __init__(self, layer):
        self.layer = layer
        self.handler = layer["smtp"]

    def deliver(self, now=None, worker="test-worker"):
        """One round of the worker; ``now`` moves its clock (retries wait)."""
        from collective.consultation import mailworker

        return mailworker.run_once(self.layer["zodbDB"], worker=worker, now=now)

    @property
    def messages(self):
        self.deliver()
        return self.handler.messages

    def clear(self):
        """Deliver what is due, and forget it: the test looks at what comes next."""
        self.deliver()
        self.handler.messages.clear()


class ConsultationLayer(PloneSandboxLayer):
    defaultBases = (PLONE_APP_CONTENTTYPES_FIXTURE, SMTP_SERVER_FIXTURE)

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
        # Mail goes to the test's SMTP server (Plone's mailer reads the registry).
        registry = portal.portal_registry
        registry["plone.email_from_address"] = "site@example.org"
        registry["plone.smtp_host"] = "127.0.0.1"
        registry["plone.smtp_port"] = self["smtp_port"]
        self.add_invitee_login(portal)

    def add_invitee_login(self, portal):
        """A login for a member invited to the drinking-water consultation (游进, the
        demo's member login, is not): tests of what an invitee may see use it."""
        from plone import api
        from Products.CMFCore.indexing import processQueue
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        login, password = INVITEE
        consultation = portal["2018"]["2018-06-28-bimonthly"]
        member = consultation.invitees[0].to_object
        api.user.create(email=member.email, username=login, password=password)
        api.group.add_user(groupname="committee-members", username=login)
        member.userid = login
        notify(ObjectModifiedEvent(member))
        # Index while the site is set: the layer commits after leaving it.
        processQueue()


FIXTURE = ConsultationLayer()

INTEGRATION_TESTING = IntegrationTesting(
    bases=(FIXTURE,), name="CollectiveConsultationLayer:IntegrationTesting"
)
FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(FIXTURE, WSGI_SERVER_FIXTURE),
    name="CollectiveConsultationLayer:FunctionalTesting",
)
