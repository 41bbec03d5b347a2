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


ESCAPES = [
    "{{ ''.__class__.__mro__ }}",
    "{{ title.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.system('touch ${marker}') }}",
    "{{ lipsum.__globals__['os'].system('touch ${marker}') }}",
    "{{ namespace.__init__.__globals__ }}",
    "{% for x in range(10**9) %}{% endfor %}",
    "{{ 'x' * 100000000 }}",
    "{{ title.format.__self__ }}",
    "{{ suggestions.pop() }}",
    "{{ config }}",
    "{{ self.__init__.__globals__ }}",
]


@pytest.mark.parametrize("source", ESCAPES)
def test_a_template_reaching_outside_its_data_is_refused(
    functional, portal_url, tmp_path, source
):
    marker = tmp_path / "ran"
    browser = upload(
        functional,
        portal_url,
        template_bytes(source.replace("${marker}", str(marker))),
    )
    assert browser.headers["status"].startswith("400")
    assert "template-error" in browser.contents
    assert not marker.exists()
    from collective.consultation.minutes.template import stored

    transaction.begin()
    assert stored() is None


@pytest.mark.parametrize("source", ESCAPES)
def test_a_stored_unsafe_template_is_never_run(functional, staff, tmp_path, source):
    """A template stored before the sandbox existed (written into the site here) is
    rendered in the sandbox too: it fails, and the built-in layout is used."""
    from collective.consultation.minutes.template import KEY
    from zope.annotation.interfaces import IAnnotations

    marker = tmp_path / "ran"
    IAnnotations(functional["portal"])[KEY] = template_bytes(
        source.replace("${marker}", str(marker))
    )
    transaction.commit()
    text = minutes_text(staff)
    assert "幕阜山片区农村安全饮水双月协商会" in text
    assert "__" not in text and "object" not in text
    assert not marker.exists()


def test_the_refusal_names_what_was_reached_for(functional, portal_url):
    browser = upload(functional, portal_url, template_bytes("{{ ''.__class__ }}"))
    assert "__class__" in browser.contents
    browser = upload(functional, portal_url, template_bytes("{{ cycler }}"))
    assert "cycler" in browser.contents


def test_loops_filters_and_conditions_still_work(functional, portal_url, staff):
    good = template_bytes(
        "{% for m in present %}{{ m }}{% if not loop.last %}、{% endif %}{% endfor %}",
        "{{ suggestions|length }}条建议；{{ title|replace('协商会', '会议') }}",
        "{% for p in on_leave %}{{ p.name }}（{{ p.reason }}）{% endfor %}",
    )
    browser = upload(functional, portal_url, good)
    assert "template-error" not in browser.contents, browser.contents
    from collective.consultation.minutes.data import suggestion_lines

    transaction.begin()
    count = len(suggestion_lines(functional["portal"]["2018"]["2018-06-28-bimonthly"]))
    assert f"{count}条建议；幕阜山片区农村安全饮水双月会议" in minutes_text(staff)
