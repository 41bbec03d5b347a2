"""Cancelling a consultation (``@@cancel-consultation``): it mails every invitee, so the
workflow menu opens this page, which says so, asks for the reason (kept in the history
and given in the cancellation) and wants a confirmation."""

from collective.consultation import _
from collective.consultation.calendar import invitations
from collective.consultation.validation import text_problem
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import Forbidden


class CancelConsultation(BrowserView):
    error = None

    def __call__(self):
        if "cancel" not in self.transitions():
            raise Forbidden("This consultation cannot be cancelled now, or not by you.")
        if self.request.method == "POST" and self.request.form.get("confirm"):
            CheckAuthenticator(self.request)
            reason = (self.request.form.get("reason") or "").strip()
            problem = text_problem(reason, single_line=False) if reason else None
            if not reason:
                self.error = _("Say why the consultation is cancelled.")
            elif problem:
                self.error = problem
            else:
                api.content.transition(
                    self.context, transition="cancel", comment=reason
                )
                self.request.response.redirect(self.context.absolute_url())
                return ""
        return self.index()

    def transitions(self):
        wftool = api.portal.get_tool("portal_workflow")
        return {t["id"] for t in wftool.getTransitionsFor(self.context)}

    def told(self):
        """How many invitees the cancellation goes to."""
        log = invitations.InvitationLog(self.context)
        if invitations.is_over(self.context):
            return 0
        return sum(
            1 for r in invitations.recipients(self.context) if log.was_sent(r.key)
        )
