"""Starting a year's programme from the workbench (``@@start-programme``): a page that
says which year and asks, then creates it (private until the office publishes it) and
opens it, ready for the year's consultations."""

from collective.consultation import _
from collective.consultation import programmes
from collective.consultation.errors import FieldError
from collective.consultation.validation import parse_year
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest


class StartProgramme(BrowserView):
    def __call__(self):
        self.year = self.chosen_year()
        existing = programmes.programme_of(self.year) if self.year else None
        if existing is not None:
            api.portal.show_message(
                _("The ${year} programme exists already.", mapping={"year": self.year}),
                request=self.request,
                type="info",
            )
            self.request.response.redirect(existing.getURL())
            return ""
        if self.request.method == "POST" and self.request.form.get("confirm"):
            CheckAuthenticator(self.request)
            programme = programmes.start(self.year)
            api.portal.show_message(
                _(
                    "The ${year} programme is started. It stays private until you "
                    "publish it.",
                    mapping={"year": self.year},
                ),
                request=self.request,
            )
            self.request.response.redirect(programme.absolute_url())
            return ""
        return self.index()

    def chosen_year(self):
        value = self.request.form.get("year")
        if value in (None, ""):
            return programmes.year_to_start()
        try:
            return parse_year(value)
        except FieldError as exc:
            raise BadRequest(exc.text(self.request))
