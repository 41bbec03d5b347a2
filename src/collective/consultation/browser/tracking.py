"""The handling panel on a suggestion's page (the steps open to this user, the proposers'
evaluation form, merge lineage, what was sent to units) and the evaluation it posts."""

from collective.consultation import _
from collective.consultation import permissions
from collective.consultation import vocabularies
from collective.consultation.browser.display import delivery_label
from collective.consultation.browser.display import label
from collective.consultation.dates import shown
from collective.consultation.tracking import evaluation
from collective.consultation.tracking import history
from collective.consultation.tracking import merge
from collective.consultation.tracking import notices
from collective.consultation.tracking import steps
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zope.i18n import translate


class HandlingPanel(BrowserView):
    def handling_steps(self):
        wftool = api.portal.get_tool("portal_workflow")
        return [
            {
                "id": t["id"],
                "title": translate(t["title"], domain="plone", context=self.request),
                "url": f"{self.context.absolute_url()}/@@handle?transition={t['id']}",
            }
            for t in wftool.getTransitionsFor(self.context)
            if t["id"] in steps.STEPS and t["id"] != "submit"
        ]

    def may_handle(self):
        return api.user.has_permission(permissions.HANDLE_SUGGESTION, obj=self.context)

    def merge_url(self):
        """并案 from here, for the secretariat, when this one may lead a merge."""
        if not self.may_handle() or merge.lead_of(self.context) is not None:
            return None
        if api.content.get_state(self.context) in merge.CLOSED:
            return None
        return f"{self.context.absolute_url()}/@@merge-suggestions"

    def can_submit(self):
        """A draft the user may submit (报送): the button on the page, not only the
        state menu."""
        wftool = api.portal.get_tool("portal_workflow")
        return any(t["id"] == "submit" for t in wftool.getTransitionsFor(self.context))

    def evaluation_form(self):
        """The rating form, for a proposer while the answer may be rated."""
        if api.content.get_state(self.context) not in evaluation.OPEN_STATES:
            return None
        member = evaluation.member_for_user(
            self.context, api.user.get_current().getId()
        )
        if member is None:
            return None
        mine = evaluation.ratings(self.context).get(member.UID(), {})
        return {
            "action": f"{self.context.absolute_url()}/@@evaluate",
            "ratings": [
                (value, label(vocabularies.EVALUATIONS, value, self.request))
                for value in evaluation.RATINGS
            ],
            "current": mine.get("rating"),
            "comment": mine.get("comment", ""),
        }

    def ratings(self):
        """Each proposer's rating and comment, for those who follow the handling."""
        if not history.may_read_full_history(self.context):
            return []
        return [
            {
                "member": entry["member"],
                "rating": label(
                    vocabularies.EVALUATIONS, entry["rating"], self.request
                ),
                "comment": entry["comment"],
                "time": entry["time"][:10],
            }
            for entry in evaluation.ratings(self.context).values()
        ]

    def lineage(self):
        """The lead and the merged suggestions this user may see."""
        lead, followers = merge.visible_lineage(self.context)
        return {
            "lead": (
                {"title": lead.title, "url": lead.absolute_url()}
                if lead is not None
                else None
            ),
            "merged": [{"title": s.title, "url": s.absolute_url()} for s in followers],
            "unmerge": (
                f"{self.context.absolute_url()}/@@unmerge-suggestion"
                if lead is not None and self.may_handle()
                else None
            ),
        }

    def unit_notices(self):
        if not self.may_handle():
            return []
        purposes = {
            "refer": _("Referral"),
            "reopen": _("Referral for another round"),
            "reminder": _("Reminder"),
            "reassign": _("Referral after a change of units"),
            "released": _("To the units that leave"),
            "proposers": _("To the proposers"),
        }
        return [
            {
                "time": shown(n["time"]),
                "purpose": purposes.get(n["purpose"], n["purpose"]),
                "to": "、".join(n["to"]),
                "status": n["status"],
                "label": delivery_label(
                    n["status"],
                    self.request,
                    max(
                        (d["time"] or "" for d in n["recipients"].values()), default=""
                    ),
                    max((d["attempts"] for d in n["recipients"].values()), default=0),
                ),
                "error": n["error"],
            }
            for n in reversed(notices.sent_notices(self.context))
        ]

    def previous_rounds(self):
        if not history.may_read_full_history(self.context):
            return []
        return list(getattr(self.context, "previous_rounds", None) or ())


# The core's messages name the field for the REST API; the page says it in the site's language.
EVALUATION_MESSAGES = {
    "state": _("The answer can be evaluated once the suggestion is answered."),
    "rating": _("Choose how satisfied you are with the answer."),
    "proposer": _("Only the suggestion's proposers evaluate it."),
    "comment": _("Say what is missing from the answer."),
}


class Evaluate(BrowserView):
    """POST from the evaluation form on the suggestion's page."""

    def __call__(self):
        if self.request.method != "POST":
            raise BadRequest("Post the evaluation form.")
        CheckAuthenticator(self.request)
        member = evaluation.member_for_user(
            self.context, api.user.get_current().getId()
        )
        form = self.request.form
        try:
            evaluation.evaluate(
                self.context, member, form.get("rating"), form.get("comment", "")
            )
        except evaluation.EvaluationError as exc:
            api.portal.show_message(
                EVALUATION_MESSAGES[exc.field], request=self.request, type="error"
            )
        else:
            api.portal.show_message(
                _("Thank you: your evaluation was recorded."), request=self.request
            )
        self.request.response.redirect(self.context.absolute_url())
