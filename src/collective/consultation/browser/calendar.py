"""Classic UI around calendars: the links to .ics and webcal feeds, the invitations panel
with re-sending, and the member's personal feed link with regeneration."""

from AccessControl import getSecurityManager
from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.browser.display import delivery_label
from collective.consultation.calendar import feedtoken
from collective.consultation.calendar import invitations
from collective.consultation.dates import shown
from collective.consultation.permissions import MANAGE_INVITATIONS
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import Forbidden
from zope.i18n import translate


def webcal(url):
    """The same URL with the webcal scheme, which calendar programs subscribe to."""
    return "webcal://" + url.split("://", 1)[-1]


def api_url(context, endpoint):
    """<site>/++api++/<path>/<endpoint>: with ++api++ right after the site, plone.rest
    answers whatever Accept header a calendar program or browser sends."""
    portal = api.portal.get()
    relative = "/".join(context.getPhysicalPath()[len(portal.getPhysicalPath()) :])
    return "/".join(
        part for part in (portal.absolute_url(), "++api++", relative, endpoint) if part
    )


def ical_url(context):
    return api_url(context, "@ical")


def personal_feed_url(member):
    token = getattr(member, "feed_token", None)
    if not token:
        return None
    return f"{api.portal.get().absolute_url()}/++api++/@calendar-feed/{token}"


def may_manage_feed(member):
    """The member themself, or whoever may edit the member's record."""
    user = api.user.get_current()
    own = bool(member.userid) and user.getId() == member.userid
    return own or getSecurityManager().checkPermission("Modify portal content", member)


class InvitationsPanel(BrowserView):
    """Mixed into the consultation view: what staff see of invitations."""

    def can_manage(self):
        return bool(
            getSecurityManager().checkPermission(MANAGE_INVITATIONS, self.context)
        )

    def invitation_summary(self):
        return invitations.summary(self.context)

    def delivery_label(self, invitation):
        return delivery_label(
            invitation["delivery"],
            self.request,
            invitation["delivered"],
            invitation["attempts"],
        )

    def local_time(self, iso):
        return shown(iso)

    def answer_label(self, answer):
        return (
            translate(dict(vocabularies.RSVP_ANSWERS)[answer], context=self.request)
            if answer
            else ""
        )


class ResendInvitations(BrowserView):
    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        CheckAuthenticator(self.request)
        if not getSecurityManager().checkPermission(MANAGE_INVITATIONS, self.context):
            raise Forbidden()
        messages = api.portal.show_message
        if api.content.get_state(self.context) != "scheduled" or invitations.is_over(
            self.context
        ):
            messages(
                _("Invitations are sent for a scheduled consultation only."),
                self.request,
                "error",
            )
        else:
            keys = self.request.form.get("keys") or None
            chosen = [
                r
                for r in invitations.recipients(self.context)
                if keys is None or r.key in keys
            ]
            invitations.send(self.context, "invitation", to=chosen)
            messages(
                _(
                    "${count} invitations are queued; the list shows their delivery.",
                    mapping={"count": len(chosen)},
                ),
                self.request,
                "info",
            )
        self.request.response.redirect(f"{self.context.absolute_url()}#invitations")


class RegenerateFeedToken(BrowserView):
    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("POST only")
        CheckAuthenticator(self.request)
        if not may_manage_feed(self.context):
            raise Forbidden()
        feedtoken.regenerate(self.context)
        api.portal.show_message(
            _("A new calendar link was made; the old one no longer works."),
            self.request,
            "info",
        )
        self.request.response.redirect(self.context.absolute_url())
