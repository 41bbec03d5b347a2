"""GET <member>/++api++/@duty-record?year=2018 (or ?term=5, or neither for every year):
the member's consultations and how they attended, the attendance rate, the suggestions
they proposed and how far those went."""

from collective.consultation.dates import local_datetime
from collective.consultation.members import terms
from collective.consultation.members.duty import record_for
from collective.consultation.reports.adoption import as_day
from collective.consultation.reports.adoption import FilterError
from collective.consultation.reports.adoption import parse_year
from plone.restapi.services import Service
from zExceptions import BadRequest


def year_from(request):
    unknown = sorted(set(request.form) - {"year", "format"})
    if unknown:
        raise BadRequest(f"Unknown parameter: {', '.join(unknown)}. Use year.")
    value = request.form.get("year")
    try:
        return parse_year(value) if value not in (None, "") else None
    except FilterError as exc:
        raise BadRequest(str(exc))


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
        try:
            years, period = terms.period_of(self.request.form)
        except terms.PeriodError as exc:
            raise BadRequest(str(exc))
        return dict(
            record_json(self.context, years),
            year=None,
            term=period["term"],
            title=period["title"],
            **{
                "@id": f"{self.context.absolute_url()}/@duty-record?term={period['term']}"
            },
        )
