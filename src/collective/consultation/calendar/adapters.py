"""Plone's own calendar interfaces (plone.event) answered with the add-on's calendar:
``@@ics_view`` on a consultation or a programme, a collection of consultations and
anything else that asks Plone for an IICalendar get what ``@ical`` serves (the same
UID, sequence, Chinese text, attendees for those who may see them), not plone.app.event's
plainer export."""

from collective.consultation.calendar.feeds import consultation_calendar
from collective.consultation.calendar.feeds import container_calendar
from collective.consultation.content.consultation import IConsultation
from collective.consultation.content.programme import IConsultationProgramme
from plone.event.interfaces import IICalendar
from plone.event.interfaces import IICalendarEventComponent
from zope.component import adapter
from zope.globalrequest import getRequest
from zope.interface import implementer

import icalendar


@adapter(IConsultation)
@implementer(IICalendar)
def consultation_icalendar(consultation):
    return icalendar.Calendar.from_ical(
        consultation_calendar(consultation, getRequest())
    )


@adapter(IConsultationProgramme)
@implementer(IICalendar)
def programme_calendar(programme):
    return icalendar.Calendar.from_ical(container_calendar(programme, getRequest()))


@adapter(IConsultation)
@implementer(IICalendarEventComponent)
class ConsultationEvent:
    """The consultation's VEVENT, for calendars plone.app.event puts together (a
    collection's)."""

    def __init__(self, context):
        self.context = context

    def to_ical(self):
        return consultation_icalendar(self.context).walk("VEVENT")[0]
