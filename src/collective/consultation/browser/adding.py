"""Add forms of the add-on's types.

- Plone answers a 500 (ValueError) when a user may add content to a folder but not this
  type there (an invitee opening ``++add++Speech`` once the consultation is held): our
  forms refuse as unauthorised instead.
- A member's form saves and submits in one step (提交): what a member filing a suggestion
  or a speech means; "save as a draft" stays as the second button."""

from AccessControl import Unauthorized
from collective.consultation import _
from plone import api
from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from plone.z3cform.interfaces import IDeferSecurityCheck
from Products.CMFCore.WorkflowCore import WorkflowException
from z3c.form import button


class CheckedAddForm(DefaultAddForm):
    def update(self):
        if not IDeferSecurityCheck.providedBy(self.request):
            allowed = [fti.getId() for fti in self.context.allowedContentTypes()]
            if self.portal_type not in allowed:
                raise Unauthorized(f"You may not add a {self.portal_type} here.")
        super().update()


class SubmittingAddForm(CheckedAddForm):
    submit_title = _("Submit")
    submitted_message = _("Submitted.")
    buttons = DefaultAddForm.buttons.copy()
    handlers = DefaultAddForm.handlers.copy()

    @button.buttonAndHandler(_("Submit"), name="submit")
    def handle_submit(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        created = self.createAndAdd(data)
        if created is None:
            return
        self._finishedAdd = True
        item = self.container[created.getId()]
        try:
            api.portal.get_tool("portal_workflow").doActionFor(item, "submit")
        except WorkflowException as exc:
            # kept as a draft; the reasons (the deadline…) say why it was not submitted
            reasons = (
                exc.reasons(self.request) if hasattr(exc, "reasons") else [str(exc)]
            )
            api.portal.show_message(
                _(
                    "Saved as a draft, not submitted: ${reasons}",
                    mapping={"reasons": "；".join(reasons)},
                ),
                request=self.request,
                type="warning",
            )
            return
        api.portal.show_message(self.submitted_message, request=self.request)

    def updateActions(self):
        super().updateActions()
        if "submit" in self.actions:
            self.actions["submit"].title = self.submit_title
            self.actions["submit"].addClass("context")
        if "save" in self.actions:
            self.actions["save"].title = _("Save as a draft")
            self.actions["save"].klass = self.actions["save"].klass.replace(
                "success", "standalone"
            )


# submit first, then save as a draft, then cancel
SubmittingAddForm.buttons = SubmittingAddForm.buttons.select("submit", "save", "cancel")


class SpeechAddForm(SubmittingAddForm):
    portal_type = "Speech"
    submit_title = _("Submit the speech")
    submitted_message = _("Your speech was submitted; staff will arrange it.")


class SpeechAddView(DefaultAddView):
    form = SpeechAddForm


class MaterialAddForm(CheckedAddForm):
    """Staff add materials one after another: back to the consultation's list, not to
    the new file's page."""

    def nextURL(self):
        if getattr(self, "_finishedAdd", False):
            return f"{self.context.absolute_url()}#materials"
        return super().nextURL()


class MaterialAddView(DefaultAddView):
    form = MaterialAddForm
