"""A form parameter read as one text: a parameter sent twice (in the query and the body,
or ``kind:list=a&kind:list=b``) arrives as a list, which our pages refuse with 400 naming
it rather than failing on it later."""

from zExceptions import BadRequest


def one(form, name, default=None):
    """The parameter's text, ``default`` when absent; 400 when it is not one text."""
    value = form.get(name, default)
    if value is default:
        return value
    if not isinstance(value, str):
        raise BadRequest(f"{name}: give one value, not several.")
    return value
