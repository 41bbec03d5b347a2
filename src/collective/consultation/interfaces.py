from collective.consultation import _
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
        description=_("Shown as the sender of invitations and the organiser in calendars."),
        required=False,
        default="咸宁市政协办公室",
    )
