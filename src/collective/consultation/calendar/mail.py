"""iMIP messages (RFC 6047): multipart/mixed holding multipart/alternative (text/plain,
text/html, text/calendar with its METHOD) and the same calendar as an .ics attachment.
Texts are gettext messages in the site's language."""

from collective.consultation import _
from collective.consultation.dates import span
from collective.consultation.mailing import envelope
from collective.consultation.mailing import html
from collective.consultation.mailing import plain
from collective.consultation.mailing import t
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

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


def _lines(event, recipient_name, purpose, links, language):
    """The message as (kind, text) lines: 'p' paragraphs and 'a' links (text, url)."""
    lines = [("p", t(_("Dear ${name},"), language, name=recipient_name))]
    lines.append(("p", t(LEADS[purpose], language, title=event.summary)))
    lines.append(
        (
            "p",
            t(
                _("Time: ${time}"),
                language,
                time=span(event.start, event.end, language, weekday=True),
            ),
        )
    )
    if event.location:
        lines.append(("p", t(_("Place: ${place}"), language, place=event.location)))
    if event.online_url:
        lines.append(("a", (t(_("Online link"), language), event.online_url)))
    if event.agenda and purpose != "cancellation":
        lines.append(("p", t(_("Agenda"), language) + ":"))
        lines.extend(
            ("p", f"{number}. {item}") for number, item in enumerate(event.agenda, 1)
        )
    if event.materials and purpose != "cancellation":
        lines.append(
            (
                "a",
                (
                    t(
                        _("Meeting materials (${count})"),
                        language,
                        count=str(event.materials),
                    ),
                    f"{event.url}#materials",
                ),
            )
        )
    if links and purpose != "cancellation":
        lines.append(("p", t(_("Please answer with one of these links:"), language)))
        for answer, url in links:
            lines.append(("a", (t(ANSWER_LABELS[answer], language), url)))
    lines.append(
        ("a", (t(_("The consultation on the committee's site"), language), event.url))
    )
    return lines


ANSWER_LABELS = {
    "accepted": _("I will attend"),
    "declined": _("I will not attend"),
    "leave": _("I ask for leave"),
}


def build_message(
    event, calendar_bytes, method, purpose, sender, recipient, links, language
):
    """``sender`` and ``recipient`` are (name, e-mail); ``links`` are (answer, url) pairs."""
    lines = _lines(event, recipient[0], purpose, links, language)
    message = envelope(
        "mixed", t(SUBJECTS[purpose], language, title=event.summary), sender, recipient
    )

    alternative = MIMEMultipart("alternative")
    alternative.attach(MIMEText(plain(lines), "plain", "utf-8"))
    alternative.attach(MIMEText(html(lines), "html", "utf-8"))
    inline = MIMEText(calendar_bytes.decode("utf-8"), "calendar", "utf-8")
    inline.set_param("method", method)
    alternative.attach(inline)
    message.attach(alternative)

    attachment = MIMEText(calendar_bytes.decode("utf-8"), "calendar", "utf-8")
    attachment.set_param("method", method)
    attachment.add_header("Content-Disposition", "attachment", filename="invite.ics")
    message.attach(attachment)
    return message
