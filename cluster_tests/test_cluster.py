"""Two Zope instances on one database (RelStorage on PostgreSQL, and ZEO): what one writes
the other reads, concurrent steps on one suggestion end with one winner and a whole history, and a
killed instance leaves only whole transactions while the other keeps serving."""

from concurrent.futures import ThreadPoolExecutor
from conftest import delivered
from conftest import wait_until
from datetime import datetime
from datetime import timedelta
from email import message_from_bytes
from email import policy
from openpyxl import Workbook

import base64
import io
import pytz
import requests
import threading
import time

TZ = pytz.timezone("Asia/Shanghai")
WATER = "2018/2018-06-28-bimonthly"


def future(days, hour):
    moment = datetime.now(TZ).replace(
        hour=hour, minute=0, second=0, microsecond=0
    ) + timedelta(days=days)
    return moment.isoformat()


def test_written_on_one_read_on_the_other(api, cluster):
    a, b = api(0, "staff", "staff-2018"), api(1, "staff", "staff-2018")
    response = a.post(
        f"{a.base}/2018",
        json={
            "@type": "Consultation",
            "title": "集群测试：数字政协建设专题协商会",
            "kind": "topical",
            "start": future(30, 9),
            "end": future(30, 11),
            "location": "市政协机关三楼会议室",
            "invitees": ["/members/m01", "/members/m02"],
        },
    )
    assert response.status_code == 201, response.text
    path = response.json()["@id"].split("/Plone/", 1)[1]
    assert a.post(f"{a.base}/{path}/@workflow/schedule").status_code == 200

    # ZEO tells the other instance of a commit a moment after it (invalidations are
    # sent, not polled as RelStorage does at each transaction's start): a read there may
    # come first, so the other instance is asked until it sees the step (seconds at most)
    def scheduled_there():
        seen = b.get(f"{b.base}/{path}").json()
        return seen["review_state"] == "scheduled" and seen["title"].startswith(
            "集群测试"
        )

    assert wait_until(scheduled_there, seconds=10)
    sent = b.get(f"{b.base}/{path}/@invitations").json()
    members = [r for r in sent["items"] if r["kind"] == "member"]
    assert len(members) == 2 and all(r["sent"] and not r["failed"] for r in members)

    def two_invitations():
        mails = [
            message_from_bytes(p.read_bytes(), policy=policy.default)
            for p in cluster.mail.glob("*.eml")
        ]
        return sum(1 for m in mails if "集群测试" in m["Subject"]) == 2

    assert wait_until(two_invitations)  # the worker process beside them sends them
    sent = b.get(f"{b.base}/{path}/@invitations").json()
    assert {r["delivery"] for r in sent["items"] if r["kind"] == "member"} == {"sent"}


def new_suggestion(secretary, title):
    response = secretary.post(
        f"{secretary.base}/{WATER}",
        json={"@type": "Suggestion", "title": title, "proposers": ["/members/m01"]},
    )
    assert response.status_code == 201, response.text
    path = response.json()["@id"].split("/Plone/", 1)[1]
    assert (
        secretary.post(f"{secretary.base}/{path}/@workflow/submit").status_code == 200
    )
    return path


def test_concurrent_steps_on_one_suggestion(api):
    """Withdraw through one instance and decline through the other at the same moment (each
    ends the suggestion, so only one can happen), five times: each time exactly one wins,
    the loser is refused (after Zope's conflict retry) or told of the conflict, and the
    history holds the winner's step only."""
    a, b = api(0, "secretary", "secretary-2018"), api(1, "secretary", "secretary-2018")
    for round_ in range(5):
        path = new_suggestion(a, f"关于并发办理测试的建议（第{round_ + 1}次）")
        start = threading.Barrier(2)

        def withdraw():
            start.wait()
            return a.post(
                f"{a.base}/{path}/@handling/withdraw", json={"comment": "撤回"}
            )

        def decline():
            start.wait()
            return b.post(
                f"{b.base}/{path}/@workflow/decline", json={"comment": "不予采纳"}
            )

        with ThreadPoolExecutor(2) as pool:
            withdrawn, declined = pool.submit(withdraw), pool.submit(decline)
            results = {"withdraw": withdrawn.result(), "decline": declined.result()}
        codes = {step: r.status_code for step, r in results.items()}
        winners = [step for step, code in codes.items() if code == 200]
        assert len(winners) == 1, codes
        loser = "decline" if winners == ["withdraw"] else "withdraw"
        assert codes[loser] in (400, 409), (codes, results[loser].text)
        state = a.get(f"{a.base}/{path}").json()["review_state"]
        assert state == {"withdraw": "withdrawn", "decline": "not_adopted"}[winners[0]]
        history = [
            h
            for h in b.get(f"{b.base}/{path}/@history").json()
            if h["type"] == "workflow"
        ]
        comments = [h["comments"] for h in history]
        assert comments.count("撤回") + comments.count("不予采纳") == 1, comments


def workbook(rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["标题", "建议内容", "协商活动", "提出人"])
    for n in range(rows):
        sheet.append([f"关于集群导入测试第{n}项的建议", "导入测试。", "", "游进"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def count(session):
    return session.get(
        f"{session.base}/@search", params={"portal_type": "Suggestion", "b_size": 1}
    ).json()["items_total"]


def test_a_killed_instance_leaves_whole_transactions(api, cluster):
    """Kill instance 1 while it imports 600 suggestions in one transaction: instance 2 keeps
    serving, and the database holds all 600 or none, never part."""
    a, b = api(0, "secretary", "secretary-2018"), api(1, "secretary", "secretary-2018")
    before = count(b)
    body = {
        "file": {
            "data": base64.b64encode(workbook(600)).decode(),
            "filename": "导入.xlsx",
        },
        "dry_run": False,
    }
    outcome = {}

    def import_all():
        try:
            outcome["response"] = a.post(
                f"{a.base}/2018/@import-suggestions", json=body, timeout=300
            )
        except requests.RequestException as exc:
            outcome["error"] = exc

    writer = threading.Thread(target=import_all)
    writer.start()
    time.sleep(3)  # the import is under way
    cluster.instances[0].kill()
    writer.join(60)
    assert "error" in outcome, "the import finished before the kill; make it bigger"
    assert b.get(f"{b.base}/{WATER}").status_code == 200
    assert count(b) in (before, before + 600)
    assert count(b) == before  # it was killed before it could commit
    # restarted, the killed instance sees the same whole state
    cluster.instances[0].start()
    assert count(api(0, "secretary", "secretary-2018")) == count(b)


def test_a_hundred_invitations_once_each_through_a_killed_worker(api, cluster):
    """Scheduled through one instance while the worker runs beside the other; the worker
    is killed half-way and started again: every invitee gets one invitation (an
    unavoidable repeat of the one in flight keeps its Message-ID)."""
    staff = api(0, "staff", "staff-2018")
    guests = [f"嘉宾{n} | 单位{n} | guest{n:03d}@example.org" for n in range(40)]
    response = staff.post(
        f"{staff.base}/2018",
        json={
            "@type": "Consultation",
            "title": "百人邀请集群测试协商会",
            "kind": "standing_committee",
            "start": future(40, 9),
            "end": future(40, 12),
            "invitees": [f"/members/m{n:02d}" for n in range(1, 61)],
            "guests": guests,
        },
    )
    assert response.status_code == 201, response.text
    path = response.json()["@id"].split("/Plone/", 1)[1]
    started = time.monotonic()
    assert staff.post(f"{staff.base}/{path}/@workflow/schedule").status_code == 200
    assert time.monotonic() - started < 5  # the request does not wait for the mail

    def ours():
        found = {}
        for address, ids in delivered(cluster.mail).items():
            mine = [(i, subject) for i, subject in ids if "百人邀请" in subject]
            if mine:
                found[address] = mine
        return found

    assert wait_until(lambda: len(ours()) >= 30)
    cluster.worker.kill()
    halfway = len(ours())
    assert halfway < 100
    cluster.worker.start()
    assert wait_until(lambda: len(ours()) == 100, seconds=120)
    time.sleep(2)  # nothing more arrives
    received = ours()
    assert len(received) == 100
    repeats = {a: ids for a, ids in received.items() if len(ids) > 1}
    assert len(repeats) <= 1
    assert all(
        len({message_id for message_id, _s in ids}) == 1 for ids in received.values()
    )
    b = api(1, "staff", "staff-2018")
    summary = b.get(f"{b.base}/{path}/@invitations").json()["summary"]
    assert summary["sent"] == 100 and summary["invited"] == 100
