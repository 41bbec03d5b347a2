"""Field-level form validators: the schema invariants hold for every way in
(REST API, scripts); these put the same message on the field in the Classic UI forms."""

from collective.consultation.content.consultation import IConsultation
from collective.consultation.content.validation import kind_errors
from collective.consultation.content.validation import start_end_errors
from collective.consultation.interfaces import IBrowserLayer
from plone.app.event.dx.behaviors import IEventBasic
from z3c.form import validator
from z3c.form.interfaces import IDataConverter
from z3c.form.interfaces import NO_VALUE
from zope.interface import Invalid


def _sibling_value(form, name, default=None):
    """The converted value another widget of the same form submitted."""
    forms = [form] + list(getattr(form, "groups", ()) or ())
    parent = getattr(form, "__parent__", None)
    if parent is not None:
        forms.append(parent)
        forms.extend(getattr(parent, "groups", ()) or ())
    for candidate in forms:
        widgets = getattr(candidate, "widgets", None)
        if widgets is None or name not in widgets:
            continue
        widget = widgets[name]
        raw = widget.extract()
        if raw is NO_VALUE:
            return default
        try:
            return IDataConverter(widget).toFieldValue(raw)
        except Exception:
            return default
    return default


def _raise_for(field_name, errors):
    for name, message in errors:
        if name == field_name:
            raise Invalid(message)


class SectorValidator(validator.SimpleFieldValidator):
    def validate(self, value):
        super().validate(value)
        kind = _sibling_value(self.view, "kind")
        _raise_for("sector", kind_errors(kind, value, ["-"]))


class CounterpartUnitsValidator(validator.SimpleFieldValidator):
    def validate(self, value):
        super().validate(value)
        kind = _sibling_value(self.view, "kind")
        _raise_for("counterpart_units", kind_errors(kind, "-", value))


class EndValidator(validator.SimpleFieldValidator):
    def validate(self, value):
        super().validate(value)
        if not IConsultation.providedBy(self.context) and not _is_consultation_add(self.view):
            return
        start = _sibling_value(self.view, "IEventBasic.start")
        open_end = _sibling_value(self.view, "IEventBasic.open_end", False)
        _raise_for("end", start_end_errors(start, value, open_end))


def _is_consultation_add(form):
    return getattr(form, "portal_type", None) == "Consultation" or getattr(
        getattr(form, "__parent__", None), "portal_type", None
    ) == "Consultation"


validator.WidgetValidatorDiscriminators(
    SectorValidator, request=IBrowserLayer, field=IConsultation["sector"]
)
validator.WidgetValidatorDiscriminators(
    CounterpartUnitsValidator, request=IBrowserLayer, field=IConsultation["counterpart_units"]
)
validator.WidgetValidatorDiscriminators(EndValidator, request=IBrowserLayer, field=IEventBasic["end"])
