"""Field-level form validators: the schema invariants hold for every way in
(REST API, scripts); these put the same message on the field in the Classic UI forms."""

from collective.consultation.content import CONTENT_TYPES
from collective.consultation.content.consultation import IConsultation
from collective.consultation.interfaces import IBrowserLayer
from collective.consultation.validation import sector_error
from collective.consultation.validation import start_end_errors
from collective.consultation.validation import text_problem
from collective.consultation.validation import units_error
from plone.app.event.dx.behaviors import IEventBasic
from z3c.form import validator
from z3c.form.interfaces import IDataConverter
from z3c.form.interfaces import NO_VALUE
from zope.interface import Invalid
from zope.schema.interfaces import IList
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine


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


def _edited_type(view, context):
    """The portal_type a form adds or edits (groups are fieldsets of the form)."""
    for candidate in (view, getattr(view, "__parent__", None)):
        portal_type = getattr(candidate, "portal_type", None)
        if isinstance(portal_type, str):
            return portal_type
    return getattr(context, "portal_type", None)


class TextValidator(validator.SimpleFieldValidator):
    """The add-on's content keeps the text rule of validation.py (no invisible
    or line-breaking characters in a line, limits) in forms as in the REST API."""

    def validate(self, value):
        super().validate(value)
        if value is None or _edited_type(self.view, self.context) not in CONTENT_TYPES:
            return
        field = self.field
        items, line = [value], ITextLine.providedBy(field)
        if IList.providedBy(field):
            items, line = value, ITextLine.providedBy(field.value_type)
            if not (line or IText.providedBy(field.value_type)):
                return
        for item in items:
            _raise_if(text_problem(item, single_line=line))


class SectorValidator(validator.SimpleFieldValidator):
    def validate(self, value):
        super().validate(value)
        _raise_if(sector_error(_sibling_value(self.view, "kind"), value))


class CounterpartUnitsValidator(TextValidator):
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


# One class per kind of field: a discriminator is set on the class it is given.
class LineValidator(TextValidator):
    pass


class TextAreaValidator(TextValidator):
    pass


class ListOfTextValidator(TextValidator):
    pass


for text_validator, text_field in (
    (LineValidator, ITextLine),
    (TextAreaValidator, IText),
    (ListOfTextValidator, IList),
):
    validator.WidgetValidatorDiscriminators(
        text_validator, request=IBrowserLayer, field=text_field
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
