"""The import page on a programme (``@@import-suggestions``): upload an .xlsx or .csv,
see every row and every problem, then import them all. Same core as the REST endpoint.
"""

from collective.consultation import _
from collective.consultation.reports.writers import XLSX
from collective.consultation.tracking import importer
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

import base64
import binascii

# A previewed file is kept in the page (so that 导入 needs no second upload) up to this size.
KEEP_PREVIEWED = 2 * 2**20


class ImportSuggestionsView(BrowserView):
    result = None
    committed = False
    kept = None  # (file name, base64 data) of the previewed file

    def columns(self):
        return [names[0] for names in importer.COLUMNS.values()]

    def template_url(self):
        return f"{self.context.absolute_url()}/@@import-suggestions?template=xlsx"

    def template(self):
        response = self.request.response
        response.setHeader("Content-Type", XLSX)
        response.setHeader(
            "Content-Disposition", 'attachment; filename="suggestions-template.xlsx"'
        )
        return importer.template_workbook()

    def uploaded(self):
        """(file name, bytes): the file chosen now, or the one kept from the preview."""
        upload = self.request.form.get("file")
        data = upload.read() if upload and hasattr(upload, "read") else b""
        if data:
            return getattr(upload, "filename", "") or "", data
        kept = self.request.form.get("kept_data") or ""
        try:
            data = base64.b64decode(kept, validate=True) if kept else b""
        except (ValueError, binascii.Error):
            data = b""
        return self.request.form.get("kept_name") or "", data

    def __call__(self):
        if self.request.form.get("template") == "xlsx":
            return self.template()
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            filename, data = self.uploaded()
            if not data:
                api.portal.show_message(
                    _("Choose a file to import."), request=self.request, type="error"
                )
                return self.index()
            commit = "form.import" in self.request.form
            state = self.request.form.get("state", "submitted")
            if not commit and len(data) <= KEEP_PREVIEWED:
                self.kept = (filename, base64.b64encode(data).decode("ascii"))
            self.result = importer.run(
                self.context,
                data,
                filename,
                dry_run=not commit,
                state=state if state in importer.STATES else "submitted",
            )
            self.rows = [importer.preview(row) for row in self.result.rows]
            if commit and not self.result.problems:
                self.committed = True
                api.portal.show_message(
                    _(
                        "${count} suggestions were imported.",
                        mapping={"count": len(self.result.created)},
                    ),
                    request=self.request,
                )
        return self.index()
