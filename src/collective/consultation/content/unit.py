from collective.consultation import _
from plone.dexterity.content import Container
from plone.dexterity.content import Item
from plone.schema.email import Email
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


class IUnitDirectory(model.Schema):
    """The units that answer suggestions (承办单位名录)."""


@implementer(IUnitDirectory)
class UnitDirectory(Container):
    """承办单位名录"""


class IHandlingUnit(model.Schema):
    """A unit that answers suggestions (承办单位): a department, a county government, a bank."""

    title = schema.TextLine(
        title=_("Unit name"),
        description=_(
            "Exactly as suggestions name it, e.g. the municipal water resources bureau."
        ),
        required=True,
    )
    contact_person = schema.TextLine(title=_("Contact person"), required=False)
    contact_email = Email(
        title=_("Contact e-mail"),
        description=_("Referrals and overdue reminders are sent here."),
        required=True,
    )
    phone = schema.TextLine(title=_("Phone"), required=False)


@implementer(IHandlingUnit)
class HandlingUnit(Item):
    """承办单位"""
