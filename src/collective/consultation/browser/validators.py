"""Field-level form validators: the schema invariants hold for every way in
(REST API, scripts); these put the same message on the field in the Classic UI forms."""

from collective.consultation.content.consultation import IConsultation
from collective.consultation.content.validation import sector_error
from collective.consultation.content.validation import start_end_errors
from collective.consultation.content.validation import units_error
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
        except (ValueError, Invalid):  # that widget reports its own error
            return default
    return default


def _raise_if(message):
    if message:
        raise Invalid(message)


class SectorValidator(validator.SimpleFieldValidator):
    def validate(self, value):
        super().validate(value)
        _raise_if(sector_error(_sibling_value(self.view, "kind"), value))


class CounterpartUnitsValidator(validator.SimpleFieldValidator):
    def validate(self, value):
        super().validate(value)
        _raise_if(units_error(_sibling_value(self.view, "kind"), value))


class EndValidator(validator.SimpleFieldValidator):
    def validate(self, value):
        super().validate(value)
        if not IConsultation.providedBy(self.context) and not _is_consultation_add(
            self.view
        ):
            return
        start = _sibling_value(self.view, "IEventBasic.start")
        open_end = _sibling_value(self.view, "IEventBasic.open_end", False)
        for _name, message in start_end_errors(start, value, open_end):
            _raise_if(message)


def _is_consultation_add(form):
    return (
        getattr(form, "portal_type", None) == "Consultation"
        or getattr(getattr(form, "__parent__", None), "portal_type", None)
        == "Consultation"
    )


validator.WidgetValidatorDiscriminators(
    SectorValidator, request=IBrowserLayer, field=IConsultation["sector"]
)
validator.WidgetValidatorDiscriminators(
    CounterpartUnitsValidator,
    request=IBrowserLayer,
    field=IConsultation["counterpart_units"],
)
validator.WidgetValidatorDiscriminators(
    EndValidator, request=IBrowserLayer, field=IEventBasic["end"]
)
