"""GET <site>/++api++/@reminders: the suggestions past their answer deadline, by lead unit,
as the next reminders would name them."""

from collective.consultation.dates import as_day
from collective.consultation.tracking import reminders
from collective.consultation.tracking import units
from datetime import date
from plone.restapi.services import Service


def overdue_summary(today):
    grouped = reminders.by_unit(reminders.overdue(today))
    return {
        "today": today.isoformat(),
        "total": sum(len(items) for items in grouped.values()),
        "units": [
            {
                "unit": name,
                "registered": units.find(name) is not None,
                "items": [
                    {
                        "@id": brain.getURL(),
                        "title": brain.Title,
                        "deadline": as_day(brain.deadline).isoformat(),
                        "days_late": reminders.days_late(brain, today),
                        "review_state": brain.review_state,
                    }
                    for brain in items
                ],
            }
            for name, items in sorted(grouped.items())
        ],
    }


class RemindersGet(Service):
    def reply(self):
        return overdue_summary(date.today())
