"""GET <member>/++api++/@duty-score?year=2018 (or ?term=5): the member's duty score, the
minimum to pass and every line behind it (activity, date, rule, points), so that each
point can be checked."""

from collective.consultation.members import scoring
from collective.consultation.members.terms import term
from collective.consultation.reports.adoption import FilterError
from collective.consultation.reports.adoption import parse_year
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.i18n import translate


def period_from(request, allowed=("year", "term")):
    """(years, period description) from ?year= or ?term=; 400 naming the parameter."""
    unknown = sorted(set(request.form) - set(allowed))
    if unknown:
        raise BadRequest(f"{unknown[0]}: unknown parameter; use year or term.")
    year, number = request.form.get("year"), request.form.get("term")
    if year and number:
        raise BadRequest("term: give a year or a term, not both.")
    if number:
        try:
            found = term(int(number))
        except ValueError:
            found = None
        if found is None:
            raise BadRequest(f"term: '{number}' is not a term in the settings.")
        return found.years, {"term": found.number, "title": found.title}
    if not year:
        raise BadRequest("year: give a year (or a term).")
    try:
        year = parse_year(year)
    except FilterError as exc:
        raise BadRequest(str(exc))
    return [year], {"year": year}


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
        years, period = period_from(self.request)
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
