"""GET <site>/++api++/@duty-reminders?year=2018: the members to talk to about their duties
(谈话提醒): absent without leave as often as the year's rules allow, or below the score to
pass from the year's review day. POST {"year": 2018, "members": [UID, …]} mails those
listed (all of them when ``members`` is left out) through the outbox; 400 names a member
who is not on the list."""

from collective.consultation import _
from collective.consultation.errors import FieldError
from collective.consultation.members import talks
from collective.consultation.services.base import json_object
from collective.consultation.validation import parse_year
from dataclasses import asdict
from plone import api
from plone.restapi.services import Service
from zope.interface import alsoProvides

import plone.protect.interfaces


def checked_year(value):
    if value in (None, ""):
        raise FieldError("year", _("give the year."))
    return parse_year(value)


def listing(year, reminders):
    return {
        "@id": f"{api.portal.get().absolute_url()}/@duty-reminders?year={year}",
        "year": year,
        "items": [asdict(reminder) for reminder in reminders],
    }


class DutyRemindersGet(Service):
    def reply(self):
        year = checked_year(self.request.form.get("year"))
        return listing(year, talks.due(year))


class DutyRemindersPost(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        body = json_object(self.request)
        year = checked_year(body.get("year"))
        due = talks.due(year)
        chosen = body.get("members")
        if chosen is not None:
            if not isinstance(chosen, list) or not all(
                isinstance(uid, str) for uid in chosen
            ):
                raise FieldError("members", _("a list of member UIDs."))
            listed = {reminder.member for reminder in due}
            strangers = [uid for uid in chosen if uid not in listed]
            if strangers:
                raise FieldError(
                    "members",
                    _("not to be reminded: ${uid}.", mapping={"uid": strangers[0]}),
                )
            due = [reminder for reminder in due if reminder.member in chosen]
        sent = talks.send(due, year)
        return dict(listing(year, due), sent=sent)
