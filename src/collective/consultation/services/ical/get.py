"""GET <consultation>/++api++/@ical: one consultation, with its attendees and their
answers for those who may see the member directory;
GET <programme or site>/++api++/@ical: every consultation this user may see, from the
catalog (cancelled ones with STATUS:CANCELLED)."""

from collective.consultation.calendar.feeds import consultation_calendar
from collective.consultation.calendar.feeds import container_calendar
from collective.consultation.services.base import CalendarService


class ConsultationICal(CalendarService):
    def calendar(self):
        self.filename = f"{self.context.getId()}.ics"
        return consultation_calendar(self.context, self.request)


class FeedICal(CalendarService):
    def calendar(self):
        self.filename = f"{self.context.getId() or 'consultations'}.ics"
        return container_calendar(self.context, self.request)
