"""Meeting materials on the consultation's page, and ``@@read``: the link every list gives
to a material, which counts the member's read and then hands over the file."""

from collective.consultation import vocabularies
from collective.consultation.browser.display import label
from collective.consultation.content.consultation import contained
from collective.consultation.meeting import materials
from collective.consultation.meeting import previews
from collective.consultation.permissions import MANAGE_ATTENDANCE
from collective.consultation.relations import member_of_user
from plone import api
from plone.protect.utils import safeWrite
from Products.Five.browser import BrowserView
from urllib.parse import quote
from zExceptions import NotFound


def material_rows(consultation, request):
    """The materials this user may read, with their kind's label; for staff also how
    many members opened each."""
    staff = api.user.has_permission(MANAGE_ATTENDANCE, obj=consultation)
    return [
        dict(row, kind=label(vocabularies.MATERIAL_KINDS, row["kind"], request))
        for row in materials.listing(consultation, with_readers=staff)
    ]


class MaterialsPanel:
    """Mixin for the consultation's page."""

    def materials(self):
        if not hasattr(self, "_material_rows"):  # the page asks twice (list, login)
            self._material_rows = material_rows(self.context, self.request)
        return self._material_rows

    def login_for_materials(self):
        """For a visitor who is not logged in (an invitee come from the mail's link to
        the materials), the login address that brings him back to them, when the
        consultation has materials he cannot see yet; else None."""
        if not api.user.is_anonymous():
            return None
        hidden = len(contained(self.context, "MeetingMaterial", unrestricted=True))
        if hidden <= len(self.materials()):
            return None
        back = quote(f"{self.context.absolute_url()}#materials", safe="")
        return f"{api.portal.get().absolute_url()}/login?came_from={back}"

    def can_add_material(self):
        return api.user.has_permission(
            "collective.consultation: Add MeetingMaterial", obj=self.context
        )


def record_read(material, request):
    """Counts the current member's read (staff see who read what)."""
    member = member_of_user(api.user.get_current().getId())
    if member is None:
        return
    reads = materials.record_read(material, member.UID())
    # a GET that writes: plone.protect is told this one is meant
    for written in (
        material,
        getattr(material, "__annotations__", None),
        reads,
        reads[member.UID()],
    ):
        if written is not None:
            safeWrite(written, request)


class ReadMaterial(BrowserView):
    def __call__(self):
        record_read(self.context, self.request)
        self.request.response.redirect(f"{self.context.absolute_url()}/@@download/file")
        return ""


class MaterialPage(BrowserView):
    """A material's page (its default view): what it is, for which consultation, a
    preview a phone can show (previews.py), and the button that opens the file. A
    member who sees the preview has read it."""

    def __call__(self):
        if self.preview_kind():
            record_read(self.context, self.request)
        return self.index()

    def preview_kind(self):
        return previews.kind(self.context)

    def kind_label(self):
        return label(vocabularies.MATERIAL_KINDS, self.context.kind, self.request)

    def consultation(self):
        consultation = materials.consultation_of(self.context)
        return {"title": consultation.Title(), "url": consultation.absolute_url()}

    def file_name(self):
        return getattr(self.context.file, "filename", "") or ""


class MaterialPreview(BrowserView):
    """``@@preview``: the picture the material's page shows (404 when it has none)."""

    def __call__(self):
        found = previews.preview(self.context)
        if found is None:
            raise NotFound(self.context, "preview", self.request)
        response = self.request.response
        response.setHeader("Content-Type", found.content_type)
        response.setHeader("Content-Disposition", "inline")
        response.setHeader("X-Preview-Pages", str(found.pages))
        # private to the reader: a material may be for the invitees only
        response.setHeader("Cache-Control", "private, max-age=300")
        return found.data
