"""The handling step form (``@@handle?transition=refer``): the workflow menu opens it for
every step that needs data, so a referral always names its units and deadline and a
decline its reason. It calls the same core as ``@handling`` in the REST API."""

from collective.consultation import _
from collective.consultation.browser.formvalues import one
from collective.consultation.content.suggestion import ISuggestion
from collective.consultation.tracking import steps
from collective.consultation.tracking.evaluation import proposer_members
from html import escape
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


# What each step does beyond changing the state: said on the form before it is taken.
CONSEQUENCES = {
    "refer": _(
        "The lead unit is sent the referral by mail, the assisting units a copy; the "
        "deadline starts the count for overdue reminders."
    ),
    "reopen": _("The lead unit is sent the suggestion again for another round."),
    "answer": _("The proposers are told of the answer and asked to rate it."),
    "adopt": _("The proposers are told that their suggestion was adopted."),
    "implement": _("The proposers are told what was done."),
    "decline": _("The proposers are told that it will not be adopted, and why."),
    "withdraw": _("The suggestion leaves the handling; its history is kept."),
    "reassign": _(
        "The new lead unit is sent the referral, the assisting units a copy, and the "
        "units that leave are told; the history keeps the former units and the reason."
    ),
    "remind": _(
        "The lead unit is sent a reminder of this suggestion and its deadline, with "
        "your comment; the history records it."
    ),
}


def step_message(suggestion, transition):
    """What the step did, for the page the user lands on."""
    if transition == "remind":
        return _(
            "A reminder is on its way to ${unit}.",
            mapping={"unit": suggestion.lead_unit},
        )
    if transition in ("refer", "reopen", "reassign"):
        assisting = "、".join(suggestion.assisting_units or ())
        return _(
            "Referred to ${unit}${assisting}; the referral mail is on its way.",
            mapping={
                "unit": suggestion.lead_unit,
                "assisting": f"（协办：{assisting}）" if assisting else "",
            },
        )
    told = sum(1 for m in proposer_members(suggestion) if m.email)
    if transition in ("answer", "adopt", "implement", "decline") and told:
        return _(
            "Done; ${count} proposers are being told by mail.",
            mapping={"count": told},
        )
    return _("The step was taken.")


class HandleForm(form.Form):
    ignoreContext = False
    # A step mails units and sets deadlines: only a form from this site may take it.
    enableCSRFProtection = True

    def transition(self):
        name = one(self.request.form, "transition")
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

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        # A required choice starts empty: pressing the button without choosing is an
        # error on the field, never a referral to whatever came first in the list.
        if "lead_unit" in self.widgets:
            widget = self.widgets["lead_unit"]
            widget.prompt = True
            widget.promptMessage = _("Choose the lead unit")
            if not self.context.lead_unit and not self.request.form.get(widget.name):
                widget.value = []

    def updateActions(self):
        super().updateActions()
        self.actions["take"].addClass("btn-primary")

    def consequence(self):
        """What the step will do, said before it is done."""
        text = CONSEQUENCES.get(self.transition())
        if not text:
            return ""
        text = escape(translate(text, context=self.request))
        return f'<p class="alert alert-info step-consequence">{text}</p>'

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
        api.portal.show_message(
            step_message(self.context, self.transition()), request=self.request
        )
        self.request.response.redirect(self.context.absolute_url())

    @button.buttonAndHandler(_("Cancel"), name="cancel")
    def handle_cancel(self, action):
        self.request.response.redirect(self.context.absolute_url())

    def render(self):
        hidden = (
            f'<input type="hidden" name="transition" value="{self.transition()}" />'
        )
        return self.consequence() + super().render().replace(
            "</form>", hidden + "</form>", 1
        )


HandleView = wrap_form(HandleForm)
