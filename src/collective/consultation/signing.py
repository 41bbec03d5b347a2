"""Signatures for links that stand in for a login or a place (an invitation's answer
links, a consultation's check-in code): an HMAC-SHA256 over the parts with the site's
rotating system secrets (plone.keyring), so a link cannot be altered into another one,
and keys rotated out stop the links made with them."""

from plone.keyring.interfaces import IKeyManager
from zope.component import getUtility

import hashlib
import hmac

RING = "_system"


def _secrets():
    manager = getUtility(IKeyManager)
    return [secret for secret in manager[RING] if secret]


def _signature(secret, parts):
    payload = "\n".join(str(part) for part in parts).encode()
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def sign(*parts):
    """The signature of ``parts`` with the current secret."""
    return _signature(_secrets()[0], parts)


def verify(signature, *parts):
    """Does ``signature`` fit ``parts`` with any secret still in the ring?"""
    signature = signature if isinstance(signature, str) else ""
    return any(
        hmac.compare_digest(_signature(secret, parts), signature)
        for secret in _secrets()
    )


def verify_prefix(signature, length, *parts):
    """Does ``signature``, the first ``length`` characters of one, fit ``parts``? For
    codes that must stay short (a QR code a phone reads from across a room)."""
    if not isinstance(signature, str) or len(signature) != length:
        return False
    return any(
        hmac.compare_digest(_signature(secret, parts)[:length], signature)
        for secret in _secrets()
    )
