from collective.consultation import _
from collective.consultation.validation import check_guests
from collective.consultation.validation import check_units
from collective.consultation.validation import check_url
from collective.consultation.validation import kind_errors
from collective.consultation.validation import relation_targets
from collective.consultation.widgets import MemberPickerFieldWidget
from plone import api
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from z3c.form.validator import NoInputData
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


def _value(data, name, default=None):
    # z3c.form's Data raises NoInputData for a field neither in the form nor on a context.
    try:
        return getattr(data, name, default)
    except NoInputData:
        return default


class IConsultation(model.Schema):
    """A consultation activity. Time and place come from the
    plone.eventbasic and plone.eventlocation behaviours."""

    kind = schema.Choice(
        title=_("Kind of consultation"),
        vocabulary="collective.consultation.kinds",
        required=True,
        default="bimonthly",
    )
    topic = schema.TextLine(
        title=_("Topic"),
        description=_("The question the consultation deliberates."),
        required=False,
    )
    # Staff fill in the form top to bottom: what, when and where, then who organises it.
    directives.order_after(online_url="IEventLocation.location")
    directives.order_after(organising_committee="online_url")
    directives.order_after(sector="organising_committee")
    directives.order_after(counterpart_units="sector")
    online_url = schema.URI(
        title=_("Online link"),
        description=_(
            "Video conference or live stream, for online and remote consultations."
        ),
        required=False,
        constraint=check_url,
    )
    organising_committee = schema.Choice(
        title=_("Organising committee"),
        vocabulary="collective.consultation.committees",
        required=False,
    )
    sector = schema.Choice(
        title=_("Sector"),
        description=_("Required for a sectoral consultation."),
        vocabulary="collective.consultation.sectors",
        required=False,
    )
    counterpart_units = schema.List(
        title=_("Counterpart units"),
        description=_(
            "Required for a counterpart consultation: the government "
            "departments that take part, one per line."
        ),
        value_type=schema.TextLine(),
        constraint=check_units,
        required=False,
        default=[],
    )

    model.fieldset(
        "participants",
        label=_("Participants"),
        fields=["invitees", "guests"],
    )
    # Who is invited, and the guests with their e-mails, are members' personal data
    # (privacy.py): the REST API and display forms show them to staff only.
    directives.read_permission(
        invitees="collective.consultation.ViewMemberData",
        guests="collective.consultation.ViewMemberData",
    )
    invitees = RelationList(
        title=_("Invited members"),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        required=False,
        default=[],
        constraint=relation_targets("CommitteeMember"),
    )
    directives.widget(
        "invitees",
        MemberPickerFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={
            "selectableTypes": ["CommitteeMember"],
            "baseCriteria": [
                {
                    "i": "portal_type",
                    "o": "plone.app.querystring.operation.selection.any",
                    "v": ["CommitteeMember"],
                }
            ],
            "mode": "search",
        },
    )
    guests = schema.List(
        title=_("Guests"),
        description=_(
            "Guests who are not members, one per line: name | organisation | e-mail."
        ),
        value_type=schema.TextLine(),
        constraint=check_guests,
        required=False,
        default=[],
    )

    model.fieldset(
        "agenda_fieldset", label=_("Agenda"), fields=["agenda", "speech_deadline"]
    )
    agenda = schema.Text(
        title=_("Agenda"),
        description=_("One item per line."),
        required=False,
    )
    speech_deadline = schema.Datetime(
        title=_("Speeches due by"),
        description=_(
            "Invited members submit their speeches until then; left empty, until the "
            "consultation begins."
        ),
        required=False,
    )

    model.fieldset(
        "minutes",
        label=_("Minutes"),
        fields=[
            "minutes_number",
            "presided_by",
            "discussion_summary",
            "decisions",
            "minutes_closing",
        ],
    )
    minutes_number = schema.TextLine(
        title=_("Minutes number"),
        description=_("The document number of the minutes, printed under the title."),
        required=False,
    )
    presided_by = schema.TextLine(
        title=_("Presided by"),
        required=False,
    )
    discussion_summary = schema.Text(
        title=_("Summary of the discussion"),
        description=_("One paragraph per line."),
        required=False,
    )
    decisions = schema.Text(
        title=_("Decisions"),
        description=_("One decision per line."),
        required=False,
    )
    minutes_closing = schema.Text(
        title=_("Closing"),
        description=_("The closing paragraph of the minutes."),
        required=False,
    )

    @invariant
    def kind_requirements(data):
        errors = kind_errors(
            _value(data, "kind"),
            _value(data, "sector"),
            _value(data, "counterpart_units"),
        )
        if errors:
            raise Invalid(errors[0][1])


@implementer(IConsultation)
class Consultation(Container):
    """协商活动"""


def contained(consultation, portal_type, sort_on=None, unrestricted=False):
    """Catalog brains of the consultation's own items of ``portal_type`` (those the user
    may see, unless ``unrestricted``)."""
    catalog = api.portal.get_tool("portal_catalog")
    search = catalog.unrestrictedSearchResults if unrestricted else catalog
    return search(
        portal_type=portal_type,
        path={"query": "/".join(consultation.getPhysicalPath()), "depth": 1},
        **({"sort_on": sort_on} if sort_on else {}),
    )
