"""Personal calendar feeds: a long random token per member gives read access, without
login, to the consultations that member is invited to. Only a hash is indexed; a new token
revokes the old one."""

import hashlib
import secrets


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def regenerate(member):
    member.feed_token = secrets.token_urlsafe(32)
    member.reindexObject(idxs=["feed_token_hash"])
    return member.feed_token


def ensure_token(member, event=None):
    """Every member gets a token when added (also used as an event subscriber)."""
    if not getattr(member, "feed_token", None):
        member.feed_token = secrets.token_urlsafe(32)
    return member.feed_token


def member_for_token(token):
    """The member brain a token belongs to, or None (unrestricted: the token is the key)."""
    from plone import api

    if not token or len(token) < 20:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="CommitteeMember", feed_token_hash=token_hash(token)
    )
    return brains[0] if len(brains) == 1 else None
