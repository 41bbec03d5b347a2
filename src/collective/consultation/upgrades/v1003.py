"""1002 → 1003: the workbench (工作台) becomes the site's front page."""

from collective.consultation.setuphandlers import use_workbench
from plone import api


def use_workbench_step(context):
    use_workbench(api.portal.get())


def reindex_members(context):
    """Members are found by pinyin, sector and organisation, and described by them."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="CommitteeMember"):
        brain._unrestrictedGetObject().reindexObject(
            idxs=["SearchableText", "Description"]
        )
