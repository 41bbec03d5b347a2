"""What a consultation's step did, said on the page the user lands on (Plone's own message
is only "the item's state has changed"): how many invitations, updates or cancellations
went into the outbox."""

from collective.consultation import _
from collective.consultation.calendar import invitations
from plone import api
from zope.globalrequest import getRequest


def consultation_transitioned(consultation, event):
    request = getRequest()
    if event.transition is None or request is None or not hasattr(request, "response"):
        return
    transition = event.transition.id
    if transition not in ("schedule", "cancel"):
        return
    # Counted by the rule the calendar subscriber follows (it may run before or after
    # this one): everyone invited, or for a cancellation those who were sent something.
    log = invitations.InvitationLog(consultation)
    everyone = invitations.recipients(consultation)
    if invitations.is_over(consultation):
        count = 0
    elif transition == "schedule":
        count = len(everyone)
    else:
        count = sum(1 for recipient in everyone if log.was_sent(recipient.key))
    message = {
        "schedule": _(
            "Scheduled: ${count} invitations are on their way; the list below shows "
            "their delivery.",
            mapping={"count": count},
        ),
        "cancel": _(
            "Cancelled: ${count} invitees are being told.", mapping={"count": count}
        ),
    }[transition]
    api.portal.show_message(message, request=request)
