"""并案 from the suggestion's page (``@@merge-suggestions`` on the lead): the secretariat
ticks the suggestions of the same year that say the same thing and merges them into this
one; a merged suggestion's page undoes it (``@@unmerge-suggestion``). Both call
tracking/merge.py, as ``@merge`` in the REST API does."""

from collective.consultation import _
from collective.consultation.tracking import merge
from collective.consultation.validation import text_problem
from plone import api
from plone.protect import CheckAuthenticator
from plone.uuid.interfaces import IUUID
from Products.Five.browser import BrowserView
from zExceptions import Forbidden


class MergeSuggestions(BrowserView):
    error = None

    def __call__(self):
        if not self.possible():
            raise Forbidden("This suggestion cannot lead a merge.")
        if self.request.method == "POST" and self.request.form.get("merge"):
            CheckAuthenticator(self.request)
            if self.take():
                return ""
        return self.index()

    def possible(self):
        return merge.lead_of(self.context) is None and (
            api.content.get_state(self.context) not in merge.CLOSED
        )

    def candidates(self):
        """Suggestions of the same year that may join: not this one, not merged or
        leading others, not withdrawn; narrowed by the text typed in ``q``."""
        catalog = api.portal.get_tool("portal_catalog")
        query = {
            "portal_type": "Suggestion",
            "consultation_year": catalog.unrestrictedSearchResults(
                UID=IUUID(self.context)
            )[0].consultation_year,
            "sort_on": "sortable_title",
        }
        text = (self.request.form.get("q") or "").strip()
        if text:
            query["SearchableText"] = text
        leads = set(catalog.uniqueValuesFor("merged_into"))
        own = IUUID(self.context)
        return [
            {
                "uid": brain.UID,
                "title": brain.Title,
                "url": brain.getURL(),
                "unit": brain.lead_unit or "",
                "state": brain.review_state,
                "checked": brain.UID in self.chosen(),
            }
            for brain in catalog(**query)
            if brain.UID != own
            and not brain.merged_into
            and brain.UID not in leads
            and brain.review_state not in merge.CLOSED
        ]

    def chosen(self):
        chosen = self.request.form.get("suggestions") or []
        return [chosen] if isinstance(chosen, str) else list(chosen)

    def take(self):
        comment = (self.request.form.get("comment") or "").strip()
        problem = text_problem(comment, single_line=False) if comment else None
        others = [api.content.get(UID=uid) for uid in self.chosen()]
        if problem:
            self.error = problem
            return False
        if not others or None in others:
            self.error = _("Tick the suggestions to merge into this one.")
            return False
        try:
            merge.merge(self.context, others, comment)
        except merge.MergeError as exc:
            self.error = exc.text(self.request)
            return False
        api.portal.show_message(
            _(
                "${count} suggestions merged into this one; they follow its handling.",
                mapping={"count": len(others)},
            ),
            request=self.request,
        )
        self.request.response.redirect(self.context.absolute_url())
        return True


class UnmergeSuggestion(BrowserView):
    def __call__(self):
        if self.request.method != "POST":
            raise Forbidden("Undo a merge with the button on the suggestion's page.")
        CheckAuthenticator(self.request)
        try:
            merge.unmerge(self.context)
        except merge.MergeError as exc:
            api.portal.show_message(
                exc.text(self.request), request=self.request, type="error"
            )
        else:
            api.portal.show_message(
                _("The merge was undone; the suggestion is handled on its own again."),
                request=self.request,
            )
        self.request.response.redirect(self.context.absolute_url())
        return ""
