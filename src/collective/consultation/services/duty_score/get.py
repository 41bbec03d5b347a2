"""GET <member>/++api++/@duty-score?year=2018 (or ?term=5): the member's duty score, the
minimum to pass and every line behind it (activity, date, rule, points), so that each
point can be checked."""

from collective.consultation.members import scoring
from collective.consultation.members import terms
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from zope.i18n import translate


def score_json(score, request):
    titles = {rule.id: translate(rule.title, context=request) for rule in scoring.RULES}
    return {
        "member": {"UID": score.member, "title": score.title, "sector": score.sector},
        "total": score.total,
        "minimum": score.minimum,
        "passed": score.passed,
        "by_rule": score.by_rule,
        "lines": [
            {
                "rule": line.rule,
                "rule_title": titles[line.rule],
                "activity": line.title,
                "@id": line.url,
                "date": json_compatible(line.date),
                "year": line.year,
                "points": line.points,
                "capped": line.capped,
            }
            for line in score.lines
        ],
    }


class DutyScoreGet(Service):
    def reply(self):
        years, period = terms.period_of(self.request.form)
        catalog_brain = self.context.portal_catalog.unrestrictedSearchResults(
            UID=self.context.UID()
        )
        score = scoring.scores(years, catalog_brain)[self.context.UID()]
        result = {
            "@id": f"{self.context.absolute_url()}/@duty-score",
            **period,
            **score_json(score, self.request),
        }
        if scoring.may_see_rank():
            result["rank"], result["ranked"] = scoring.rank_of(
                self.context.UID(), years
            )
        return result
