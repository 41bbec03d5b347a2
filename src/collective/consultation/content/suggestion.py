from collective.consultation import _
from collective.consultation.interfaces import IFromConsultation
from collective.consultation.validation import check_units
from collective.consultation.validation import relation_targets
from collective.consultation.widgets import MemberPickerFieldWidget
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer

HANDLE_SUGGESTION_ID = "collective.consultation.HandleSuggestion"
SECRETARIAT_FIELDS = (
    "lead_unit",
    "assisting_units",
    "deadline",
    "instruction",
    "answer",
    "answer_date",
    "answer_letter",
    "adoption_degree",
    "adopting_body",
    "implementation",
    "implementation_date",
    "decline_reason",
    "evaluation",
    "evaluation_comment",
    "merged_into",
)


def _related_widget(portal_type):
    return {
        "vocabulary": "plone.app.vocabularies.Catalog",
        "pattern_options": {
            "selectableTypes": [portal_type],
            "baseCriteria": [
                {
                    "i": "portal_type",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": [portal_type],
                }
            ],
            "mode": "search",
        },
    }


class ISuggestion(model.Schema):
    """A suggestion a consultation produced, or a public-opinion item
    filed directly in a programme."""

    text = schema.Text(title=_("Suggestion"), required=False)
    proposers = RelationList(
        title=_("Proposers"),
        description=_("The members who proposed it."),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        required=False,
        default=[],
        constraint=relation_targets("CommitteeMember"),
    )
    directives.widget(
        "proposers", MemberPickerFieldWidget, **_related_widget("CommitteeMember")
    )
    proposer_other = schema.TextLine(
        title=_("Other proposers"),
        description=_("A party, sector or committee that proposed it jointly."),
        required=False,
    )

    # The secretariat's fields: a proposer writes the suggestion, never its referral,
    # answer, adoption or evaluation. Forms and the REST API both refuse them to others;
    # the handling steps (@handling, @evaluation, @merge) set them after their own checks.
    directives.write_permission(
        **{name: HANDLE_SUGGESTION_ID for name in SECRETARIAT_FIELDS}
    )

    model.fieldset(
        "handling",
        label=_("Handling"),
        fields=["lead_unit", "assisting_units", "deadline", "instruction"],
    )
    lead_unit = schema.TextLine(
        title=_("Lead unit"),
        description=_("The unit that must answer."),
        required=False,
    )
    assisting_units = schema.List(
        title=_("Assisting units"),
        description=_("One unit per line."),
        value_type=schema.TextLine(),
        constraint=check_units,
        required=False,
        default=[],
    )
    deadline = schema.Date(title=_("Answer deadline"), required=False)
    instruction = schema.Text(
        title=_("Leader's instruction"),
        description=_("The instruction of the Party committee or government leaders."),
        required=False,
    )

    model.fieldset(
        "outcome",
        label=_("Answer and adoption"),
        fields=[
            "answer",
            "answer_date",
            "answer_letter",
            "adoption_degree",
            "adopting_body",
            "implementation",
            "implementation_date",
            "decline_reason",
            "evaluation",
            "evaluation_comment",
            "merged_into",
        ],
    )
    answer = schema.Text(title=_("Answer"), required=False)
    answer_date = schema.Date(title=_("Answer date"), required=False)
    answer_letter = NamedBlobFile(
        title=_("Reply letter"),
        description=_(
            "The unit's written answer (the reply letter), as a PDF or Word file."
        ),
        required=False,
    )
    adoption_degree = schema.Choice(
        title=_("Adoption"),
        vocabulary="collective.consultation.adoption_degrees",
        required=False,
    )
    adopting_body = schema.TextLine(
        title=_("Adopted by"),
        description=_("The body that adopted it, e.g. the municipal Party committee."),
        required=False,
    )
    implementation = schema.Text(
        title=_("Implementation"),
        description=_("What was done, and when."),
        required=False,
    )
    implementation_date = schema.Date(title=_("Implemented on"), required=False)
    decline_reason = schema.Text(
        title=_("Reason for not adopting"),
        required=False,
    )
    evaluation = schema.Choice(
        title=_("Proposers' evaluation"),
        description=_(
            "Democratic evaluation of the answer: the least satisfied proposer's rating."
        ),
        vocabulary="collective.consultation.evaluations",
        required=False,
    )
    evaluation_comment = schema.Text(title=_("Evaluation comment"), required=False)
    merged_into = RelationChoice(
        title=_("Merged into"),
        description=_("The lead suggestion this one was merged into."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
        constraint=relation_targets("Suggestion"),
    )
    directives.widget(
        "merged_into", RelatedItemsFieldWidget, **_related_widget("Suggestion")
    )


@implementer(ISuggestion, IFromConsultation)
class Suggestion(Item):
    """建议"""

    # 再办理: the round of handling; a dissatisfied evaluation can reopen a suggestion.
    handling_round = 1
