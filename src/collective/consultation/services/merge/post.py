"""POST <lead suggestion>/++api++/@merge {"suggestions": [UID or path, ...], "comment": ""}:
merge those suggestions into this one. All are checked first; a bad one stores nothing.
"""

from collective.consultation import _
from collective.consultation.errors import FieldError
from collective.consultation.services.base import body_text
from collective.consultation.services.base import json_object
from collective.consultation.services.base import resolve
from collective.consultation.services.merge.get import lineage
from collective.consultation.tracking import merge
from plone.restapi.services import Service
from zope.interface import alsoProvides

import plone.protect.interfaces


class MergePost(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        data = json_object(self.request)
        references = data.get("suggestions")
        if not isinstance(references, list) or not references:
            raise FieldError(
                "suggestions",
                _("a list of suggestion UIDs or paths to merge into this one."),
            )
        others = []
        for reference in references:
            found = resolve(reference)
            if found is None:
                raise FieldError(
                    "suggestions",
                    _(
                        "no suggestion '${reference}'.",
                        mapping={"reference": str(reference)},
                    ),
                )
            others.append(found)
        merge.merge(self.context, others, body_text(data, "comment"))
        return lineage(self.context)
