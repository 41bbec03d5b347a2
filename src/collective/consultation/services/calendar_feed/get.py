"""GET <site>/++api++/@calendar-feed/<token>: a member's personal feed, without login.
The token is the only key: a wrong or revoked one gets 404 and reveals nothing."""

from collective.consultation.calendar.feeds import personal_calendar
from collective.consultation.calendar.feedtoken import member_for_token
from collective.consultation.services.base import CalendarService
from zExceptions import NotFound
from zope.interface import implementer
from zope.publisher.interfaces import IPublishTraverse


@implementer(IPublishTraverse)
class CalendarFeed(CalendarService):
    filename = "my-consultations.ics"

    def __init__(self, context, request):
        super().__init__(context, request)
        self.params = []

    def publishTraverse(self, request, name):
        self.params.append(name)
        return self

    def calendar(self):
        member = member_for_token(self.params[0] if len(self.params) == 1 else None)
        if member is None:
            raise NotFound()
        return personal_calendar(member, self.request)
