"""GET <site, programme or consultation>/++api++/@adoption-report?format=json|csv|xlsx|docx
&year=&kind=&state=&unit=: one row per suggestion, from the catalog."""

from collective.consultation.errors import FieldError
from collective.consultation.errors import not_one_of
from collective.consultation.mailing import site_language
from collective.consultation.reports import adoption
from collective.consultation.reports import writers
from dataclasses import asdict
from plone.restapi.services import Service
from ZPublisher.Iterators import filestream_iterator

import json
import os
import tempfile

FORMATS = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": writers.XLSX,
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class AdoptionReport(Service):
    def stream(self, write):
        """Write into a temporary file and send it from there: a 100,000-row workbook is
        never held in memory."""
        with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as out:
            write(out)
        iterator = filestream_iterator(out.name, "rb")
        os.unlink(out.name)  # the open iterator keeps the data until it is sent
        self.request.response.setHeader(
            "Content-Length", str(os.fstat(iterator.fileno()).st_size)
        )
        return iterator

    def render(self):
        self.check_permission()
        params = dict(self.request.form)
        fmt = params.get("format") or "json"
        if fmt not in FORMATS:
            raise FieldError("format", not_one_of(fmt, FORMATS))
        filters = adoption.Filters.parse(params)
        brains = adoption.search(self.context, filters)
        labels = adoption.Labels(self.request)
        summary = adoption.summary(brains)
        rows = adoption.rows(brains, labels)
        response = self.request.response
        response.setHeader("Content-Type", FORMATS[fmt])
        if fmt == "json":
            return json.dumps(
                {
                    "filters": asdict(filters),
                    "summary": summary,
                    "items": [asdict(r) for r in rows],
                },
                ensure_ascii=False,
                indent=2,
                default=list,
            )
        name = f"adoption-report-{self.context.getId() or 'site'}.{fmt}"
        response.setHeader("Content-Disposition", f'attachment; filename="{name}"')
        if fmt == "csv":
            return writers.to_csv(rows, labels)
        if fmt == "xlsx":
            return self.stream(lambda out: writers.to_xlsx(rows, summary, labels, out))
        return writers.to_docx(
            rows, labels, labels.text(writers.TEXT["title"]), site_language()
        )
