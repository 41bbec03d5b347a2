"""The shared rules, called directly (no request, no site): years, terms, days, the one
shape of a refusal, and the layering of the package itself."""

from collective.consultation.dates import as_day
from collective.consultation.errors import check_parameters
from collective.consultation.errors import FieldError
from collective.consultation.errors import not_one_of
from collective.consultation.validation import parse_term
from collective.consultation.validation import parse_year
from datetime import date
from datetime import datetime
from DateTime import DateTime
from pathlib import Path
from zope.i18n import translate

import importlib.util
import pytest
import pytz


@pytest.mark.parametrize("value, year", [("2018", 2018), (2018, 2018), (" 1949", 1949)])
def test_a_year_is_read_from_text_or_a_number(value, year):
    assert parse_year(value) == year


@pytest.mark.parametrize(
    "value, text",
    [
        ("二〇一八", "year: '二〇一八' is not a year."),
        (None, "year: 'None' is not a year."),
        ("1948", "year: 1948 is outside 1949..2100."),
        (2101, "year: 2101 is outside 1949..2100."),
    ],
)
def test_a_wrong_year_is_refused_naming_the_field(value, text):
    with pytest.raises(FieldError) as refused:
        parse_year(value)
    assert refused.value.field == "year"
    assert str(refused.value) == text


def test_the_field_can_be_named_by_the_caller():
    with pytest.raises(FieldError) as refused:
        parse_year("x", field="since")
    assert refused.value.field == "since"


def test_terms():
    term = parse_term("5 | 第五届 | 2017 | 2021")
    assert (term.number, term.title, term.years) == (
        5,
        "第五届",
        [2017, 2018, 2019, 2020, 2021],
    )
    assert parse_term("5 ｜ 第五届 ｜ 2017 ｜ 2021") == term  # the full-width bar too
    for wrong in (
        "第五届 2017 2021",
        "5 | 第五届 | 2021 | 2017",
        "0 | 无 | 2017 | 2021",
        "",
    ):
        assert parse_term(wrong) is None


def test_a_day_from_every_kind_of_time():
    zone = pytz.timezone("Asia/Shanghai")
    assert as_day(date(2018, 6, 28)) == date(2018, 6, 28)
    assert as_day(zone.localize(datetime(2018, 6, 28, 9))) == date(2018, 6, 28)
    assert as_day(DateTime("2018/06/28 09:00:00 GMT+8")) == date(2018, 6, 28)
    assert as_day(None) is None


def test_parameters_outside_the_list_are_refused():
    check_parameters({"year": "2018"}, ("year", "term"))
    with pytest.raises(FieldError) as refused:
        check_parameters({"year": "2018", "yr": "1"}, ("year", "term"))
    assert refused.value.field == "yr"
    assert str(refused.value) == "yr: not a parameter here; use year, term."


def test_a_refusal_is_translated_where_it_is_shown(integration):
    refused = FieldError("status", not_one_of("maybe", ("present", "leave", "absent")))
    assert str(refused) == "status: 'maybe' is not one of present, leave, absent."
    chinese = translate(refused.message, target_language="zh_CN")
    assert chinese == "“maybe”不在可选值之列：present, leave, absent。"


def load_layer_check():
    path = Path(__file__).resolve().parents[2] / "scripts" / "check_layers.py"
    spec = importlib.util.spec_from_file_location("check_layers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_package_has_no_import_cycle_and_imports_downwards():
    check = load_layer_check()
    edges = check.graph()
    assert {"tracking", "meeting", "members", "reports", "browser"} <= set(edges)
    assert check.cycles(edges) == []
    assert check.upward(edges) == []


def test_the_layer_check_finds_a_cycle_and_an_upward_import():
    check = load_layer_check()
    edges = {
        "tracking": {"reports"},
        "reports": {"tracking"},
        "content": {"browser"},
        "browser": {"services"},
    }
    assert check.cycles(edges) == [["reports", "tracking"]]
    assert ("tracking", "reports") in check.upward(edges)
    assert ("content", "browser") in check.upward(edges)
    assert ("browser", "services") in check.upward(edges)  # side by side, kept apart
