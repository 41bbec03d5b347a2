"""The day of a consultation: check-in (签到) with its QR code, meeting materials (会议材料)
and speeches (协商发言)."""

from plone import api

# A consultation that has taken place: materials for everybody become public, arranged
# speeches count as delivered, the annual report counts it.
HELD_STATES = ("held", "minuted")


def contained(consultation, portal_type, sort_on, unrestricted=False):
    """Catalog brains of the consultation's own items of ``portal_type`` (those the user
    may see, unless ``unrestricted``)."""
    catalog = api.portal.get_tool("portal_catalog")
    search = catalog.unrestrictedSearchResults if unrestricted else catalog
    return search(
        portal_type=portal_type,
        path={"query": "/".join(consultation.getPhysicalPath()), "depth": 1},
        sort_on=sort_on,
    )
