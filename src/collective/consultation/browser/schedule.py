"""Scheduling a consultation (``@@schedule-consultation``): it mails every invitee, so the
workflow menu opens this page, which says to how many the invitations go and asks first
when nobody is invited (an invitee picker left empty must not pass unnoticed)."""

from collective.consultation.calendar import invitations
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import Forbidden


class ScheduleConsultation(BrowserView):
    def __call__(self):
        wftool = api.portal.get_tool("portal_workflow")
        if "schedule" not in {t["id"] for t in wftool.getTransitionsFor(self.context)}:
            raise Forbidden("This consultation cannot be scheduled now, or not by you.")
        if self.request.method == "POST" and self.request.form.get("confirm"):
            CheckAuthenticator(self.request)
            api.content.transition(self.context, transition="schedule")
            self.request.response.redirect(self.context.absolute_url())
            return ""
        return self.index()

    def invited(self):
        """How many the invitations go to (members and guests with an address)."""
        return len(list(invitations.recipients(self.context)))

    def members_invited(self):
        return len(self.context.invitees or ())
