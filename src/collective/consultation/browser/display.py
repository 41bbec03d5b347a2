"""Small helpers the views share to show stored ids as translated labels."""

from collective.consultation import vocabularies
from plone import api
from zope.i18n import translate


def label(pairs, value, request):
    if not value:
        return ""
    return translate(vocabularies.title_of(pairs, value), context=request)


def state_title(portal_type, state, request):
    wf_tool = api.portal.get_tool("portal_workflow")
    for workflow in wf_tool.getWorkflowsFor(portal_type):
        if state in workflow.states:
            return translate(
                workflow.states[state].title, domain="plone", context=request
            )
    return state
