"""Speeches (协商发言): the deadline for submitting them, the checks on each step, the
speaking order staff arrange, telling speakers their place, which speeches were
delivered, and turning a speech into a suggestion.

A speech's states: ``draft`` (its speakers' and staff's), ``submitted`` (waiting for
staff), ``accepted`` (arranged: seen by whoever sees the consultation), ``declined``.
Delivered is not a state but a fact read from the consultation: an arranged speech of a
consultation that was held, whose speaker was not marked absent or on leave."""

from collective.consultation import _
from collective.consultation import naming
from collective.consultation.content.consultation import contained
from collective.consultation.content.speech import ISpeech
from collective.consultation.content.speech import speaker_of
from collective.consultation.content.speech import speakers_of
from collective.consultation.dates import readable
from collective.consultation.dates import site_timezone
from collective.consultation.mailing import queue
from collective.consultation.mailing import site_language
from collective.consultation.mailing import t
from collective.consultation.mailing import text_message
from collective.consultation.meeting import HELD_STATES
from collective.consultation.meeting.attendance import statuses
from collective.consultation.relations import is_invited
from collective.consultation.relations import member_of_user
from collective.consultation.tracking.notices import is_quiet
from collective.consultation.tracking.steps import StepError
from datetime import datetime
from datetime import timezone
from plone import api
from plone.uuid.interfaces import IUUID
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.event import notify
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent

# the speaker's attendance marks that rule delivery out
NOT_SPOKEN = ("absent", "leave")
OPEN_FOR_SPEECHES = ("scheduled",)  # members submit while the consultation is ahead


def consultation_of(speech):
    return speech.aq_parent


def deadline_of(consultation):
    """When speeches are due: the consultation's own deadline (read in the site's zone
    when it carries none), or its start."""
    deadline = getattr(consultation, "speech_deadline", None)
    if deadline is None:
        return consultation.start
    if deadline.tzinfo is None:
        deadline = site_timezone().localize(deadline)
    return deadline


def is_open(consultation, now=None):
    """Whether members may still submit speeches."""
    now = now or datetime.now(timezone.utc)
    deadline = deadline_of(consultation)
    return (
        api.content.get_state(consultation, None) in OPEN_FOR_SPEECHES
        and deadline is not None
        and now <= deadline
    )


def is_delivered(speech_state, consultation_state, speaker_mark):
    """The one rule for "delivered" (已发言)."""
    return (
        speech_state == "accepted"
        and consultation_state in HELD_STATES
        and speaker_mark not in NOT_SPOKEN
    )


# --- checks before each step ----------------------------------------------------------


def problems(speech, transition, comment="", now=None):
    """{field: message} for what keeps ``transition`` from happening now."""
    consultation = consultation_of(speech)
    errors = {}
    if transition in ("submit", "retract"):
        if not is_open(consultation, now):
            due = readable(deadline_of(consultation), site_language())
            errors["deadline"] = (
                _("speeches were due by ${due}.", mapping={"due": due})
                if due
                else _("speeches are not open.")
            )
    if transition == "submit":
        speaker = speaker_of(speech)
        if speaker is None:
            errors["speaker"] = _("required: the member who speaks.")
        elif not is_invited(consultation, speaker):
            errors["speaker"] = _("not invited to this consultation.")
    if transition == "decline" and not (comment or "").strip():
        errors["comment"] = _("a reason is required for this step.")
    if transition == "accept" and api.content.get_state(consultation) == "cancelled":
        errors["consultation"] = _("the consultation was cancelled.")
    return errors


def check_before_transition(speech, event):
    """Subscriber. ``now`` among the transition's arguments sets the time the checks
    use (the demo year records speeches submitted in 2018)."""
    if event.transition is None:
        return
    kwargs = event.kwargs or {}
    errors = problems(
        speech, event.transition.id, kwargs.get("comment"), kwargs.get("now")
    )
    if errors:
        raise StepError(event.transition.id, errors)


# --- what each user sees ----------------------------------------------------------------


def speech_brains(consultation, unrestricted=False):
    return contained(consultation, "Speech", "created", unrestricted)


def in_speaking_order(brains):
    """Arranged speeches by their place (unplaced ones last, oldest first), then the
    others."""
    arranged = [b for b in brains if b.review_state == "accepted"]
    arranged.sort(key=lambda b: b.speaking_position or 10_000)
    return arranged + [b for b in brains if b.review_state != "accepted"]


def rows(consultation, unrestricted=False):
    """The speeches this user may see, in speaking order, as plain rows."""
    consultation_state = api.content.get_state(consultation, None)
    marks = statuses(consultation)
    out = []
    for brain in in_speaking_order(speech_brains(consultation, unrestricted)):
        speaker = (brain.proposers or [None])[0]
        out.append(
            {
                "uid": brain.UID,
                "url": brain.getURL(),
                "title": brain.Title,
                "speakers": list(brain.proposer_names or ()),
                "speaker_uid": speaker,
                "state": brain.review_state,
                "position": brain.speaking_position,
                "minutes": brain.speaking_minutes,
                "responding_units": list(brain.responding_units or ()),
                "delivered": is_delivered(
                    brain.review_state, consultation_state, marks.get(speaker)
                ),
            }
        )
    return out


# --- arranging ----------------------------------------------------------------------------


def arrange(consultation, order, minutes=None, responding_units=None):
    """Set the speaking order (UIDs of every arranged speech, first speaker first), the
    minutes of each and the units that respond. Everything is checked before anything is
    written; StepError names the field. Returns the speeches whose place or minutes
    changed, so that their speakers are told."""
    minutes = minutes or {}
    responding_units = responding_units or {}
    arranged = {
        b.UID: b
        for b in speech_brains(consultation, unrestricted=True)
        if b.review_state == "accepted"
    }
    errors = {}
    if not isinstance(order, list) or not all(isinstance(u, str) for u in order):
        raise StepError("arrange", {"order": _("must be a list of speech UIDs.")})
    unknown = [uid for uid in order if uid not in arranged]
    if unknown:
        errors["order"] = _(
            "not an arranged speech of this consultation: ${uids}.",
            mapping={"uids": ", ".join(unknown)},
        )
    elif len(set(order)) != len(order):
        errors["order"] = _("a speech is listed twice.")
    elif set(order) != set(arranged):
        missing = [arranged[uid].Title for uid in arranged if uid not in order]
        errors["order"] = _(
            "every arranged speech must be placed; missing: ${titles}.",
            mapping={"titles": "、".join(missing)},
        )
    for name, given in (("minutes", minutes), ("responding_units", responding_units)):
        field = ISpeech["speaking_minutes" if name == "minutes" else name]
        for uid, value in given.items():
            if uid not in arranged:
                errors[name] = _(
                    "not an arranged speech of this consultation: ${uids}.",
                    mapping={"uids": uid},
                )
                continue
            problem = _field_problem(field, value)
            if problem:
                errors[name] = problem
    if errors:
        raise StepError("arrange", errors)
    changed = []
    for position, uid in enumerate(order, 1):
        speech = arranged[uid]._unrestrictedGetObject()
        before = _arrangement(speech)
        speech.speaking_position = position
        if uid in minutes:
            speech.speaking_minutes = minutes[uid]
        if uid in responding_units:
            speech.responding_units = [u.strip() for u in responding_units[uid]]
        after = _arrangement(speech)
        if after != before:
            speech.reindexObject()
        if after[:2] != before[:2]:  # the speaker is told a new place or time
            changed.append(speech)
    return changed


def _arrangement(speech):
    """(place, minutes, responding units) as they stand."""
    return (
        speech.speaking_position,
        speech.speaking_minutes,
        list(speech.responding_units or ()),
    )


def _field_problem(field, value):
    """Why ``value`` does not fit the speech's field (its type, range and constraint),
    or None; the rule is the schema's, as forms and the REST API apply it."""
    if value is None:
        return None
    if isinstance(value, bool):
        return _("must be a whole number.")
    try:
        field.validate(value)
    except Exception as exc:  # zope.schema's ValidationError and constraint errors
        return exc.doc() if hasattr(exc, "doc") else str(exc)
    return None


def place_new_speech(speech):
    """An accepted speech goes to the end of the order."""
    if speech.speaking_position:
        return
    taken = [
        b.speaking_position or 0
        for b in speech_brains(consultation_of(speech), unrestricted=True)
        if b.review_state == "accepted" and b.UID != IUUID(speech)
    ]
    speech.speaking_position = max(taken, default=0) + 1


# --- telling the speakers -----------------------------------------------------------------


def _mail_speakers(speech, subject, paragraphs, purpose):
    language = site_language()
    told = 0
    for member in speakers_of(speech):
        if not member.email:
            continue
        lines = [("p", t(_("Dear ${name},"), language, name=member.title))]
        lines += [("p", t(text, language, **mapping)) for text, mapping in paragraphs]
        lines.append(("a", (t(_("See the speech"), language), speech.absolute_url())))
        message = text_message(
            t(subject, language, title=speech.Title()),
            (member.title, member.email),
            lines,
        )
        queue(message, purpose)
        told += 1
    return told


def notify_arranged(speeches):
    """Mail each speaker their place and time (after commit, through the outbox)."""
    told = 0
    for speech in speeches:
        consultation = consultation_of(speech)
        language = site_language()
        paragraphs = [
            (
                _(
                    "Your speech “${title}” at “${consultation}” (${when}) is number "
                    "${position} in the speaking order."
                ),
                dict(
                    title=speech.Title(),
                    consultation=consultation.Title(),
                    when="，".join(
                        part
                        for part in (
                            readable(consultation.start, language),
                            getattr(consultation, "location", "") or "",
                        )
                        if part
                    ),
                    position=speech.speaking_position,
                ),
            )
        ]
        if speech.speaking_minutes:
            paragraphs.append(
                (
                    _("You have ${minutes} minutes to speak."),
                    dict(minutes=speech.speaking_minutes),
                )
            )
        if speech.responding_units:
            paragraphs.append(
                (
                    _("${units} will respond after your speech."),
                    dict(units="、".join(speech.responding_units)),
                )
            )
        told += _mail_speakers(
            speech, _("Your speech is arranged: ${title}"), paragraphs, "speech"
        )
    return told


def notify_declined(speech, reason):
    return _mail_speakers(
        speech,
        _("Your speech was not arranged: ${title}"),
        [
            (
                _("Your speech “${title}” will not be given at “${consultation}”."),
                dict(
                    title=speech.Title(), consultation=consultation_of(speech).Title()
                ),
            ),
            (_("Reason: ${reason}"), dict(reason=reason)),
        ],
        "speech",
    )


# --- a speech becomes a suggestion ------------------------------------------------------------


def to_suggestion(speech):
    """A suggestion in the speech's consultation with its title and text, proposed by
    the speaker and the co-speakers, and submitted. Once per speech."""
    existing = getattr(speech, "suggestion_uid", None)
    if existing and api.content.get(UID=existing) is not None:
        raise StepError(
            "to_suggestion", {"suggestion": _("this speech is already a suggestion.")}
        )
    if api.content.get_state(speech) != "accepted":
        raise StepError(
            "to_suggestion",
            {"state": _("only an arranged speech becomes a suggestion.")},
        )
    intids = getUtility(IIntIds)
    suggestion = naming.create(
        consultation_of(speech),
        "Suggestion",
        speech.Title(),
        text=speech.text,
        proposers=[RelationValue(intids.getId(m)) for m in speakers_of(speech)],
    )
    api.content.transition(
        suggestion, transition="submit", comment=f"由协商发言《{speech.Title()}》转来。"
    )
    speech.suggestion_uid = IUUID(suggestion)
    return suggestion


# --- subscribers --------------------------------------------------------------------------------


def speech_added(speech, event):
    """The member who writes a speech is its speaker, unless staff named another."""
    if speech.speaker is not None:
        return
    member = member_of_user(api.user.get_current().getId())
    if member is not None:
        speech.speaker = RelationValue(getUtility(IIntIds).getId(member))
        # The relation catalog only learns of relations through events.
        notify(ObjectModifiedEvent(speech))


def after_transition(speech, event):
    if event.transition is None:
        return
    if event.transition.id == "accept":
        place_new_speech(speech)
        speech.reindexObject()
    if event.transition.id == "decline" and not is_quiet():
        notify_declined(speech, (event.kwargs or {}).get("comment", ""))
