"""Staff's own minutes template: a .docx with docxtpl (Jinja2) placeholders, rendered in
Jinja2's sandbox with autoescape on and nothing but the minutes' own names. A template is
tried on sample data before it is kept, so a broken or unsafe one is refused with a message
that names the problem; if one still fails later, the built-in layout is used and the
failure is logged."""

from collective.consultation import _
from collective.consultation import logger
from collective.consultation.minutes.data import MinutesData
from collective.consultation.minutes.data import SpeechLine
from collective.consultation.minutes.data import SuggestionLine
from collective.consultation.safetext import xml_safe
from dataclasses import asdict
from io import BytesIO
from jinja2 import StrictUndefined
from jinja2 import TemplateSyntaxError
from jinja2 import UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.sandbox import SecurityError
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate

import zipfile

KEY = "collective.consultation.minutes_template"
MAX_SIZE = 5 * 2**20
# Repeating text or a list ("x" * n) is the one way left to make a huge document.
MAX_REPEAT = 1000


class TemplateError(ValueError):
    """The template cannot be used; the message (an i18n message) says why, for the person
    who uploaded it."""


class MinutesSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox (no ``_``-attributes, no unsafe or mutating methods)
    with no globals at all (``range``, ``cycler``, ``lipsum`` and the rest are gone); an
    unknown name is an error rather than empty text, and repetition is bounded."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self):
        super().__init__(autoescape=True, undefined=StrictUndefined)
        self.globals.clear()

    def call_binop(self, context, operator, left, right):
        if operator == "**":
            raise SecurityError("powers (**) are not allowed")
        sizes = [v for v in (left, right) if isinstance(v, int)]
        if any(isinstance(v, (str, list, tuple)) for v in (left, right)) and any(
            abs(n) > MAX_REPEAT for n in sizes
        ):
            raise SecurityError(f"repeating more than {MAX_REPEAT} times")
        return super().call_binop(context, operator, left, right)


def context_of(data: MinutesData):
    """The names a template can use (listed in docs/explanation/minutes.md)."""
    values = asdict(data)
    values["on_leave"] = [
        {"name": name, "reason": reason} for name, reason in data.on_leave
    ]

    def scrub(value):
        if isinstance(value, str):
            return xml_safe(value)
        if isinstance(value, list):
            return [scrub(v) for v in value]
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items()}
        return value

    return scrub(values)


def render(template_bytes, data: MinutesData):
    """The filled-in document, or TemplateError naming what is wrong."""
    from docxtpl import DocxTemplate

    if not zipfile.is_zipfile(BytesIO(template_bytes)):
        raise TemplateError(_("The file is not a Word (.docx) document."))
    try:
        template = DocxTemplate(BytesIO(template_bytes))
        template.render(context_of(data), jinja_env=MinutesSandbox(), autoescape=True)
        out = BytesIO()
        template.save(out)
    except TemplateSyntaxError as error:
        raise TemplateError(
            _(
                "Template syntax error: ${error} (line ${line}).",
                mapping={"error": error.message, "line": error.lineno},
            )
        )
    except SecurityError as error:
        raise TemplateError(
            _(
                "The template reaches outside the minutes' data, which is not "
                "allowed: ${error}.",
                mapping={"error": str(error)},
            )
        )
    except UndefinedError as error:
        raise TemplateError(
            _(
                "The template uses a name that minutes do not have: ${error}.",
                mapping={"error": error.message},
            )
        )
    except (KeyError, zipfile.BadZipFile) as error:
        raise TemplateError(
            _(
                "The file is not a usable Word document (${error}).",
                mapping={"error": str(error)},
            )
        )
    except Exception as error:  # docxtpl and lxml raise many kinds; say which
        raise TemplateError(
            _(
                "The template could not be filled in: ${error}.",
                mapping={"error": f"{type(error).__name__}: {error}"},
            )
        )
    return out.getvalue()


SAMPLE = MinutesData(
    title="示例协商会 <&>",
    number="〔2018〕1号",
    time="2018-06-28 09:00 – 12:00",
    place="会议室",
    presided_by="主持人",
    present=["委员甲"],
    on_leave=[("委员乙", "出差")],
    absent=["委员丙"],
    guests=["嘉宾（单位）"],
    units=["市某局"],
    agenda=["议程"],
    summary=["讨论"],
    decisions=["议定"],
    speeches=[SpeechLine("发言", "委员甲", "市某局")],
    suggestions=[SuggestionLine("建议", "委员甲", "市某局")],
    closing="结束语",
    organiser="办公室",
    date="2018-06-28",
)


def stored():
    return IAnnotations(api.portal.get()).get(KEY)


def store(template_bytes):
    """Keep the template if it fills in the sample minutes; raise TemplateError if not."""
    if len(template_bytes) > MAX_SIZE:
        raise TemplateError(_("The file is larger than 5 MB."))
    render(template_bytes, SAMPLE)
    IAnnotations(api.portal.get())[KEY] = template_bytes


def remove():
    IAnnotations(api.portal.get()).pop(KEY, None)


def render_or_none(data):
    """The document from the stored template, or None (no template, or it failed)."""
    template_bytes = stored()
    if not template_bytes:
        return None
    try:
        return render(template_bytes, data)
    except TemplateError as error:
        logger.warning(
            "Minutes template failed, the built-in layout is used: %s",
            translate(error.args[0], target_language="en"),
        )
        return None
