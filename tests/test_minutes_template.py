"""Staff's own minutes template (docxtpl, autoescape on): a good one is used, a broken one
is refused with a message naming the problem, and the built-in layout keeps working."""

from conftest import browser_for
from io import BytesIO

import docx
import pytest
import transaction

WATER = "/2018/2018-06-28-bimonthly"


def template_bytes(*lines):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def upload(functional, portal_url, data, filename="template.docx"):
    browser = browser_for(functional)
    browser.raiseHttpErrors = False
    browser.open(f"{portal_url}/@@minutes-template")
    browser.getControl(name="template").add_file(
        BytesIO(data), "application/octet-stream", filename
    )
    browser.getControl(name="upload").click()
    return browser


def minutes_text(staff, path=WATER):
    response = staff.get(f"{path}/@minutes")
    assert response.status_code == 200
    return "\n".join(
        p.text for p in docx.Document(BytesIO(response.content)).paragraphs
    )


def test_a_good_template_is_used(functional, portal_url, staff):
    good = template_bytes(
        "{{ title }}（自定义模板）",
        "{% for s in suggestions %}{{ loop.index }}. {{ s.title }}；{% endfor %}",
        "主持：{{ presided_by }}",
    )
    browser = upload(functional, portal_url, good)
    assert "template-error" not in browser.contents
    text = minutes_text(staff)
    assert "幕阜山片区农村安全饮水双月协商会（自定义模板）" in text
    assert "1. 关于将幕阜山片区农村饮水安全巩固提升纳入市级重点民生工程的建议" in text


def test_autoescape_keeps_the_document_valid(functional, portal_url, staff):
    upload(functional, portal_url, template_bytes("{{ title }}"))
    transaction.begin()
    functional["portal"]["2018"]["2018-06-28-bimonthly"].title = "协商会 <b>&</b> 测试"
    transaction.commit()
    assert "协商会 <b>&</b> 测试" in minutes_text(staff)


@pytest.mark.parametrize(
    "data,words",
    [
        (template_bytes("{{ title "), "syntax"),
        (template_bytes("{% for x in %}"), "syntax"),
        (b"plain text, not a document", "not a Word"),
    ],
)
def test_a_broken_template_is_refused(functional, portal_url, staff, data, words):
    browser = upload(functional, portal_url, data)
    assert browser.headers["status"].startswith("400")
    assert words in browser.contents
    assert "Traceback" not in browser.contents
    # nothing was stored: the built-in layout still makes the minutes
    assert "幕阜山片区农村安全饮水双月协商会纪要" in minutes_text(
        staff
    ) or "minutes" in minutes_text(staff)


def test_back_to_the_built_in_layout(functional, portal_url, staff):
    upload(functional, portal_url, template_bytes("{{ title }}自定义"))
    browser = browser_for(functional)
    browser.open(f"{portal_url}/@@minutes-template")
    browser.getControl(name="remove").click()
    assert "自定义" not in minutes_text(staff)


def test_a_template_that_fails_later_falls_back(functional, staff):
    """A template kept earlier that no longer fills in (here: written straight into the
    site) does not break the minutes."""
    from collective.consultation.minutes.template import KEY
    from zope.annotation.interfaces import IAnnotations

    IAnnotations(functional["portal"])[KEY] = template_bytes(
        "{{ title.missing.deeper }}"
    )
    transaction.commit()
    assert "幕阜山片区农村安全饮水双月协商会" in minutes_text(staff)


def test_only_site_managers(portal_url):
    from conftest import STAFF

    import requests

    response = requests.get(
        f"{portal_url}/@@minutes-template", auth=STAFF, allow_redirects=False
    )
    assert response.status_code in (302, 401, 403)
    assert 'name="template"' not in response.text
