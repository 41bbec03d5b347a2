"""GET <site>/++api++/@duty-records?year=2018&format=json|xlsx: every member's duty record
for the year (the secretariat's 委员履职档案), from the catalog."""

from collective.consultation.members.duty import records
from collective.consultation.members.export import write_xlsx
from collective.consultation.reports.writers import XLSX
from collective.consultation.services.duty_record.get import year_from
from plone.restapi.services import Service
from zExceptions import BadRequest

import tempfile


class DutyRecordsGet(Service):
    def render(self):
        fmt = self.request.form.get("format") or "json"
        if fmt == "json":
            return super().render()
        self.check_permission()
        if fmt != "xlsx":
            raise BadRequest(f"format: '{fmt}' is not one of json, xlsx.")
        year = year_from(self.request)
        with tempfile.TemporaryFile() as out:
            write_xlsx(records(year).values(), year, self.request, out)
            out.seek(0)
            body = out.read()
        response = self.request.response
        response.setHeader("Content-Type", XLSX)
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="duty-records-{year or "all"}.xlsx"',
        )
        return body

    def reply(self):
        year = year_from(self.request)
        return {
            "year": year,
            "items": [
                {
                    "UID": r.member,
                    "title": r.title,
                    "sector": r.sector,
                    "party": r.party,
                    **r.summary(),
                }
                for r in records(year).values()
            ],
        }
