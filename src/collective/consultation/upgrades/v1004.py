"""1003 → 1004: members of the standing committee (常委) can be invited as a whole."""

from collective.consultation import setuphandlers
from plone import api

INDEX = "standing_committee"


def index_standing_committee(context):
    """The index the "all members of the standing committee" choice and the directory's
    filter search, and the column the directory shows, filled."""
    catalog = api.portal.get_tool("portal_catalog")
    if INDEX not in catalog.indexes():
        catalog.addIndex(INDEX, "BooleanIndex")
    if INDEX not in catalog.schema():
        catalog.addColumn(INDEX)
    for brain in catalog.unrestrictedSearchResults(portal_type="CommitteeMember"):
        brain._unrestrictedGetObject().reindexObject(idxs=[INDEX])


def catalog_checkins(context):
    """Duty records count check-ins (签到) from this metadata column; materials list
    their kind from the other."""
    catalog = api.portal.get_tool("portal_catalog")
    for column in ("attendance_checkins", "material_kind"):
        if column not in catalog.schema():
            catalog.addColumn(column)
    for brain in catalog.unrestrictedSearchResults(portal_type="Consultation"):
        brain._unrestrictedGetObject().reindexObject(idxs=["getId"])


def mark_whole_number_indexes(context):
    """@search?consultation_year=2018 finds the year (services/query.py)."""
    setuphandlers.mark_whole_number_indexes(api.portal.get())
