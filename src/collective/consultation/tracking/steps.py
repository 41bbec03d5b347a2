"""The handling steps of a suggestion (报送, 交办, 答复, 采纳, 落实, 不予采纳, 撤回, 再办理,
and while it is referred 变更承办单位 and 催办):
the fields each step fills, which of them must hold a value before the step may happen,
and performing a step with its data in one go.

The check runs before every transition of the suggestion workflow, however it is called
(plone.restapi's ``@workflow``, the Classic UI, a script), so no path skips it."""

from AccessControl import Unauthorized
from collective.consultation import _
from collective.consultation import permissions
from collective.consultation.content.suggestion import ISuggestion
from collective.consultation.interfaces import setting
from collective.consultation.tracking import units
from collective.consultation.workflows import state_title
from dataclasses import dataclass
from datetime import date
from dateutil.relativedelta import relativedelta
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate


@dataclass(frozen=True)
class Step:
    transition: str
    fields: tuple = ()  # what the step's form shows and its REST body may carry
    required: tuple = ()  # must hold a value once the step's data is applied
    comment_required: bool = False
    reason_field: str | None = None  # left empty, it takes the comment


STEPS = {
    step.transition: step
    for step in (
        Step("submit"),
        Step(
            "refer",
            ("lead_unit", "assisting_units", "deadline", "instruction"),
            ("lead_unit", "deadline"),
        ),
        Step(
            "answer",
            ("answer", "answer_date", "answer_letter"),
            ("answer", "answer_date"),
        ),
        Step(
            "adopt",
            ("adoption_degree", "adopting_body", "instruction"),
            ("adoption_degree",),
        ),
        Step(
            "implement", ("implementation", "implementation_date"), ("implementation",)
        ),
        Step(
            "decline",
            ("decline_reason",),
            ("decline_reason",),
            reason_field="decline_reason",
        ),
        Step("withdraw", comment_required=True),
        Step("reopen", ("deadline",), ("deadline",), comment_required=True),
        # Steps that keep the state: a change of units is told to the new units and
        # recorded with its reason; a reminder goes to the lead unit.
        Step(
            "reassign",
            ("lead_unit", "assisting_units", "deadline"),
            ("lead_unit", "deadline"),
            comment_required=True,
        ),
        Step("remind"),
    )
}


class StepError(WorkflowException):
    """A step refused for missing or wrong data; ``errors`` maps field to message.

    A WorkflowException, so that plone.restapi's ``@workflow`` answers 400 with the message.
    """

    def __init__(self, transition, errors=None):
        if isinstance(transition, StepError):
            # CMF's workflow tool re-raises as ``type(exc)(exc)``.
            transition, errors = transition.transition, transition.errors
        super().__init__(transition, errors)
        self.transition = transition
        self.errors = errors

    @property
    def field(self):
        """The first field named (the one a REST answer names)."""
        return next(iter(self.errors or {}), "transition")

    def reasons(self, request=None):
        """ "field: message" for each reason, translated for the request's language
        (the current one by default; messages may be i18n messages or plain text)."""
        request = request if request is not None else getRequest()
        return [
            f"{field}: {translate(message, context=request)}"
            for field, message in self.errors.items()
        ]

    def text(self, request=None):
        return f"{self.transition}: " + " ".join(self.reasons(request))

    def __str__(self):
        return self.text()


def defaults(suggestion, transition, today=None):
    """What the step's form proposes: a deadline some months ahead, today's date."""
    today = today or date.today()
    values = {}
    if transition in ("refer", "reopen"):
        values["deadline"] = today + relativedelta(months=setting("answer_months"))
    if transition == "answer":
        values["answer_date"] = today
    if transition == "implement":
        values["implementation_date"] = today
    return values


def problems(suggestion, transition, comment=""):
    """{field: message} for what keeps ``transition`` from happening now."""
    step = STEPS.get(transition)
    if step is None:
        return {}
    errors = {}
    for name in step.required:
        if not getattr(suggestion, name, None):
            errors[name] = _("required for this step.")
    if step.comment_required and not (comment or "").strip():
        errors["comment"] = _("a reason is required for this step.")
    if transition in ("refer", "reassign"):
        errors.update(
            units.unregistered(suggestion.lead_unit, suggestion.assisting_units)
        )
    if transition == "remind" and units.find(suggestion.lead_unit) is None:
        errors["lead_unit"] = _("no registered lead unit to remind.")
    return errors


# Once referred, the units change only through the reassign step (its notices and
# history), never by editing the fields.
UNIT_FIELDS = ("lead_unit", "assisting_units")
STATES_BEFORE_REFERRAL = ("draft", "submitted")


def fields_only_a_step_changes(suggestion):
    """The fields an edit form or a PATCH may not change on this suggestion now."""
    if not ISuggestion.providedBy(suggestion):
        return ()
    if api.content.get_state(suggestion, None) in STATES_BEFORE_REFERRAL:
        return ()
    return UNIT_FIELDS


def describe_units(lead, assisting):
    """主办（协办：…） as the history reads it."""
    return (lead or "—") + (f"（协办：{'、'.join(assisting)}）" if assisting else "")


def units_of(suggestion):
    """(lead unit, assisting units) as they stand."""
    return (suggestion.lead_unit, tuple(suggestion.assisting_units or ()))


def check_before_transition(suggestion, event):
    """Subscriber: refuse a step whose data is missing (a decline without a reason...)."""
    if event.transition is None:
        return  # the initial state
    comment = (event.kwargs or {}).get("comment", "")
    step = STEPS.get(event.transition.id)
    if (
        step
        and step.reason_field
        and not getattr(suggestion, step.reason_field, None)
        and comment
    ):
        setattr(suggestion, step.reason_field, comment)
    errors = problems(suggestion, event.transition.id, comment)
    if errors:
        raise StepError(event.transition.id, errors)


def perform(suggestion, transition, values, comment=""):
    """Validate ``values`` against the schema, apply them and take the step.

    Raises StepError before anything is written when a value or the step is refused;
    the caller's transaction is then left as it was."""
    step = STEPS.get(transition)
    if step is None:
        raise StepError(
            transition,
            {
                "transition": _(
                    "'${transition}' is not a handling step.",
                    mapping={"transition": transition},
                )
            },
        )
    refuse_unavailable(suggestion, transition)
    unknown = sorted(set(values) - set(step.fields))
    if unknown:
        raise StepError(
            transition, {name: _("not a field of this step.") for name in unknown}
        )
    errors = {}
    for name, value in values.items():
        field = ISuggestion[name].bind(suggestion)
        try:
            field.validate(value)
        except Exception as exc:  # zope.schema's ValidationError and constraint errors
            errors[name] = exc.doc() if hasattr(exc, "doc") else str(exc)
    # Check the step with the new values before writing any of them.
    merged = _Overlay(suggestion, values)
    errors.update(problems(merged, transition, comment or _reason(step, values)))
    former = units_of(suggestion)
    if transition == "reassign" and units_of(merged) == former:
        errors["lead_unit"] = _(
            "the same units as now: choose the units that take over."
        )
    if errors:
        raise StepError(transition, errors)
    for name, value in values.items():
        setattr(suggestion, name, value)
    if transition == "reassign":
        comment = f"{describe_units(*former)} → {describe_units(*units_of(suggestion))}：{comment}"
    # DCWorkflow directly: plone.api would turn our StepError into a generic message.
    # The units before the step travel with its event, for the notices.
    api.portal.get_tool("portal_workflow").doActionFor(
        suggestion, transition, comment=comment or "", former_units=former
    )
    suggestion.reindexObject()


def refuse_unavailable(suggestion, transition):
    """400 for a step the state does not allow; Unauthorized for one the user may not take."""
    wftool = api.portal.get_tool("portal_workflow")
    state = api.content.get_state(suggestion)
    if transition not in wftool["suggestion_workflow"].states[state].transitions:
        raise StepError(
            transition,
            {
                "transition": _(
                    "not possible while the suggestion is ${state}.",
                    mapping={
                        "state": state_title("Suggestion", state, context=getRequest())
                    },
                )
            },
        )
    if transition in {t["id"] for t in wftool.getTransitionsFor(suggestion)}:
        return
    if transition == "reopen" and api.user.has_permission(
        permissions.HANDLE_SUGGESTION, obj=suggestion
    ):
        # The guard expression refused it, not the permission.
        raise StepError(
            transition,
            {
                "evaluation": _(
                    "reopened only after a proposer rated the answer dissatisfied."
                )
            },
        )
    raise Unauthorized(
        translate(
            _(
                "You may not take the step ${transition} on this suggestion.",
                mapping={"transition": transition},
            ),
            context=getRequest(),
        )
    )


def _reason(step, values):
    return values.get(step.reason_field, "") if step.reason_field else ""


class _Overlay:
    """The suggestion as it will be once ``values`` are applied."""

    def __init__(self, suggestion, values):
        self._suggestion = suggestion
        self._values = values

    def __getattr__(self, name):
        if name in self._values:
            return self._values[name]
        return getattr(self._suggestion, name)
