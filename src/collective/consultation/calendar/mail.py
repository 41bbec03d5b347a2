"""iMIP messages (RFC 6047): multipart/mixed holding multipart/alternative (text/plain,
text/html, text/calendar with its METHOD) and the same calendar as an .ics attachment.
Texts are gettext messages in the site's language."""

from collective.consultation import _
from collective.consultation.dates import local_datetime
from email import policy
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr
from email.utils import formatdate
from email.utils import make_msgid
from html import escape
from zope.i18n import translate


SUBJECTS = {
    "invitation": _("Invitation: ${title}"),
    "update": _("Changed: ${title}"),
    "cancellation": _("Cancelled: ${title}"),
}
LEADS = {
    "invitation": _("You are invited to take part in “${title}”."),
    "update": _("“${title}” has changed; the details below replace those sent before."),
    "cancellation": _("“${title}” has been cancelled."),
}


def _t(message, language, **mapping):
    from zope.i18nmessageid import Message

    return translate(Message(message, mapping=mapping), target_language=language)


def _lines(event, recipient_name, purpose, links, language):
    """The message as (kind, text) lines: 'p' paragraphs and 'a' links (text, url)."""
    lines = [("p", _t(_("Dear ${name},"), language, name=recipient_name))]
    lines.append(("p", _t(LEADS[purpose], language, title=event.summary)))
    lines.append(("p", _t(_("Time: ${start} to ${end}"), language,
                          start=local_datetime(event.start), end=local_datetime(event.end))))
    if event.location:
        lines.append(("p", _t(_("Place: ${place}"), language, place=event.location)))
    if event.online_url:
        lines.append(("a", (_t(_("Online link"), language), event.online_url)))
    if event.agenda and purpose != "cancellation":
        lines.append(("p", _t(_("Agenda"), language) + ":"))
        lines.extend(("p", f"{number}. {item}") for number, item in enumerate(event.agenda, 1))
    if links and purpose != "cancellation":
        lines.append(("p", _t(_("Please answer with one of these links:"), language)))
        for answer, url in links:
            lines.append(("a", (_t(ANSWER_LABELS[answer], language), url)))
    lines.append(("a", (_t(_("The consultation on the committee's site"), language), event.url)))
    return lines


ANSWER_LABELS = {
    "accepted": _("I will attend"),
    "declined": _("I will not attend"),
    "leave": _("I ask for leave"),
}


def _plain(lines):
    out = []
    for kind, value in lines:
        out.append(value if kind == "p" else f"{value[0]}: {value[1]}")
    return "\n\n".join(out) + "\n"


def _html(lines):
    out = []
    for kind, value in lines:
        if kind == "p":
            out.append(f"<p>{escape(value)}</p>")
        else:
            out.append(f'<p><a href="{escape(value[1], quote=True)}">{escape(value[0])}</a></p>')
    return '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' + "".join(out) + "</body></html>"


def build_message(event, calendar_bytes, method, purpose, sender, recipient, links, language):
    """``sender`` and ``recipient`` are (name, e-mail); ``links`` are (answer, url) pairs."""
    lines = _lines(event, recipient[0], purpose, links, language)
    # The SMTP policy writes CRLF line ends: MailHost sends the bytes as they are, and
    # strict servers refuse bare LF (seen with aiosmtpd: "Line too long").
    message = MIMEMultipart("mixed", policy=policy.SMTP)
    message["Subject"] = _t(SUBJECTS[purpose], language, title=event.summary)
    message["From"] = formataddr(sender)
    message["To"] = formataddr(recipient)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=sender[1].rsplit("@", 1)[-1])

    alternative = MIMEMultipart("alternative")
    alternative.attach(MIMEText(_plain(lines), "plain", "utf-8"))
    alternative.attach(MIMEText(_html(lines), "html", "utf-8"))
    inline = MIMEText(calendar_bytes.decode("utf-8"), "calendar", "utf-8")
    inline.set_param("method", method)
    alternative.attach(inline)
    message.attach(alternative)

    attachment = MIMEText(calendar_bytes.decode("utf-8"), "calendar", "utf-8")
    attachment.set_param("method", method)
    attachment.add_header("Content-Disposition", "attachment", filename="invite.ics")
    message.attach(attachment)
    return message
