from plone import api

import pytest

TYPES = (
    "ConsultationProgramme",
    "Consultation",
    "Suggestion",
    "MemberDirectory",
    "CommitteeMember",
    "MinutesFile",
)
WORKFLOWS = {
    "ConsultationProgramme": "programme_workflow",
    "Consultation": "consultation_workflow",
    "Suggestion": "suggestion_workflow",
    "MemberDirectory": "member_directory_workflow",
    "CommitteeMember": "member_directory_workflow",
    "MinutesFile": "minutes_file_workflow",
}
INDEXES = (
    "consultation_year",
    "consultation_kind",
    "invitees",
    "units",
    "sector",
    "consultation_uid",
    "public_opinion",
    "proposers",
    "lead_unit",
    "deadline",
    "adoption_degree",
    "member_userid",
)


class TestInstall:
    def test_addon_installed(self, installer, package_name):
        assert installer.is_product_installed(package_name) is True

    def test_browserlayer(self, browser_layers):
        from collective.consultation.interfaces import IBrowserLayer

        assert IBrowserLayer in browser_layers

    def test_latest_version(self, profile_last_version, package_name):
        assert profile_last_version(f"{package_name}:default") == "1006"

    @pytest.mark.parametrize("portal_type", TYPES)
    def test_type_and_workflow(self, portal, portal_type):
        assert portal_type in portal.portal_types.objectIds()
        chain = api.portal.get_tool("portal_workflow").getChainForPortalType(
            portal_type
        )
        assert chain == (WORKFLOWS[portal_type],)

    def test_consultation_is_an_event(self, portal):
        behaviors = portal.portal_types["Consultation"].behaviors
        assert "plone.eventbasic" in behaviors
        assert "plone.eventlocation" in behaviors

    @pytest.mark.parametrize("index", INDEXES)
    def test_catalog_index(self, portal, index):
        assert index in api.portal.get_tool("portal_catalog").indexes()

    def test_groups_carry_roles(self, portal):
        assert "ConsultationStaff" in api.group.get_roles(
            groupname="consultation-staff"
        )
        assert "Secretariat" in api.group.get_roles(groupname="secretariat")


class TestUninstall:
    @pytest.fixture(autouse=True)
    def uninstalled(self, manager, installer, package_name):
        installer.uninstall_product(package_name)

    def test_product_uninstalled(self, installer, package_name):
        assert installer.is_product_installed(package_name) is False

    def test_browserlayer_removed(self, browser_layers):
        from collective.consultation.interfaces import IBrowserLayer

        assert IBrowserLayer not in browser_layers

    def test_types_removed(self, portal):
        for portal_type in TYPES:
            assert portal_type not in portal.portal_types.objectIds()
        allowed = portal.portal_types["Plone Site"].allowed_content_types
        assert "ConsultationProgramme" not in allowed

    def test_workflows_and_indexes_removed(self, portal):
        workflows = api.portal.get_tool("portal_workflow").objectIds()
        assert not set(WORKFLOWS.values()) & set(workflows)
        indexes = api.portal.get_tool("portal_catalog").indexes()
        assert not set(INDEXES) & set(indexes)

    def test_groups_removed(self, portal):
        assert api.group.get(groupname="consultation-staff") is None
