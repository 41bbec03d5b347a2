"""POST <lead suggestion>/++api++/@merge {"suggestions": [UID or path, ...], "comment": ""}:
merge those suggestions into this one. All are checked first; a bad one stores nothing.
"""

from collective.consultation.services.base import body_text
from collective.consultation.services.base import resolve
from collective.consultation.services.merge.get import lineage
from collective.consultation.tracking import merge
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.interface import alsoProvides

import plone.protect.interfaces


class MergePost(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        data = json_body(self.request) or {}
        references = data.get("suggestions") if isinstance(data, dict) else None
        if not isinstance(references, list) or not references:
            raise BadRequest(
                "suggestions: a list of suggestion UIDs or paths to merge into this one."
            )
        others = []
        for reference in references:
            found = resolve(reference)
            if found is None:
                raise BadRequest(f"suggestions: no suggestion '{reference}'.")
            others.append(found)
        try:
            merge.merge(self.context, others, body_text(data, "comment"))
        except merge.MergeError as exc:
            raise BadRequest(str(exc))
        return lineage(self.context)
