"""POST <lead suggestion>/++api++/@merge {"suggestions": [UID or path, ...], "comment": ""}:
merge those suggestions into this one. All are checked first; a bad one stores nothing."""

from collective.consultation.services.merge.get import lineage
from collective.consultation.tracking import merge
from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.interface import alsoProvides

import plone.protect.interfaces


def resolve(reference):
    """A suggestion by UID, site path or URL."""
    if not isinstance(reference, str) or not reference:
        return None
    found = api.content.get(UID=reference) if "/" not in reference else None
    if found is None and "/" in reference:
        portal = api.portal.get()
        path = reference.split(portal.absolute_url(), 1)[-1].lstrip("/")
        found = api.content.get(path="/" + path)
    return found


class MergePost(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        data = json_body(self.request) or {}
        references = data.get("suggestions") if isinstance(data, dict) else None
        if not isinstance(references, list) or not references:
            raise BadRequest("suggestions: a list of suggestion UIDs or paths to merge into this one.")
        others = []
        for reference in references:
            found = resolve(reference)
            if found is None:
                raise BadRequest(f"suggestions: no suggestion '{reference}'.")
            others.append(found)
        try:
            merge.merge(self.context, others, data.get("comment") or "")
        except merge.MergeError as exc:
            raise BadRequest(str(exc))
        return lineage(self.context)
