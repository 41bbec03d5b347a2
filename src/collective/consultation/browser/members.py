"""Members' pages: the attendance grid on a consultation, the duty record on a member's
page, "my duties" for a member who logs in, and the sectors (界别)."""

from AccessControl import Unauthorized
from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.browser.calendar import api_url
from collective.consultation.browser.calendar import personal_feed_url
from collective.consultation.browser.calendar import webcal
from collective.consultation.browser.display import label
from collective.consultation.browser.display import state_title
from collective.consultation.calendar.invitations import InvitationLog
from collective.consultation.calendar.rsvp import rsvp_link
from collective.consultation.dates import shown
from collective.consultation.errors import FieldError
from collective.consultation.meeting import attendance
from collective.consultation.meeting import checkin
from collective.consultation.meeting.materials import materials_in
from collective.consultation.members import duty
from collective.consultation.members import scoring
from collective.consultation.relations import member_of_user
from collective.consultation.validation import parse_year
from DateTime import DateTime
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest
from zope.i18n import translate

STATUS_LABELS = dict(vocabularies.ATTENDANCE_STATUSES)
RSVP_LABELS = dict(vocabularies.RSVP_ANSWERS)


class _YearMixin:
    def year(self):
        if not hasattr(self, "_year"):
            value = self.request.form.get("year")
            if value:
                try:
                    self._year = parse_year(value)
                except FieldError as exc:
                    raise BadRequest(exc.text(self.request))
            else:
                self._year = duty.default_year()
        return self._year

    def years(self):
        return duty.years()

    def rate(self, record):
        return (
            "–"
            if record.attendance_rate is None
            else f"{record.attendance_rate * 100:.1f}%"
        )


class AttendanceView(BrowserView):
    """The quick grid: one row per invitee, a choice of present, leave, absent."""

    error = None

    def statuses(self):
        return [(status, STATUS_LABELS[status]) for status in attendance.STATUSES]

    def is_open(self):
        return api.content.get_state(
            self.context
        ) in attendance.MARKABLE_STATES and attendance.has_begun(self.context)

    def lines(self):
        return [
            {
                "line": line,
                "rsvp": RSVP_LABELS.get(line.rsvp),
                "sector": label(vocabularies.SECTORS, line.sector, self.request),
            }
            for line in attendance.lines(self.context)
        ]

    def can_admit(self):
        return api.content.get_state(self.context) in checkin.OPEN_STATES

    def own_links(self):
        """{member UID: the member's own check-in link} for those not yet present, while
        check-in may happen: staff send it to a member who cannot scan the screen."""
        if not self.can_admit():
            return {}
        return {
            line.member: checkin.member_url(self.context, member)
            for line in attendance.lines(self.context)
            if line.status != "present"
            and (member := api.content.get(UID=line.member)) is not None
        }

    def not_invited(self):
        """The members who may be admitted: everyone not on the invitation list."""
        invited = set(self.context_invitees())
        catalog = api.portal.get_tool("portal_catalog")
        return [
            {
                "uid": b.UID,
                "title": b.Title,
                "sector": label(vocabularies.SECTORS, b.sector, self.request),
            }
            for b in catalog(portal_type="CommitteeMember", sort_on="sortable_title")
            if b.UID not in invited
        ]

    def context_invitees(self):
        return [line.member for line in attendance.lines(self.context)]

    def admit(self, uid):
        try:
            checkin.admit(self.context, api.content.get(UID=uid))
        except attendance.AttendanceError as exc:
            self.error = exc.text(self.request)
            return False
        api.portal.show_message(
            _("The member was admitted and marked present."), request=self.request
        )
        return True

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("admit"):
            CheckAuthenticator(self.request)
            if self.admit(self.request.form["admit"]):
                self.request.response.redirect(
                    f"{self.context.absolute_url()}/@@attendance"
                )
                return ""
            return self.index()
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            form = self.request.form
            changes = [
                (
                    line.member,
                    form[f"status.{line.member}"],
                    form.get(f"reason.{line.member}", ""),
                )
                for line in attendance.lines(self.context)
                if form.get(f"status.{line.member}")
            ]
            try:
                if changes:
                    attendance.mark(self.context, changes)
            except attendance.AttendanceError as exc:
                self.error = exc.text(self.request)
            else:
                api.portal.show_message(_("Attendance saved."), request=self.request)
                self.request.response.redirect(
                    f"{self.context.absolute_url()}/@@attendance"
                )
                return ""
        return self.index()


class DutyRecordPanel(_YearMixin, BrowserView):
    """The record on a member's page (the member and staff see it: the page is theirs)."""

    def record(self):
        return duty.record_for(self.context, self.year())

    def consultation_rows(self, record):
        return [
            {
                "url": b.getURL(),
                "title": b.Title,
                "start": shown(b.start),
                "status": STATUS_LABELS.get(status) if status else _("Not marked"),
            }
            for b, status in record.consultations
        ]

    def suggestion_rows(self, record):
        return [
            {
                "url": b.getURL(),
                "title": b.Title,
                "state": state_title("Suggestion", b.review_state, self.request),
            }
            for b in record.proposed
        ]

    def subject(self):
        """The member whose record this is."""
        return self.context

    def dossier_url(self):
        """The year's dossier (履职档案) as .docx, for the member and staff."""
        member = self.subject()
        year = self.year()
        if member is None or not year:
            return None
        return f"{api_url(member, '@duty-dossier')}?year={year}"

    def score(self, record):
        """The year's duty score (履职量化考评) with its lines, as the member checks it."""
        score = scoring.score_of(record, scoring.rules_for)
        score.minimum = scoring.rules_for(self.year()).minimum
        titles = {rule.id: rule.title for rule in scoring.RULES}
        rank = ranked = None
        if scoring.may_see_rank() and self.year():
            rank, ranked = scoring.rank_of(record.member, [self.year()])
        return {
            "total": score.total,
            "minimum": score.minimum,
            "passed": score.passed,
            "rank": rank,
            "ranked": ranked,
            "lines": [
                {
                    "rule": titles[line.rule],
                    "title": line.title,
                    "url": line.url,
                    "date": shown(line.date, with_time=False),
                    "points": f"{line.points:+d}" if line.points else "0",
                    "capped": line.capped,
                }
                for line in score.lines
            ],
        }

    def speech_rows(self, record):
        delivered = translate(_("Delivered"), context=self.request)
        return [
            {
                "url": b.getURL(),
                "title": b.Title,
                "state": (
                    delivered
                    if spoke
                    else state_title("Speech", b.review_state, self.request)
                ),
            }
            for b, spoke in record.spoken
        ]


def invitation_row(brain, consultation, uid):
    """(row, invitation record) of one consultation for the member ``uid``: what 我的履职
    lists for it, and the member's answer."""
    entry = InvitationLog(consultation).records.get(uid, {})
    row = {
        "url": brain.getURL(),
        "title": brain.Title,
        "start": shown(brain.start),
        "answer": RSVP_LABELS.get(entry.get("answer")),
    }
    return row, entry


class MyDutiesView(DutyRecordPanel):
    """我的履职: the consultations, answers, suggestions and calendar of the member who is
    logged in; nothing about anyone else."""

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see your duties.")
        return super().__call__()

    def subject(self):
        return self.member()

    def member(self):
        if not hasattr(self, "_member"):
            self._member = member_of_user(api.user.get_current().getId())
        return self._member

    def record(self):
        return duty.record_for(self.member(), self.year())

    def coming(self):
        """What comes next, whatever year the page shows: the consultations ahead that
        the member is invited to, soonest first, with their answer so far."""
        catalog = api.portal.get_tool("portal_catalog")
        uid = self.member().UID()
        rows = []
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Consultation",
            invitees=uid,
            review_state="scheduled",
            start={"query": DateTime(), "range": "min"},
            sort_on="start",
            sort_limit=5,
        )[:5]:
            consultation = brain._unrestrictedGetObject()
            row, _entry = invitation_row(brain, consultation, uid)
            # the invitation's own answer page, as the mail links to it
            row["answer_url"] = rsvp_link(consultation, uid, "accepted")
            row["materials"] = len(materials_in(consultation))
            rows.append(row)
        return rows

    def feed(self):
        url = personal_feed_url(self.member())
        return {"url": url, "webcal": webcal(url)} if url else None

    def answers(self, record):
        """My answer to each invitation, for the consultations still ahead or just held."""
        uid = self.member().UID()
        rows = []
        for brain, _status in record.consultations:
            row, entry = invitation_row(brain, brain._unrestrictedGetObject(), uid)
            row["reason"] = entry.get("reason", "")
            rows.append(row)
        return rows


class SectorsView(_YearMixin, BrowserView):
    """界别: each sector's members and how they took part in the year."""

    def sectors(self):
        records = duty.records(self.year())
        by_sector = {}
        for record in records.values():
            by_sector.setdefault(record.sector, []).append(record)
        rows = []
        for value, title in vocabularies.SECTORS:
            members = by_sector.get(value, [])
            if not members:
                continue
            total = duty.Record(member="", sector=value)
            for record in members:
                for name in (
                    "invited",
                    "present",
                    "leave",
                    "absent",
                    "suggestions",
                    "adopted",
                ):
                    setattr(total, name, getattr(total, name) + getattr(record, name))
            rows.append(
                {
                    "id": value,
                    "title": label(vocabularies.SECTORS, value, self.request),
                    "members": len(members),
                    "total": total,
                }
            )
        return rows


class SectorView(_YearMixin, BrowserView):
    def sector(self):
        value = self.request.form.get("sector")
        if value not in dict(vocabularies.SECTORS):
            raise BadRequest(f"sector: '{value}' is not a sector.")
        return value

    def title(self):
        return label(vocabularies.SECTORS, self.sector(), self.request)

    def members(self):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(
            portal_type="CommitteeMember",
            sector=self.sector(),
            sort_on="sortable_title",
        )
        records = duty.records(self.year(), brains)
        return [{"url": b.getURL(), "record": records[b.UID]} for b in brains]
