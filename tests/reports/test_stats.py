"""@consultation-stats on the demo year, checked against independent catalog searches."""

import pytest


def count(manager_request, **query):
    return manager_request.get("/@search", params=query).json()["items_total"]


def test_the_demo_year(secretary, manager_request):
    stats = secretary.get("/@consultation-stats", params={"year": "2018"}).json()
    assert stats["consultations"]["total"] == 32
    assert sum(stats["consultations"]["by_kind"].values()) == 32
    assert stats["consultations"]["by_kind"]["bimonthly"] == 6
    assert stats["consultations"]["by_state"]["minuted"] == count(
        manager_request, portal_type="Consultation", review_state="minuted"
    )
    assert stats["suggestions"]["total"] == 124
    assert stats["suggestions"]["public_opinion"] == 21
    adopted = count(
        manager_request,
        portal_type="Suggestion",
        review_state=["adopted", "implemented"],
    )
    decided = 124 - count(
        manager_request, portal_type="Suggestion", review_state=["draft", "withdrawn"]
    )
    assert stats["adoption_rate"] == round(adopted / decided, 4)
    evaluation = stats["evaluation"]
    open_states = ["answered", "adopted", "implemented", "not_adopted"]
    assert evaluation["answered"] == count(
        manager_request, portal_type="Suggestion", review_state=open_states
    )
    assert evaluation["evaluated"] == count(
        manager_request,
        portal_type="Suggestion",
        review_state=open_states,
        evaluation=["satisfied", "basically_satisfied", "dissatisfied"],
    )
    assert 0 < evaluation["evaluated"] < evaluation["answered"]
    assert evaluation["coverage"] == round(
        evaluation["evaluated"] / evaluation["answered"], 4
    )
    # overdue: referred or submitted, deadline before today (the demo year is long past)
    items = manager_request.get(
        "/@search",
        params={
            "portal_type": "Suggestion",
            "review_state": ["submitted", "referred"],
            "consultation_year:int": 2018,
            "metadata_fields": "deadline",
            "b_size": 500,
        },
    ).json()["items"]
    assert stats["overdue"] == sum(1 for item in items if item["deadline"]) > 0


def test_another_year_is_empty(secretary):
    stats = secretary.get("/@consultation-stats", params={"year": "2019"}).json()
    assert stats["consultations"]["total"] == 0 and stats["suggestions"]["total"] == 0


@pytest.mark.parametrize(
    "params,words",
    [({"year": "x"}, "year"), ({"year": "3000"}, "year"), ({"yr": "2018"}, "yr")],
)
def test_bad_parameters(secretary, params, words):
    response = secretary.get("/@consultation-stats", params=params)
    assert response.status_code == 400 and words in response.text


def test_secretariat_only(anon_request, member):
    assert anon_request.get("/@consultation-stats").status_code == 401
    assert member.get("/@consultation-stats").status_code == 401


def test_one_count_of_consultations_held(functional, secretary, manager_request):
    """The dashboard and the annual report count the same 开展协商活动: those held (29 of
    the demo's 32: one cancelled, one scheduled, one still a draft), and the dashboard
    says what else the programme holds."""
    from collective.consultation.reports.annual import figures
    from conftest import browser_for
    from conftest import SECRETARY

    stats = secretary.get("/@consultation-stats", params={"year": "2018"}).json()
    held = count(
        manager_request, portal_type="Consultation", review_state=["held", "minuted"]
    )
    assert stats["consultations"]["held"] == held == figures(2018)["consultations"]
    assert sum(stats["consultations"]["held_by_kind"].values()) == held
    browser = browser_for(functional, *SECRETARY)
    browser.open(
        f"{functional['portal'].absolute_url()}/@@tracking-dashboard?year=2018"
    )
    tile = browser.contents.split("tile-value", 1)[1].split("</div>\n", 2)
    assert f">{held}<" in tile[0]
    assert "32" in browser.contents.split("tile-note", 1)[1].split("</div>")[0]
