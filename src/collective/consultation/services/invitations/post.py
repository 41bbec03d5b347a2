"""POST <consultation>/++api++/@invitations: (re)send the invitation to everyone, or to
{"recipients": [member UID, guest key or e-mail, ...]}. The messages are queued; the answer
lists who they were queued for, and the summary shows their delivery as it goes."""

from collective.consultation.calendar import invitations
from collective.consultation.services.invitations.get import invitations_summary
from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.interface import alsoProvides

import plone.protect.interfaces


class InvitationsPost(Service):
    def reply(self):
        # JSON only, and cookie-authenticated calls from this site only (services/csrf.py)
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        data = json_body(self.request) or {}
        if not isinstance(data, dict):
            raise BadRequest("The body must be a JSON object.")
        if api.content.get_state(self.context) != "scheduled":
            raise BadRequest("Invitations are sent for a scheduled consultation only.")
        if invitations.is_over(self.context):
            raise BadRequest(
                "The consultation is over: invitations are no longer sent."
            )
        chosen = self.chosen(
            data.get("recipients"), invitations.recipients(self.context)
        )
        invitations.send(self.context, "invitation", to=chosen)
        summary = invitations_summary(self.context)
        summary["queued"] = [recipient.key for recipient in chosen]
        return summary

    def chosen(self, wanted, everyone):
        if wanted is None:
            return everyone
        if not isinstance(wanted, list) or not all(isinstance(w, str) for w in wanted):
            raise BadRequest(
                "recipients: a list of member UIDs, guest keys or e-mail addresses."
            )
        lookup = {r.key: r for r in everyone}
        lookup.update({r.email.lower(): r for r in everyone})
        chosen, unknown = {}, []
        for wanted_one in wanted:
            recipient = lookup.get(wanted_one) or lookup.get(wanted_one.lower())
            if recipient is None:
                unknown.append(wanted_one)
            else:
                chosen[recipient.key] = recipient
        if unknown:
            raise BadRequest(
                f"recipients: not invited to this consultation: {', '.join(unknown)}"
            )
        return list(chosen.values())
