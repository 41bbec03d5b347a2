"""Signed RSVP links: each one names a consultation, one invitee and an expiry (the end of
the consultation), and carries an HMAC over all three, so it cannot be turned into a link
for another member or another consultation, and stops working once the meeting is over.
"""

from plone import api
from plone.keyring.interfaces import IKeyManager
from plone.uuid.interfaces import IUUID
from urllib.parse import urlencode
from zope.component import getUtility

import hashlib
import hmac
import time

RING = "_system"


def _secrets():
    manager = getUtility(IKeyManager)
    return [secret for secret in manager[RING] if secret]


def _signature(secret, consultation_uid, key, expires):
    payload = f"{consultation_uid}\n{key}\n{expires}".encode()
    return hmac.new(
        secret.encode() if isinstance(secret, str) else secret, payload, hashlib.sha256
    ).hexdigest()


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
        "s": _signature(_secrets()[0], uid, key, expires),
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
    signature = signature or ""
    if not any(
        hmac.compare_digest(
            _signature(secret, consultation_uid, key, expires), signature
        )
        for secret in _secrets()
    ):
        raise InvalidLink("forged")
    if (now or time.time()) > expires:
        raise InvalidLink("expired")
