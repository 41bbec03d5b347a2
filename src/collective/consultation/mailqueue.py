"""Mail that follows the transaction: the outbox.

A message is not sent inside the request. ``queue`` stores a letter in the site's outbox as
part of the transaction, so an aborted or retried transaction sends nothing of its own; a
delivery worker (mailworker.py: a thread beside the site, or its own process) sends what is
due after commit, over one SMTP connection per batch.

A letter is either one ready-made message for some addresses (a referral with its copies),
or one message per recipient that the worker builds when it sends (invitations: the request
stays short whatever the number of invitees). Each recipient has a state: queued, sent (with
its time), retrying (attempts, last error) or failed (the error). A server that is down or
answers 4xx is retried with backoff until the retry window closes; a 5xx for a recipient is
final for that recipient.

The outbox is in the ZODB, so every instance of a ZEO or RelStorage cluster sees the same
letters, and a worker claims a letter in a transaction of its own: two workers claiming one
letter conflict and only one wins. Each confirmed delivery is committed before the next is
sent, so a worker killed in the middle of a batch loses nothing and repeats at most the
message it was sending, with the same Message-ID (mail clients fold it).

A queue engine as such is not written here: letters are plain persistent records and the
ZODB provides the transactions, the locking (conflicts) and the durability.
"""

from BTrees.OOBTree import OOBTree
from collective.consultation import logger
from collective.consultation.interfaces import setting
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from email.utils import getaddresses
from email.utils import make_msgid
from persistent import Persistent
from persistent.mapping import PersistentMapping
from plone import api
from transaction.interfaces import TransientError
from zope.annotation.interfaces import IAnnotations

import itertools
import os
import smtplib
import threading
import transaction
import uuid

ANNOTATION_KEY = "collective.consultation.outbox"
QUEUED, SENT, RETRYING, FAILED = "queued", "sent", "retrying", "failed"
FINAL = (SENT, FAILED)
# A claim not renewed for this long is taken over by another worker: longer than one
# message can take (connecting and sending, each within the 30 s SMTP timeout), short
# enough that a crash does not hold mail back. Sending renews the claim of every letter
# still in the batch after each message (a heartbeat), so a worker that dies mid-batch
# leaves the rest waiting at most this long.
LEASE = timedelta(seconds=float(os.environ.get("CONSULTATION_MAIL_LEASE", 90)))
BATCH = 50  # letters claimed at once
FIRST_RETRY = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=1)

# Letters the worker builds per recipient: name -> function(letter, key) -> (bytes, from)
BUILDERS = {}
# Woken after a commit that queued something, so the worker in this process sends at once.
wake = threading.Event()


def register_builder(name, build):
    BUILDERS[name] = build


def _now():
    return datetime.now(timezone.utc)


def _stamp(moment):
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


class Letter(Persistent):
    """One thing to send and where it stands, per recipient."""

    def __init__(self, kind, sender, purpose, params=None, body=None):
        self.id = uuid.uuid4().hex
        self.kind = kind  # "message" (ready-made) or a builder's name
        self.sender = sender  # the envelope sender
        self.purpose = purpose
        self.params = PersistentMapping(params or {})
        self.body = body  # bytes of a ready-made message, dropped once all is final
        self.created = _now()
        self.recipients = OOBTree()  # key -> PersistentMapping(delivery)
        self.claimed_by = None
        self.claimed_until = None
        self.next_attempt = self.created
        self.due_key = None  # its key in Outbox.due while unfinished

    def add(self, key, email, name="", message_id=None):
        self.recipients[key] = PersistentMapping(
            email=email,
            name=name,
            message_id=message_id,
            status=QUEUED,
            attempts=0,
            error="",
            time=None,
        )

    def pending(self):
        return [k for k, d in self.recipients.items() if d["status"] not in FINAL]

    def done(self):
        return not self.pending()


class Outbox(Persistent):
    site_url = None  # the site's public address, for links the worker builds

    def __init__(self):
        self.letters = OOBTree()  # id -> Letter
        self.due = OOBTree()  # (ISO time, letter id) -> True, for unfinished letters

    def schedule(self, letter, moment):
        """Put the letter in the due list at ``moment``, or take it out once done."""
        if letter.due_key is not None and letter.due_key in self.due:
            del self.due[letter.due_key]
        letter.due_key = None
        if not letter.done():
            letter.due_key = (_stamp(moment), letter.id)
            self.due[letter.due_key] = True
        letter.next_attempt = moment


def outbox(site=None, create=False):
    site = site if site is not None else api.portal.get()
    annotations = IAnnotations(site)
    box = annotations.get(ANNOTATION_KEY)
    if box is None and create:
        box = annotations[ANNOTATION_KEY] = Outbox()
    return box


# --- queueing, inside a request's transaction -------------------------------------------------


def _wake_after_commit(success):
    if success:
        wake.set()


def _store(letter):
    box = outbox(create=True)
    # The worker builds links with the address the site is used with (no request there).
    url = api.portal.get().absolute_url()
    if not url.startswith("http://nohost") and getattr(box, "site_url", None) != url:
        box.site_url = url
    box.letters[letter.id] = letter
    box.schedule(letter, letter.created)
    transaction.get().addAfterCommitHook(_wake_after_commit)
    return letter


def queue_message(message, purpose):
    """Queue a ready-made message to its To and Cc addresses; returns the letter id."""
    if not message["Message-ID"]:
        message["Message-ID"] = make_msgid()
    sender = getaddresses([message["From"]])[0][1]
    letter = Letter("message", sender, purpose, body=message.as_bytes())
    for name, email in getaddresses(
        message.get_all("To", []) + message.get_all("Cc", [])
    ):
        letter.add(email.lower(), email, name, message["Message-ID"])
    return _store(letter).id


def queue_built(kind, sender, purpose, recipients, params):
    """Queue a letter the worker builds per recipient (``kind`` names the builder);
    ``recipients`` are (key, name, e-mail). Returns the letter id and {key: Message-ID}.
    """
    domain = sender.rsplit("@", 1)[-1]
    letter = Letter(kind, sender, purpose, params=params)
    ids = {}
    for key, name, email in recipients:
        ids[key] = make_msgid(domain=domain)
        letter.add(key, email, name, ids[key])
    return _store(letter).id, ids


# --- what staff see ---------------------------------------------------------------------------


def delivery(letter_id, key=None, site=None):
    """{status, time, attempts, error} of one recipient of a letter (the first one when
    no key is given), or None for a letter that is not there."""
    box = outbox(site)
    letter = box.letters.get(letter_id) if box is not None else None
    if letter is None or not len(letter.recipients):
        return None
    found = letter.recipients.get(key) if key is not None else None
    if found is None:
        found = letter.recipients[letter.recipients.minKey()]
    return {
        "status": found["status"],
        "time": found["time"],
        "attempts": found["attempts"],
        "error": found["error"],
    }


def deliveries(letter_id, site=None):
    """{key: {email, status, time, attempts, error}} of every recipient of a letter."""
    box = outbox(site)
    letter = box.letters.get(letter_id) if box is not None else None
    if letter is None:
        return {}
    return {
        key: {
            name: d[name] for name in ("email", "status", "time", "attempts", "error")
        }
        for key, d in letter.recipients.items()
    }


def worst(states):
    """The state to show for several recipients at once."""
    for state in (FAILED, RETRYING, QUEUED):
        if state in states:
            return state
    return SENT


# --- the worker's side ------------------------------------------------------------------------


def retry_window():
    return timedelta(hours=setting("mail_retry_hours") or 48)


def backoff(attempts):
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LONGEST_WAIT)


def claim(worker, now=None, limit=BATCH):
    """Claim due letters for ``worker`` and commit; [] when another worker was quicker
    (the conflict is theirs to win) or nothing is due."""
    now = now or _now()
    box = outbox()
    if box is None:
        return []
    due = box.due.keys(max=(_stamp(now), "\uffff"))
    ids = [key[1] for key in itertools.islice(due, limit)]
    letters = []
    for letter_id in ids:
        letter = box.letters.get(letter_id)
        if letter is None:
            continue
        if letter.claimed_until and letter.claimed_until > now:
            continue
        letter.claimed_by = worker
        letter.claimed_until = now + LEASE
        # due again when the claim runs out: another worker takes over if this one dies
        box.schedule(letter, now + LEASE)
        letters.append(letter)
    if not letters:
        transaction.abort()
        return []
    try:
        transaction.commit()
    except TransientError:  # another worker claimed one of them first
        transaction.abort()
        return []
    return letters


def smtp_settings():
    registry = api.portal.get_tool("portal_registry")
    host = registry.get("plone.smtp_host") or "localhost"
    port = registry.get("plone.smtp_port") or 25
    user = registry.get("plone.smtp_userid")
    password = registry.get("plone.smtp_pass")
    force_tls = bool(getattr(api.portal.get_tool("MailHost"), "force_tls", False))
    return host, int(port), user, password, force_tls


def open_connection(timeout=30):
    """An SMTP connection as Plone's mail settings say (STARTTLS when offered or forced,
    login when a user is set)."""
    host, port, user, password, force_tls = smtp_settings()
    smtp = smtplib.SMTP(host, port, timeout=timeout)
    smtp.ehlo()
    if smtp.has_extn("starttls"):
        smtp.starttls()
        smtp.ehlo()
    elif force_tls:
        smtp.quit()
        raise smtplib.SMTPException("The server does not offer STARTTLS.")
    if user and password:
        smtp.login(user, password)
    return smtp


def _set(deliveries_, status, error="", now=None, count=True):
    for one in deliveries_:
        if count and status != SENT:
            one["attempts"] += 1
        one["status"] = status
        one["error"] = error
        one["time"] = _stamp(now or _now())


def _after_failure(letter, keys, error, now, final=False):
    """A temporary failure becomes final once the retry window has closed."""
    closed = final or now - letter.created >= retry_window()
    _set(
        [letter.recipients[k] for k in keys], FAILED if closed else RETRYING, error, now
    )


def _unit_messages(letter):
    """(keys, message bytes or a builder's key) to send, one SMTP transaction each."""
    pending = letter.pending()
    if letter.kind == "message":
        return [(pending, None)] if pending else []
    return [([key], key) for key in pending]


def _error_text(exc):
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
        return f"{exc.smtp_code} {text}"
    return f"{type(exc).__name__}: {exc}"


def _send_unit(smtp, letter, keys, built_key, now):
    """Send one message; record each recipient's outcome. Returns False when the
    connection is gone (the rest waits for the next round)."""
    if built_key is None:
        body = letter.body
    else:
        try:
            body = BUILDERS[letter.kind](letter, built_key)
        except Exception as exc:  # content deleted since, a builder's bug: say so
            logger.exception("Could not build %s for %s", letter.kind, built_key)
            _after_failure(letter, keys, _error_text(exc), now, final=True)
            return True
    addresses = {letter.recipients[k]["email"]: k for k in keys}
    try:
        refused = smtp.sendmail(letter.sender, list(addresses), body)
    except smtplib.SMTPRecipientsRefused as exc:
        refused = exc.recipients
    except smtplib.SMTPResponseException as exc:  # sender or data refused: RSET done
        _after_failure(letter, keys, _error_text(exc), now, final=exc.smtp_code >= 500)
        return True
    except (smtplib.SMTPException, OSError) as exc:  # the connection is gone
        _after_failure(letter, keys, _error_text(exc), now)
        return False
    for address, key in addresses.items():
        if address in refused:
            code, text = refused[address]
            text = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
            _after_failure(letter, [key], f"{code} {text}", now, final=code >= 500)
        else:
            _set([letter.recipients[key]], SENT, now=now)
    return True


def _finish(letter, now):
    box = outbox()
    pending = letter.pending()
    letter.claimed_by = letter.claimed_until = None
    if pending:
        attempts = max(letter.recipients[k]["attempts"] for k in pending)
        box.schedule(letter, now + backoff(attempts))
    else:
        box.schedule(letter, now)
        letter.body = None  # delivered: keep the record, not the message


def _commit():
    try:
        transaction.commit()
    except TransientError:
        transaction.abort()
        logger.warning("Outbox: a delivery record conflicted; retried later.")
        return False
    return True


def deliver_due(worker="worker", now=None, connect=None):
    """Claim what is due and send it: the worker's whole job for one round. Each
    recipient's outcome is committed before the next message goes. Returns the number of
    messages accepted by the server."""
    letters = claim(worker, now)
    if not letters:
        return 0
    connect = connect or open_connection
    smtp, accepted = None, 0
    try:
        for index, letter in enumerate(letters):
            for keys, built_key in _unit_messages(letter):
                moment = now or _now()
                if smtp is None:
                    try:
                        smtp = connect()
                    except (smtplib.SMTPException, OSError) as exc:
                        _after_failure(
                            letter, letter.pending(), _error_text(exc), moment
                        )
                        break
                alive = _send_unit(smtp, letter, keys, built_key, moment)
                accepted += sum(
                    1 for k in keys if letter.recipients[k]["status"] == SENT
                )
                for claimed in letters[index:]:  # the heartbeat: the batch is alive
                    claimed.claimed_until = moment + LEASE
                if not _commit():
                    return accepted  # the claim runs out; the next round takes over
                if not alive:
                    smtp = None
                    break
            _finish(letter, now or _now())
            if not _commit():
                return accepted
    finally:
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                pass
    return accepted


def forget_delivered(older_than=timedelta(days=180), now=None):
    """Drop letters delivered or failed long ago (the records on content keep the
    outcome's summary)."""
    box = outbox()
    if box is None:
        return 0
    limit = (now or _now()) - older_than
    old = [
        letter_id
        for letter_id, letter in box.letters.items()
        if letter.done() and letter.created < limit
    ]
    for letter_id in old:
        del box.letters[letter_id]
    return len(old)
