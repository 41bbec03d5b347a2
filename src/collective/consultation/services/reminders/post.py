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
            # queued: each letter's delivery shows on the suggestions' records (@handling)
            "units": [
                {"unit": n, "items": c, "letter": letter, "status": "queued"}
                for n, c, letter in outcome.units
            ],
            "unregistered": outcome.unregistered,
            "digest": (
                {"letter": outcome.digest, "status": "queued"}
                if outcome.digest
                else None
            ),
        }
