"""What happens to invitations when a consultation is added, changed, scheduled or
cancelled."""

from collective.consultation.calendar import identity
from collective.consultation.calendar import invitations
from plone import api
from zope.container.interfaces import IContainerModifiedEvent


def _reindex(consultation):
    consultation.reindexObject(idxs=["ical_uid"])  # refreshes the metadata feeds read


def consultation_added(consultation, event):
    identity.ical_uid(consultation)
    identity.remember_fingerprint(consultation)


def consultation_modified(consultation, event):
    if IContainerModifiedEvent.providedBy(event):
        return  # a suggestion or file was added inside: nothing for calendars
    changed = identity.remember_fingerprint(consultation)
    if changed:
        identity.raise_sequence(consultation)
    if api.content.get_state(consultation) != "scheduled" or invitations.is_over(
        consultation
    ):
        if changed:
            _reindex(consultation)
        return
    log = invitations.InvitationLog(consultation)
    current = invitations.recipients(consultation)
    new = [r for r in current if not log.was_sent(r.key)]
    old = [r for r in current if log.was_sent(r.key)]
    if changed and old:
        invitations.send(consultation, "update", to=old)
    if new:
        invitations.send(consultation, "invitation", to=new)
    removed = invitations.removed_recipients(consultation)
    if removed:
        invitations.send(consultation, "cancellation", to=removed)
    _reindex(consultation)


def consultation_transitioned(consultation, event):
    if event.transition is None:
        return
    if event.transition.id == "schedule" and not invitations.is_over(consultation):
        invitations.send(consultation, "invitation")
    elif event.transition.id == "cancel":
        identity.raise_sequence(consultation)
        if event.old_state.id == "scheduled" and not invitations.is_over(consultation):
            log = invitations.InvitationLog(consultation)
            sent = [
                r for r in invitations.recipients(consultation) if log.was_sent(r.key)
            ]
            invitations.send(consultation, "cancellation", to=sent)
    _reindex(consultation)
