"""Create the Plone site ``Plone`` once (Classic UI, zh-cn, Asia/Shanghai) with the add-on
and the demo year; on later runs the data is kept: the add-on's pending upgrade steps run
(a site made by an earlier release is brought up to this code), and the admin password and
the mail settings are brought up to date."""

from AccessControl.SecurityManagement import newSecurityManager
from collective.consultation import mailworker
from Testing.makerequest import makerequest
from zope.globalrequest import setRequest

import argparse
import os
import transaction

SITE_ID = "Plone"
PROFILES = [
    "plone.app.contenttypes:default",
    "plone.app.layout:default",
    "plonetheme.barceloneta:default",
    "collective.consultation:default",
    "collective.consultation:demo",
]


def ensure_admin(app, password):
    """The root's ``admin`` exists, is a Manager and has ``password``.

    Zope's root user folder is a PluggableAuthService here; PlonePAS patches its
    ``_doChangeUser`` to look for Plone's own plugin types, which the root lacks, so the
    password and the role are set on the root's own plugins."""
    users = app.acl_users
    if users.getUser("admin") is None:
        users._doAddUser("admin", password, ["Manager"], [])
        return
    plugins = getattr(users, "plugins", None)
    if plugins is None:  # a classic Zope user folder
        users._doChangeUser("admin", password, ["Manager"], [])
        return
    users.users.updateUserPassword("admin", password)
    users.roles.assignRoleToPrincipal("Manager", "admin")


def ensure_site(app):
    from Products.CMFPlone.factory import addPloneSite
    from zope.component.hooks import setSite

    if SITE_ID in app.objectIds():
        site = app[SITE_ID]
        setSite(site)
        upgrade(site)
        return site, False
    site = addPloneSite(
        app,
        SITE_ID,
        title="咸宁市政协协商议政平台",
        description="协商活动、会议邀请、会议纪要和建议办理（演示站点）。",
        extension_ids=PROFILES,
        setup_content=False,
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
    )
    setSite(site)
    return site, True


def upgrade(site):
    """Bring a site made by an earlier release up to this code: the add-on's pending
    upgrade steps, as Site Setup → Add-ons would run them."""
    setup = site.portal_setup
    profile = "collective.consultation:default"
    before = setup.getLastVersionForProfile(profile)
    if not setup.listUpgrades(profile):
        return
    setup.upgradeProfile(profile)
    after = setup.getLastVersionForProfile(profile)
    print(f"Upgraded {profile} from {'.'.join(before)} to {'.'.join(after)}.")


def configure_mail(site, smtp_host, smtp_port):
    from plone import api

    # Plone's mailer reads its server from these registry records.
    api.portal.set_registry_record("plone.email_from_address", "zhengxie@example.org")
    api.portal.set_registry_record("plone.email_from_name", "咸宁市政协办公室")
    api.portal.set_registry_record("plone.smtp_host", smtp_host)
    api.portal.set_registry_record("plone.smtp_port", int(smtp_port))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zope-conf", default="instance/etc/zope.conf")
    parser.add_argument(
        "--admin-password", default=os.environ.get("ADMIN_PASSWORD", "admin")
    )
    parser.add_argument("--smtp-host", default="127.0.0.1")
    parser.add_argument("--smtp-port", default=os.environ.get("SMTP_PORT", "8025"))
    args = parser.parse_args(argv)

    from Zope2.Startup.run import make_wsgi_app

    import Zope2

    mailworker.no_thread()  # this process is not the site
    make_wsgi_app({}, args.zope_conf)
    app = makerequest(Zope2.app())
    setRequest(app.REQUEST)

    ensure_admin(app, args.admin_password)
    # The site, its content and the demo year are owned by admin.
    newSecurityManager(None, app.acl_users.getUser("admin").__of__(app.acl_users))
    site, created = ensure_site(app)
    configure_mail(site, args.smtp_host, args.smtp_port)
    transaction.commit()
    print(("Created" if created else "Kept") + f" the site {SITE_ID}.")


if __name__ == "__main__":
    main()
