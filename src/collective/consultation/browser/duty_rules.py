"""The secretariat's duty-evaluation rules (考评细则, ``<site>/@@duty-rules``): points
and a cap per item and the minimum to pass, saved as the version for a year; it holds
from that year until a later version."""

from collective.consultation import _
from collective.consultation.errors import FieldError
from collective.consultation.members import scoring
from collective.consultation.members import talks
from collective.consultation.members.duty import default_year
from collective.consultation.validation import parse_year
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zope.i18n import translate


class DutyRules(BrowserView):
    error = None

    def year(self):
        value = self.request.form.get("year")
        if not value:
            return default_year()
        try:
            return parse_year(value)
        except FieldError as exc:
            raise BadRequest(exc.text(self.request))

    def rules(self):
        return scoring.rules_for(self.year())

    def rows(self):
        rules = self.rules()
        return [
            {
                "id": rule.id,
                "title": rule.title,
                "points": rules.points[rule.id],
                "cap": rules.caps.get(rule.id, ""),
            }
            for rule in scoring.RULES
        ]

    def reminders(self):
        """The members to talk to this year (谈话提醒)."""
        year = self.year()
        return talks.due(year) if year else []

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            if form.get("remind"):
                return self.remind()
            try:
                year = self.year()
                if year is None:
                    raise scoring.RulesError(
                        "year", "choose the year the rules hold from."
                    )
                points = {
                    r.id: self._number(form, f"points.{r.id}") for r in scoring.RULES
                }
                caps = {r.id: self._number(form, f"cap.{r.id}") for r in scoring.RULES}
                scoring.save_rules(
                    year,
                    {k: v for k, v in points.items() if v is not None},
                    caps,
                    self._number(form, "minimum"),
                    (form.get("note") or "").strip(),
                    self._number(form, "absences"),
                    (form.get("review_day") or "").strip(),
                )
            except scoring.RulesError as exc:
                self.error = exc.text(self.request)
                return self.index()
            api.portal.show_message(
                translate(
                    _(
                        "The rules hold from ${year}; every score is counted by them now.",
                        mapping={"year": year},
                    ),
                    context=self.request,
                ),
                self.request,
            )
            self.request.response.redirect(
                f"{self.context.absolute_url()}/@@duty-rules?year={year}"
            )
            return ""
        return self.index()

    def remind(self):
        year = self.year()
        chosen = set(self.request.form.get("members") or ())
        sent = talks.send([r for r in talks.due(year) if r.member in chosen], year)
        api.portal.show_message(
            translate(
                _("${count} members were sent a reminder.", mapping={"count": sent}),
                context=self.request,
            ),
            self.request,
        )
        self.request.response.redirect(
            f"{self.context.absolute_url()}/@@duty-rules?year={year}#reminders"
        )
        return ""

    @staticmethod
    def _number(form, name):
        value = (form.get(name) or "").strip()
        if value == "":
            return None
        try:
            return int(value)
        except ValueError:
            raise scoring.RulesError(name, f"'{value}' is not a whole number.")
