"""A member's duty record (履职档案) for a year, and everyone's at once for the export: the
consultations they were invited to and how they attended, the suggestions they proposed
and how far those went. Catalog brains only: invitees, attendance marks and proposers are
metadata."""

from collective.consultation.dates import this_year
from collective.consultation.meeting.attendance import STATUSES
from collective.consultation.meeting.speeches import is_delivered
from collective.consultation.tracking.states import ADOPTED
from dataclasses import dataclass
from dataclasses import field
from plone import api

COUNTED_STATES = (
    "scheduled",
    "held",
    "minuted",
)  # drafts and cancelled ones are not duties
SUBMITTED_SPEECH_STATES = ("submitted", "accepted", "declined")


@dataclass
class Record:
    member: str  # UID
    title: str = ""
    sector: str | None = None
    party: str | None = None
    invited: int = 0
    present: int = 0
    leave: int = 0
    absent: int = 0
    unmarked: int = 0  # not marked yet (or still ahead)
    checked_in: int = 0  # present by their own check-in (签到)
    late: int = 0  # of those, after the control panel's minutes
    suggestions: int = 0
    adopted: int = 0
    speeches: int = 0  # speeches (协商发言) submitted
    delivered: int = 0  # of those, delivered at a held consultation
    suggestion_states: dict = field(default_factory=dict)
    consultations: list = field(default_factory=list)  # (brain, status or None)
    proposed: list = field(default_factory=list)  # brains
    spoken: list = field(default_factory=list)  # (speech brain, delivered)

    @property
    def attendance_rate(self):
        """Present among the consultations whose attendance was marked."""
        marked = self.present + self.leave + self.absent
        return round(self.present / marked, 4) if marked else None

    def summary(self):
        return {
            "invited": self.invited,
            "present": self.present,
            "leave": self.leave,
            "absent": self.absent,
            "unmarked": self.unmarked,
            "checked_in": self.checked_in,
            "on_time": self.checked_in - self.late,
            "late": self.late,
            "attendance_rate": self.attendance_rate,
            "suggestions": self.suggestions,
            "adopted": self.adopted,
            "suggestions_by_state": dict(self.suggestion_states),
            "speeches": self.speeches,
            "speeches_delivered": self.delivered,
        }


def _year_query(year):
    """One year, or a list of years (a term's)."""
    return {"consultation_year": year} if year else {}


def all_members():
    return api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="CommitteeMember", sort_on="sortable_title"
    )


def records(year=None, members=None, ordered=True):
    """{member UID: Record} for every member (or the member brains given). Each record
    lists its consultations and suggestions in date order; without ``ordered`` in the
    catalog's own order, which reads the catalog in sequence (the ranking's way: it
    needs the counts, not the order)."""
    catalog = api.portal.get_tool("portal_catalog")
    everyone = members is None
    if members is None:
        members = all_members()
    result = {
        b.UID: Record(
            member=b.UID, title=b.Title, sector=b.sector, party=b.member_party
        )
        for b in members
    }
    # For everyone, the year's items are read whole and shared out by their metadata:
    # asking the keyword indexes for a thousand members costs more than it saves.
    wanted = None if everyone else list(result)
    consultations = catalog.unrestrictedSearchResults(
        portal_type="Consultation",
        review_state=list(COUNTED_STATES),
        **_among("invitees", wanted),
        **_year_query(year),
        **({"sort_on": "start"} if ordered else {}),
    )
    for brain in consultations:
        marks = brain.attendance_marks or {}
        checkins = brain.attendance_checkins or {}
        for uid in brain.invitees or ():
            record = result.get(uid)
            if record is None:
                continue
            status = marks.get(uid)
            record.invited += 1
            if status in STATUSES:
                setattr(record, status, getattr(record, status) + 1)
            else:
                record.unmarked += 1
            if uid in checkins:
                record.checked_in += 1
                record.late += checkins[uid] == "late"
            record.consultations.append((brain, status))
    suggestions = catalog.unrestrictedSearchResults(
        portal_type="Suggestion",
        **_among("proposers", wanted),
        **_year_query(year),
        **({"sort_on": "consultation_date"} if ordered else {}),
    )
    for brain in suggestions:
        for uid in brain.proposers or ():
            record = result.get(uid)
            if record is None:
                continue
            record.suggestions += 1
            record.adopted += brain.review_state in ADOPTED
            record.suggestion_states[brain.review_state] = (
                record.suggestion_states.get(brain.review_state, 0) + 1
            )
            record.proposed.append(brain)
    _count_speeches(
        catalog, result, {b.UID: b for b in consultations}, year, ordered, wanted
    )
    return result


def _among(index, wanted):
    """The query that keeps the items of the members ``wanted`` (None: everyone's)."""
    return {} if wanted is None else {index: wanted}


def _count_speeches(catalog, result, consultations, year, ordered, wanted):
    """Speeches submitted (a draft is not yet a duty done) and delivered, for the
    speaker and each co-speaker."""
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Speech",
        **_among("proposers", wanted),
        review_state=list(SUBMITTED_SPEECH_STATES),
        **_year_query(year),
        **({"sort_on": "created"} if ordered else {}),
    ):
        consultation = consultations.get(brain.consultation_uid)
        speaker = (brain.proposers or [None])[0]
        delivered = consultation is not None and is_delivered(
            brain.review_state,
            consultation.review_state,
            (consultation.attendance_marks or {}).get(speaker),
        )
        for uid in brain.proposers or ():
            record = result.get(uid)
            if record is None:
                continue
            record.speeches += 1
            record.delivered += delivered
            record.spoken.append((brain, delivered))


def record_for(member, year=None):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(UID=member.UID())
    return records(year, brains)[member.UID()]


def years():
    """The years with consultations, newest first."""
    catalog = api.portal.get_tool("portal_catalog")
    return sorted(
        (y for y in catalog.uniqueValuesFor("consultation_year") if y), reverse=True
    )


def default_year(known=None):
    """The year a duty page opens on: this year if it has consultations, else the
    newest past year that has (never a future year, whose record is all zeros)."""
    known = years() if known is None else known
    now = this_year()
    past = [y for y in known if y <= now]
    if past:
        return past[0]
    return known[-1] if known else None
