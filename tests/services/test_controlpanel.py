"""The settings as @controlpanels/consultation-settings: the registry's records, read and
written with the control panel's own checks, for site administrators only."""

import pytest

PANEL = "/@controlpanels/consultation-settings"


def record(functional, name):
    """The registry record as stored when the test began."""
    return functional["portal"].portal_registry[f"collective.consultation.{name}"]


def stored(session, name):
    """The value as a later request reads it back."""
    return session.get(PANEL).json()["data"][name]


@pytest.fixture
def admin(session_as):
    return session_as("manager")


def test_listed_and_read(admin, functional):
    listed = admin.get("/@controlpanels").json()
    assert any(p["@id"].endswith(PANEL) for p in listed)
    panel = admin.get(PANEL).json()
    assert panel["data"]["answer_months"] == record(functional, "answer_months")
    assert "terms" in panel["schema"]["properties"]


def test_patch_writes_the_registry(admin, functional):
    before = record(functional, "answer_months")
    response = admin.patch(PANEL, json={"answer_months": before + 1})
    assert response.status_code == 204
    assert stored(admin, "answer_months") == before + 1
    admin.patch(PANEL, json={"answer_months": before})
    assert stored(admin, "answer_months") == before


def test_a_bad_term_line_is_refused_naming_the_field(admin, functional):
    before = record(functional, "terms")
    response = admin.patch(PANEL, json={"terms": ["第五届 2017 2021"]})
    assert response.status_code == 400
    assert "terms" in response.text
    assert stored(admin, "terms") == before


@pytest.mark.parametrize("who, status", [("anonymous", 401), ("staff", 401)])
def test_only_site_administrators(session_as, who, status):
    assert session_as(who).get(PANEL).status_code == status
    patched = session_as(who).patch(PANEL, json={"answer_months": 1})
    assert patched.status_code == status
