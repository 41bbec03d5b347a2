"""Approved minutes are kept: the approve_minutes transition stores the generated .docx as
a MinutesFile inside the consultation. Its workflow lets in only those who may read the
minutes (they name who attended, who was on leave and why); it is never changed
afterwards, and generating again later makes a new file and keeps the old ones."""

from collective.consultation import _
from collective.consultation.calendar.invitations import organizer
from collective.consultation.dates import shown
from collective.consultation.dates import site_timezone
from collective.consultation.mailing import site_language
from collective.consultation.minutes.data import minutes_data
from collective.consultation.minutes.document import minutes_docx
from collective.consultation.minutes.template import render_or_none
from datetime import datetime
from plone import api
from plone.namedfile.file import NamedBlobFile
from zope.container.interfaces import INameChooser
from zope.i18n import translate

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MINUTES_TYPE = "MinutesFile"


def minutes_file(consultation):
    """(filename, bytes) of the minutes as they read now."""
    data = minutes_data(consultation, organiser=organizer()[1])
    body = render_or_none(data) or minutes_docx(data, site_language())
    return f"{consultation.getId()}-minutes.docx", body


def store_snapshot(consultation):
    filename, body = minutes_file(consultation)
    now = datetime.now(site_timezone())  # the office's clock, not the server's UTC
    stamp = now.strftime("%Y%m%d-%H%M%S")
    title = translate(
        _(
            "Minutes of ${title} (approved ${stamp})",
            mapping={"title": consultation.Title(), "stamp": shown(now)},
        ),
        target_language=site_language(),
    )
    # A free id chosen here: letting plone.api rename a temporary one makes the catalog
    # complain about an object it never indexed.
    new_id = INameChooser(consultation).chooseName(f"minutes-{stamp}", consultation)
    with api.env.adopt_roles(["Manager"]):
        snapshot = api.content.create(
            container=consultation,
            type=MINUTES_TYPE,
            id=new_id,
            title=title,
            file=NamedBlobFile(data=body, contentType=DOCX, filename=filename),
        )
    return snapshot


def approved(consultation, event):
    if event.transition is not None and event.transition.id == "approve_minutes":
        store_snapshot(consultation)
