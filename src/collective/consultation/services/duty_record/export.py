"""GET <site>/++api++/@duty-records?year=2018&format=json|xlsx: every member's duty record
for the year (the secretariat's 委员履职档案), from the catalog."""

from collective.consultation.members.duty import records
from collective.consultation.members.export import write_xlsx
from collective.consultation.services.base import JsonOrWorkbook
from collective.consultation.services.duty_record.get import year_from

import tempfile


class DutyRecordsGet(JsonOrWorkbook):
    def workbook(self):
        year = year_from(self.request)
        with tempfile.TemporaryFile() as out:
            write_xlsx(records(year).values(), year, self.request, out)
            out.seek(0)
            return out.read(), f"duty-records-{year or 'all'}.xlsx"

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
