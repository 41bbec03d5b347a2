"""Checks on REST requests for input that plone.restapi reads deep inside and would fail
on with 500. Batching parameters (``@search?b_size=-1``, ``b_start=abc``) are checked
once traversal has found the service: 400 naming the parameter. A JSON body nested
thousands deep makes json.loads raise RecursionError, which plone.restapi does not catch
(its login plugin reads the body already during traversal): services/errors.py answers
that error 400 when the body is the cause. Other unreadable bodies (truncated, not UTF-8,
a form) end as plone.restapi's DeserializationError, also answered 400 there."""

from collective.consultation import _
from collective.consultation.errors import FieldError
from plone.rest.interfaces import IAPIRequest

import json


def check_batching_parameters(event):
    request = event.request
    if IAPIRequest.providedBy(request):
        check_batching(request.form)


def check_batching(form):
    for name, least in (("b_start", 0), ("b_size", 1)):
        value = form.get(name)
        if value is None:
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or number < least:
            raise FieldError(
                name,
                _("a whole number, at least ${least}.", mapping={"least": least}),
            )


def body_nested_too_deep(request):
    """Whether the request's body is JSON too deep to read (the cause of a
    RecursionError), rather than a fault of ours."""
    body = request.get("BODY") or b""
    if body.count(b"[") + body.count(b"{") < 500:  # too few brackets to nest that deep
        return False
    try:
        json.loads(body)
    except RecursionError:
        return True
    except ValueError:
        return False
    return False
