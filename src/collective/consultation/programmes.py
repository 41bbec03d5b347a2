"""The year's programmes (年度协商计划): which exist, starting the next one, and the rule
that a consultation belongs to the programme of the year it is held in. Reports count a
consultation in the year of its start (catalog.consultation_year_of): one filed in last
year's programme (a January meeting added in December) is planned there but reported in
its own year, so its page warns the staff where it belongs. A warning, not a refusal: a
meeting put off into January stays where the office planned it."""

from collective.consultation import _
from collective.consultation import naming
from collective.consultation.dates import site_timezone
from collective.consultation.dates import this_year
from collective.consultation.language import site_language
from plone import api
from zope.i18n import translate


def programme_of(year):
    """The catalog brain of ``year``'s programme, or None (whoever may see it)."""
    brains = api.portal.get_tool("portal_catalog").unrestrictedSearchResults(
        portal_type="ConsultationProgramme", consultation_year=int(year)
    )
    return brains[0] if brains else None


def year_to_start():
    """The programme staff may start next: this year's while it has none, else the
    next year's (planned in the autumn before), else None."""
    for year in (this_year(), this_year() + 1):
        if programme_of(year) is None:
            return year
    return None


def title(year, request=None):
    """2027年度协商计划: in the request's language for a page, the site's for content."""
    message = _(
        "programme_title",
        default="${year} consultation programme",
        mapping={"year": year},
    )
    if request is not None:
        return translate(message, context=request)
    return translate(message, target_language=site_language())


def start(year):
    """Creates ``year``'s programme (private until the office publishes it), named as the
    demo's is: /2027, 2027年度协商计划."""
    portal = api.portal.get()
    name = title(year)
    if str(year) not in portal.objectIds():
        return api.content.create(
            container=portal,
            type="ConsultationProgramme",
            id=str(year),
            title=name,
            year=year,
        )
    return naming.create(portal, "ConsultationProgramme", name, year=year)


def year_problem(programme, start_time):
    """Why a consultation starting at ``start_time`` is out of place in ``programme``,
    or None."""
    year = getattr(programme, "year", None)
    if year is None or start_time is None:
        return None
    if start_time.tzinfo is not None:
        start_time = start_time.astimezone(site_timezone())
    if start_time.year == year:
        return None
    return _(
        "consultation_outside_programme",
        default="It is held in ${held} but filed in the ${year} programme: the "
        "year's figures count it in ${held}. Unless it was put off from ${year}, "
        "add it to the ${held} programme (the workbench starts one).",
        mapping={"held": start_time.year, "year": year},
    )
