"""Local roles derived from content: a member's site login gets

- ``Invitee`` on the consultations that invite the member (see them, propose there),
- ``Proposer`` on the suggestions the member proposed and the speeches they give,
- ``Reader`` on the member's own directory entry.

Derived, not stored, so changing an invitation or a member's login takes effect at once
(the catalog's security index is refreshed when the content is reindexed).
"""

from borg.localrole.interfaces import ILocalRoleProvider
from collective.consultation.content.consultation import IConsultation
from collective.consultation.content.member import ICommitteeMember
from collective.consultation.content.speech import ISpeech
from collective.consultation.content.speech import speakers_of
from collective.consultation.content.suggestion import ISuggestion
from collective.consultation.relations import linked_userids
from collective.consultation.relations import related_objects
from zope.component import adapter
from zope.interface import implementer


class _DerivedRoles:
    roles = ()

    def __init__(self, context):
        self.context = context

    def principals(self):
        raise NotImplementedError

    def getRoles(self, principal_id):
        return self.roles if principal_id in self.principals() else ()

    def getAllRoles(self):
        return [(principal, self.roles) for principal in self.principals()]


@implementer(ILocalRoleProvider)
@adapter(IConsultation)
class InviteeRoles(_DerivedRoles):
    roles = ("Invitee",)

    def principals(self):
        return linked_userids(related_objects(self.context.invitees))


@implementer(ILocalRoleProvider)
@adapter(ISuggestion)
class ProposerRoles(_DerivedRoles):
    roles = ("Proposer",)

    def principals(self):
        return linked_userids(related_objects(self.context.proposers))


@implementer(ILocalRoleProvider)
@adapter(ISpeech)
class SpeakerRoles(_DerivedRoles):
    roles = ("Proposer",)

    def principals(self):
        return linked_userids(speakers_of(self.context))


@implementer(ILocalRoleProvider)
@adapter(ICommitteeMember)
class OwnEntryRoles(_DerivedRoles):
    roles = ("Reader",)

    def principals(self):
        return [self.context.userid] if self.context.userid else []
