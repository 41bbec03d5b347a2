"""GET <consultation>/++api++/@invitations: each invitee and guest, what was sent to them
and when, whether it failed, and their answer."""

from collective.consultation.calendar import identity
from collective.consultation.calendar.invitations import ANSWERS
from collective.consultation.calendar.invitations import InvitationLog
from collective.consultation.calendar.invitations import recipients
from plone import api
from plone.restapi.services import Service


def invitations_summary(consultation):
    log = InvitationLog(consultation)
    rows = []
    for recipient in recipients(consultation):
        record = log.records.get(recipient.key, {})
        sendings = [dict(s) for s in record.get("sendings", ())]
        rows.append(
            {
                "key": recipient.key,
                "kind": recipient.kind,
                "name": recipient.name,
                "email": recipient.email,
                "sent": sendings,
                "last_sent": sendings[-1]["time"] if sendings else None,
                "failed": bool(sendings) and not sendings[-1]["ok"],
                "answer": record.get("answer"),
                "reason": record.get("reason", ""),
                "answered": record.get("answered"),
            }
        )
    counts = {
        answer: sum(1 for r in rows if r["answer"] == answer) for answer in ANSWERS
    }
    counts.update(
        invited=len(rows),
        sent=sum(1 for r in rows if r["sent"] and not r["failed"]),
        failed=sum(1 for r in rows if r["failed"]),
        no_answer=sum(1 for r in rows if not r["answer"]),
    )
    return {
        "@id": f"{consultation.absolute_url()}/@invitations",
        "review_state": api.content.get_state(consultation),
        "ical_uid": identity.ical_uid(consultation),
        "sequence": identity.ical_sequence(consultation),
        "summary": counts,
        "items": rows,
    }


class InvitationsGet(Service):
    def reply(self):
        return invitations_summary(self.context)
