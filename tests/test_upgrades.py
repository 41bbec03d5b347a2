"""Upgrade steps (upgrades/): a site from an earlier profile version reaches the newest."""


def test_the_later_upgrade_steps_run(functional):
    """1002 and 1003 on the test site: the registry record, the front page, members
    reindexed; then the profile is at its newest version."""
    from collective.consultation.upgrades import v1003
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID

    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    setup = portal.portal_setup
    setup.setLastVersionForProfile("collective.consultation:default", "1001")
    setup.upgradeProfile("collective.consultation:default")
    assert setup.getLastVersionForProfile("collective.consultation:default") == (
        "1003",
    )
    portal.setLayout("listing_view")
    v1003.use_workbench_step(setup)
    assert portal.getLayout() == "workbench"
