"""The site's front page (工作台): tiles that lead each role to its work, and the strip of
what waits for the user (todo.py). Visitors see the programme and the coming
consultations."""

from collective.consultation import _
from collective.consultation import permissions
from collective.consultation import programmes
from collective.consultation import todo
from collective.consultation import vocabularies
from collective.consultation.browser.calendar import api_url
from collective.consultation.browser.dashboard import list_url
from collective.consultation.browser.display import label
from collective.consultation.browser.display import state_title
from collective.consultation.dates import readable
from collective.consultation.mailing import site_language
from plone import api
from Products.Five.browser import BrowserView

TODO_LABELS = {
    "invitations": _("Invitations to answer"),
    "to_rate": _("Answers to rate"),
    "drafts": _("Suggestions to submit"),
    "to_submitted": _("Suggestions to refer"),
    "to_referred": _("Answers to record"),
    "to_answered": _("Suggestions to adopt"),
    "overdue": _("Overdue"),
    "minutes": _("Minutes to approve"),
    "to_schedule": _("Consultations to schedule"),
}


class WorkbenchView(BrowserView):
    def __call__(self):
        self.items, self.member = todo.items_for_current_user()
        self.language = site_language()
        return self.index()

    def greeting(self):
        if api.user.is_anonymous():
            return None
        if self.member is not None:
            return self.member.title
        user = api.user.get_current()
        return user.getProperty("fullname") or user.getId()

    def todo(self):
        """Every item with a count or a list, labelled and linked."""
        out = []
        for item in self.items:
            if item.query:
                url = list_url(**item.query)
            elif item.key == "invitations" or item.key == "to_rate":
                url = f"{self.portal_url()}/@@my-duties"
            else:
                url = None
            out.append(
                {
                    "key": item.key,
                    "label": TODO_LABELS[item.key],
                    "count": item.count,
                    "url": url,
                    "urgent": item.key == "overdue" and item.count > 0,
                    "entries": [
                        {"title": b.Title, "url": b.getURL(), "when": self.when(b)}
                        for b in item.brains
                    ],
                }
            )
        return out

    def when(self, brain):
        start = getattr(brain, "start", None)
        return (
            readable(start, self.language)
            if start and brain.portal_type == "Consultation"
            else ""
        )

    def portal_url(self):
        return api.portal.get().absolute_url()

    def tiles(self):
        portal = api.portal.get()
        tiles = []
        programme = todo.latest_programme()
        if programme is not None:
            tiles.append(
                {
                    "key": "programme",
                    "title": programme.Title,
                    "label": _("Annual consultation programme"),
                    "url": programme.getURL(),
                }
            )
        year = programmes.year_to_start()
        if year and api.user.has_permission(permissions.ADD_PROGRAMME, obj=portal):
            tiles.append(
                {
                    "key": "start-programme",
                    "title": programmes.title(year, self.request),
                    "label": _("Start a programme"),
                    "url": f"{portal.absolute_url()}/@@start-programme?year={year}",
                }
            )
        if api.user.has_permission(permissions.VIEW_REPORTS, obj=portal):
            tiles.append(
                {
                    "key": "tracking",
                    "title": None,
                    "label": _("Suggestion tracking"),
                    "url": f"{portal.absolute_url()}/@@tracking-dashboard",
                }
            )
        for folder_id, key, title in (
            ("units", "units", _("Handling units")),
            ("members", "members", _("Member directory")),
        ):
            folder = portal.get(folder_id)
            if folder is not None and api.user.has_permission("View", obj=folder):
                tiles.append(
                    {
                        "key": key,
                        "title": None,
                        "label": title,
                        "url": folder.absolute_url(),
                    }
                )
        if self.member is not None:
            tiles.append(
                {
                    "key": "duties",
                    "title": None,
                    "label": _("My duties"),
                    "url": f"{portal.absolute_url()}/@@my-duties",
                }
            )
        return tiles

    def upcoming(self):
        """{"ahead": bool, "consultations": [...]}: what is coming, else the latest."""
        ahead, brains = todo.upcoming()
        return {"ahead": ahead, "consultations": self._consultations(brains)}

    def _consultations(self, brains):
        return [
            {
                "title": b.Title,
                "url": b.getURL(),
                "when": readable(b.start, self.language),
                "location": b.location or "",
                "kind": label(vocabularies.KINDS, b.consultation_kind, self.request),
                "state": state_title("Consultation", b.review_state, self.request),
                "state_id": b.review_state,
            }
            for b in brains
        ]

    def feed_url(self):
        return api_url(api.portal.get(), "@ical")
