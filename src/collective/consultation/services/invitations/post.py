"""POST <consultation>/++api++/@invitations: (re)send the invitation to everyone, or to
{"recipients": [member UID, guest key or e-mail, ...]}. The messages are queued; the answer
lists who they were queued for, and the summary shows their delivery as it goes."""

from collective.consultation import _
from collective.consultation.calendar import invitations
from collective.consultation.errors import FieldError
from collective.consultation.services.base import json_object
from collective.consultation.services.invitations.get import invitations_summary
from plone import api
from plone.restapi.services import Service
from zope.interface import alsoProvides

import plone.protect.interfaces


class InvitationsPost(Service):
    def reply(self):
        # JSON only, and cookie-authenticated calls from this site only (services/csrf.py)
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        data = json_object(self.request)
        if api.content.get_state(self.context) != "scheduled":
            raise FieldError(
                "review_state",
                _("invitations are sent for a scheduled consultation only."),
            )
        if invitations.is_over(self.context):
            raise FieldError(
                "end", _("the consultation is over: invitations are no longer sent.")
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
            raise FieldError(
                "recipients",
                _("a list of member UIDs, guest keys or e-mail addresses."),
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
            raise FieldError(
                "recipients",
                _(
                    "not invited to this consultation: ${names}.",
                    mapping={"names": ", ".join(unknown)},
                ),
            )
        return list(chosen.values())
