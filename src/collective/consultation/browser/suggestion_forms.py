"""The suggestion forms as a proposer needs them: no summary field (the suggestion's text
says it), and on the add form a button that saves and submits (报送) in one step; the
secretariat's fields are already left out for proposers (field write permissions)."""

from collective.consultation import _
from plone import api
from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from plone.dexterity.browser.edit import DefaultEditForm
from plone.dexterity.interfaces import IDexterityEditForm
from plone.z3cform import layout
from z3c.form import button
from zope.interface import classImplements

OMITTED = ("IBasic.description",)


class _WithoutSummary:
    def updateFields(self):
        super().updateFields()
        for name in OMITTED:
            if name in self.fields:
                self.fields = self.fields.omit(name)
        for group in getattr(self, "groups", ()):
            for name in OMITTED:
                if name in group.fields:
                    group.fields = group.fields.omit(name)


class SuggestionAddForm(_WithoutSummary, DefaultAddForm):
    portal_type = "Suggestion"
    buttons = DefaultAddForm.buttons.copy()
    handlers = DefaultAddForm.handlers.copy()

    @button.buttonAndHandler(_("Submit the suggestion"), name="submit")
    def handle_submit(self, action):
        """Save, and submit it (报送) at once: what a member filing a suggestion means."""
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        created = self.createAndAdd(data)
        if created is None:
            return
        self._finishedAdd = True
        suggestion = self.container[created.getId()]
        api.content.transition(suggestion, transition="submit")
        api.portal.show_message(
            _("Your suggestion was submitted to the committee."), request=self.request
        )

    def updateActions(self):
        super().updateActions()
        if "submit" in self.actions:
            self.actions["submit"].addClass("context")
        if "save" in self.actions:
            self.actions["save"].title = _("Save as a draft")
            self.actions["save"].klass = self.actions["save"].klass.replace(
                "success", "standalone"
            )


# submit first, then save as a draft, then cancel
SuggestionAddForm.buttons = SuggestionAddForm.buttons.select("submit", "save", "cancel")


class SuggestionAddView(DefaultAddView):
    form = SuggestionAddForm


class SuggestionEditForm(_WithoutSummary, DefaultEditForm):
    pass


SuggestionEditView = layout.wrap_form(SuggestionEditForm)
classImplements(SuggestionEditView, IDexterityEditForm)
