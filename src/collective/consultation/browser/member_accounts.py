"""委员账号 (``members/@@member-accounts``): the secretariat makes logins for the members
who have none (all of them, or a sector), by mobile number or directory id, and gets the
one-time passwords once: in a table and as printable 登录通知书, one a page. Nothing is
kept of a password but its hash; asked again, the page makes none for those it served.
"""

from collective.consultation import vocabularies
from collective.consultation.browser.display import label
from collective.consultation.browser.formvalues import one
from collective.consultation.errors import FieldError
from collective.consultation.members import accounts
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest


class MemberAccounts(BrowserView):
    made = None

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("make"):
            CheckAuthenticator(self.request)
            form = self.request.form
            try:
                source = one(form, "login", "phone")
                accounts.check_source(source)
                members = accounts.roster(
                    one(form, "which", "without"), one(form, "sector", "") or None
                )
            except FieldError as exc:
                raise BadRequest(exc.text(self.request))
            self.made = accounts.create_accounts(members, source)
            self.request.response.setHeader("Cache-Control", "no-store")
        return self.index()

    def sectors(self):
        return [
            (key, label(vocabularies.SECTORS, key, self.request))
            for key, _title in vocabularies.SECTORS
        ]

    def rows(self):
        return [
            {
                "name": a.member.title,
                "sector": label(vocabularies.SECTORS, a.member.sector, self.request),
                "login": a.login,
                "password": a.password,
                "status": a.status,
            }
            for a in self.made or ()
        ]

    def notices(self):
        """The 登录通知书 to print: one for each login made now."""
        return [row for row in self.rows() if row["password"]]

    def site(self):
        return {
            "title": api.portal.get_registry_record("plone.site_title", default=""),
            "url": api.portal.get().absolute_url(),
        }
