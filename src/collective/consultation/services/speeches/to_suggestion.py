"""POST <speech>/++api++/@to-suggestion: the arranged speech becomes a submitted
suggestion of its consultation, proposed by its speaker and co-speakers. 201 with the
suggestion's address; 400 when the speech is not arranged or already a suggestion."""

from collective.consultation.meeting import speeches
from plone.restapi.services import Service
from zope.interface import alsoProvides

import plone.protect.interfaces


class ToSuggestionPost(Service):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        suggestion = speeches.to_suggestion(self.context)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", suggestion.absolute_url())
        return {"@id": suggestion.absolute_url(), "title": suggestion.Title()}
