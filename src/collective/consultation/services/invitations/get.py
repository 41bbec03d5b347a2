"""GET <consultation>/++api++/@invitations: each invitee and guest, what was sent to them
and when, how its delivery went (queued, sent, retrying, failed), and their answer."""

from collective.consultation.calendar import identity
from collective.consultation.calendar import invitations
from plone import api
from plone.restapi.services import Service


def invitations_summary(consultation):
    return {
        "@id": f"{consultation.absolute_url()}/@invitations",
        "review_state": api.content.get_state(consultation),
        "ical_uid": identity.ical_uid(consultation),
        "sequence": identity.ical_sequence(consultation),
        **invitations.summary(consultation),
    }


class InvitationsGet(Service):
    def reply(self):
        return invitations_summary(self.context)
