"""Texts of z3c.form's widgets that read badly in Chinese: an optional choice's empty
entry is "空值" (a programmer's "null value") in z3c.form's catalog, which comes before
ours; z3c.form looks the text up as a widget attribute, which this gives for our pages.
"""

from collective.consultation import _
from collective.consultation.interfaces import IBrowserLayer
from z3c.form import widget
from z3c.form.interfaces import ISelectWidget

NoValueMessage = widget.StaticWidgetAttribute(
    _("(not chosen)"), request=IBrowserLayer, widget=ISelectWidget
)
