"""Rules on field values, shared by the schemas' invariants (REST API and forms)
and by the field-level form validators (browser/validators.py), so both say the same."""

from collective.consultation import _
from collective.consultation.errors import FieldError
from collective.consultation.vocabularies import URL_SCHEMES
from dataclasses import dataclass
from plone.schema.email import _isemail
from zope.schema import ValidationError

import re

# Free text: a line (a title, a name) and a text (an answer, a summary) have limits, and no
# character that is invisible or breaks the line where a line cannot break: such text
# breaks mail headers, calendars and spreadsheets, and hides what it says.
MAX_LINE = 500
MAX_TEXT = 50_000
_INVISIBLE = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # control characters but tab, LF, CR
    "\u2028\u2029"  # line and paragraph separators
    "\u202a-\u202e\u2066-\u2069"  # bidirectional overrides
    "\ud800-\udfff"  # lone surrogates (not encodable)
)
NOT_IN_TEXT = re.compile(f"[{_INVISIBLE}]")
NOT_IN_LINE = re.compile(f"[{_INVISIBLE}\t\n\r]")

YEAR_MIN = 1949
YEAR_MAX = 2100

GUEST_SEPARATOR = re.compile(r"\s*[|｜]\s*")


class YearOutOfRange(ValidationError):
    __doc__ = _("The year must be between 1949 and 2100.")


class InvalidGuest(ValidationError):
    __doc__ = _(
        "Guests: write one guest per line as “name | organisation | e-mail”; "
        "the name is required and the e-mail, if given, must be a valid address."
    )


class InvalidUnit(ValidationError):
    __doc__ = _("Units: a unit name must not be empty.")


def text_problem(value, single_line):
    """Why ``value`` cannot be stored in a text field (a message), or None."""
    if not isinstance(value, str):
        return _("must be text.")
    limit = MAX_LINE if single_line else MAX_TEXT
    if len(value) > limit:
        return _(
            "at most ${limit} characters (this has ${length}).",
            mapping={"limit": limit, "length": len(value)},
        )
    found = (NOT_IN_LINE if single_line else NOT_IN_TEXT).search(value)
    if found:
        return _(
            "contains a character that cannot be stored here (U+${code}).",
            mapping={"code": f"{ord(found.group()):04X}"},
        )
    return None


class InvalidText(ValidationError):
    """A text with a character that cannot be stored, or too long; the message says
    which."""

    def doc(self):
        return self.args[0] if self.args else ""


def check_line(value):
    """Constraint and form check for a single-line text."""
    problem = text_problem(value, single_line=True) if value is not None else None
    if problem:
        raise InvalidText(problem)
    return True


def check_text(value):
    problem = text_problem(value, single_line=False) if value is not None else None
    if problem:
        raise InvalidText(problem)
    return True


class UnsafeURL(ValidationError):
    __doc__ = _(
        "Online link: only web addresses (https://…) and meeting clients' links are "
        "accepted."
    )


def url_scheme(url):
    return (url or "").split(":", 1)[0].strip().lower() if ":" in (url or "") else ""


def safe_url(url):
    """``url`` if its scheme is one of URL_SCHEMES and it holds no invisible character,
    else "": what pages, mails and calendars link to, whatever was stored."""
    if not url or url_scheme(url) not in dict(URL_SCHEMES) or NOT_IN_LINE.search(url):
        return ""
    return url


def check_url(url):
    if url and not safe_url(url):
        raise UnsafeURL(url)
    return True


class WrongTarget(ValidationError):
    __doc__ = _("This field links to other content: choose from the offered kind only.")


def relation_targets(portal_type):
    """A constraint for relation fields: each target (that still exists) is of this
    type."""

    def check(value):
        values = value if isinstance(value, (list, tuple)) else [value]
        for relation in values:
            # a RelationValue, or the object itself (as plone.restapi and forms pass it)
            target = getattr(relation, "to_object", relation)
            if (
                target is not None
                and getattr(target, "portal_type", None) != portal_type
            ):
                raise WrongTarget(target.absolute_url())
        return True

    return check


def parse_year(value, field="year"):
    """A year given as text (a query string, a form) or a number; FieldError naming
    ``field`` when it is not a year from 1949 to 2100."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise FieldError(
            field, _("'${value}' is not a year.", mapping={"value": str(value)})
        )
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise FieldError(
            field,
            _(
                "${year} is outside ${first}..${last}.",
                mapping={"year": year, "first": YEAR_MIN, "last": YEAR_MAX},
            ),
        )
    return year


def check_year(value):
    if value is None or YEAR_MIN <= value <= YEAR_MAX:
        return True
    raise YearOutOfRange(value)


def parse_guest(line):
    """'张三 | 市文旅局 | zhang@example.org' → {'name', 'organisation', 'email'}."""
    parts = GUEST_SEPARATOR.split((line or "").strip())
    parts += [""] * (3 - len(parts))
    name, organisation, email = (p.strip() for p in parts[:3])
    return {"name": name, "organisation": organisation, "email": email}


def check_guests(lines):
    """A constraint on the whole list, so the message is ours rather than a generic
    "wrong contained type"."""
    for line in lines or ():
        guest = parse_guest(line)
        if len(GUEST_SEPARATOR.split(line.strip())) > 3 or not guest["name"]:
            raise InvalidGuest(line)
        if guest["email"] and not _isemail(guest["email"]):
            raise InvalidGuest(line)
    return True


def check_units(names):
    """Each name a non-empty single line (the rule every line of ours follows)."""
    for name in names or ():
        if not isinstance(name, str) or not name.strip():
            raise InvalidUnit(name)
        check_line(name)
    return True


def start_end_errors(start, end, open_end=False):
    if start and end and end < start and not open_end:
        return [("end", _("End: the consultation cannot end before it starts."))]
    return []


def sector_error(kind, sector):
    if kind == "sectoral" and not sector:
        return _("Sector: a sectoral consultation needs a sector.")
    return None


def units_error(kind, counterpart_units):
    if kind == "counterpart" and not [u for u in counterpart_units or () if u.strip()]:
        return _(
            "Counterpart units: a counterpart consultation needs at least one unit."
        )
    return None


def kind_errors(kind, sector, counterpart_units):
    """What a kind requires: a sector for a sectoral consultation, units for a
    counterpart one. Returns (field name, message) pairs."""
    errors = [
        ("sector", sector_error(kind, sector)),
        ("counterpart_units", units_error(kind, counterpart_units)),
    ]
    return [(name, message) for name, message in errors if message]


# --- terms of the committee (届次): "number | title | first year | last year" ------------


@dataclass(frozen=True)
class Term:
    number: int
    title: str
    first: int
    last: int

    @property
    def years(self):
        return list(range(self.first, self.last + 1))


def parse_term(line):
    """A Term from a control-panel line, or None if the line is not one."""
    parts = GUEST_SEPARATOR.split((line or "").strip())
    if len(parts) != 4:
        return None
    number, title, first, last = parts
    try:
        number, first, last = int(number), int(first), int(last)
    except ValueError:
        return None
    if not title or not YEAR_MIN <= first <= last <= YEAR_MAX or number < 1:
        return None
    if text_problem(title, single_line=True):  # e.g. a bidi override (U+202E)
        return None
    return Term(number, title, first, last)


class InvalidTerm(ValidationError):
    __doc__ = _(
        "Terms: write one term per line as “number | title | first year | last year”, "
        "e.g. “5 | Fifth term | 2017 | 2021”."
    )


def check_terms(lines):
    for line in lines or ():
        if parse_term(line) is None:
            raise InvalidTerm(line)
    return True
