"""Workflow states as people read them: a state's title in the site's language."""

from plone import api
from zope.i18n import translate


def state_title(portal_type, state, **how):
    """The title of ``state`` in the workflow of ``portal_type``, translated with
    ``how`` (``context=request`` or ``target_language=…``); the id if unknown."""
    wf_tool = api.portal.get_tool("portal_workflow")
    for workflow in wf_tool.getWorkflowsFor(portal_type):
        if state in workflow.states:
            return translate(workflow.states[state].title, domain="plone", **how)
    return state
