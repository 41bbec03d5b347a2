"""The one shape of a refusal: ``field`` names the field or parameter that was wrong and
``message`` says why, as an i18n message. A service answers it with 400 and the text in
the request's language (services/errors.py); a form shows it by the field."""

from collective.consultation import _
from zope.globalrequest import getRequest
from zope.i18n import translate


class FieldError(ValueError):
    """Refused input; ``field`` names what was wrong."""

    def __init__(self, field, message):
        self.field = field
        self.message = message
        # The default text (English, with its ${names} filled): logs and tracebacks.
        super().__init__(f"{field}: {translate(message)}")

    def reason(self, request=None):
        """Why, in the language of ``request`` (the current one by default)."""
        return translate(self.message, context=_request(request))

    def text(self, request=None):
        """``field: why`` in the language of ``request``."""
        return f"{self.field}: {self.reason(request)}"


def check_parameters(given, allowed):
    """Refuse a parameter (or body key) that is not one of ``allowed``."""
    unknown = sorted(set(given) - set(allowed))
    if unknown:
        raise FieldError(
            unknown[0],
            _(
                "not a parameter here; use ${allowed}.",
                mapping={"allowed": ", ".join(allowed)},
            ),
        )


def not_one_of(value, allowed):
    """The message for a value outside a fixed list."""
    return _(
        "'${value}' is not one of ${allowed}.",
        mapping={"value": str(value), "allowed": ", ".join(allowed)},
    )


def _request(request):
    return request if request is not None else getRequest()
