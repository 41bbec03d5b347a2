"""A consultation's calendar identity: a UID kept for its whole life, and a SEQUENCE
raised by one whenever attendees must update their copy (time, place or online link
changed, or the consultation was cancelled)."""

from plone.uuid.interfaces import IUUID

UID_DOMAIN = "consultation.collective"


def ical_uid(consultation):
    uid = getattr(consultation, "ical_uid", None)
    if not uid:
        uid = f"{IUUID(consultation)}@{UID_DOMAIN}"
        consultation.ical_uid = uid
    return uid


def ical_sequence(consultation):
    return getattr(consultation, "ical_sequence", 0) or 0


def raise_sequence(consultation):
    consultation.ical_sequence = ical_sequence(consultation) + 1
    return consultation.ical_sequence


def schedule_fingerprint(consultation):
    """What calendar programs show and must be told about when it changes."""
    start, end = consultation.start, consultation.end
    return (
        start.isoformat() if start else None,
        end.isoformat() if end else None,
        getattr(consultation, "location", None) or "",
        consultation.online_url or "",
    )


def remember_fingerprint(consultation):
    """Store the current fingerprint; True when it differs from the one stored before."""
    current = schedule_fingerprint(consultation)
    before = getattr(consultation, "_ical_fingerprint", None)
    consultation._ical_fingerprint = current
    return before is not None and before != current
