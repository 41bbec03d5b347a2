"""Speeches (协商发言) in the Classic UI: the section on the consultation's page, the
staff's page that arranges them (``@@arrange-speeches``), a speech's own page and its
buttons (``@@speech-step``: submit, take back, turn into a suggestion)."""

from collective.consultation import _
from collective.consultation.browser.display import state_title
from collective.consultation.dates import readable
from collective.consultation.mailing import site_language
from collective.consultation.meeting import speeches
from collective.consultation.permissions import ADD_SPEECH
from collective.consultation.permissions import MANAGE_ATTENDANCE
from collective.consultation.tracking.steps import StepError
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zExceptions import Forbidden

# The steps the speech's page offers as buttons, and who takes them.
MEMBER_STEPS = ("submit", "retract")
STAFF_STEPS = ("accept", "decline")


def shown_rows(consultation, request):
    return [
        dict(row, state_title=state_title("Speech", row["state"], request))
        for row in speeches.rows(consultation)
    ]


class SpeechesPanel:
    """Mixin for the consultation's page."""

    def speeches(self):
        return shown_rows(self.context, self.request)

    def speech_deadline(self):
        return readable(speeches.deadline_of(self.context), site_language())

    def speeches_open(self):
        return speeches.is_open(self.context)

    def can_add_speech(self):
        may_add = api.user.has_permission(ADD_SPEECH, obj=self.context)
        return may_add and (self.can_arrange_speeches() or self.speeches_open())

    def can_arrange_speeches(self):
        return api.user.has_permission(MANAGE_ATTENDANCE, obj=self.context)


class ArrangeSpeeches(BrowserView):
    """Staff accept or decline submitted speeches, and set the order (a number per
    speech: the speeches are placed by it), the minutes and the responding units."""

    error = None

    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            try:
                if form.get("accept"):
                    self.step(form["accept"], "accept")
                elif form.get("decline"):
                    self.step(form["decline"], "decline", form.get("reason", ""))
                elif form.get("save"):
                    self.save(form)
            except StepError as exc:
                self.error = "；".join(exc.reasons(self.request))
                return self.index()
            self.request.response.redirect(
                f"{self.context.absolute_url()}/@@arrange-speeches"
            )
            return ""
        return self.index()

    def rows(self):
        return shown_rows(self.context, self.request)

    def arranged(self):
        return [row for row in self.rows() if row["state"] == "accepted"]

    def waiting(self):
        return [row for row in self.rows() if row["state"] == "submitted"]

    def _speech(self, uid):
        speech = api.content.get(UID=uid)
        if speech is None or speech.aq_parent != self.context:
            raise BadRequest("speech: not a speech of this consultation.")
        return speech

    def step(self, uid, transition, comment=""):
        speech = self._speech(uid)
        api.portal.get_tool("portal_workflow").doActionFor(
            speech, transition, comment=(comment or "").strip()
        )
        message = {
            "accept": _("The speech was arranged at the end of the order."),
            "decline": _("The speech was declined; its speakers were told why."),
        }[transition]
        api.portal.show_message(message, self.request)

    def save(self, form):
        rows = self.arranged()
        places = []
        minutes, units = {}, {}
        for index, row in enumerate(rows):
            uid = row["uid"]
            places.append(
                (self._number(form, f"position.{uid}", index + 1), index, uid)
            )
            given = self._number(form, f"minutes.{uid}", None)
            if given is not None:
                minutes[uid] = given
            units[uid] = [
                u.strip()
                for u in (form.get(f"units.{uid}") or "")
                .replace("，", "、")
                .split("、")
                if u.strip()
            ]
        order = [uid for _place, _index, uid in sorted(places)]
        changed = speeches.arrange(self.context, order, minutes, units)
        told = speeches.notify_arranged(changed)
        api.portal.show_message(
            _(
                "The speaking order was saved; ${count} speakers were told their place.",
                mapping={"count": told},
            ),
            self.request,
        )

    @staticmethod
    def _number(form, name, default):
        value = (form.get(name) or "").strip()
        if not value:
            return default
        try:
            return int(value)
        except ValueError:
            field = "minutes" if name.startswith("minutes") else "order"
            raise StepError(
                "arrange",
                {
                    field: _(
                        "“${value}” is not a whole number.", mapping={"value": value}
                    )
                },
            )


class SpeechPage:
    """Mixin for a speech's page (views.SpeechView)."""

    def speakers(self):
        return [m.title for m in speeches.speakers_of(self.context)]

    def consultation(self):
        return speeches.consultation_of(self.context)

    def is_staff(self):
        return api.user.has_permission(MANAGE_ATTENDANCE, obj=self.context)

    def steps(self):
        """The buttons this user has here: (transition id, its title)."""
        wftool = api.portal.get_tool("portal_workflow")
        offered = MEMBER_STEPS + (STAFF_STEPS if self.is_staff() else ())
        return [
            (t["id"], t["title"])
            for t in wftool.getTransitionsFor(self.context)
            if t["id"] in offered
        ]

    def deadline(self):
        return readable(speeches.deadline_of(self.consultation()), site_language())

    def may_become_suggestion(self):
        made = getattr(self.context, "suggestion_uid", None)
        return (
            self.is_staff()
            and self.review_state() == "accepted"
            and not (made and api.content.get(UID=made) is not None)
        )

    def suggestion(self):
        made = getattr(self.context, "suggestion_uid", None)
        return api.content.get(UID=made) if made else None


class SpeechStep(BrowserView):
    """POST from the speech's page: a workflow step, or 转为建议."""

    def __call__(self):
        if self.request.method != "POST":
            raise BadRequest("step: send the form.")
        CheckAuthenticator(self.request)
        step = self.request.form.get("step", "")
        try:
            if step == "to_suggestion":
                if not api.user.has_permission(MANAGE_ATTENDANCE, obj=self.context):
                    raise Forbidden("Only staff turn a speech into a suggestion.")
                suggestion = speeches.to_suggestion(self.context)
                api.portal.show_message(
                    _("The speech is now a submitted suggestion."), self.request
                )
                self.request.response.redirect(suggestion.absolute_url())
                return ""
            available = {
                t["id"]
                for t in api.portal.get_tool("portal_workflow").getTransitionsFor(
                    self.context
                )
            }
            if step not in available:
                raise Forbidden("This step is not yours to take now.")
            api.portal.get_tool("portal_workflow").doActionFor(
                self.context,
                step,
                comment=(self.request.form.get("reason") or "").strip(),
            )
            api.portal.show_message(_("Done."), self.request)
        except StepError as exc:
            api.portal.show_message(
                "；".join(exc.reasons(self.request)), self.request, type="error"
            )
        self.request.response.redirect(self.context.absolute_url())
        return ""
