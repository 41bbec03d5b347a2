"""plone.restapi serializers that keep members' personal data private (privacy.py).

Relations are shown as plone.restapi shows them only where the user may see the target:
a member named as proposer appears by name alone to everybody else (no URL, no UID), and
another target the user may not see is left out."""

from AccessControl import getSecurityManager
from collective.consultation.content.member import ICommitteeMember
from collective.consultation.interfaces import IBrowserLayer
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.dxfields import DefaultFieldSerializer
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zope.component import adapter
from zope.interface import implementer


def relation_summary(relation):
    target = getattr(relation, "to_object", None)
    if target is None:
        return None
    if getSecurityManager().checkPermission("View", target):
        return json_compatible(relation)
    if ICommitteeMember.providedBy(target):
        return {"title": target.title}
    return None


@adapter(IRelationList, IDexterityContent, IBrowserLayer)
@implementer(IFieldSerializer)
class RelationListSerializer(DefaultFieldSerializer):
    def __call__(self):
        summaries = [relation_summary(r) for r in self.get_value() or ()]
        return [s for s in summaries if s is not None]


@adapter(IRelationChoice, IDexterityContent, IBrowserLayer)
@implementer(IFieldSerializer)
class RelationChoiceSerializer(DefaultFieldSerializer):
    def __call__(self):
        value = self.get_value()
        return relation_summary(value) if value else None
