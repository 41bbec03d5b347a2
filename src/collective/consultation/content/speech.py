"""A speech (协商发言): what an invited member will say at a consultation. The member
writes and submits it before the consultation's deadline; staff accept or decline it and
arrange the speaking order, the minutes each speaker has and the units that respond
(部门回应). meeting/speeches.py holds the rules."""

from collective.consultation import _
from collective.consultation.content.material import ACCEPTED
from collective.consultation.content.suggestion import _related_widget
from collective.consultation.interfaces import IFromConsultation
from collective.consultation.relations import related_objects
from collective.consultation.validation import check_units
from collective.consultation.validation import relation_targets
from collective.consultation.widgets import MemberPickerFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer

# Staff (and the secretariat) arrange speeches: the permission that runs the meeting day.
ARRANGE_PERMISSION_ID = "collective.consultation.ManageAttendance"
ARRANGEMENT_FIELDS = (
    "speaker",
    "speaking_position",
    "speaking_minutes",
    "responding_units",
)


class ISpeech(model.Schema):
    title = schema.TextLine(title=_("Title of the speech"), required=True)
    text = schema.Text(title=_("Text of the speech"), required=True)
    attachment = NamedBlobFile(
        title=_("Attachment"),
        description=_("A longer version or slides, as a PDF, Word file or image."),
        required=False,
        accept=ACCEPTED,
    )
    co_speakers = RelationList(
        title=_("Co-speakers"),
        description=_("Members who prepared the speech with the speaker."),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        required=False,
        default=[],
        constraint=relation_targets("CommitteeMember"),
    )
    directives.widget(
        "co_speakers", MemberPickerFieldWidget, **_related_widget("CommitteeMember")
    )

    # A member speaks for themself (the speaker is the member who writes it); staff
    # name the speaker when they enter a speech for a member, and arrange the day.
    directives.write_permission(
        **{name: ARRANGE_PERMISSION_ID for name in ARRANGEMENT_FIELDS}
    )
    model.fieldset(
        "arrangement",
        label=_("Arrangement"),
        fields=list(ARRANGEMENT_FIELDS),
    )
    speaker = RelationChoice(
        title=_("Speaker"),
        description=_("Left empty, the member who writes the speech."),
        vocabulary="plone.app.vocabularies.Catalog",
        required=False,
        constraint=relation_targets("CommitteeMember"),
    )
    directives.widget(
        "speaker", MemberPickerFieldWidget, **_related_widget("CommitteeMember")
    )
    speaking_position = schema.Int(
        title=_("Speaking order"), required=False, min=1, max=999
    )
    speaking_minutes = schema.Int(
        title=_("Minutes to speak"), required=False, min=1, max=180
    )
    responding_units = schema.List(
        title=_("Responding units"),
        description=_("Departments named to respond after the speech, one per line."),
        value_type=schema.TextLine(),
        constraint=check_units,
        required=False,
        default=[],
    )


@implementer(ISpeech, IFromConsultation)
class Speech(Item):
    """协商发言"""


def speaker_of(speech):
    return getattr(speech.speaker, "to_object", None) if speech.speaker else None


def speakers_of(speech):
    """The speaker first, then the co-speakers (CommitteeMember objects)."""
    speaker = speaker_of(speech)
    others = [m for m in related_objects(speech.co_speakers) if m is not speaker]
    return ([speaker] if speaker is not None else []) + others
