"""The suggestion forms as a proposer needs them: no summary field (the suggestion's text
says it), and on the add form a button that saves and submits (报送) in one step; the
secretariat's fields are already left out for proposers (field write permissions)."""

from collective.consultation import _
from collective.consultation.browser.adding import SubmittingAddForm
from collective.consultation.tracking import steps
from plone.dexterity.browser.add import DefaultAddView
from plone.dexterity.browser.edit import DefaultEditForm
from plone.dexterity.interfaces import IDexterityEditForm
from plone.z3cform import layout
from z3c.form.interfaces import DISPLAY_MODE
from zope.interface import classImplements

# No summary (the text says it); the short name and the navigation switch are Plone's
# housekeeping, not a proposer's concern (the id comes from the title).
OMITTED = (
    "IBasic.description",
    "IShortName.id",
    "IExcludeFromNavigation.exclude_from_nav",
)


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


class SuggestionAddForm(_WithoutSummary, SubmittingAddForm):
    portal_type = "Suggestion"
    submit_title = _("Submit the suggestion")
    submitted_message = _("Your suggestion was submitted to the committee.")


class SuggestionAddView(DefaultAddView):
    form = SuggestionAddForm


class SuggestionEditForm(_WithoutSummary, DefaultEditForm):
    def updateFields(self):
        """Once referred, the units are shown, not edited: 变更承办单位 is a step."""
        super().updateFields()
        locked = steps.fields_only_a_step_changes(self.context)
        for form_ in (self, *getattr(self, "groups", ())):
            for name in locked:
                if name in form_.fields:
                    form_.fields[name].mode = DISPLAY_MODE


SuggestionEditView = layout.wrap_form(SuggestionEditForm)
classImplements(SuggestionEditView, IDexterityEditForm)
