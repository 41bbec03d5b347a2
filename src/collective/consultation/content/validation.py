"""Rules on field values, shared by the schemas' invariants (REST API and forms)
and by the field-level form validators (browser/validators.py), so both say the same."""

from collective.consultation import _
from plone.schema.email import _isemail
from zope.schema import ValidationError

import re

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
    for name in names or ():
        if not (name or "").strip():
            raise InvalidUnit(name)
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
