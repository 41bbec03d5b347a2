"""The handling step form (``@@handle?transition=refer``): the workflow menu opens it for
every step that needs data, so a referral always names its units and deadline and a
decline its reason. It calls the same core as ``@handling`` in the REST API."""

from collective.consultation import _
from collective.consultation.content.suggestion import ISuggestion
from collective.consultation.tracking import steps
from plone import api
from plone.z3cform.layout import wrap_form
from z3c.form import button
from z3c.form import field
from z3c.form import form
from z3c.form.interfaces import ActionExecutionError
from z3c.form.interfaces import WidgetActionExecutionError
from zExceptions import BadRequest
from zExceptions import Unauthorized
from zope import schema
from zope.i18n import translate
from zope.interface import Invalid

import copy

COMMENT = schema.Text(__name__="comment", title=_("Comment"), required=False)


def _form_field(name, step):
    """The schema field as the step needs it: units chosen from the directory, and
    required where the step requires it."""
    if name == "lead_unit":
        one = schema.Choice(
            __name__=name,
            title=ISuggestion[name].title,
            vocabulary="collective.consultation.units",
        )
    elif name == "assisting_units":
        one = schema.List(
            __name__=name,
            title=ISuggestion[name].title,
            required=False,
            value_type=schema.Choice(vocabulary="collective.consultation.units"),
        )
    else:
        one = copy.copy(ISuggestion[name])
    one.interface = ISuggestion
    one.required = name in step.required
    return one


class HandleForm(form.Form):
    ignoreContext = False
    # A step mails units and sets deadlines: only a form from this site may take it.
    enableCSRFProtection = True

    def transition(self):
        name = self.request.form.get("transition")
        if name not in steps.STEPS:
            raise BadRequest(f"transition: '{name}' is not a handling step.")
        return name

    @property
    def label(self):
        wftool = api.portal.get_tool("portal_workflow")
        title = wftool["suggestion_workflow"].transitions[self.transition()].title
        return (
            translate(title, domain="plone", context=self.request)
            + "："
            + self.context.Title()
        )

    def update(self):
        step = steps.STEPS[self.transition()]
        wftool = api.portal.get_tool("portal_workflow")
        if step.transition not in {
            t["id"] for t in wftool.getTransitionsFor(self.context)
        }:
            raise Unauthorized("This step is not possible now, or not for you.")
        comment = copy.copy(COMMENT)
        comment.required = step.comment_required
        self.fields = field.Fields(
            *[_form_field(name, step) for name in step.fields]
        ) + field.Fields(comment)
        self.fields["comment"].ignoreContext = True
        for name, value in steps.defaults(self.context, step.transition).items():
            if not getattr(self.context, name, None):
                self.fields[name].field.default = value
                self.fields[name].ignoreContext = True
        super().update()

    def updateActions(self):
        super().updateActions()
        self.actions["take"].addClass("btn-primary")

    @button.buttonAndHandler(_("Save and take the step"), name="take")
    def handle_take(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        comment = data.pop("comment", None) or ""
        try:
            steps.perform(self.context, self.transition(), data, comment)
        except steps.StepError as exc:
            for name, message in exc.errors.items():
                if name in self.widgets:
                    raise WidgetActionExecutionError(name, Invalid(message))
            raise ActionExecutionError(Invalid(str(exc)))
        api.portal.show_message(_("The step was taken."), request=self.request)
        self.request.response.redirect(self.context.absolute_url())

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.request.response.redirect(self.context.absolute_url())

    def render(self):
        hidden = (
            f'<input type="hidden" name="transition" value="{self.transition()}" />'
        )
        return super().render().replace("</form>", hidden + "</form>", 1)


HandleView = wrap_form(HandleForm)
