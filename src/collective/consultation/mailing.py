"""What every message the add-on sends shares: gettext texts in the site's language, a
plain and an HTML part built from the same lines, CRLF line ends, and the outbox that
sends it after commit (mailqueue.py)."""

from collective.consultation import mailqueue
from collective.consultation.interfaces import setting
from collective.consultation.language import site_language  # noqa: F401 - shared here
from collective.consultation.safetext import one_line
from email import policy
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr
from email.utils import formatdate
from email.utils import make_msgid
from html import escape
from plone import api
from zope.i18n import translate
from zope.i18nmessageid import Message


def t(message, language, **mapping):
    return translate(Message(message, mapping=mapping), target_language=language)


def sender():
    """(name, e-mail) of the committee's mailbox (control panel), else the site's."""
    email, name = setting("organizer_email"), setting("organizer_name")
    email = email or api.portal.get_registry_record(
        "plone.email_from_address", default=None
    )
    name = (
        name
        or api.portal.get_registry_record("plone.email_from_name", default="")
        or ""
    )
    return name, email or "noreply@example.org"


# A message body is a list of lines: ("p", text) paragraphs and ("a", (text, url)) links.


def plain(lines):
    out = []
    for kind, value in lines:
        out.append(value if kind == "p" else f"{value[0]}: {value[1]}")
    return "\n\n".join(out) + "\n"


def html(lines):
    out = []
    for kind, value in lines:
        if kind == "p":
            out.append(f"<p>{escape(value)}</p>")
        else:
            out.append(
                f'<p><a href="{escape(value[1], quote=True)}">{escape(value[0])}</a></p>'
            )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
        + "".join(out)
        + "</body></html>"
    )


def address(name_and_email):
    """A header's address: the name on one line, whatever was stored."""
    name, email = name_and_email
    return formataddr((one_line(name), one_line(email)))


def envelope(subtype, subject, from_, to, cc=()):
    """A multipart message with its headers; ``from_``, ``to`` and ``cc`` are (name, e-mail)."""
    # The SMTP policy writes CRLF line ends: MailHost sends the bytes as they are, and
    # strict servers refuse bare LF (seen with aiosmtpd: "Line too long").
    message = MIMEMultipart(subtype, policy=policy.SMTP)
    message["Subject"] = one_line(subject)
    message["From"] = address(from_)
    message["To"] = address(to)
    if cc:
        message["Cc"] = ", ".join(address(one) for one in cc)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=from_[1].rsplit("@", 1)[-1])
    return message


def text_message(subject, to, lines, cc=()):
    """A plain-and-HTML message from the committee's mailbox."""
    message = envelope("alternative", subject, sender(), to, cc)
    message.attach(MIMEText(plain(lines), "plain", "utf-8"))
    message.attach(MIMEText(html(lines), "html", "utf-8"))
    return message


def queue(message, purpose):
    """Queue ``message`` for its To and Cc addresses in the outbox (mailqueue.py): it
    leaves after commit, and never if the transaction aborts. Returns the letter's id,
    by which its delivery is looked up."""
    return mailqueue.queue_message(message, purpose)
