"""The add-on's settings through plone.restapi as well as Site Setup:
``GET/PATCH <site>/++api++/@controlpanels/consultation-settings`` reads and writes the
same registry records as ``@@consultation-settings``, with the same checks (site
administrators; a bad value answers 400 naming the field)."""

from collective.consultation.interfaces import IConsultationSettings
from plone.restapi.controlpanels import RegistryConfigletPanel
from plone.restapi.interfaces import IControlpanelLayer
from zope.component import adapter
from zope.interface import Interface


@adapter(Interface, IControlpanelLayer)
class SettingsControlpanel(RegistryConfigletPanel):
    schema = IConsultationSettings
    schema_prefix = "collective.consultation"
    configlet_id = "consultation-settings"
    configlet_category_id = "Products"
