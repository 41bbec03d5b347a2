"""The Classic UI add and edit forms, through zope.testbrowser on the functional layer:
errors land on the field, in Chinese on a zh-cn site, and nothing is stored."""

from conftest import browser_for
from conftest import search
from lxml import html

import pytest


@pytest.fixture
def browser(functional):
    return browser_for(functional)


def field_error(browser, field_id):
    """The error text shown in the field's own wrapper."""
    tree = html.fromstring(browser.contents)
    wrapper = tree.get_element_by_id(f"formfield-form-widgets-{field_id}")
    errors = wrapper.xpath(
        ".//*[contains(@class, 'invalid-feedback') or contains(@class, 'fieldErrorBox')]"
    )
    return " ".join(e.text_content().strip() for e in errors).strip()


def fill_consultation(browser, **values):
    defaults = {
        "form.widgets.IBasic.title": "表单测试协商会",
        "form.widgets.kind:list": ["topical"],
        "form.widgets.IEventBasic.start": "2018-12-27T09:00",
        "form.widgets.IEventBasic.end": "2018-12-27T11:30",
        "form.widgets.IEventLocation.location": "市政协机关三楼会议室",
    }
    defaults.update(values)
    for name, value in defaults.items():
        browser.getControl(name=name).value = value


CONSULTATION_ERRORS = [
    ({"form.widgets.kind:list": ["sectoral"]}, "sector", "sector"),
    ({"form.widgets.kind:list": ["counterpart"]}, "counterpart_units", "unit"),
    ({"form.widgets.IEventBasic.end": "2018-12-27T08:00"}, "IEventBasic-end", "end"),
    ({"form.widgets.guests": "张三 | 市文旅局 | not-an-address"}, "guests", "e-mail"),
]


@pytest.mark.parametrize("values,field_id,words", CONSULTATION_ERRORS)
def test_consultation_form_errors_on_the_field(
    browser, portal_url, values, field_id, words
):
    browser.open(f"{portal_url}/2018/++add++Consultation")
    fill_consultation(browser, **values)
    browser.getControl(name="form.buttons.save").click()
    assert words.lower() in field_error(browser, field_id).lower(), browser.contents
    assert len(search(Title="表单测试协商会")) == 0


def test_consultation_form_saves_good_input(browser, portal_url):
    browser.open(f"{portal_url}/2018/++add++Consultation")
    fill_consultation(
        browser,
        **{
            "form.widgets.kind:list": ["sectoral"],
            "form.widgets.sector:list": ["education"],
            "form.widgets.guests": "李四 | 湖北科技学院 | li@example.org",
        },
    )
    browser.getControl(name="form.buttons.save").click()
    assert "表单测试协商会" in browser.contents
    brains = search(Title="表单测试协商会")
    assert [(b.consultation_kind, b.sector) for b in brains] == [
        ("sectoral", "education")
    ]


def test_programme_year_error(browser, portal_url):
    browser.open(f"{portal_url}/++add++ConsultationProgramme")
    browser.getControl(name="form.widgets.IBasic.title").value = "1900年度协商计划"
    browser.getControl(name="form.widgets.year").value = "1900"
    browser.getControl(name="form.buttons.save").click()
    assert "1949" in field_error(browser, "year")
    assert len(search(portal_type="ConsultationProgramme")) == 1


def test_member_email_error(browser, portal_url):
    browser.open(f"{portal_url}/members/++add++CommitteeMember")
    browser.getControl(name="form.widgets.title").value = "表单委员"
    browser.getControl(name="form.widgets.email").value = "not-an-address"
    browser.getControl(name="form.buttons.save").click()
    assert field_error(browser, "email")
    assert len(search(Title="表单委员")) == 0


def test_errors_in_chinese_on_a_chinese_site(browser, portal_url, functional):
    from plone import api

    import transaction

    api.portal.set_registry_record("plone.default_language", "zh-cn")
    transaction.commit()  # the functional layer discards it after the test
    browser.open(f"{portal_url}/2018/++add++Consultation")
    assert "协商形式" in browser.contents  # the label of `kind`
    fill_consultation(browser, **{"form.widgets.kind:list": ["sectoral"]})
    browser.getControl(name="form.buttons.save").click()
    assert "界别协商必须选择界别" in field_error(browser, "sector")


def test_edit_form_refuses_and_keeps(browser, portal_url, functional):
    browser.open(f"{portal_url}/2018/2018-06-28-bimonthly/edit")
    browser.getControl(name="form.widgets.kind:list").value = ["counterpart"]
    browser.getControl(name="form.widgets.counterpart_units").value = ""
    browser.getControl(name="form.buttons.save").click()
    assert field_error(browser, "counterpart_units")
    assert functional["portal"]["2018"]["2018-06-28-bimonthly"].kind == "bimonthly"
