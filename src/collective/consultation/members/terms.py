"""Terms of the committee (届次): each groups programme years, e.g. 第五届 2017–2021,
kept in the control panel one per line (validation.py reads a line)."""

from collective.consultation import _
from collective.consultation.errors import check_parameters
from collective.consultation.errors import FieldError
from collective.consultation.interfaces import setting
from collective.consultation.validation import parse_term
from collective.consultation.validation import parse_year
from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

# What a member's entry indexes when no term is recorded for them: they count in every
# term (directories kept before terms were recorded).
ANY_TERM = 0


class PeriodError(FieldError):
    """A year or term that cannot be read; ``field`` names the parameter."""


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
    check_parameters(form, allowed)
    year, number = form.get("year"), form.get("term")
    if year and number:
        raise PeriodError("term", _("give a year or a term, not both."))
    if number:
        try:
            found = term(int(number))
        except ValueError:
            found = None
        if found is None:
            raise PeriodError(
                "term",
                _(
                    "'${number}' is not a term in the settings.",
                    mapping={"number": str(number)},
                ),
            )
        return found.years, {"term": found.number, "title": found.title}
    if not year:
        raise PeriodError("year", _("give a year (or a term)."))
    year = parse_year(year)
    return [year], {"year": year}
