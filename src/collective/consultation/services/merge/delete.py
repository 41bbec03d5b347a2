"""DELETE <merged suggestion>/++api++/@merge: handle it on its own again."""

from collective.consultation.services.merge.get import lineage
from collective.consultation.tracking import merge
from plone.restapi.services import Service
from zope.interface import alsoProvides

import plone.protect.interfaces


class MergeDelete(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        merge.unmerge(self.context)
        return lineage(self.context)
