"""Starting a year's programme from the workbench, and the warning on a consultation filed
in another year's programme than the one it is held in (the annual figures count it in
the year it is held)."""

from collective.consultation.dates import this_year
from conftest import add_consultation
from conftest import browser_for
from conftest import MEMBER
from conftest import search
from conftest import STAFF

import pytest
import transaction


def test_staff_start_this_years_programme_from_the_workbench(functional, portal_url):
    year = this_year()
    browser = browser_for(functional, *STAFF)
    browser.open(portal_url)
    browser.getLink(url=f"@@start-programme?year={year}").click()
    assert str(year) in browser.contents
    browser.getControl(name="confirm").click()
    assert browser.url == f"{portal_url}/{year}"
    transaction.begin()
    (brain,) = search(portal_type="ConsultationProgramme", consultation_year=year)
    assert brain.review_state == "private" and str(year) in brain.Title
    # the next one offered is the year after; asking for this one again opens it
    browser.open(portal_url)
    assert f"@@start-programme?year={year + 1}" in browser.contents
    browser.open(f"{portal_url}/@@start-programme?year={year}")
    assert browser.url == f"{portal_url}/{year}"


def test_members_may_not_start_one(functional, portal_url):
    from zExceptions import Unauthorized

    browser = browser_for(functional, *MEMBER)
    browser.open(portal_url)
    assert "@@start-programme" not in browser.contents
    with pytest.raises(Unauthorized):
        browser.open(f"{portal_url}/@@start-programme?year=2030")
    transaction.begin()
    assert not search(portal_type="ConsultationProgramme", consultation_year=2030)


def test_a_year_that_is_no_year_is_a_bad_request(functional, portal_url):
    browser = browser_for(functional, *STAFF)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.open(f"{portal_url}/@@start-programme?year=abc")
    assert browser.headers["status"].startswith("400")


def test_a_january_consultation_in_last_years_programme_warns_staff(
    functional, staff, portal_url
):
    url = add_consultation(
        staff,
        "元旦后的协商会",
        "2019-01-10T09:00:00",
        "2019-01-10T11:00:00",
        ["/members/m01"],
        schedule=True,
    )
    browser = browser_for(functional, *STAFF)
    browser.open(url)
    warning = browser.contents.split("programme-year-warning", 1)[1].split("</div>")[0]
    assert "2019" in warning and "2018" in warning
    # counted in the year it is held
    transaction.begin()
    (brain,) = search(portal_type="Consultation", Title="元旦后的协商会")
    assert brain.consultation_year == 2019
    # an invitee sees no staff warning; a consultation in its own year has none
    browser = browser_for(functional, *MEMBER)
    browser.open(url)
    assert "programme-year-warning" not in browser.contents
    browser = browser_for(functional, *STAFF)
    browser.open(f"{portal_url}/2018/2018-10-30-bimonthly")
    assert "programme-year-warning" not in browser.contents
