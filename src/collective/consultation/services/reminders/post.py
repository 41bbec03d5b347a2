"""POST <site>/++api++/@reminders: send the overdue reminders now (what the cron job
``consultation-remind`` does), and report what was sent."""

from collective.consultation.tracking import reminders
from plone.restapi.services import Service
from zope.interface import alsoProvides

import plone.protect.interfaces


class RemindersPost(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        outcome = reminders.send_reminders()
        return {
            "today": outcome.today.isoformat(),
            "overdue": outcome.overdue,
            "units": [
                {"unit": n, "items": c, "ok": e is None, "error": e or ""}
                for n, c, e in outcome.units
            ],
            "unregistered": outcome.unregistered,
            "digest": {
                "ok": outcome.digest_error is None,
                "error": outcome.digest_error or "",
            },
        }
