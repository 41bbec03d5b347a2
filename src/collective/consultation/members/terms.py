"""Terms of the committee (届次): each groups programme years, e.g. 第五届 2017–2021,
kept in the control panel one per line (content/validation.py reads a line)."""

from collective.consultation.content.validation import parse_term
from collective.consultation.interfaces import setting
from collective.consultation.reports.adoption import FilterError
from collective.consultation.reports.adoption import parse_year
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

# What a member's entry indexes when no term is recorded for them: they count in every
# term (directories kept before terms were recorded).
ANY_TERM = 0


class PeriodError(ValueError):
    """A year or term that cannot be read; ``field`` names the parameter."""

    def __init__(self, field, message):
        self.field = field
        super().__init__(f"{field}: {message}")


def terms():
    return [term for term in map(parse_term, setting("terms") or ()) if term]


@provider(IVocabularyFactory)
def terms_vocabulary(context=None):
    return SimpleVocabulary(
        [SimpleTerm(t.number, str(t.number), t.title) for t in terms()]
    )


def term_query(number):
    """The catalog query for the members who served in term ``number``."""
    return {"member_terms": [number, ANY_TERM]}


def members_of(period, sector=None):
    """Catalog brains of the members a ranking covers: those who served in the period's
    term (or everyone in a year), of one sector if given; None for everyone."""
    query = {}
    if "term" in period:
        query.update(term_query(period["term"]))
    if sector:
        query["sector"] = sector
    if not query:
        return None
    return api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="CommitteeMember", sort_on="sortable_title", **query
    )


def term(number):
    """The term with this number, or None."""
    return next((t for t in terms() if t.number == number), None)


def period_of(form, allowed=("year", "term")):
    """(years, description) from ``year`` or ``term`` in a query string or a body, e.g.
    ([2018], {"year": 2018}) or ([2017, …, 2021], {"term": 5, "title": "第五届"})."""
    unknown = sorted(set(form) - set(allowed))
    if unknown:
        raise PeriodError(unknown[0], "unknown parameter; use year or term.")
    year, number = form.get("year"), form.get("term")
    if year and number:
        raise PeriodError("term", "give a year or a term, not both.")
    if number:
        try:
            found = term(int(number))
        except ValueError:
            found = None
        if found is None:
            raise PeriodError("term", f"'{number}' is not a term in the settings.")
        return found.years, {"term": found.number, "title": found.title}
    if not year:
        raise PeriodError("year", "give a year (or a term).")
    try:
        year = parse_year(year)
    except FilterError as exc:
        raise PeriodError("year", str(exc).split(": ", 1)[-1])
    return [year], {"year": year}
