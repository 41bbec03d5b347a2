"""POST <site>/++api++/@member-accounts {"members": "without" | "all" | [member paths or
UIDs], "sector": "education", "login": "phone" | "id"}: a login for each of those members
who has none. The answer lists every member with its login and status (created, exists,
no-phone, taken) and, for those created now, the one-time password: shown this once,
never stored readable, not cached. Everything is checked first; a wrong value answers 400
naming the field and no login is made."""

from collective.consultation import _
from collective.consultation.errors import check_parameters
from collective.consultation.errors import FieldError
from collective.consultation.members import accounts
from collective.consultation.services.base import json_object
from collective.consultation.services.base import resolve
from plone.restapi.services import Service
from zope.interface import alsoProvides

import plone.protect.interfaces


class MemberAccountsPost(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        body = json_object(self.request)
        check_parameters(body, ("members", "sector", "login"))
        source = body.get("login", "phone")
        accounts.check_source(source)
        members = self.members(body)
        made = accounts.create_accounts(members, source)
        self.request.response.setHeader("Cache-Control", "no-store")
        return {
            "items": [
                {
                    "@id": account.member.absolute_url(),
                    "name": account.member.title,
                    "login": account.login,
                    "status": account.status,
                    **({"password": account.password} if account.password else {}),
                }
                for account in made
            ],
            "created": sum(a.status == "created" for a in made),
        }

    def members(self, body):
        chosen = body.get("members", "without")
        if isinstance(chosen, list):
            found = [resolve(reference) for reference in chosen]
            if not chosen or any(
                m is None or m.portal_type != "CommitteeMember" for m in found
            ):
                raise FieldError("members", _("name members of the directory."))
            return found
        sector = body.get("sector")
        if sector is not None and not isinstance(sector, str):
            raise FieldError("sector", _("not a sector."))
        return accounts.roster(chosen if isinstance(chosen, str) else None, sector)
