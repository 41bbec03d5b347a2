"""The units that answer suggestions (承办单位), as staff keep them in the unit directory.

Suggestions name their units by name (the report's and the Excel lists' way), so a unit is
found by its exact name."""

from collective.consultation import _
from plone import api
from typing import NamedTuple
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


class Unit(NamedTuple):
    name: str
    email: str
    contact: str
    url: str


def _brains():
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        portal_type="HandlingUnit", sort_on="sortable_title"
    )


def names():
    return [brain.Title for brain in _brains()]


def find(name):
    """The registered unit called ``name``, or None."""
    if not name:
        return None
    for brain in _brains():
        if brain.Title == name:
            unit = brain._unrestrictedGetObject()
            return Unit(
                unit.title,
                unit.contact_email,
                unit.contact_person or "",
                brain.getURL(),
            )
    return None


def pages_for(unit_names):
    """{name: page URL} of the named units whose pages the current user may open."""
    wanted = [name for name in unit_names if name]
    if not wanted:
        return {}
    catalog = api.portal.get_tool("portal_catalog")
    return {
        brain.Title: brain.getURL()
        for brain in catalog(portal_type="HandlingUnit")  # a directory of dozens
        if brain.Title in wanted
    }


def unregistered(lead_unit, assisting_units):
    """{field: message} for units a referral names that are not in the unit directory:
    a referral must reach someone."""
    known = set(names())
    errors = {}
    if lead_unit and lead_unit not in known:
        errors["lead_unit"] = _(
            "'${unit}' is not in the unit directory; add it there first.",
            mapping={"unit": lead_unit},
        )
    missing = [u for u in assisting_units or () if u and u not in known]
    if missing:
        errors["assisting_units"] = _(
            "not in the unit directory: ${units}.",
            mapping={"units": "、".join(missing)},
        )
    return errors


@provider(IVocabularyFactory)
def units_vocabulary(context=None):
    """The registered units (承办单位) by name; suggestions store the name."""
    return SimpleVocabulary(
        [SimpleTerm(name, name.encode("utf-8").hex(), name) for name in names()]
    )
