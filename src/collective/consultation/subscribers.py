"""Keep what suggestions index from their consultation (year, kind, title) current."""

from plone import api


SUGGESTION_INDEXES = ("consultation_year", "consultation_kind", "consultation_title")


def reindex_suggestions(consultation, event):
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(consultation.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Suggestion", path={"query": path, "depth": 1}
    ):
        brain._unrestrictedGetObject().reindexObject(idxs=SUGGESTION_INDEXES)
