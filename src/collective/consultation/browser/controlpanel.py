from collective.consultation import _
from collective.consultation.interfaces import IConsultationSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm


class SettingsForm(RegistryEditForm):
    schema = IConsultationSettings
    schema_prefix = "collective.consultation"
    label = _("Consultation settings")


class SettingsView(ControlPanelFormWrapper):
    form = SettingsForm
