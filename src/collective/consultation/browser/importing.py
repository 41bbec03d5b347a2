"""The import page on a programme (``@@import-suggestions``): upload an .xlsx or .csv,
see every row and every problem, then import them all. Same core as the REST endpoint.
"""

from collective.consultation import _
from collective.consultation.tracking import importer
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView


class ImportSuggestionsView(BrowserView):
    result = None
    committed = False

    def columns(self):
        return [names[0] for names in importer.COLUMNS.values()]

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            upload = self.request.form.get("file")
            data = upload.read() if upload and hasattr(upload, "read") else b""
            if not data:
                api.portal.show_message(
                    _("Choose a file to import."), request=self.request, type="error"
                )
                return self.index()
            commit = "form.import" in self.request.form
            state = self.request.form.get("state", "submitted")
            self.result = importer.run(
                self.context,
                data,
                getattr(upload, "filename", "") or "",
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
