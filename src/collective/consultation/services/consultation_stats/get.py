"""GET <site>/++api++/@consultation-stats?year=2018: the year's figures, from the catalog."""

from collective.consultation.reports.adoption import FilterError
from collective.consultation.reports.adoption import parse_year
from collective.consultation.reports.stats import consultation_stats
from plone.restapi.services import Service
from zExceptions import BadRequest


class ConsultationStats(Service):
    def reply(self):
        unknown = sorted(set(self.request.form) - {"year"})
        if unknown:
            raise BadRequest(f"Unknown parameter: {', '.join(unknown)}. Use year.")
        value = self.request.form.get("year")
        try:
            year = parse_year(value) if value not in (None, "") else None
        except FilterError as error:
            raise BadRequest(str(error))
        return consultation_stats(year)
