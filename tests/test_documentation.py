"""The reference's examples are written by this test, as plone.restapi's own
test_documentation.py writes its: each REST example is a real request to the demo site and
its real answer, and the settings table is read off the settings schema. A file that no
longer matches fails the test (the docs drifted); ``DOCS_UPDATE=1`` rewrites them
(``make docs-update``)."""

from collective.consultation.interfaces import IConsultationSettings
from pathlib import Path
from zope.i18n import translate
from zope.schema import getFieldsInOrder

import base64
import json
import os
import pytest
import re

DOCS = Path(__file__).resolve().parent.parent / "docs" / "reference"
EXAMPLES = DOCS / "examples"
SHOWN_SITE = "http://localhost:8080/Plone"
UID = re.compile(r"\b[0-9a-f]{32}\b")

LOGINS = {
    "staff": ("staff", "staff-2018"),
    "secretary": ("secretary", "secretary-2018"),
    "member": ("youjin", "youjin-2018"),
}

# name: (who, method, path, body, with the site in Chinese)
REQUESTS = {
    "search-year": (
        "staff",
        "GET",
        "/@search?portal_type=Consultation&consultation_year=2018"
        "&consultation_kind=bimonthly&sort_on=start&metadata_fields=start",
        None,
        False,
    ),
    "consultation-stats": (
        "secretary",
        "GET",
        "/@consultation-stats?year=2018",
        None,
        False,
    ),
    "duty-score": ("member", "GET", "/members/m01/@duty-score?year=2018", None, False),
    "speeches": ("member", "GET", "/2018/2018-06-28-bimonthly/@speeches", None, False),
    "refusal-chinese": (
        "secretary",
        "GET",
        "/@consultation-stats?year=abc",
        None,
        True,
    ),
    "refusal-step": (
        "secretary",
        "POST",
        "/2018/2018-06-28-bimonthly/s009/@handling/adopt",
        {"comment": "采纳"},
        False,
    ),
}


def compare_or_write(path, text):
    if os.environ.get("DOCS_UPDATE"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path.name} is missing: run make docs-update"
    assert path.read_text(encoding="utf-8") == text, (
        f"{path.relative_to(DOCS.parent.parent)} no longer matches what the site answers: "
        "read the change, then run make docs-update"
    )


def shown(text, site):
    """The answer as the docs show it: the demo site's address, stable UIDs."""
    text = text.replace(site, SHOWN_SITE)
    numbers = {}
    return UID.sub(
        lambda m: numbers.setdefault(m.group(0), f"{len(numbers) + 1:032x}"), text
    )


def example(session, site, who, method, path, body):
    login = ":".join(LOGINS[who])
    request = [
        f"{method} /Plone/++api++{path} HTTP/1.1",
        "Accept: application/json",
        f"Authorization: Basic {base64.b64encode(login.encode()).decode()}",
    ]
    if body is not None:
        request += [
            "Content-Type: application/json",
            "",
            json.dumps(body, ensure_ascii=False),
        ]
    response = session.request(method, path, json=body)
    answer = [f"HTTP/1.1 {response.status_code} {response.reason}"]
    answer.append(f"Content-Type: {response.headers['Content-Type'].split(';')[0]}")
    answer += [
        "",
        json.dumps(response.json(), ensure_ascii=False, indent=2, sort_keys=True),
    ]
    curl = f"curl -u {login} -X {method} '{SHOWN_SITE}/++api++{path}'"
    if body is not None:
        curl += f" -H 'Content-Type: application/json' -d '{json.dumps(body, ensure_ascii=False)}'"
    return shown(
        "```sh\n"
        + curl
        + "\n```\n\n```http\n"
        + "\n".join(request)
        + "\n```\n\n```http\n"
        + "\n".join(answer)
        + "\n```\n",
        site,
    )


@pytest.mark.parametrize("name", sorted(REQUESTS))
def test_rest_example(name, request_factory, functional, request):
    who, method, path, body, chinese = REQUESTS[name]
    if chinese:
        request.getfixturevalue("chinese")
    session = request_factory(basic_auth=LOGINS[who])
    site = functional["portal"].absolute_url()
    compare_or_write(
        EXAMPLES / f"{name}.md", example(session, site, who, method, path, body)
    )


def test_settings_reference():
    lines = [
        "# Settings",
        "",
        "*Site Setup → Consultation settings* (`@@consultation-settings`), or through REST",
        "`GET/PATCH <site>/++api++/@controlpanels/consultation-settings`; the registry",
        "records are `collective.consultation.<name>`. This table is written by",
        "`tests/test_documentation.py` from the settings schema.",
        "",
        "| name | 中文 | type | default | what it does |",
        "|---|---|---|---|---|",
    ]
    for name, field in getFieldsInOrder(IConsultationSettings):
        default = field.default
        if isinstance(default, list):
            default = "; ".join(default)
        cells = [
            f"`{name}`",
            translate(field.title, target_language="zh_CN"),
            type(field).__name__,
            "" if default in (None, "") else str(default),
            " ".join(
                (translate(field.description, target_language="en") or "").split()
            ),
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    compare_or_write(DOCS / "settings.md", "\n".join(lines) + "\n")
