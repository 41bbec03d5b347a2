"""plone.restapi's deserializer for the add-on's content, with the checks it lacks:

- a field the user may not write (plone.autoform ``write_permission``, e.g. the
  secretariat's fields of a suggestion) is refused with 403 naming it, where plone.restapi
  would skip it silently; sending back its current value (a client's round trip) passes;
- a value of the wrong JSON type (an object where text is expected, a number for a list)
  answers 400 naming the field instead of failing deeper down;
- text is checked by the rule every way in shares (validation.py): no invisible
  or line-breaking characters in a line, lengths within limits;
- a date and time without a zone is read in the site's zone."""

from collective.consultation import _
from collective.consultation.dates import site_timezone
from collective.consultation.tracking import steps
from collective.consultation.validation import text_problem
from datetime import datetime
from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from plone.dexterity.utils import iterSchemata
from plone.restapi.deserializer import json_body
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.supermodel.utils import mergedTaggedValueDict
from z3c.form.interfaces import IDataManager
from zExceptions import BadRequest
from zExceptions import Forbidden
from zope.component import queryMultiAdapter
from zope.i18n import translate
from zope.schema import getFields
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine


def text_kind(field):
    """ "line", "text" or None: the rule a (collection's) text field keeps."""
    if ITextLine.providedBy(field):
        return "line"
    if IText.providedBy(field):
        return "text"
    return None


def value_problem(field, value):
    """Why a JSON value cannot go into ``field``, or None (the field's own validation
    follows in plone.restapi)."""
    if value is None:
        return None
    if ICollection.providedBy(field):
        if not isinstance(value, list):
            return _("must be a list.")
        kind = text_kind(field.value_type)
        for item in value:
            if kind and item is not None:
                problem = text_problem(item, single_line=kind == "line")
                if problem:
                    return problem
            elif isinstance(item, (dict, list)):
                return _("must be a list of texts or references.")
        return None
    kind = text_kind(field)
    if kind:
        return text_problem(value, single_line=kind == "line")
    if IBool.providedBy(field):
        return None if isinstance(value, bool) else _("must be true or false.")
    if IInt.providedBy(field):
        ok = isinstance(value, int) and not isinstance(value, bool)
        return None if ok else _("must be a whole number.")
    if (IDatetime.providedBy(field) or IDate.providedBy(field)) and not isinstance(
        value, str
    ):
        return _("must be a date as text, e.g. 2026-12-06T09:00.")
    if IChoice.providedBy(field) and isinstance(value, (dict, list)):
        return _("must be one of the listed values.")
    return None


class CheckedDeserializer(DeserializeFromJson):
    def __call__(
        self, validate_all=False, data=None, create=False, mask_validation_errors=True
    ):
        if data is None:
            data = json_body(self.request)
        if not isinstance(data, dict):
            raise BadRequest(self.message(_("The body must be a JSON object.")))
        self.refuse_forbidden_fields(data, create)
        errors = self.step_only_fields(data, create) + [
            {"field": name, "message": f"{name}: {self.message(problem)}"}
            for name, field in self.fields_in(data)
            for problem in [value_problem(field, data[name])]
            if problem
        ]
        if errors:
            raise BadRequest(errors)
        data = dict(data, **self.local_times(data))
        return super().__call__(validate_all, data, create, mask_validation_errors)

    def local_times(self, data):
        """A date and time sent without a zone is meant in the site's zone (a committee
        in Shanghai writes 09:00 and means 09:00 there), not in UTC."""
        zone = site_timezone()
        found = {}
        for name, field in self.fields_in(data):
            if not IDatetime.providedBy(field) or not isinstance(data[name], str):
                continue
            try:
                moment = datetime.fromisoformat(data[name])
            except ValueError:
                continue  # plone.restapi names the field in its error
            if moment.tzinfo is None:
                found[name] = zone.localize(moment).isoformat()
        return found

    def fields_in(self, data):
        for schema in iterSchemata(self.context):
            for name, field in getFields(schema).items():
                if name in data and not field.readonly:
                    yield name, field

    def refuse_forbidden_fields(self, data, create):
        refused = []
        for schema in iterSchemata(self.context):
            permissions = mergedTaggedValueDict(schema, WRITE_PERMISSIONS_KEY)
            for name, field in getFields(schema).items():
                if name not in data or self.check_permission(permissions.get(name)):
                    continue
                if not self.changes(field, data[name], create):
                    continue
                refused.append(name)
        if refused:
            raise Forbidden(
                self.message(
                    _(
                        "You may not set these fields: ${fields}.",
                        mapping={"fields": ", ".join(refused)},
                    )
                )
            )

    def step_only_fields(self, data, create):
        """Errors for fields that only a handling step may change now (the units of a
        referred suggestion: 变更承办单位)."""
        if create:
            return []
        return [
            {
                "field": name,
                "message": f"{name}: "
                + self.message(
                    _("change the units with the handling step 'reassign'.")
                ),
            }
            for name in steps.fields_only_a_step_changes(self.context)
            if name in data and self.changes(self.field(name), data[name], create)
        ]

    def field(self, name):
        for schema in iterSchemata(self.context):
            if name in getFields(schema):
                return getFields(schema)[name]
        return None

    def changes(self, field, value, create):
        """Would ``value`` change the field? Sending back what is there does not."""
        current = None
        if not create:
            manager = queryMultiAdapter((self.context, field), IDataManager)
            current = manager.query() if manager is not None else None
        empty = (None, "", [], ())
        if value in empty and current in empty:
            return False
        if isinstance(current, (list, tuple)) and not any(
            hasattr(one, "to_object") for one in current
        ):
            return list(value or ()) != list(current)
        if hasattr(current, "to_object") or isinstance(current, (list, tuple)):
            return True  # relations: only an empty value is a non-change
        if hasattr(current, "isoformat"):
            return value != current.isoformat()
        return value != current

    def message(self, msgid):
        return translate(msgid, context=self.request)
