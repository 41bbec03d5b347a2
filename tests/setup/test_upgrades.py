"""Upgrade steps (upgrades/): a site from an earlier profile version reaches the newest."""


def test_the_later_upgrade_steps_run(functional):
    """1002 to 1006 on the test site: the registry record, the front page, members
    reindexed, the unit steps, the footer; then the profile is at its newest version."""
    from collective.consultation.upgrades import v1003
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID

    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    setup = portal.portal_setup
    setup.setLastVersionForProfile("collective.consultation:default", "1001")
    setup.upgradeProfile("collective.consultation:default")
    assert setup.getLastVersionForProfile("collective.consultation:default") == (
        "1006",
    )
    portal.setLayout("listing_view")
    v1003.use_workbench_step(setup)
    assert portal.getLayout() == "workbench"


def test_1004_brings_the_unit_steps_and_the_committee_footer(functional):
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from plone.portlets.interfaces import IPortletAssignmentMapping
    from plone.portlets.interfaces import IPortletManager
    from zope.component import getMultiAdapter
    from zope.component import getUtility

    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    workflow = portal.portal_workflow["suggestion_workflow"]
    footer = getMultiAdapter(
        (portal, getUtility(IPortletManager, name="plone.footerportlets")),
        IPortletAssignmentMapping,
    )
    assert {"reassign", "remind"} <= set(workflow.transitions.objectIds())
    assert "MeetingMaterial" in portal.portal_types.objectIds()
    assert portal.portal_workflow.getChainForPortalType("MeetingMaterial") == (
        "material_workflow",
    )
    assert "colophon" not in footer and "footer" in footer


def test_1004_indexes_the_standing_committee(functional):
    from collective.consultation.demo.members import STANDING_COMMITTEE
    from collective.consultation.upgrades import v1004

    catalog = functional["portal"].portal_catalog
    catalog.delIndex("standing_committee")
    v1004.index_standing_committee(functional["portal"].portal_setup)
    found = catalog.unrestrictedSearchResults(
        portal_type="CommitteeMember", standing_committee=True
    )
    assert {b.Title for b in found} == set(STANDING_COMMITTEE)


def test_1004_marks_the_year_index(functional):
    from collective.consultation.interfaces import IWholeNumberIndex
    from collective.consultation.upgrades import v1004
    from zope.interface import noLongerProvides

    index = functional["portal"].portal_catalog._catalog.indexes["consultation_year"]
    noLongerProvides(index, IWholeNumberIndex)
    v1004.mark_whole_number_indexes(functional["portal"].portal_setup)
    assert IWholeNumberIndex.providedBy(index)


def test_1005_lets_invitees_submit_speeches(functional):
    """Consultations made before speeches get the consultation workflow's new mapping,
    and the catalog its speaking-order columns."""
    from collective.consultation.permissions import ADD_SPEECH
    from collective.consultation.upgrades import v1005

    portal = functional["portal"]
    catalog = portal.portal_catalog
    scheduled = portal["2018"]["2018-12-20-bimonthly"]
    assert portal.portal_workflow.getInfoFor(scheduled, "review_state") == "scheduled"
    scheduled.manage_permission(ADD_SPEECH, ["Manager"], acquire=False)
    catalog.delColumn("speaking_position")
    v1005.speech_columns(portal.portal_setup)
    v1005.consultations_take_speeches(portal.portal_setup)
    assert "speaking_position" in catalog.schema()
    roles = {
        p["name"] for p in scheduled.rolesOfPermission(ADD_SPEECH) if p["selected"]
    }
    assert {"Invitee", "ConsultationStaff"} <= roles


def test_1006_keeps_sharing_with_the_office(functional):
    """A site from before 1006 let owners (members who filed a suggestion) hand out
    local roles; after the upgrade only the office may."""
    portal = functional["portal"]
    setup = portal.portal_setup
    portal.manage_permission("Change local roles", ["Manager", "Owner"], acquire=True)
    setup.setLastVersionForProfile("collective.consultation:default", "1005")
    setup.upgradeProfile("collective.consultation:default")
    roles = {
        p["name"]
        for p in portal.rolesOfPermission("Change local roles")
        if p["selected"]
    }
    assert roles == {
        "Manager",
        "Site Administrator",
        "ConsultationStaff",
        "Secretariat",
    }
    assert not portal.acquiredRolesAreUsedBy("Change local roles")


def test_1006_keeps_each_members_mark_on_its_own(functional):
    """Marks stored as one dict per consultation (before 1006) become one Mark per
    member in a BTree, every mark kept, and a mark made for each invitee not yet marked.
    """
    from BTrees.OOBTree import OOBTree
    from collective.consultation.meeting import attendance
    from collective.consultation.upgrades import v1006
    from persistent.mapping import PersistentMapping
    from zope.annotation.interfaces import IAnnotations

    consultation = functional["portal"]["2018"]["2018-06-28-bimonthly"]
    before = attendance.marks(consultation)
    assert len(before) >= 15
    annotations = IAnnotations(consultation)
    annotations[attendance.ANNOTATION_KEY] = PersistentMapping(before)  # as 1005 kept
    assert attendance.marks(consultation) == before  # read as it was, before upgrading
    v1006.attendance_per_member(functional["portal"].portal_setup)
    store = annotations[attendance.ANNOTATION_KEY]
    assert isinstance(store, OOBTree)
    assert all(isinstance(mark, attendance.Mark) for mark in store.values())
    assert attendance.marks(consultation) == before
    invitees = {r.to_object.UID() for r in consultation.invitees}
    assert invitees <= set(store.keys())
