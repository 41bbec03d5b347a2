"""A refusal raised by the core answers a REST request with 400: the message in the
request's language and the field it names. Refusals are errors.FieldError, and
tracking.steps.StepError for a workflow step (it names every field wrong at once).
Services need no try/except of their own; the transaction is aborted as for any error,
so nothing is half-written."""

from collective.consultation import _
from collective.consultation.errors import FieldError
from collective.consultation.services.requestchecks import body_nested_too_deep
from json import dumps
from plone.rest.errors import ErrorHandling


class FieldErrorHandling(ErrorHandling):
    """plone.rest's error view, with the status and message a refusal deserves."""

    def __call__(self):
        data = self.render_exception(self.context)
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setStatus(400, lock=1)
        response.setBody(dumps(data, indent=2, sort_keys=True), lock=1)
        response._has_challenged = True  # as plone.rest: no login redirect

    def render_exception(self, exception):
        data = super().render_exception(exception)
        data.update(
            type="BadRequest",
            message=exception.text(self.request),
            field=exception.field,
        )
        return data


class UnreadableBodyHandling(FieldErrorHandling):
    """plone.restapi's DeserializationError (a body that is no JSON): 400 naming it."""

    def render_exception(self, exception):
        return FieldErrorHandling.render_exception(
            self, FieldError("body", _("send a JSON object."))
        )


class RecursionErrorHandling(ErrorHandling):
    """A RecursionError caused by a JSON body nested too deep answers 400 naming the
    body; any other stays plone.rest's 500."""

    def __call__(self):
        if body_nested_too_deep(self.request):
            refusal = FieldError("body", _("the JSON is nested too deeply."))
            return FieldErrorHandling(refusal, self.request)()
        return super().__call__()
