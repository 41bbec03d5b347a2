"""@@rsvp: the page an invitation's answer links open. GET only shows the question; the
answer is recorded when the member presses a button (POST), so mail scanners that follow
links answer for nobody. No login: the signed link is the credential."""

from collective.consultation import _
from collective.consultation.browser.formvalues import one
from collective.consultation.calendar import rsvp
from collective.consultation.calendar.invitations import ANSWERS
from collective.consultation.calendar.invitations import InvitationLog
from collective.consultation.calendar.invitations import recipients
from collective.consultation.dates import shown_span
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import quote
from zope.interface import alsoProvides

MAX_REASON = 500


class RSVPView(BrowserView):
    template = ViewPageTemplateFile("templates/rsvp.pt")

    ANSWER_LABELS = {
        "accepted": _("I will attend"),
        "declined": _("I will not attend"),
        "leave": _("I ask for leave"),
    }

    def __call__(self):
        form = self.request.form
        self.params = {name: one(form, name, "") for name in ("c", "i", "x", "s")}
        self.chosen = form.get("a") if form.get("a") in ANSWERS else None
        self.error = None
        self.done = False
        self.consultation = self.recipient = None
        try:
            rsvp.check(
                self.params["c"], self.params["i"], self.params["x"], self.params["s"]
            )
            self.consultation = self._consultation()
            self.recipient = self._recipient()
        except rsvp.InvalidLink as exc:
            self.error = str(exc)
            self.request.response.setStatus(410 if self.error == "expired" else 403)
            return self.template()
        if self.request.method == "POST":
            self._answer(form)
        return self.template()

    def _consultation(self):
        # Unrestricted: the link grants this one consultation to this one invitee.
        brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
            UID=self.params["c"], portal_type="Consultation"
        )
        if not brains:
            raise rsvp.InvalidLink("forged")
        consultation = brains[0]._unrestrictedGetObject()
        if api.content.get_state(consultation) == "cancelled":
            raise rsvp.InvalidLink("cancelled")
        return consultation

    def _recipient(self):
        for recipient in recipients(self.consultation):
            if recipient.key == self.params["i"]:
                return recipient
        raise rsvp.InvalidLink("not-invited")

    def _answer(self, form):
        answer = one(form, "answer")
        reason = (one(form, "reason") or "").strip()[:MAX_REASON]
        if answer not in ANSWERS:
            self.error = "answer"
            self.request.response.setStatus(400)
            return
        if answer == "leave" and not reason:
            self.error = "reason"
            self.chosen = "leave"
            self.request.response.setStatus(400)
            return
        alsoProvides(
            self.request, IDisableCSRFProtection
        )  # the signed link is the check
        InvitationLog(self.consultation).set_answer(self.recipient, answer, reason)
        self.consultation.reindexObject(
            idxs=["ical_uid"]
        )  # refresh rsvp_partstats metadata
        self.done = True
        self.chosen = answer

    # --- for the template ------------------------------------------------------------

    def when(self):
        return shown_span(self.consultation.start, self.consultation.end, weekday=True)

    def current_answer(self):
        return InvitationLog(self.consultation).answer_of(self.recipient.key)

    def answers(self):
        """The answers given with a button alone; leave asks for a reason first."""
        return [
            (answer, self.ANSWER_LABELS[answer])
            for answer in ANSWERS
            if answer != "leave"
        ]

    def next_steps(self):
        """Where an answered invitation leads (the mail's reader is often logged out on
        a phone): the consultation's page, and for a member the login that brings him
        back there to read the materials and sign up to speak."""
        if not (self.done or self.current_answer()):
            return None
        url = self.consultation.absolute_url()
        login = None
        if self.recipient.kind == "member" and api.user.is_anonymous():
            login = f"{api.portal.get().absolute_url()}/login?came_from={quote(url, safe='')}"
        return {
            "url": url,
            "login": login,
            "attending": (self.chosen or self.current_answer()) == "accepted",
        }
