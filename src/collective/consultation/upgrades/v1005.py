"""1004 → 1005: speeches (协商发言); duty scores (履职量化考评)."""

from plone import api

COLUMNS = ("speaking_position", "speaking_minutes", "responding_units")


def speech_columns(context):
    """The speaking order, minutes and responding units, for lists and the minutes."""
    catalog = api.portal.get_tool("portal_catalog")
    for column in COLUMNS:
        if column not in catalog.schema():
            catalog.addColumn(column)


def consultations_take_speeches(context):
    """Invitees may add speeches to scheduled consultations: the consultation workflow
    now manages that permission, so existing consultations get its new mapping."""
    wftool = api.portal.get_tool("portal_workflow")
    workflow = wftool.getWorkflowById("consultation_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="Consultation"):
        consultation = brain._unrestrictedGetObject()
        if workflow.updateRoleMappingsFor(consultation):
            consultation.reindexObjectSecurity()


def instruction_column(context):
    """Duty scores count suggestions with a leader's instruction (批示) from the
    catalog."""
    catalog = api.portal.get_tool("portal_catalog")
    if "has_instruction" not in catalog.schema():
        catalog.addColumn("has_instruction")
    for brain in catalog.unrestrictedSearchResults(portal_type="Suggestion"):
        brain._unrestrictedGetObject().reindexObject(idxs=["getId"])


def index_member_terms(context):
    """Term rankings find the members who served in a term; members without a recorded
    term count in every term."""
    catalog = api.portal.get_tool("portal_catalog")
    if "member_terms" not in catalog.indexes():
        catalog.addIndex("member_terms", "KeywordIndex")
    for brain in catalog.unrestrictedSearchResults(portal_type="CommitteeMember"):
        brain._unrestrictedGetObject().reindexObject(idxs=["member_terms"])
