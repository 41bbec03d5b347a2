"""GET <consultation>/++api++/@minutes: the minutes as a Word document (.docx)."""

from collective.consultation.minutes.snapshot import DOCX
from collective.consultation.minutes.snapshot import minutes_file
from plone.restapi.services import Service


class MinutesGet(Service):
    def render(self):
        self.check_permission()
        filename, body = minutes_file(self.context)
        response = self.request.response
        response.setHeader("Content-Type", DOCX)
        response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
        return body
