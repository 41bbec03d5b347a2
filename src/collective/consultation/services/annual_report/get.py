"""GET <site>/++api++/@annual-report?year=2018: the year's report (.docx)."""

from collective.consultation.mailing import site_language
from collective.consultation.reports.annual import annual_docx
from collective.consultation.reports.annual import figures
from collective.consultation.validation import parse_year
from plone.restapi.services import Service

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class AnnualReport(Service):
    def render(self):
        self.check_permission()
        year = parse_year(self.request.form.get("year"))
        body = annual_docx(figures(year), site_language())
        response = self.request.response
        response.setHeader("Content-Type", DOCX)
        response.setHeader(
            "Content-Disposition", f'attachment; filename="annual-report-{year}.docx"'
        )
        return body
