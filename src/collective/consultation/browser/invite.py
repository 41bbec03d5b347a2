"""Inviting a whole sector (界别) in one step, from the consultation's page: a sectoral
consultation usually invites all its members."""

from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.browser.display import label
from collective.consultation.calendar import invitations
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zExceptions import Forbidden


class InviteSector(BrowserView):
    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        CheckAuthenticator(self.request)
        if api.content.get_state(self.context) not in ("draft", "scheduled"):
            raise BadRequest("Invite members before the consultation is held.")
        sector = self.request.form.get("sector")
        if sector not in dict(vocabularies.SECTORS):
            raise BadRequest("sector: choose one of the sectors.")
        catalog = api.portal.get_tool("portal_catalog")
        members = [
            brain.getObject()
            for brain in catalog(portal_type="CommitteeMember", sector=sector)
        ]
        added = invitations.invite(self.context, members)
        api.portal.show_message(
            _(
                "${count} members of ${sector} were added to the invitees.",
                mapping={
                    "count": added,
                    "sector": label(vocabularies.SECTORS, sector, self.request),
                },
            ),
            request=self.request,
        )
        self.request.response.redirect(f"{self.context.absolute_url()}#invitees")
        return ""
