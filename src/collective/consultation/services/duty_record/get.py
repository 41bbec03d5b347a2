"""GET <member>/++api++/@duty-record?year=2018 (or ?term=5, or neither for every year):
the member's consultations and how they attended, the attendance rate, the suggestions
they proposed and how far those went."""

from collective.consultation.dates import as_day
from collective.consultation.dates import local_datetime
from collective.consultation.errors import check_parameters
from collective.consultation.members import terms
from collective.consultation.members.duty import record_for
from collective.consultation.validation import parse_year
from plone.restapi.services import Service


def year_from(request):
    check_parameters(request.form, ("year", "term", "format"))
    value = request.form.get("year")
    return parse_year(value) if value not in (None, "") else None


def record_json(member, year):
    record = record_for(member, year)
    return {
        "@id": f"{member.absolute_url()}/@duty-record"
        + (f"?year={year}" if year else ""),
        "member": {
            "UID": record.member,
            "title": record.title,
            "sector": record.sector,
            "party": record.party,
        },
        "year": year,
        **record.summary(),
        "consultations": [
            {
                "@id": brain.getURL(),
                "title": brain.Title,
                "kind": brain.consultation_kind,
                "start": local_datetime(brain.start),
                "review_state": brain.review_state,
                "attendance": status,
            }
            for brain, status in record.consultations
        ],
        "proposed": [
            {
                "@id": brain.getURL(),
                "title": brain.Title,
                "review_state": brain.review_state,
                "consultation": brain.consultation_title,
                "date": (
                    as_day(brain.consultation_date).isoformat()
                    if brain.consultation_date
                    else None
                ),
            }
            for brain in record.proposed
        ],
    }


class DutyRecordGet(Service):
    def reply(self):
        if not self.request.form.get("term"):
            return record_json(self.context, year_from(self.request))
        years, period = terms.period_of(self.request.form)
        return dict(
            record_json(self.context, years),
            year=None,
            term=period["term"],
            title=period["title"],
            **{
                "@id": f"{self.context.absolute_url()}/@duty-record?term={period['term']}"
            },
        )
