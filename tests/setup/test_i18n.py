"""Chinese first: every label, vocabulary term, type and workflow title has a zh_CN
translation (and an English one)."""

from collective.consultation import validation
from collective.consultation import vocabularies
from collective.consultation.content import CONTENT_TYPES
from collective.consultation.content.consultation import IConsultation
from collective.consultation.content.material import IMeetingMaterial
from collective.consultation.content.member import ICommitteeMember
from collective.consultation.content.programme import IConsultationProgramme
from collective.consultation.content.speech import ISpeech
from collective.consultation.content.suggestion import ISuggestion
from collective.consultation.content.unit import IHandlingUnit
from collective.consultation.interfaces import IConsultationSettings
from plone import api
from zope.i18n import translate
from zope.schema import getFieldsInOrder

import pytest
import re

CJK = re.compile(r"[\u4e00-\u9fff]")
SCHEMAS = (
    IConsultationProgramme,
    IConsultation,
    ISuggestion,
    ICommitteeMember,
    IHandlingUnit,
    IMeetingMaterial,
    ISpeech,
    IConsultationSettings,
)


def labels():
    for schema in SCHEMAS:
        for name, field in getFieldsInOrder(schema):
            yield f"{schema.__name__}.{name}", field.title
            if field.description:
                yield f"{schema.__name__}.{name}:description", field.description
    for pairs_name in (
        "KINDS",
        "SECTORS",
        "PARTIES",
        "COMMITTEES",
        "ADOPTION_DEGREES",
        "EVALUATIONS",
    ):
        for value, title in getattr(vocabularies, pairs_name):
            yield f"{pairs_name}.{value}", title
    for error in (
        validation.YearOutOfRange,
        validation.InvalidGuest,
        validation.InvalidUnit,
        validation.InvalidTerm,
    ):
        yield error.__name__, error.__doc__
    for field, message in (
        validation.kind_errors("sectoral", None, [])
        + validation.kind_errors("counterpart", "x", [])
        + validation.start_end_errors(2, 1)
    ):
        yield f"rule.{field}", message


@pytest.mark.parametrize("where,msgid", list(labels()))
def test_label_in_chinese_and_english(portal, where, msgid):
    zh = translate(msgid, domain="collective.consultation", target_language="zh_CN")
    assert CJK.search(zh), f"{where}: {msgid!r} has no Chinese translation"
    en = translate(msgid, domain="collective.consultation", target_language="en")
    assert en and not CJK.search(en)


@pytest.mark.parametrize("portal_type", sorted(CONTENT_TYPES))
def test_type_titles(portal, portal_type):
    fti = portal.portal_types[portal_type]
    assert CJK.search(
        translate(fti.Title(), domain=fti.i18n_domain, target_language="zh_CN")
    )
    assert CJK.search(
        translate(fti.Description(), domain=fti.i18n_domain, target_language="zh_CN")
    )


@pytest.mark.parametrize(
    "workflow_id",
    [
        "programme_workflow",
        "consultation_workflow",
        "suggestion_workflow",
        "member_directory_workflow",
        "minutes_file_workflow",
    ],
)
def test_workflow_titles(portal, workflow_id):
    workflow = api.portal.get_tool("portal_workflow")[workflow_id]
    titles = [s.title for s in workflow.states.values()] + [
        t.title for t in workflow.transitions.values()
    ]
    for title in titles:
        assert CJK.search(
            translate(title, domain="plone", target_language="zh_CN")
        ), title


def test_suggestion_states_read_as_the_report_does(portal):
    workflow = api.portal.get_tool("portal_workflow")["suggestion_workflow"]
    zh = {
        sid: translate(state.title, domain="plone", target_language="zh_CN")
        for sid, state in workflow.states.items()
    }
    assert (
        zh["submitted"] == "已报送"
        and zh["referred"] == "已交办"
        and zh["adopted"] == "已采纳"
    )
    assert (
        translate(
            workflow.transitions["submit"].title,
            domain="plone",
            target_language="zh_CN",
        )
        == "报送"
    )


def po_entries(path):
    """(msgid, msgstr) of every entry in a .po file."""
    import json

    entry, current = {"msgid": [], "msgstr": []}, None
    for line in list(path.read_text(encoding="utf-8").splitlines()) + [""]:
        if line.startswith(("msgid ", "msgstr ")):
            current, text = line.split(" ", 1)
            entry[current].append(json.loads(text))
        elif line.startswith('"') and current:
            entry[current].append(json.loads(line))
        elif not line.strip() and entry["msgid"]:
            yield "".join(entry["msgid"]), "".join(entry["msgstr"])
            entry, current = {"msgid": [], "msgstr": []}, None


def chinese(msgstr):
    """Chinese text, or only placeholders and punctuation ("${name}：")."""
    words = re.sub(r"\$\{\w+\}", "", msgstr)
    return bool(msgstr) and (CJK.search(words) or not re.search("[A-Za-z]", words))


@pytest.mark.parametrize("domain", ["collective.consultation", "plone"])
def test_every_message_has_a_chinese_translation(domain):
    from pathlib import Path

    import collective.consultation

    locales = Path(collective.consultation.__file__).parent / "locales"
    missing = [
        msgid
        for msgid, msgstr in po_entries(
            locales / "zh_CN" / "LC_MESSAGES" / f"{domain}.po"
        )
        if msgid and not chinese(msgstr)
    ]
    assert not missing
