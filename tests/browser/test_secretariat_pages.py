"""The secretariat's pages beyond the step forms: 并案 from a suggestion's page and its
undoing, the suggestion list with its filters and the export of what it shows, unit names
that lead to the unit; and the page chrome that speaks for the committee (footer, byline).
"""

from conftest import browser_for
from conftest import search
from conftest import SECRETARY
from conftest import STAFF
from io import BytesIO

import pytest
import re
import transaction


def submitted_pair():
    brains = [
        b
        for b in search(
            portal_type="Suggestion", review_state="submitted", consultation_year=2018
        )
        if not b.merged_into
    ]
    return brains[0], brains[1]


class TestMerging:
    def test_merge_from_the_leads_page_and_undo_it(self, functional):
        lead, other = submitted_pair()
        browser = browser_for(functional, *SECRETARY)
        browser.open(lead.getURL())
        browser.getLink(url="@@merge-suggestions").click()
        browser.getControl(name="suggestions:list").value = [other.UID]
        browser.getControl(name="merge").click()
        assert browser.url == lead.getURL()
        assert "portalMessage" in browser.contents
        transaction.begin()
        assert search(UID=other.UID)[0].merged_into == lead.UID
        browser.open(other.getURL())
        browser.getForm(action="@@unmerge-suggestion").submit()
        transaction.begin()
        assert not search(UID=other.UID)[0].merged_into

    def test_nothing_ticked_merges_nothing(self, functional):
        lead, _other = submitted_pair()
        browser = browser_for(functional, *SECRETARY)
        browser.open(f"{lead.getURL()}/@@merge-suggestions")
        browser.getControl(name="merge").click()
        assert "merge-error" in browser.contents
        transaction.begin()
        assert not search(merged_into=lead.UID)

    def test_staff_may_not_merge(self, functional):
        lead, _other = submitted_pair()
        browser = browser_for(functional, *STAFF)
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.open(lead.getURL())
        assert "@@merge-suggestions" not in browser.contents
        browser.open(f"{lead.getURL()}/@@merge-suggestions")
        assert browser.url.endswith("/insufficient-privileges")


class TestSuggestionList:
    def test_filter_then_export_what_is_shown(self, functional, portal_url):
        from openpyxl import load_workbook

        browser = browser_for(functional, *SECRETARY)
        browser.open(f"{portal_url}/@@suggestion-list")
        browser.getControl(name="state").value = ["referred"]
        browser.getControl(name="year").value = ["2018"]
        browser.getForm(action="@@suggestion-list").submit()
        referred = search(
            portal_type="Suggestion", review_state="referred", consultation_year=2018
        )
        shown = re.search(r'class="list-count">\s*(\d+)', browser.contents).group(1)
        assert int(shown) == len(referred) > 0
        browser.getLink(url="format=xlsx").click()
        assert browser.headers["Content-Type"].startswith(
            "application/vnd.openxmlformats"
        )
        sheet = load_workbook(BytesIO(browser.contents)).worksheets[0]
        titles = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
        assert {b.Title for b in referred} <= titles

    def test_a_bad_filter_names_it(self, functional, portal_url):
        browser = browser_for(functional, *SECRETARY)
        browser.raiseHttpErrors = False
        browser.handleErrors = True
        browser.open(f"{portal_url}/@@suggestion-list?state=nonsense")
        assert browser.headers["status"].startswith("400")


class TestChrome:
    @pytest.mark.parametrize("login", [None, SECRETARY])
    def test_the_footer_names_the_committee_not_plone(
        self, functional, portal_url, login
    ):
        from plone.testing.zope import Browser

        browser = (
            browser_for(functional, *login) if login else Browser(functional["app"])
        )
        browser.open(f"{portal_url}/2018")
        footer = browser.contents.split('id="portal-footer"', 1)[1]
        assert "Powered by Plone" not in footer and "GNU GPL" not in footer
        assert "committee-copyright" in footer
        assert "tiwei@example.org" in footer  # the office, from the control panel

    def test_the_byline_names_no_login(self, functional, portal_url):
        browser = browser_for(functional, *STAFF)
        browser.open(f"{portal_url}/2018/2018-06-28-bimonthly")
        byline = browser.contents.split('id="plone-document-byline"', 1)[1][:400]
        assert "documentModified" in byline
        assert "admin" not in byline and "author" not in byline

    def test_unit_names_lead_to_their_pages(self, functional):
        brain = search(portal_type="Suggestion", review_state="referred")[0]
        browser = browser_for(functional, *SECRETARY)
        browser.open(brain.getURL())
        link = browser.getLink(brain.lead_unit)
        assert "/units/" in link.url


class TestListsWithFilters:
    def rows(self, html):
        return re.findall(r'<tr class="state-[a-z_]+"', html)

    def test_the_programme_by_kind_and_its_export(self, functional, portal_url):
        from openpyxl import load_workbook

        bimonthly = search(portal_type="Consultation", consultation_kind="bimonthly")
        browser = browser_for(functional, *STAFF)
        browser.open(f"{portal_url}/2018")
        browser.getControl(name="kind").value = ["bimonthly"]
        browser.getForm(action=f"{portal_url}/2018").submit()
        assert len(self.rows(browser.contents)) == len(bimonthly) > 0
        browser.getLink(url="format=xlsx").click()
        sheet = load_workbook(BytesIO(browser.contents)).active
        titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert sorted(titles) == sorted(b.Title for b in bimonthly)

    def test_a_bad_filter_names_it(self, functional, portal_url):
        browser = browser_for(functional, *STAFF)
        browser.raiseHttpErrors = False
        browser.handleErrors = True
        browser.open(f"{portal_url}/2018?kind=nonsense")
        assert browser.headers["status"].startswith("400")

    def test_the_directory_by_standing_committee_and_its_export(
        self, functional, portal_url
    ):
        from collective.consultation.demo.members import STANDING_COMMITTEE
        from openpyxl import load_workbook

        browser = browser_for(functional, *STAFF)
        browser.open(f"{portal_url}/members?standing=1")
        table = browser.contents.split('class="table table-striped listing members"')[1]
        assert table.count("<tr>") - 1 == len(STANDING_COMMITTEE)  # less the header
        browser.getLink(url="format=xlsx").click()
        sheet = load_workbook(BytesIO(browser.contents)).active
        names = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
        assert names == set(STANDING_COMMITTEE)

    def test_the_units_that_owe_an_overdue_answer_and_their_export(
        self, functional, portal_url
    ):
        from openpyxl import load_workbook

        browser = browser_for(functional, *SECRETARY)
        browser.open(f"{portal_url}/units?overdue=1")
        table = browser.contents.split('class="table table-striped listing units"')[1]
        shown = table.count("<tr>") - 1
        assert 0 < shown < len(search(portal_type="HandlingUnit"))
        browser.getLink(url="format=xlsx").click()
        sheet = load_workbook(BytesIO(browser.contents)).active
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        assert len(rows) == shown and all(row[2] > 0 for row in rows)


def test_report_buttons_say_what_opens_them(functional, portal_url):
    """Excel, Word: not XLSX, CSV, DOCX; and the page's main buttons are blue, none grey
    (filled btn-secondary) beside blue outlines."""
    from conftest import SECRETARY

    import pathlib

    browser = browser_for(functional, *SECRETARY)
    browser.open(f"{portal_url}/2018")
    links = re.findall(r'data-report="([\w-]+)"[^>]*>([^<]+)<', browser.contents)
    labels = dict(links)
    assert "Excel" in labels["xlsx"] and "Word" in labels["docx"]
    assert "XLSX" not in browser.contents.split("report-links", 1)[1].split("</p>")[0]
    templates = pathlib.Path(__file__).parents[2] / "src/collective/consultation"
    grey = [
        path.name
        for path in (templates / "browser/templates").glob("*.pt")
        if 'class="btn btn-secondary' in path.read_text(encoding="utf-8")
    ]
    assert grey == []
