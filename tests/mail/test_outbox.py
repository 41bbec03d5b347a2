"""Mail follows the transaction, through the outbox and the delivery worker, on the test
layer's real SMTP server: an aborted transaction sends nothing, a request retried after a
ConflictError sends each message once, a server that is down gets everything once it is
back, a 550 is final for that recipient only, a worker killed in the middle of a batch
neither loses nor repeats what was confirmed, and two workers deliver each message once.
"""

from collective.consultation import mailqueue
from collective.consultation.testing import MailSink
from datetime import datetime
from datetime import timedelta
from datetime import timezone
from email import message_from_bytes
from email import policy
from helpers import future

import pytest
import threading
import transaction

SOON = {"start": future(20, 9), "end": future(20, 11)}


def parsed(sink):
    return [
        (rcpt, message_from_bytes(raw, policy=policy.default))
        for _from, rcpt, raw in sink.messages
    ]


def new_consultation(staff, members, guests=()):
    response = staff.post(
        "/2018",
        json={
            "@type": "Consultation",
            "title": "邮件队列测试协商会",
            "kind": "topical",
            **SOON,
            "invitees": [f"/members/m{n:02d}" for n in members],
            "guests": list(guests),
        },
    )
    assert response.status_code == 201, response.text
    return response.json()["@id"]


def later(minutes):
    return datetime.now(timezone.utc) + timedelta(minutes=minutes)


def test_a_transaction_that_aborts_sends_nothing(functional, smtp):
    from plone import api
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID

    portal = functional["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    consultation = api.content.create(
        container=portal["2018"], type="Consultation", title="中止", kind="topical"
    )
    transaction.commit()
    consultation.start, consultation.end = (
        datetime.now(timezone.utc) + timedelta(days=9),
        datetime.now(timezone.utc) + timedelta(days=9, hours=2),
    )
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    intids = getUtility(IIntIds)
    consultation.invitees = [RelationValue(intids.getId(portal["members"]["m03"]))]
    api.content.transition(consultation, transition="schedule")
    assert mailqueue.outbox(portal).due  # queued inside the transaction...
    transaction.abort()  # ...which does not happen
    assert smtp.messages == []
    transaction.begin()
    assert api.content.get_state(portal["2018"][consultation.getId()]) == "draft"


@pytest.fixture
def conflict_once():
    """A subscriber that raises ConflictError the first time a consultation is
    scheduled, after the invitations were queued: Zope retries the request."""
    from collective.consultation.content.consultation import IConsultation
    from Products.DCWorkflow.interfaces import IAfterTransitionEvent
    from ZODB.POSException import ConflictError
    from zope.component import getGlobalSiteManager

    calls = []

    def conflict(consultation, event):
        if event.transition is not None and event.transition.id == "schedule":
            calls.append(1)
            if len(calls) == 1:
                raise ConflictError("simulated: another instance wrote first")

    registry = getGlobalSiteManager()
    registry.registerHandler(conflict, (IConsultation, IAfterTransitionEvent))
    yield calls
    registry.unregisterHandler(conflict, (IConsultation, IAfterTransitionEvent))


def test_a_retried_request_sends_each_message_once(staff, smtp, conflict_once):
    consultation = new_consultation(staff, [1, 2, 3])
    response = staff.post(f"{consultation}/@workflow/schedule")
    assert response.status_code == 200, response.text
    assert len(conflict_once) == 2  # the request ran twice
    recipients = sorted(r[0] for r, _m in parsed(smtp))
    assert recipients == ["m01@example.org", "m02@example.com", "m03@example.net"]
    data = staff.get(f"{consultation}/@invitations").json()
    assert all(len(row["sent"]) == 1 for row in data["items"])


def test_a_550_is_final_for_that_recipient_only(staff, smtp):
    consultation = new_consultation(
        staff, [1], guests=["拒收 | 某单位 | refuse@example.org"]
    )
    assert staff.post(f"{consultation}/@workflow/schedule").status_code == 200
    smtp.deliver()
    smtp.deliver(now=later(600))  # nothing is retried after a 5xx
    assert [r[0] for r, _m in parsed(smtp)] == ["m01@example.org"]
    rows = {
        r["email"]: r for r in staff.get(f"{consultation}/@invitations").json()["items"]
    }
    assert rows["refuse@example.org"]["delivery"] == "failed"
    assert rows["refuse@example.org"]["attempts"] == 1
    assert rows["m01@example.org"]["delivery"] == "sent"


def test_one_copy_refused_in_a_message_to_several(secretary, smtp):
    """A referral goes to the lead unit with the assisting units in copy: one message,
    one outcome per address."""
    assert (
        secretary.patch(
            "/units/u02", json={"contact_email": "refuse@example.net"}
        ).status_code
        == 204
    )
    unit = secretary.get("/units/u02").json()["title"]
    response = secretary.post(
        "/2018/2018-06-28-bimonthly",
        json={"@type": "Suggestion", "title": "抄送拒收测试建议"},
    )
    url = response.json()["@id"]
    assert secretary.post(f"{url}/@workflow/submit").status_code == 200
    response = secretary.post(
        f"{url}/@handling/refer",
        json={
            "lead_unit": "市水利和湖泊局",
            "assisting_units": [unit],
            "deadline": "2030-03-31",
        },
    )
    assert response.status_code == 200, response.text
    assert len(smtp.messages) == 1
    notice = secretary.get(f"{url}/@handling").json()["notices"][-1]
    outcomes = {a: d["status"] for a, d in notice["recipients"].items()}
    assert outcomes.pop("refuse@example.net") == "failed"
    assert list(outcomes.values()) == ["sent"]  # the lead unit
    assert notice["status"] == "failed" and "550" in notice["error"]


def test_the_retry_window_closes(functional, staff, smtp):
    from collective.consultation.testing import free_port

    registry = functional["portal"].portal_registry
    port = registry["plone.smtp_port"]
    registry["plone.smtp_port"] = free_port()
    transaction.commit()
    consultation = new_consultation(staff, [1])
    assert staff.post(f"{consultation}/@workflow/schedule").status_code == 200
    for minutes in (0, 2, 10, 60, 240):
        smtp.deliver(now=later(minutes))
    row = staff.get(f"{consultation}/@invitations").json()["items"][0]
    assert row["delivery"] == "retrying" and row["attempts"] == 5
    smtp.deliver(now=later(49 * 60))  # the default window is 48 hours
    row = staff.get(f"{consultation}/@invitations").json()["items"][0]
    assert row["delivery"] == "failed" and "Connection" in row["error"]
    transaction.begin()
    registry["plone.smtp_port"] = port
    transaction.commit()
    smtp.deliver(now=later(50 * 60))
    assert smtp.handler.messages == []  # failed is final; "send again" makes a new one


class Killed(BaseException):
    """The worker's process dying between two steps."""


def test_a_worker_killed_mid_batch(functional, staff, smtp, monkeypatch):
    """Killed after the server took the 3rd message but before it was recorded: another
    worker, once the claim has lapsed, sends the rest and repeats only that one, with the
    same Message-ID."""
    from collective.consultation import mailworker

    consultation = new_consultation(staff, range(1, 9))
    assert staff.post(f"{consultation}/@workflow/schedule").status_code == 200
    sent = []
    real_connect = mailqueue.open_connection

    def dying_connect():
        smtp_connection = real_connect()
        real_send = smtp_connection.sendmail

        def sendmail(*args):
            result = real_send(*args)
            sent.append(args[1])
            if len(sent) == 3:
                raise Killed()
            return result

        smtp_connection.sendmail = sendmail
        return smtp_connection

    monkeypatch.setattr(mailqueue, "open_connection", dying_connect)
    with pytest.raises(Killed):
        mailworker.run_once(functional["zodbDB"], worker="dies")
    monkeypatch.undo()
    assert len(smtp.handler.messages) == 3
    smtp.deliver(worker="other")  # the claim still holds: nothing yet
    assert len(smtp.handler.messages) == 3
    # the claim lapses a lease after the last message sent (its heartbeat), not
    # minutes after the batch was claimed
    assert mailqueue.LEASE <= timedelta(seconds=90)
    smtp.deliver(worker="other", now=later(2))
    by_recipient = {}
    for _from, (rcpt,), raw in smtp.handler.messages:
        message = message_from_bytes(raw, policy=policy.default)
        by_recipient.setdefault(rcpt, []).append(message["Message-ID"])
    assert len(by_recipient) == 8
    repeated = [r for r, ids in by_recipient.items() if len(ids) > 1]
    assert len(repeated) <= 1
    assert all(len(set(ids)) == 1 for ids in by_recipient.values())


def test_two_workers_deliver_each_message_once(functional, staff):
    from collective.consultation import mailworker

    sink = MailSink(functional)
    sink.handler.messages.clear()
    consultation = new_consultation(staff, range(1, 31))
    assert staff.post(f"{consultation}/@workflow/schedule").status_code == 200
    errors = []

    def work(name):
        try:
            mailworker.run_once(functional["zodbDB"], worker=name)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    workers = [threading.Thread(target=work, args=(f"w{n}",)) for n in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    mailworker.run_once(functional["zodbDB"], worker="w3", now=later(6))
    assert not errors
    recipients = [rcpt for _f, (rcpt,), _raw in sink.handler.messages]
    assert len(recipients) == 30 and len(set(recipients)) == 30


def test_proposers_hear_of_the_answer_with_a_link_to_rate_it(
    functional, secretary, smtp
):
    from helpers import REFERRAL

    functional["portal"].portal_registry["plone.default_language"] = "zh-cn"
    transaction.commit()
    response = secretary.post(
        "/2018/2018-06-28-bimonthly",
        json={
            "@type": "Suggestion",
            "title": "关于提议人通知的建议",
            "proposers": ["/members/m01", "/members/m02"],
        },
    )
    url = response.json()["@id"]
    assert secretary.post(f"{url}/@workflow/submit").status_code == 200
    assert secretary.post(f"{url}/@handling/refer", json=REFERRAL).status_code == 200
    smtp.clear()
    response = secretary.post(
        f"{url}/@handling/answer",
        json={"answer": "已纳入明年计划。", "answer_date": "2018-12-01"},
    )
    assert response.status_code == 200, response.text
    mails = {rcpt[0]: message for rcpt, message in parsed(smtp)}
    assert set(mails) == {"m01@example.org", "m02@example.com"}
    for message in mails.values():
        assert len(message.get_all("To")) == 1  # no one sees the other's address
        text = message.get_body(("plain",)).get_content()
        assert (
            "已纳入明年计划。" in text
            and f"{url.replace('/++api++', '')}#evaluation" in text
        )
    assert mails["m01@example.org"]["Subject"] == "已答复：关于提议人通知的建议"
