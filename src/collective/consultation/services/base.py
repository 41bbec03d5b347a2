"""A plone.restapi service that answers with a text/calendar body instead of JSON."""

from plone.restapi.services import Service


class CalendarService(Service):
    filename = "calendar.ics"

    def calendar(self):
        """The calendar as bytes."""
        raise NotImplementedError

    def render(self):
        self.check_permission()
        body = self.calendar()
        response = self.request.response
        response.setHeader("Content-Type", "text/calendar; charset=utf-8")
        response.setHeader("Content-Disposition", f'inline; filename="{self.filename}"')
        # Feeds change with every edit; calendar programs poll, so let them revalidate.
        response.setHeader("Cache-Control", "private, max-age=300")
        return body
