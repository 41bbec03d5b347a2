"""Meeting materials on the consultation's page, and ``@@read``: the link every list gives
to a material, which counts the member's read and then hands over the file."""

from collective.consultation import vocabularies
from collective.consultation.browser.display import label
from collective.consultation.content.consultation import contained
from collective.consultation.meeting import materials
from collective.consultation.permissions import MANAGE_ATTENDANCE
from collective.consultation.relations import member_of_user
from plone import api
from plone.protect.utils import safeWrite
from Products.Five.browser import BrowserView
from urllib.parse import quote


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
        return material_rows(self.context, self.request)

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


class ReadMaterial(BrowserView):
    def __call__(self):
        member = member_of_user(api.user.get_current().getId())
        if member is not None:
            reads = materials.record_read(self.context, member.UID())
            # a GET that writes: plone.protect is told this one is meant
            for written in (
                self.context,
                getattr(self.context, "__annotations__", None),
                reads,
                reads[member.UID()],
            ):
                if written is not None:
                    safeWrite(written, self.request)
        self.request.response.redirect(f"{self.context.absolute_url()}/@@download/file")
        return ""
