"""GET <site>/++api++/@consultation-stats?year=2018: the year's figures, from the catalog."""

from collective.consultation.errors import check_parameters
from collective.consultation.reports.stats import consultation_stats
from collective.consultation.validation import parse_year
from plone.restapi.services import Service


class ConsultationStats(Service):
    def reply(self):
        check_parameters(self.request.form, ("year",))
        value = self.request.form.get("year")
        year = parse_year(value) if value not in (None, "") else None
        return consultation_stats(year)
