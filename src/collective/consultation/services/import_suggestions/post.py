"""POST <programme>/++api++/@import-suggestions

    {"file": {"data": "<base64>", "filename": "建议汇总.xlsx"}, "dry_run": true, "state": "submitted"}

A dry run (the default) answers the preview and every problem (row, column, message).
Without it, all rows are created, or none: any problem answers 400 with the same list.
"""

from collective.consultation import _
from collective.consultation.errors import FieldError
from collective.consultation.services.base import boolean
from collective.consultation.services.base import json_object
from collective.consultation.tracking import importer
from plone.restapi.services import Service
from zope.i18n import translate
from zope.interface import alsoProvides

import base64
import binascii
import plone.protect.interfaces

MAX_BYTES = 20 * 1024 * 1024


class ImportSuggestions(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        body = json_object(self.request)
        upload = body.get("file")
        if not isinstance(upload, dict) or not isinstance(upload.get("data"), str):
            raise FieldError(
                "file", _('send {"file": {"data": "<base64>", "filename": "….xlsx"}}.')
            )
        try:
            data = base64.b64decode(upload["data"], validate=True)
        except (binascii.Error, ValueError):
            raise FieldError("file", _("the data is not base64."))
        if len(data) > MAX_BYTES:
            raise FieldError("file", _("larger than 20 MB."))
        dry_run = boolean(body, "dry_run", True)
        result = importer.run(
            self.context,
            data,
            upload.get("filename") or "",
            dry_run,
            body.get("state", "submitted"),
        )
        answer = {
            "dry_run": dry_run,
            "rows": [importer.preview(row) for row in result.rows],
            "problems": [p.as_dict(self.request) for p in result.problems],
            "created": result.created,
        }
        if result.problems and not dry_run:
            self.request.response.setStatus(400)
            answer["message"] = translate(
                _(
                    "${count} problems; nothing was imported.",
                    mapping={"count": len(result.problems)},
                ),
                context=self.request,
            )
        return answer
