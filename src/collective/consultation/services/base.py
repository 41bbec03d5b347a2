"""What the services share: content named by reference, and a service that answers with a
text/calendar body instead of JSON."""

from plone import api
from plone.restapi.services import Service


def resolve(reference):
    """Content named in a request body by UID, site path (/members/m01) or URL; or None."""
    if not isinstance(reference, str) or not reference:
        return None
    if "/" not in reference:
        return api.content.get(UID=reference)
    portal = api.portal.get()
    path = reference.split(portal.absolute_url(), 1)[-1].strip("/")
    return api.content.get(path="/" + path)


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
