"""Classic UI views: they read the catalog for listings and show labels, nothing more."""

from AccessControl import getSecurityManager
from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.consultation import _
from collective.consultation import vocabularies as v
from collective.consultation.browser.calendar import api_url
from collective.consultation.browser.calendar import ical_url
from collective.consultation.browser.calendar import InvitationsPanel
from collective.consultation.browser.calendar import may_manage_feed
from collective.consultation.browser.calendar import personal_feed_url
from collective.consultation.browser.calendar import webcal
from collective.consultation.browser.display import label
from collective.consultation.browser.display import state_title
from collective.consultation.browser.invite import STANDING
from collective.consultation.browser.invite import STANDING_TITLE
from collective.consultation.browser.listfilters import Filter
from collective.consultation.browser.listfilters import FilteredList
from collective.consultation.browser.listfilters import YES
from collective.consultation.browser.materials import MaterialsPanel
from collective.consultation.browser.members import DutyRecordPanel
from collective.consultation.browser.minutes import MinutesPanel
from collective.consultation.browser.reports import ReportsPanel
from collective.consultation.browser.speeches import SpeechesPanel
from collective.consultation.browser.speeches import SpeechPage
from collective.consultation.browser.tracking import HandlingPanel
from collective.consultation.dates import readable
from collective.consultation.mailing import site_language
from collective.consultation.meeting.checkin import OPEN_STATES
from collective.consultation.members import duty
from collective.consultation.permissions import HANDLE_SUGGESTION
from collective.consultation.permissions import MANAGE_ATTENDANCE
from collective.consultation.permissions import MANAGE_DUTY_RULES
from collective.consultation.permissions import MANAGE_MEMBER_ACCOUNTS
from collective.consultation.permissions import VIEW_REPORTS
from collective.consultation.privacy import may_see_member_data
from collective.consultation.programmes import year_problem
from collective.consultation.relations import related_objects
from collective.consultation.tracking import evaluation
from collective.consultation.tracking import history
from collective.consultation.tracking import units
from collective.consultation.validation import parse_guest
from collective.consultation.validation import safe_url
from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

# What a state means, for the banner at the top of the page.
# Each text begins with the state's name (草稿：…), so the banner shows the text alone.
BANNERS = {
    ("Consultation", "draft"): _(
        "Draft: not yet scheduled; only committee staff see it and nobody is invited yet."
    ),
    ("Consultation", "scheduled"): _(
        "Scheduled: the invitations have gone out; invitees answer from their mail."
    ),
    ("Consultation", "held"): _(
        "Held: attendance can be marked and the minutes written and approved."
    ),
    ("Consultation", "minuted"): _(
        "Minutes approved: the record of this consultation is closed."
    ),
    ("Consultation", "cancelled"): _(
        "Cancelled: this consultation will not take place; the invitees were told."
    ),
    ("Suggestion", "draft"): _("Draft: not yet submitted to the committee."),
    ("Suggestion", "submitted"): _(
        "Submitted: waiting to be referred to the unit that must answer."
    ),
    ("Suggestion", "referred"): _("Referred: the lead unit is preparing its answer."),
    ("Suggestion", "answered"): _(
        "Answered: the proposers may now rate the answer (democratic evaluation)."
    ),
    ("Suggestion", "adopted"): _(
        "Adopted: the unit takes the suggestion up; its implementation is followed."
    ),
    ("Suggestion", "implemented"): _(
        "Implemented: the unit adopted it and reports it carried out."
    ),
    ("Suggestion", "not_adopted"): _(
        "Not adopted: the unit's answer gives the reasons."
    ),
    ("Suggestion", "withdrawn"): _("Withdrawn: its proposers took it back."),
    ("Speech", "draft"): _(
        "Draft: only its speakers and staff see it; submit it before the deadline."
    ),
    ("Speech", "submitted"): _(
        "Submitted: committee staff will arrange it or say why not."
    ),
    ("Speech", "accepted"): _(
        "Arranged: it is in the speaking order, seen by all who see the consultation."
    ),
    ("Speech", "declined"): _("Declined: it will not be given at this consultation."),
}


class _Base(BrowserView):
    def label(self, pairs_name, value):
        return label(getattr(v, pairs_name), value, self.request)

    def state(self, portal_type, state):
        return state_title(portal_type, state, self.request)

    def date(self, value):
        """A time as the committee reads it: in the site's zone and language."""
        return readable(value, site_language())

    def banner(self):
        """What the state means here, said at the top of the page."""
        state = self.review_state()
        text = BANNERS.get((self.context.portal_type, state))
        if text is None:
            return None
        return {"state": state, "text": text}

    def path_query(self, depth=1):
        return {"query": "/".join(self.context.getPhysicalPath()), "depth": depth}

    def can_add(self, portal_type):
        allowed = [fti.getId() for fti in self.context.allowedContentTypes()]
        return portal_type in allowed

    def review_state(self):
        return api.content.get_state(self.context, default="")


class ProgrammeView(FilteredList, _Base, ReportsPanel):
    def can_import(self):
        return api.user.has_permission(HANDLE_SUGGESTION, obj=self.context)

    def webcal_url(self):
        return webcal(ical_url(self.context))

    @property
    def list_filters(self):
        wftool = api.portal.get_tool("portal_workflow")
        states = wftool["consultation_workflow"].states.objectIds()
        return (
            Filter("kind", _("Kind of consultation"), "consultation_kind", v.KINDS),
            Filter(
                "committee",
                _("Organising committee"),
                "organising_committee",
                v.COMMITTEES,
            ),
            Filter(
                "state",
                _("State"),
                "review_state",
                tuple((s, self.state("Consultation", s)) for s in states),
            ),
        )

    def __call__(self):
        if self.wants_export():
            rows = self.consultations()
            return self.export(
                _("Consultations"),
                (
                    _("Start"),
                    _("Consultation"),
                    _("Kind of consultation"),
                    _("Organising committee"),
                    _("State"),
                    _("Suggestions"),
                ),
                [
                    [
                        r["start"],
                        r["title"],
                        r["kind"],
                        r["committee"],
                        r["state"],
                        r["suggestions"],
                    ]
                    for r in rows
                ],
                f"consultations-{self.context.getId()}.xlsx",
            )
        return super().__call__()

    def consultations(self):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            portal_type="Consultation",
            path=self.path_query(),
            sort_on="start",
            **self.filter_query(),
        )
        counts = self._suggestion_counts()
        return [
            {
                "url": b.getURL(),
                "title": b.Title,
                "start": self.date(b.start),
                "location": b.location,
                "kind": self.label("KINDS", b.consultation_kind),
                "committee": self.label("COMMITTEES", b.organising_committee),
                "state": self.state("Consultation", b.review_state),
                "state_id": b.review_state,
                "suggestions": counts.get(b.UID, 0),
            }
            for b in brains
        ]

    def _suggestion_counts(self):
        catalog = api.portal.get_tool("portal_catalog")
        counts = {}
        for brain in catalog(portal_type="Suggestion", path=self.path_query(depth=2)):
            counts[brain.consultation_uid] = counts.get(brain.consultation_uid, 0) + 1
        return counts

    def public_opinion(self):
        catalog = api.portal.get_tool("portal_catalog")
        return [
            {
                "url": b.getURL(),
                "title": b.Title,
                "proposers": "、".join(b.proposer_names or ()),
                "state": self.state("Suggestion", b.review_state),
                "state_id": b.review_state,
            }
            for b in catalog(
                portal_type="Suggestion", path=self.path_query(), sort_on="created"
            )
        ]


class ConsultationView(
    _Base, InvitationsPanel, MinutesPanel, ReportsPanel, MaterialsPanel, SpeechesPanel
):
    def can_mark_attendance(self):
        return api.user.has_permission(MANAGE_ATTENDANCE, obj=self.context) and bool(
            self.context.invitees
        )

    def programme_warning(self):
        """For those who may edit it: a consultation held in another year than its
        programme's (programmes.py)."""
        if not api.user.has_permission("Modify portal content", obj=self.context):
            return None
        programme = aq_parent(aq_inner(self.context))
        return year_problem(programme, self.context.start)

    def can_show_checkin_code(self):
        """The QR code for staff, while the consultation is to be held."""
        return self.can_mark_attendance() and self.review_state() in OPEN_STATES

    def details(self):
        c = self.context
        rows = [
            (_("Kind of consultation"), self.label("KINDS", c.kind)),
            (_("Topic"), c.topic),
            (_("Start"), self.date(c.start)),
            (_("End"), self.date(c.end)),
            (_("Location"), getattr(c, "location", "")),
            (
                _("Organising committee"),
                self.label("COMMITTEES", c.organising_committee),
            ),
            (_("Sector"), self.label("SECTORS", c.sector)),
            (_("Counterpart units"), "、".join(c.counterpart_units or ())),
        ]
        return [(name, value) for name, value in rows if value]

    def ical_url(self):
        return ical_url(self.context)

    def online_url(self):
        """The online link, if it is one a visitor may safely follow."""
        return safe_url(self.context.online_url)

    def invitees(self):
        """The invited members this user may see (member records are not public)."""
        check = getSecurityManager().checkPermission
        return [
            {
                "title": m.title,
                "url": m.absolute_url(),
                "sector": self.label("SECTORS", m.sector),
                "organisation": m.organisation,
            }
            for m in related_objects(self.context.invitees)
            if check("View", m)
        ]

    def sector_choices(self):
        """The sectors staff may invite whole, while invitations can still change."""
        if self.review_state() not in (
            "draft",
            "scheduled",
        ) or not api.user.has_permission("Modify portal content", obj=self.context):
            return []
        return [(STANDING, translate(STANDING_TITLE, context=self.request))] + [
            (value, self.label("SECTORS", value)) for value, _t in v.SECTORS
        ]

    def guests(self):
        """Guests with their organisation and e-mail, for staff only (privacy.py)."""
        if not may_see_member_data(self.context):
            return []
        return [parse_guest(line) for line in self.context.guests or ()]

    def agenda(self):
        return [
            line for line in (self.context.agenda or "").splitlines() if line.strip()
        ]

    def suggestions(self):
        catalog = api.portal.get_tool("portal_catalog")
        return [
            {
                "url": b.getURL(),
                "title": b.Title,
                "proposers": "、".join(b.proposer_names or ()),
                "lead_unit": b.lead_unit or "",
                "state": self.state("Suggestion", b.review_state),
                "state_id": b.review_state,
            }
            for b in catalog(
                portal_type="Suggestion", path=self.path_query(), sort_on="created"
            )
        ]


class SuggestionView(_Base, HandlingPanel):
    def proposers(self):
        names = [m.title for m in related_objects(self.context.proposers)]
        if self.context.proposer_other:
            names.append(self.context.proposer_other)
        return "、".join(names)

    def details(self):
        """(label, text, links) rows: units link to their pages where the user may
        open them, dates read as the committee writes them."""
        c = self.context
        merged = getattr(c.merged_into, "to_object", None)
        unit_pages = units.pages_for([c.lead_unit, *(c.assisting_units or ())])
        day = self.date
        rows = [
            (_("Proposers"), self.proposers()),
            (_("Lead unit"), [c.lead_unit] if c.lead_unit else []),
            (_("Assisting units"), list(c.assisting_units or ())),
            (_("Answer deadline"), day(c.deadline)),
            (_("Leader's instruction"), c.instruction),
            (_("Answer"), c.answer),
            (_("Answer date"), day(c.answer_date)),
            (
                _("Round of handling"),
                str(c.handling_round) if c.handling_round > 1 else "",
            ),
            (_("Adoption"), self.label("ADOPTION_DEGREES", c.adoption_degree)),
            (_("Adopted by"), c.adopting_body),
            (_("Implementation"), c.implementation),
            (_("Implemented on"), day(c.implementation_date)),
            (_("Reason for not adopting"), c.decline_reason),
            (_("Merged into"), merged.Title() if merged is not None else ""),
        ]
        if not evaluation.ratings(c):
            # an evaluation with no rating per member (imported): the section below
            # lists each proposer's otherwise, and the page said it twice
            rows[-1:-1] = [
                (_("Proposers' evaluation"), self.label("EVALUATIONS", c.evaluation)),
                (_("Evaluation comment"), c.evaluation_comment),
            ]
        return [
            (
                (name, "", [(one, unit_pages.get(one)) for one in value])
                if isinstance(value, list)
                else (name, value, [])
            )
            for name, value in rows
            if value
        ]

    def answer_letter(self):
        letter = self.context.answer_letter
        if not letter:
            return None
        return {
            "url": f"{self.context.absolute_url()}/@@download/answer_letter",
            "name": letter.filename,
        }

    def history(self):
        """The handling timeline, newest first: every step for those who follow the
        handling, the public steps for everybody else (tracking/history.py)."""
        wftool = api.portal.get_tool("portal_workflow")
        full = history.may_read_full_history(self.context)
        return [
            dict(
                entry,
                step=translate(
                    (
                        wftool.getTitleForTransitionOnType(
                            entry["transition"], "Suggestion"
                        )
                        if entry["transition"]
                        else "Create"
                    ),
                    domain="plone",
                    context=self.request,
                ),
                state=self.state("Suggestion", entry["state"]),
            )
            for entry in history.timeline(self.context, full)
        ]


class DirectoryView(FilteredList, _Base):
    list_filters = (
        Filter("sector", _("Sector"), "sector", v.SECTORS),
        Filter(
            "standing",
            _("Member of the standing committee"),
            "standing_committee",
            YES,
            convert=lambda text: True,
        ),
    )

    def can_export(self):
        return api.user.has_permission(VIEW_REPORTS, obj=api.portal.get())

    def can_make_logins(self):
        return api.user.has_permission(MANAGE_MEMBER_ACCOUNTS, obj=self.context)

    def can_keep_rules(self):
        return api.user.has_permission(MANAGE_DUTY_RULES, obj=api.portal.get())

    def portal_url(self):
        return api.portal.get().absolute_url()

    def duty_export_url(self):
        year = duty.default_year()
        query = f"&year={year}" if year else ""
        return f"{api_url(api.portal.get(), '@duty-records')}?format=xlsx{query}"

    def __call__(self):
        if self.wants_export():
            return self.export(
                _("Members"),
                (
                    _("Name"),
                    _("Sector"),
                    _("Organisation and position"),
                    _("Member of the standing committee"),
                    _("E-mail"),
                ),
                [
                    [
                        m["title"],
                        m["sector"],
                        m["organisation"],
                        m["standing"],
                        m["email"],
                    ]
                    for m in self.members()
                ],
                "members.xlsx",
            )
        return super().__call__()

    def members(self):
        catalog = api.portal.get_tool("portal_catalog")
        yes = translate(_("Yes"), context=self.request)
        return [
            {
                "url": b.getURL(),
                "title": b.Title,
                "sector": self.label("SECTORS", b.sector),
                # the description reads "界别 · 单位及职务" (content/member.py)
                "organisation": (b.Description or "").split(" · ")[-1],
                "standing": yes if b.standing_committee else "",
                "email": b.member_email,
            }
            for b in catalog(
                portal_type="CommitteeMember",
                path=self.path_query(),
                sort_on="sortable_title",
                **self.filter_query(),
            )
        ]


class MemberView(_Base, DutyRecordPanel):
    def feed(self):
        """The personal calendar link, for the member and for staff only."""
        if not may_manage_feed(self.context):
            return None
        url = personal_feed_url(self.context)
        return (
            {"url": url, "webcal": webcal(url)}
            if url
            else {"url": None, "webcal": None}
        )

    def details(self):
        c = self.context
        rows = [
            (_("Sector"), self.label("SECTORS", c.sector)),
            (_("Party"), self.label("PARTIES", c.party)),
            (_("Organisation and position"), c.organisation),
            (_("E-mail"), c.email),
            (_("Phone"), c.phone),
            (_("Site user"), c.userid),
        ]
        return [(name, value) for name, value in rows if value]


class SpeechView(_Base, SpeechPage):
    """A speech: its text, speakers and place in the order, and its buttons."""
