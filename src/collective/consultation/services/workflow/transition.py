"""POST <item>/++api++/@workflow/<transition> as plone.restapi does it, with its body
checked first: the comment is text (kept in the history for good, so an object or a
control character there is refused with 400 naming it), the flags are booleans and the
dates are text."""

from collective.consultation.services.base import body_text
from plone.restapi.deserializer import json_body
from plone.restapi.services.workflow.transition import WorkflowTransition
from zExceptions import BadRequest


class CheckedWorkflowTransition(WorkflowTransition):
    def reply(self):
        data = json_body(self.request)
        if not isinstance(data, dict):
            raise BadRequest("The body must be a JSON object.")
        body_text(data, "comment")
        if not isinstance(data.get("include_children", False), bool):
            raise BadRequest("include_children: true or false.")
        for name in ("effective", "expires"):
            if name in data and not isinstance(data[name], (str, type(None))):
                raise BadRequest(f"{name}: a date and time as text.")
        return super().reply()
