"""Catalog indexers: everything lists, feeds and reports need is indexed here, so
they read brains and never wake content objects. Some indexes hold members' private data;
searchguard.py (installed with them) keeps queries on those to who may read it."""

from collective.consultation.calendar import identity
from collective.consultation.calendar.feedtoken import token_hash
from collective.consultation.calendar.invitations import InvitationLog
from collective.consultation.content.consultation import IConsultation
from collective.consultation.content.material import IMeetingMaterial
from collective.consultation.content.member import ICommitteeMember
from collective.consultation.content.programme import IConsultationProgramme
from collective.consultation.content.speech import ISpeech
from collective.consultation.content.speech import speakers_of
from collective.consultation.content.suggestion import ISuggestion
from collective.consultation.dates import site_timezone
from collective.consultation.interfaces import IFromConsultation
from collective.consultation.meeting.attendance import checkins
from collective.consultation.meeting.attendance import statuses
from collective.consultation.members.terms import ANY_TERM
from collective.consultation.relations import related_objects
from collective.consultation.searchguard import (  # noqa: F401 (installs it)
    PRIVATE_INDEXES,
)
from plone.indexer import indexer
from plone.uuid.interfaces import IUUID
from pypinyin import lazy_pinyin
from pypinyin import Style
from zope.interface import Interface


def _parent(obj, iface):
    """The nearest ancestor providing ``iface`` (the object itself included)."""
    for item in getattr(obj, "aq_chain", ()):
        if iface.providedBy(item):
            return item
    return None


def consultation_year_of(consultation):
    """The year in the site's time zone: 2019-01-01 07:00 in Shanghai is a 2019 event
    although it is still 2018 in UTC."""
    start = getattr(consultation, "start", None)
    if start is not None:
        if start.tzinfo is not None:
            start = start.astimezone(site_timezone())
        return start.year
    programme = _parent(consultation, IConsultationProgramme)
    return getattr(programme, "year", None)


# --- year ---------------------------------------------------------------------------


@indexer(IConsultationProgramme)
def programme_year(obj):
    return obj.year


@indexer(IConsultation)
def consultation_year(obj):
    return consultation_year_of(obj)


@indexer(IFromConsultation)
def suggestion_year(obj):
    consultation = _parent(obj, IConsultation)
    if consultation is not None:
        return consultation_year_of(consultation)
    programme = _parent(obj, IConsultationProgramme)
    if programme is not None:
        return programme.year
    created = obj.created()
    return created.year() if created else None


# --- consultations --------------------------------------------------------------------


@indexer(IConsultation)
def consultation_kind(obj):
    return obj.kind


@indexer(ISuggestion)
def suggestion_kind(obj):
    """A suggestion carries its consultation's kind; public-opinion items have none."""
    consultation = _parent(obj, IConsultation)
    return consultation.kind if consultation is not None else None


@indexer(IConsultation)
def consultation_invitees(obj):
    return [IUUID(m) for m in related_objects(obj.invitees)]


@indexer(IConsultation)
def attendance_marks(obj):
    """{member UID: present | leave | absent} as staff marked it, for duty records."""
    return statuses(obj)


@indexer(IConsultation)
def attendance_checkins(obj):
    """{member UID: on_time | late} of the members who checked in (签到)."""
    return checkins(obj)


@indexer(IConsultation)
def consultation_units(obj):
    return [u for u in obj.counterpart_units or () if u]


@indexer(IConsultation)
def organising_committee(obj):
    return obj.organising_committee


@indexer(IConsultation)
def consultation_sector(obj):
    return obj.sector


@indexer(IConsultation)
def ical_uid(obj):
    return identity.ical_uid(obj)


@indexer(IConsultation)
def ical_sequence(obj):
    return identity.ical_sequence(obj)


@indexer(IConsultation)
def online_url(obj):
    return obj.online_url or None


@indexer(IConsultation)
def rsvp_partstats(obj):
    """{invitee key: PARTSTAT}: personal feeds show each member's own answer."""
    return InvitationLog(obj).partstats()


# --- suggestions --------------------------------------------------------------------


@indexer(IFromConsultation)
def consultation_uid(obj):
    """The consultation a suggestion came from (or its programme, for public opinion)."""
    parent = _parent(obj, IConsultation) or _parent(obj, IConsultationProgramme)
    return IUUID(parent, None)


@indexer(IFromConsultation)
def consultation_title(obj):
    parent = _parent(obj, IConsultation) or _parent(obj, IConsultationProgramme)
    return parent.Title() if parent is not None else None


@indexer(IFromConsultation)
def consultation_date(obj):
    """When the suggestion was made: its consultation's start, or the day it was filed."""
    consultation = _parent(obj, IConsultation)
    if consultation is not None and consultation.start is not None:
        return consultation.start.astimezone(site_timezone()).date()
    created = obj.created()
    return created.asdatetime().date() if created else None


@indexer(ISuggestion)
def public_opinion(obj):
    """社情民意信息: a suggestion filed in a programme rather than in a consultation."""
    return _parent(obj, IConsultation) is None


@indexer(ISuggestion)
def proposers(obj):
    return [IUUID(m) for m in related_objects(obj.proposers)]


@indexer(ISuggestion)
def proposer_names(obj):
    names = [m.title for m in related_objects(obj.proposers)]
    if obj.proposer_other:
        names.append(obj.proposer_other)
    return names


@indexer(ISuggestion)
def lead_unit(obj):
    return obj.lead_unit or None


@indexer(ISuggestion)
def assisting_units(obj):
    return [u for u in obj.assisting_units or () if u]


@indexer(ISuggestion)
def suggestion_units(obj):
    """Lead and assisting units together: "everything unit X handles"."""
    units = [obj.lead_unit] if obj.lead_unit else []
    return units + [u for u in obj.assisting_units or () if u and u not in units]


@indexer(ISuggestion)
def deadline(obj):
    return obj.deadline


@indexer(ISuggestion)
def answer_date(obj):
    return obj.answer_date


@indexer(ISuggestion)
def has_instruction(obj):
    """Whether a leader gave an instruction (批示) on it: duty scores count it. Only
    that it exists, never the text."""
    return bool((obj.instruction or "").strip())


@indexer(ISuggestion)
def adoption_degree(obj):
    return obj.adoption_degree


@indexer(ISuggestion)
def evaluation(obj):
    return obj.evaluation


@indexer(ISuggestion)
def merged_into(obj):
    target = getattr(obj.merged_into, "to_object", None)
    return IUUID(target, None) if target is not None else None


@indexer(ISuggestion)
def merged_into_title(obj):
    """The lead's title, so reports show a merged suggestion's lineage without loading it."""
    target = getattr(obj.merged_into, "to_object", None)
    return target.Title() if target is not None else None


@indexer(Interface)
def not_indexed(obj):
    """Other content has none of our values. Without this, an index named like a folder
    (``units``) would acquire that folder from the site root."""
    raise AttributeError


# --- members ------------------------------------------------------------------------


@indexer(ICommitteeMember)
def member_sector(obj):
    return obj.sector


@indexer(ICommitteeMember)
def member_terms(obj):
    """The terms served; ANY_TERM (0) when none is recorded: such a member counts in
    every term."""
    return list(getattr(obj, "terms", None) or ()) or [ANY_TERM]


@indexer(ICommitteeMember)
def member_party(obj):
    return obj.party


@indexer(ICommitteeMember)
def member_userid(obj):
    return obj.userid or None


@indexer(ICommitteeMember)
def member_searchable_text(obj):
    """A member is found by name, by the name's pinyin and its initials (游进: youjin,
    yj), by sector and by organisation."""
    name = obj.title or ""
    return " ".join(
        part
        for part in (
            name,
            "".join(lazy_pinyin(name)),
            "".join(lazy_pinyin(name, style=Style.FIRST_LETTER)),
            obj.Description(),
        )
        if part
    )


@indexer(ICommitteeMember)
def member_email(obj):
    return obj.email


@indexer(ICommitteeMember)
def feed_token_hash(obj):
    token = getattr(obj, "feed_token", None)
    return token_hash(token) if token else None


@indexer(IMeetingMaterial)
def material_kind(obj):
    return obj.kind


# --- speeches ------------------------------------------------------------------------
# A speech's speaker and co-speakers are indexed as its proposers: duty records count
# them alongside suggestions (by portal_type), and the speaker comes first.


@indexer(ISpeech)
def speech_proposers(obj):
    return [IUUID(m) for m in speakers_of(obj)]


@indexer(ISpeech)
def speech_proposer_names(obj):
    return [m.title for m in speakers_of(obj)]


@indexer(ISpeech)
def speaking_position(obj):
    return obj.speaking_position


@indexer(ISpeech)
def speaking_minutes(obj):
    return obj.speaking_minutes


@indexer(ISpeech)
def responding_units(obj):
    return [u for u in obj.responding_units or () if u]
