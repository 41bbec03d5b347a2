"""Meeting materials (会议材料): who may read each one, who has read it, and telling the
invitees that one was added.

A material is for the consultation's invitees and staff, or for everybody once the
consultation has been held; its workflow state follows that choice and the consultation's
state (there are no transitions to take by hand). Reads are counted per member when the
material is opened through its ``@@read`` link."""

from collective.consultation import _
from collective.consultation.content.consultation import contained
from collective.consultation.mailing import queue
from collective.consultation.mailing import site_language
from collective.consultation.mailing import t
from collective.consultation.mailing import text_message
from collective.consultation.meeting import HELD_STATES
from collective.consultation.relations import related_objects
from datetime import datetime
from datetime import timezone
from DateTime import DateTime
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations

WORKFLOW = "material_workflow"
NOTIFY_STATES = ("scheduled",)  # invitees are told of a material added before the day
READS_KEY = "collective.consultation.material_reads"


def consultation_of(material):
    return material.aq_parent


def wanted_state(material):
    consultation_state = api.content.get_state(consultation_of(material), None)
    if material.audience == "public" and consultation_state in HELD_STATES:
        return "public"
    return "internal"


def sync_visibility(material):
    """Put the material in the state its audience and the consultation call for."""
    wftool = api.portal.get_tool("portal_workflow")
    want = wanted_state(material)
    if wftool.getInfoFor(material, "review_state", None) == want:
        return
    wftool.setStatusOf(
        WORKFLOW,
        material,
        {
            "action": None,
            "review_state": want,
            "actor": api.user.get_current().getId(),
            "comments": "",
            "time": DateTime(),
        },
    )
    wftool.getWorkflowById(WORKFLOW).updateRoleMappingsFor(material)
    material.reindexObject()
    material.reindexObjectSecurity()


def materials_in(consultation, unrestricted=False):
    """Catalog brains of the consultation's materials (those the user may read), in the
    order staff arranged them."""
    return contained(
        consultation, "MeetingMaterial", "getObjPositionInParent", unrestricted
    )


def listing(consultation, with_readers=False):
    """The materials this user may read, as plain rows: title, kind (value), public,
    url, read_url (counts the read); with ``with_readers`` how many members have
    opened each and their names (for staff)."""
    rows = []
    for brain in materials_in(consultation):
        row = {
            "title": brain.Title,
            "kind": brain.material_kind,
            "public": brain.review_state == "public",
            "url": brain.getURL(),
            "read_url": f"{brain.getURL()}/@@read",
        }
        if with_readers:
            who = reads(brain._unrestrictedGetObject())
            row["readers"] = len(who)
            row["read_by"] = member_names(who)
        rows.append(row)
    return rows


def member_names(uids):
    """The members' names, in the directory's order."""
    if not uids:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    return [
        b.Title
        for b in catalog.unrestrictedSearchResults(
            UID=list(uids), portal_type="CommitteeMember", sort_on="sortable_title"
        )
    ]


def record_read(material, member_uid, now=None):
    """Count that ``member_uid`` opened the material: first and last time, how often."""
    annotations = IAnnotations(material)
    reads = annotations.get(READS_KEY)
    if reads is None:
        reads = annotations[READS_KEY] = PersistentMapping()
    stamp = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    entry = reads.get(member_uid)
    if entry is None:
        reads[member_uid] = PersistentMapping(first=stamp, last=stamp, count=1)
    else:
        entry["last"] = stamp
        entry["count"] += 1
    return reads


def reads(material):
    """{member UID: {first, last, count}}."""
    return {
        uid: dict(entry)
        for uid, entry in IAnnotations(material).get(READS_KEY, {}).items()
    }


def notify_invitees(material):
    """Mail each invitee a link to the new material (never the file). Returns how many
    were told."""
    consultation = consultation_of(material)
    if api.content.get_state(consultation, None) not in NOTIFY_STATES:
        return 0
    language = site_language()
    link = f"{consultation.absolute_url()}#materials"
    told = 0
    for member in related_objects(consultation.invitees):
        if not member.email:
            continue
        lines = [
            ("p", t(_("Dear ${name},"), language, name=member.title)),
            (
                "p",
                t(
                    _("A material was added to “${consultation}”: ${title}."),
                    language,
                    consultation=consultation.Title(),
                    title=material.Title(),
                ),
            ),
            ("a", (t(_("Read it on the consultation's page"), language), link)),
        ]
        message = text_message(
            t(_("New meeting material: ${title}"), language, title=material.Title()),
            (member.title, member.email),
            lines,
        )
        queue(message, "material")
        told += 1
    return told


# --- subscribers -----------------------------------------------------------------------


def material_added(material, event):
    sync_visibility(material)
    if material.notify_invitees:
        notify_invitees(material)
        material.notify_invitees = False  # told once; editing it later tells nobody


def material_modified(material, event):
    sync_visibility(material)


def consultation_transitioned(consultation, event):
    for brain in materials_in(consultation, unrestricted=True):
        sync_visibility(brain._unrestrictedGetObject())
