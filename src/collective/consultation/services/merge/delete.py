"""DELETE <merged suggestion>/++api++/@merge: handle it on its own again."""

from collective.consultation.services.merge.get import lineage
from collective.consultation.tracking import merge
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.interface import alsoProvides

import plone.protect.interfaces


class MergeDelete(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        try:
            merge.unmerge(self.context)
        except merge.MergeError as exc:
            raise BadRequest(str(exc))
        return lineage(self.context)
