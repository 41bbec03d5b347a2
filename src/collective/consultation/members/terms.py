"""Terms of the committee (届次): each groups programme years, e.g. 第五届 2017–2021,
kept in the control panel one per line (content/validation.py reads a line)."""

from collective.consultation.content.validation import parse_term
from collective.consultation.interfaces import setting
from collective.consultation.reports.adoption import FilterError
from collective.consultation.reports.adoption import parse_year


class PeriodError(ValueError):
    """A year or term that cannot be read; ``field`` names the parameter."""

    def __init__(self, field, message):
        self.field = field
        super().__init__(f"{field}: {message}")


def terms():
    return [term for term in map(parse_term, setting("terms") or ()) if term]


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
