"""1000 → 1001: approved minutes were stored as plain Files, which anyone who could see
the consultation could download. They become MinutesFile, whose workflow lets only the
minutes' readers in."""

from collective.consultation import logger
from collective.consultation.minutes.snapshot import DOCX
from collective.consultation.minutes.snapshot import MINUTES_TYPE
from plone import api


def stored_minutes(portal):
    """Files that approve_minutes stored: a .docx named minutes-… in a consultation."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="File"):
        obj = brain._unrestrictedGetObject()
        parent = obj.__parent__
        blob = getattr(obj, "file", None)
        if (
            getattr(parent, "portal_type", None) == "Consultation"
            and obj.getId().startswith("minutes-")
            and blob is not None
            and blob.contentType == DOCX
        ):
            yield obj


def protect_stored_minutes(context):
    portal = api.portal.get()
    workflow = api.portal.get_tool("portal_workflow")
    converted = 0
    for obj in list(stored_minutes(portal)):
        obj.portal_type = MINUTES_TYPE
        workflow.notifyCreated(obj)  # enter the initial state: permissions set here
        obj.reindexObject()
        obj.reindexObjectSecurity()
        converted += 1
    logger.info("Protected %s stored minutes.", converted)
