"""The year in the terms of the committee's work report: consultations by kind, how many
suggestions were made, forwarded, answered, adopted and implemented, rates by unit, and
the public-opinion items. Catalog only."""

from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation.meeting import HELD_STATES
from collective.consultation.meeting.speeches import is_delivered
from collective.consultation.officialdoc import OfficialDocument
from collective.consultation.officialdoc import TITLE_SIZE
from collective.consultation.tracking.states import ADOPTED
from collective.consultation.tracking.states import ANSWERED
from collective.consultation.tracking.states import FORWARDED
from collective.consultation.tracking.states import NOT_MADE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from plone import api
from zope.i18n import translate


def figures(year):
    catalog = api.portal.get_tool("portal_catalog")
    consultations = catalog(portal_type="Consultation", consultation_year=year)
    held = [b for b in consultations if b.review_state in HELD_STATES]
    by_kind = {}
    for brain in held:
        by_kind[brain.consultation_kind] = by_kind.get(brain.consultation_kind, 0) + 1
    suggestions = catalog(portal_type="Suggestion", consultation_year=year)
    made = [b for b in suggestions if b.review_state not in NOT_MADE]
    units = {}
    for brain in made:
        if brain.lead_unit:
            counts = units.setdefault(brain.lead_unit, {"total": 0, "adopted": 0})
            counts["total"] += 1
            counts["adopted"] += brain.review_state in ADOPTED
    opinion = [b for b in made if b.public_opinion]
    speeches = delivered_speeches(catalog, year, held)
    return {
        "year": year,
        "consultations": len(held),
        "by_kind": by_kind,
        "suggestions": len([b for b in made if not b.public_opinion]),
        "forwarded": sum(b.review_state in FORWARDED for b in made),
        "answered": sum(b.review_state in ANSWERED for b in made),
        "adopted": sum(b.review_state in ADOPTED for b in made),
        "implemented": sum(b.review_state == "implemented" for b in made),
        "units": units,
        "public_opinion": len(opinion),
        "public_opinion_adopted": [
            b.Title for b in opinion if b.review_state in ADOPTED
        ],
        "total": len(made),
        "speeches": len(speeches),
        "speakers": len({b.proposers[0] for b in speeches if b.proposers}),
    }


def delivered_speeches(catalog, year, held):
    """The speeches (协商发言) delivered at the year's held consultations."""
    by_uid = {b.UID: b for b in held}
    delivered = []
    for brain in catalog(
        portal_type="Speech", consultation_year=year, review_state="accepted"
    ):
        consultation = by_uid.get(brain.consultation_uid)
        if consultation is None:
            continue
        speaker = (brain.proposers or [None])[0]
        marks = consultation.attendance_marks or {}
        if is_delivered(
            brain.review_state, consultation.review_state, marks.get(speaker)
        ):
            delivered.append(brain)
    return delivered


TEXT = {
    "title": _("annual_title", default="Consultation work of ${year}"),
    "activities": _(
        "annual_activities",
        default="In ${year} the committee held ${count} consultation activities: ${kinds}.",
    ),
    "suggestions": _(
        "annual_suggestions",
        default="They produced ${count} suggestions; ${forwarded} were forwarded to the units "
        "concerned, ${answered} answered, ${adopted} adopted and ${implemented} implemented "
        "(adoption rate ${rate}).",
    ),
    "speeches": _(
        "annual_speeches",
        default="Members delivered ${count} speeches at them (${speakers} speakers).",
    ),
    "units": _("Adoption by unit"),
    "unit": _("Lead unit"),
    "total": _("Suggestions"),
    "adopted": _("Adopted"),
    "rate": _("Adoption rate"),
    "opinion": _(
        "annual_opinion",
        default="${count} items of public-opinion information were reported; ${adopted} were adopted:",
    ),
}


def annual_docx(data, language):
    def t(key, **mapping):
        message = TEXT[key]
        return translate(
            message.__class__(message, mapping=mapping), target_language=language
        )

    zh = language.lower().startswith("zh")
    sep = "、" if zh else ", "
    kinds = sep.join(
        f"{translate(vocabularies.title_of(vocabularies.KINDS, kind), target_language=language)}"
        f"{' ' if not zh else ''}{count}{'次' if zh else ''}"
        for kind, count in sorted(data["by_kind"].items(), key=lambda item: -item[1])
    )
    made = data["total"]
    rate = f"{data['adopted'] / made:.1%}" if made else "0%"
    writer = OfficialDocument(language)
    writer.paragraph(
        t("title", year=data["year"]),
        face="title",
        size=TITLE_SIZE,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    writer.paragraph(
        t(
            "activities",
            year=data["year"],
            count=data["consultations"],
            kinds=kinds or "—",
        )
    )
    if data.get("speeches"):
        writer.paragraph(
            t("speeches", count=data["speeches"], speakers=data["speakers"])
        )
    writer.paragraph(
        t(
            "suggestions",
            count=data["suggestions"],
            forwarded=data["forwarded"],
            answered=data["answered"],
            adopted=data["adopted"],
            implemented=data["implemented"],
            rate=rate,
        )
    )
    writer.heading(0, t("units"))
    writer.table(
        [t(key) for key in ("unit", "total", "adopted", "rate")],
        [
            (
                unit,
                counts["total"],
                counts["adopted"],
                f"{counts['adopted'] / counts['total']:.0%}",
            )
            for unit, counts in sorted(
                data["units"].items(), key=lambda item: -item[1]["total"]
            )
        ],
    )
    writer.heading(
        1, translate(_("Public-opinion information"), target_language=language)
    )
    writer.paragraph(
        t(
            "opinion",
            count=data["public_opinion"],
            adopted=len(data["public_opinion_adopted"]),
        )
    )
    for title in data["public_opinion_adopted"]:
        writer.paragraph(title)
    return writer.to_bytes()
