"""Signed RSVP links: each one names a consultation, one invitee and an expiry (the end of
the consultation), and carries an HMAC over all three, so it cannot be turned into a link
for another member or another consultation, and stops working once the meeting is over.
"""

from collective.consultation import signing
from plone import api
from plone.uuid.interfaces import IUUID
from urllib.parse import urlencode

import time


def expiry_of(consultation):
    return int(consultation.end.timestamp())


def rsvp_link(consultation, key, answer):
    uid = IUUID(consultation)
    expires = expiry_of(consultation)
    query = {
        "c": uid,
        "i": key,
        "x": expires,
        "a": answer,
        "s": signing.sign(uid, key, expires),
    }
    return f"{api.portal.get().absolute_url()}/@@rsvp?{urlencode(query)}"


class InvalidLink(Exception):
    """The link was altered, belongs to nobody invited, or has expired."""


def check(consultation_uid, key, expires, signature, now=None):
    """Raise InvalidLink unless the signature fits and the link has not expired."""
    try:
        expires = int(expires)
    except (TypeError, ValueError):
        raise InvalidLink("malformed")
    if not signing.verify(signature, consultation_uid, key, expires):
        raise InvalidLink("forged")
    if (now or time.time()) > expires:
        raise InvalidLink("expired")
