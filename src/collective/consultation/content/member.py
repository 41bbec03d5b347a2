from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.language import site_language
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.schema.email import Email
from plone.supermodel import model
from zope import schema
from zope.i18n import translate
from zope.interface import implementer


class IMemberDirectory(model.Schema):
    """The directory of committee members (委员名录)."""


@implementer(IMemberDirectory)
class MemberDirectory(Container):
    """委员名录"""


class ICommitteeMember(model.Schema):
    """A member of the committee (政协委员)."""

    title = schema.TextLine(title=_("Name"), required=True)
    sector = schema.Choice(
        title=_("Sector"),
        vocabulary="collective.consultation.sectors",
        required=False,
    )
    party = schema.Choice(
        title=_("Party"),
        vocabulary="collective.consultation.parties",
        required=False,
    )
    organisation = schema.TextLine(
        title=_("Organisation and position"),
        required=False,
    )
    standing_committee = schema.Bool(
        title=_("Member of the standing committee"),
        required=False,
        default=False,
    )
    terms = schema.List(
        title=_("Terms served"),
        description=_(
            "The committee's terms the member served in; left empty, the member counts "
            "in every term."
        ),
        value_type=schema.Choice(vocabulary="collective.consultation.terms"),
        required=False,
        default=[],
    )
    email = Email(title=_("E-mail"), required=True)
    phone = schema.TextLine(title=_("Phone"), required=False)
    userid = schema.TextLine(
        title=_("Site user"),
        description=_(
            "The login of this member's site account: it lets the member see the "
            "consultations they are invited to and propose suggestions."
        ),
        required=False,
    )


@implementer(ICommitteeMember)
class CommitteeMember(Item):
    """政协委员"""

    def Description(self):
        """ "界别 · 单位及职务": what tells two members with one name apart, in pickers
        and lists (no contact data)."""
        sector = vocabularies.title_of(vocabularies.SECTORS, self.sector)
        parts = [
            translate(sector, target_language=site_language()) if sector else "",
            self.organisation or "",
        ]
        return " · ".join(part for part in parts if part)
