"""The secretariat's duty ranking (履职考评排名) on the member directory
(``<directory>/@@duty-ranking?year=|term=&sector=&sort=``): everyone's score, ranked, the
table sortable by rank, name, sector or any item, with the workbook of @duty-scores."""

from collective.consultation import vocabularies
from collective.consultation.browser.calendar import api_url
from collective.consultation.browser.display import label
from collective.consultation.members import scoring
from collective.consultation.members.duty import default_year
from collective.consultation.members.duty import years as known_years
from collective.consultation.members.terms import members_of
from collective.consultation.members.terms import period_of
from collective.consultation.members.terms import PeriodError
from collective.consultation.members.terms import terms
from plone import api
from Products.Five.browser import BrowserView
from zExceptions import BadRequest

import urllib.parse

SORTS = ("rank", "title", "sector") + scoring.RULE_IDS


class DutyRanking(BrowserView):
    def period(self):
        """(years, query for links, title) from ?year= or ?term= (duty.default_year
        when neither is given)."""
        form = {
            k: v for k, v in self.request.form.items() if k in ("year", "term") and v
        }
        if not form:
            year = default_year()
            if year is None:
                return [], {}, ""
            form = {"year": str(year)}
        try:
            years, period = period_of(form)
        except PeriodError as exc:
            raise BadRequest(exc.text(self.request))
        query = {k: v for k, v in period.items() if k != "title"}
        return years, query, period.get("title") or str(period["year"])

    def sector(self):
        value = self.request.form.get("sector") or None
        if value and value not in dict(vocabularies.SECTORS):
            raise BadRequest(f"sector: '{value}' is not a sector.")
        return value

    def sort(self):
        value = self.request.form.get("sort") or "rank"
        if value not in SORTS:
            raise BadRequest(f"sort: '{value}' is not a column.")
        return value

    def rules(self):
        return scoring.RULES

    def rows(self):
        years, _query, _title = self.period()
        if not years:
            return []
        _years, period_query, _title = self.period()
        members = members_of(period_query, self.sector())
        if members is None:
            members = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
                portal_type="CommitteeMember"
            )
        urls = {b.UID: b.getURL() for b in members}
        ranked = scoring.ranked(scoring.scores(years, members, with_lines=False))
        rows = [
            {
                "rank": rank,
                "title": score.title,
                "url": urls.get(score.member),
                "uid": score.member,
                "sector": label(vocabularies.SECTORS, score.sector, self.request),
                "total": score.total,
                "passed": score.passed,
                "by_rule": score.by_rule,
            }
            for rank, score in ranked
        ]
        sort = self.sort()
        if sort == "title":
            rows.sort(key=lambda r: r["title"])
        elif sort == "sector":
            rows.sort(key=lambda r: (r["sector"], r["rank"]))
        elif sort != "rank":
            rows.sort(key=lambda r: (-r["by_rule"].get(sort, 0), r["rank"]))
        return rows

    def sort_url(self, column):
        _years, query, _title = self.period()
        params = dict(query, sort=column)
        if self.sector():
            params["sector"] = self.sector()
        return (
            f"{self.context.absolute_url()}/@@duty-ranking?"
            + urllib.parse.urlencode(params)
        )

    def workbook_url(self):
        _years, query, _title = self.period()
        params = dict(query, format="xlsx")
        if self.sector():
            params["sector"] = self.sector()
        return f"{api_url(api.portal.get(), '@duty-scores')}?" + urllib.parse.urlencode(
            params
        )

    def sectors(self):
        return [
            (value, label(vocabularies.SECTORS, value, self.request))
            for value, _title in vocabularies.SECTORS
        ]

    def years(self):
        return known_years()

    def terms(self):
        return terms()

    def title(self):
        return self.period()[2]
