"""POST <item>/++api++/@workflow/<transition> as plone.restapi does it, with its body
checked first: the comment is text (kept in the history for good, so an object or a
control character there is refused with 400 naming it), the flags are booleans and the
dates are text."""

from collective.consultation import _
from collective.consultation.errors import FieldError
from collective.consultation.services.base import body_text
from collective.consultation.services.base import boolean
from collective.consultation.services.base import json_object
from plone.restapi.services.workflow.transition import WorkflowTransition


class CheckedWorkflowTransition(WorkflowTransition):
    def reply(self):
        data = json_object(self.request)
        body_text(data, "comment")
        boolean(data, "include_children", False)
        for name in ("effective", "expires"):
            if name in data and not isinstance(data[name], (str, type(None))):
                raise FieldError(name, _("a date and time as text."))
        return super().reply()
