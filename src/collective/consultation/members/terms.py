"""Terms of the committee (届次): each groups programme years, e.g. 第五届 2017–2021,
kept in the control panel one per line (content/validation.py reads a line)."""

from collective.consultation.content.validation import parse_term
from collective.consultation.interfaces import setting


def terms():
    return [term for term in map(parse_term, setting("terms") or ()) if term]


def term(number):
    """The term with this number, or None."""
    return next((t for t in terms() if t.number == number), None)
