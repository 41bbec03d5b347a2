from collective.consultation import _
from collective.consultation.validation import check_terms
from plone import api
from plone.schema.email import _isemail
from plone.schema.email import InvalidEmail
from zope import schema
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


def _check_email(value):
    if value and not _isemail(value):
        raise InvalidEmail(value)
    return True


class IBrowserLayer(IDefaultBrowserLayer):
    """Marker for requests on a site where collective.consultation is installed."""


class IFromConsultation(Interface):
    """Content a consultation produced (suggestions, speeches): indexed with its
    consultation's year, title, date and UID."""


class IWholeNumberIndex(Interface):
    """Marks a catalog index whose values are whole numbers (the year): REST queries
    turn the text of a query string into a number for it (services/query.py)."""


# The indexes that hold whole numbers (setuphandlers.py marks them).
WHOLE_NUMBER_INDEXES = ("consultation_year",)


class IConsultationSettings(Interface):
    """The committee's settings (control panel 协商议政设置), stored in the registry with
    the prefix ``collective.consultation``."""

    organizer_email = schema.TextLine(
        title=_("Committee mailbox"),
        description=_(
            "Invitations are sent from this address and calendars name it as organiser."
        ),
        required=False,
        default="zhengxie@example.org",
        constraint=_check_email,
    )
    organizer_name = schema.TextLine(
        title=_("Committee name"),
        description=_(
            "Shown as the sender of invitations and the organiser in calendars."
        ),
        required=False,
        default="咸宁市政协办公室",
    )
    answer_months = schema.Int(
        title=_("Answer period (months)"),
        description=_(
            "The default deadline for a unit's answer, counted from the referral."
        ),
        required=True,
        default=3,
        min=1,
        max=24,
    )
    secretariat_email = schema.TextLine(
        title=_("Secretariat mailbox"),
        description=_("The daily digest of overdue suggestions is sent here."),
        required=False,
        default="tiwei@example.org",
        constraint=_check_email,
    )
    mail_retry_hours = schema.Int(
        title=_("Retry mail for (hours)"),
        description=_(
            "A message the mail server does not take yet is tried again, less and less "
            "often, for this long before it is marked as failed."
        ),
        required=True,
        default=48,
        min=24,
        max=24 * 14,
    )
    checkin_opens_minutes = schema.Int(
        title=_("Check-in opens (minutes before the start)"),
        description=_(
            "Members can check in with the consultation's QR code from this long "
            "before its start until its end."
        ),
        required=True,
        default=60,
        min=0,
        max=24 * 60,
    )
    late_after_minutes = schema.Int(
        title=_("Late after (minutes past the start)"),
        description=_(
            "A check-in later than this after the start is recorded as late."
        ),
        required=True,
        default=15,
        min=0,
        max=24 * 60,
    )
    show_own_rank = schema.Bool(
        title=_("Members see their own rank"),
        description=_(
            "Each member sees their place in the duty ranking beside their score; the "
            "ranking itself stays the secretariat's."
        ),
        required=False,
        default=False,
    )
    terms = schema.List(
        title=_("Terms of the committee"),
        description=_(
            "One term per line: number | title | first year | last year. Duty "
            "scores and dossiers are given per year or per term."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=["5 | 第五届 | 2017 | 2021"],
        constraint=check_terms,
    )


def setting(name):
    """One of the committee's settings, or its default where the record is missing
    (a site installed before the record existed)."""
    default = IConsultationSettings[name].default
    return api.portal.get_registry_record(
        f"collective.consultation.{name}", default=default
    )
