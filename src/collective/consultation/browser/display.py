"""Small helpers the views share to show stored ids as translated labels."""

from collective.consultation import _
from collective.consultation import vocabularies
from collective.consultation import workflows
from collective.consultation.dates import shown
from zope.i18n import translate

DELIVERY_LABELS = {
    "queued": _("queued"),
    "sent": _("delivered"),
    "retrying": _("retrying"),
    "failed": _("failed"),
}


def label(pairs, value, request):
    if not value:
        return ""
    return translate(vocabularies.title_of(pairs, value), context=request)


def state_title(portal_type, state, request):
    return workflows.state_title(portal_type, state, context=request)


def delivery_label(status, request, delivered=None, attempts=0):
    """How a message's delivery stands, in the site's language and time zone:
    "delivered 2018-06-20 09:01", "retrying (3 attempts)", "failed", "queued"."""
    if not status:
        return ""
    text = translate(DELIVERY_LABELS[status], context=request)
    if status == "sent" and delivered:
        text += " " + shown(delivered)
    elif status == "retrying":
        text += " " + translate(
            _("(${count} attempts)", mapping={"count": attempts}), context=request
        )
    return text
