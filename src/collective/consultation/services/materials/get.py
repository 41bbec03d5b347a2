"""GET <consultation>/++api++/@materials: the meeting materials this user may read, in
order, each with its kind, whether it is public and the link that opens it
(counted as a read); for staff also how many members have read each, and who."""

from collective.consultation import vocabularies
from collective.consultation.meeting import materials
from collective.consultation.permissions import MANAGE_ATTENDANCE
from plone import api
from plone.restapi.services import Service
from zope.i18n import translate


class MaterialsGet(Service):
    def reply(self):
        staff = api.user.has_permission(MANAGE_ATTENDANCE, obj=self.context)
        rows = materials.listing(self.context, with_readers=staff)
        return {
            "@id": f"{self.context.absolute_url()}/@materials",
            "items": [
                {
                    "@id": row["url"],
                    "title": row["title"],
                    "kind": row["kind"],
                    "kind_title": translate(
                        vocabularies.title_of(vocabularies.MATERIAL_KINDS, row["kind"]),
                        context=self.request,
                    ),
                    "public": row["public"],
                    "download": row["read_url"],
                    **(
                        {"readers": row["readers"], "read_by": row["read_by"]}
                        if "readers" in row
                        else {}
                    ),
                }
                for row in rows
            ],
        }
