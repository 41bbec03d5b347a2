"""A meeting material (会议材料): a file staff add to a consultation, for its invitees and
staff, or for everybody once the consultation is held (meeting/materials.py keeps the
workflow state in step with that choice)."""

from collective.consultation import _
from plone.app.contenttypes.content import File
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

# What a committee shares before a meeting: documents, spreadsheets, slides, images.
# Named by extension, which the upload help shows to clerks (MIME types mean nothing to
# them); plone.namedfile maps each to its media type to check an upload.
ACCEPTED = (".pdf", ".doc", ".docx", ".xlsx", ".pptx", ".jpg", ".jpeg", ".png")


class IMeetingMaterial(model.Schema):
    title = schema.TextLine(title=_("Title"), required=True)
    kind = schema.Choice(
        title=_("Kind of material"),
        vocabulary="collective.consultation.material_kinds",
        required=True,
        default="reference",
    )
    audience = schema.Choice(
        title=_("Who may read it"),
        vocabulary="collective.consultation.material_audiences",
        required=True,
        default="invitees",
    )
    file = NamedBlobFile(title=_("File"), required=True, accept=ACCEPTED)
    notify_invitees = schema.Bool(
        title=_("Tell the invitees"),
        description=_(
            "When the consultation is already scheduled, each invitee is mailed a link "
            "to the new material (never the file itself)."
        ),
        required=False,
        default=False,
    )


@implementer(IMeetingMaterial)
class MeetingMaterial(File):
    """会议材料"""
