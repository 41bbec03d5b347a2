"""Inviting a whole sector (界别), or the whole standing committee (常委), in one step from
the consultation's page: a sectoral consultation usually invites all its members, a
standing committee's consultation all the 常委."""

from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.browser.display import label
from collective.consultation.calendar import invitations
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zExceptions import Forbidden
from zope.i18n import translate

# The choice above the sectors: the standing committee (常委会组成人员) as a whole.
STANDING = "standing_committee"
STANDING_TITLE = _("All members of the standing committee")


class InviteSector(BrowserView):
    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        CheckAuthenticator(self.request)
        if api.content.get_state(self.context) not in ("draft", "scheduled"):
            raise BadRequest("Invite members before the consultation is held.")
        sector = self.request.form.get("sector")
        if sector != STANDING and sector not in dict(vocabularies.SECTORS):
            raise BadRequest("sector: choose one of the sectors.")
        query = (
            {"standing_committee": True} if sector == STANDING else {"sector": sector}
        )
        catalog = api.portal.get_tool("portal_catalog")
        members = [
            brain.getObject()
            for brain in catalog(portal_type="CommitteeMember", **query)
        ]
        added = invitations.invite(self.context, members)
        group = (
            translate(STANDING_TITLE, context=self.request)
            if sector == STANDING
            else label(vocabularies.SECTORS, sector, self.request)
        )
        api.portal.show_message(
            _(
                "${count} members of ${sector} were added to the invitees.",
                mapping={"count": added, "sector": group},
            ),
            request=self.request,
        )
        self.request.response.redirect(f"{self.context.absolute_url()}#invitees")
        return ""
