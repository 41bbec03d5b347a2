from collective.consultation import _
from collective.consultation.validation import check_year
from datetime import date
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


def current_year():
    return date.today().year


class IConsultationProgramme(model.Schema):
    """A year's consultation programme (年度协商计划): holds the year's consultations
    and its public-opinion suggestions (社情民意信息)."""

    year = schema.Int(
        title=_("Year"),
        description=_("The year this programme plans, 1949 to 2100."),
        required=True,
        defaultFactory=current_year,
        constraint=check_year,
    )


@implementer(IConsultationProgramme)
class ConsultationProgramme(Container):
    """年度协商计划"""
