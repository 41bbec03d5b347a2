"""Handling a suggestion step by step over the REST API: what each step needs, the
referral mail to the unit through a real SMTP server, democratic evaluation and reopening,
merging, and the overdue reminders with a fixed clock."""

from collective.consultation.tracking import reminders
from conftest import search
from datetime import date
from email.utils import getaddresses
from helpers import mails
from helpers import REFERRAL

import base64
import pytest
import transaction

CONSULTATION = "/2018/2018-06-28-bimonthly"


@pytest.fixture
def smtp(functional):
    """The test SMTP server, emptied, on a Chinese site (as the committee's is)."""
    from collective.consultation.testing import MailSink

    functional["portal"].portal_registry["plone.default_language"] = "zh-cn"
    transaction.commit()
    sink = MailSink(functional)
    sink.clear()
    return sink


@pytest.fixture
def submitted(secretary):
    """A new suggestion by 游进 (m01) and 王建华 (m02), submitted."""
    response = secretary.post(
        CONSULTATION,
        json={
            "@type": "Suggestion",
            "title": "关于建设农村饮水安全监测平台的建议",
            "text": "建议建设全市统一的农村饮水水质在线监测平台。",
            "proposers": ["/members/m01", "/members/m02"],
        },
    )
    assert response.status_code == 201, response.text
    url = response.json()["@id"]
    assert secretary.post(f"{url}/@workflow/submit").status_code == 200
    return url


def message(response):
    """The error text: plone.restapi's @workflow nests it under "error", services don't."""
    data = response.json()
    return data.get("message") or data["error"]["message"]


def state(session, url):
    return session.get(url).json()["review_state"]


WATER_BUREAU = "/units/u01"  # 市水利和湖泊局 in the demo's unit directory


class TestRequiredData:
    def test_decline_without_a_reason_is_refused(self, secretary, submitted):
        response = secretary.post(f"{submitted}/@workflow/decline")
        assert response.status_code == 400
        assert "decline_reason" in message(response)
        assert state(secretary, submitted) == "submitted"

    def test_the_comment_is_the_reason(self, secretary, submitted):
        response = secretary.post(
            f"{submitted}/@workflow/decline", json={"comment": "不具备实施条件。"}
        )
        assert response.status_code == 200, response.text
        data = secretary.get(submitted).json()
        assert (
            data["review_state"] == "not_adopted"
            and data["decline_reason"] == "不具备实施条件。"
        )

    def test_refer_names_a_unit_and_a_deadline(self, secretary, submitted):
        response = secretary.post(f"{submitted}/@workflow/refer")
        assert response.status_code == 400
        text = message(response)
        assert "lead_unit" in text and "deadline" in text

    def test_an_unknown_unit_stores_nothing(self, secretary, submitted):
        body = {**REFERRAL, "lead_unit": "市不存在局"}
        response = secretary.post(f"{submitted}/@handling/refer", json=body)
        assert response.status_code == 400
        assert "lead_unit" in message(response) and "市不存在局" in message(response)
        data = secretary.get(submitted).json()
        assert (
            data["review_state"] == "submitted"
            and data["lead_unit"] is None
            and data["deadline"] is None
        )

    def test_a_bad_value_names_its_field(self, secretary, submitted):
        response = secretary.post(
            f"{submitted}/@handling/refer", json={**REFERRAL, "deadline": "下个月"}
        )
        assert response.status_code == 400 and message(response).startswith("deadline")
        response = secretary.post(
            f"{submitted}/@handling/refer", json={**REFERRAL, "colour": "red"}
        )
        assert response.status_code == 400 and "colour" in message(response)

    def test_withdraw_needs_a_reason(self, member, submitted):
        assert member.post(f"{submitted}/@workflow/withdraw").status_code == 400
        assert (
            member.post(
                f"{submitted}/@workflow/withdraw", json={"comment": "并入同类建议。"}
            ).status_code
            == 200
        )

    def test_staff_may_not_refer(self, staff, submitted):
        assert (
            staff.post(f"{submitted}/@handling/refer", json=REFERRAL).status_code == 401
        )

    def test_a_step_the_state_does_not_allow(self, secretary, submitted):
        response = secretary.post(
            f"{submitted}/@handling/implement", json={"implementation": "x"}
        )
        assert response.status_code == 400
        # the state by its title, in the language Plone negotiates for the item
        assert response.json()["field"] == "transition"
        assert any(t in message(response) for t in ("Submitted", "已报送", "已提交"))

    def test_get_lists_the_open_steps(self, secretary, member, submitted):
        data = secretary.get(f"{submitted}/@handling").json()
        steps = {s["transition"]: s for s in data["steps"]}
        assert set(steps) == {"refer", "decline", "withdraw"}
        assert steps["refer"]["required"] == ["lead_unit", "deadline"]
        assert steps["refer"]["defaults"]["deadline"] > date.today().isoformat()
        assert set(steps["refer"]["missing"]) == {"lead_unit", "deadline"}
        assert {
            s["transition"]
            for s in member.get(f"{submitted}/@handling").json()["steps"]
        } == {"withdraw"}
        assert "notices" not in member.get(f"{submitted}/@handling").json()


class TestLifecycle:
    def test_refer_mails_the_lead_unit(self, secretary, submitted, smtp):
        response = secretary.post(
            f"{submitted}/@handling/refer", json={**REFERRAL, "comment": "请按期答复"}
        )
        assert response.status_code == 200, response.text
        assert response.json()["review_state"] == "referred"
        (mail,) = mails(smtp)
        unit = secretary.get(WATER_BUREAU).json()
        assert getaddresses(mail.get_all("To")) == [
            ("市水利和湖泊局", unit["contact_email"])
        ]
        assert [name for name, _ in getaddresses(mail.get_all("Cc"))] == [
            "市卫生健康委员会"
        ]
        assert mail["Subject"] == "交办：关于建设农村饮水安全监测平台的建议"
        assert mail["Reply-To"] == "tiwei@example.org"
        text = mail.get_body(("plain",)).get_content()
        assert "2030年3月31日" in text and "农村饮水水质在线监测平台" in text
        notices = secretary.get(f"{submitted}/@handling").json()["notices"]
        assert notices[0]["purpose"] == "refer" and notices[0]["status"] == "sent"
        assert notices[0]["error"] == ""

    def test_in_english_on_an_english_site(
        self, secretary, submitted, smtp, functional
    ):
        functional["portal"].portal_registry["plone.default_language"] = "en"
        transaction.commit()
        secretary.post(f"{submitted}/@handling/refer", json=REFERRAL)
        (mail,) = mails(smtp)
        assert mail["Subject"] == "Referred to you: 关于建设农村饮水安全监测平台的建议"
        assert (
            "Please answer in writing by 2030-03-31."
            in mail.get_body(("plain",)).get_content()
        )

    def test_a_failed_referral_mail_is_recorded(self, secretary, submitted, smtp):
        # the test server refuses addresses that start with "refuse"
        assert (
            secretary.patch(
                WATER_BUREAU, json={"contact_email": "refuse@example.net"}
            ).status_code
            == 204
        )
        response = secretary.post(
            f"{submitted}/@handling/refer", json={**REFERRAL, "assisting_units": []}
        )
        assert (
            response.status_code == 200
        )  # the referral stands; the mail can be sent again
        smtp.deliver()
        notice = secretary.get(f"{submitted}/@handling").json()["notices"][0]
        assert notice["status"] == "failed" and "550" in notice["error"]
        assert notice["recipients"]["refuse@example.net"]["status"] == "failed"

    def test_every_step_with_its_data(self, secretary, submitted):
        letter = {
            "data": base64.b64encode(b"%PDF-1.4 reply").decode(),
            "encoding": "base64",
            "filename": "复函.pdf",
            "content-type": "application/pdf",
        }
        for transition, body in (
            ("refer", REFERRAL),
            (
                "answer",
                {
                    "answer": "已纳入年度计划。",
                    "answer_date": "2030-02-01",
                    "answer_letter": letter,
                },
            ),
            (
                "adopt",
                {
                    "adoption_degree": "partial",
                    "adopting_body": "市人民政府",
                    "instruction": "请抓好落实。",
                },
            ),
            (
                "implement",
                {"implementation": "平台已上线。", "implementation_date": "2030-06-30"},
            ),
        ):
            response = secretary.post(
                f"{submitted}/@handling/{transition}",
                json={**body, "comment": transition},
            )
            assert response.status_code == 200, (transition, response.text)
        data = secretary.get(submitted).json()
        assert data["review_state"] == "implemented"
        assert data["answer_letter"]["filename"] == "复函.pdf"
        assert (
            data["adoption_degree"]["token"] == "partial"
            and data["implementation_date"] == "2030-06-30"
        )
        history = [
            h
            for h in secretary.get(f"{submitted}/@history").json()
            if h["type"] == "workflow"
        ]
        steps = {h["comments"]: h["actor"]["id"] for h in history}
        assert {"refer", "answer", "adopt", "implement"} <= set(steps)
        assert steps["implement"] == "secretary"


class TestEvaluation:
    @pytest.fixture
    def answered(self, secretary, submitted):
        secretary.post(f"{submitted}/@handling/refer", json=REFERRAL)
        response = secretary.post(
            f"{submitted}/@handling/answer",
            json={"answer": "已研究。", "answer_date": "2030-01-05"},
        )
        assert response.status_code == 200, response.text
        return submitted

    def test_before_the_answer_nothing_to_evaluate(self, member, submitted):
        response = member.post(f"{submitted}/@evaluation", json={"rating": "satisfied"})
        assert response.status_code == 400 and "state" in message(response)

    def test_a_proposer_rates_and_the_least_satisfied_counts(
        self, member, secretary, answered
    ):
        response = member.post(
            f"{answered}/@evaluation",
            json={"rating": "satisfied", "comment": "答复具体。"},
        )
        assert response.status_code == 200, response.text
        data = response.json()
        assert data["evaluation"] == "satisfied"
        assert [w["title"] for w in data["waiting_for"]] == ["王建华"]
        m02 = secretary.get("/members/m02").json()["UID"]
        response = secretary.post(
            f"{answered}/@evaluation",
            json={"rating": "basically_satisfied", "proposer": m02, "comment": ""},
        )
        assert response.status_code == 200
        assert (
            response.json()["evaluation"] == "basically_satisfied"
            and response.json()["waiting_for"] == []
        )
        found = secretary.get(
            "/@search",
            params={
                "UID": secretary.get(answered).json()["UID"],
                "metadata_fields": "evaluation",
            },
        ).json()["items"]
        assert found[0]["evaluation"] == "basically_satisfied"

    def test_the_page_shows_a_rating_once(self, functional, member, answered):
        """Rated per proposer, the evaluation is listed in its own section only (the
        details above said it again)."""
        from conftest import browser_for
        from conftest import MEMBER

        member.post(
            f"{answered}/@evaluation",
            json={"rating": "satisfied", "comment": "答复具体。"},
        )
        browser = browser_for(functional, *MEMBER)
        browser.open(answered.replace("/++api++", ""))
        details, evaluation = browser.contents.split('class="evaluation"', 1)
        assert "答复具体。" not in details and "Proposers' evaluation" not in details
        listed = evaluation.split("<form", 1)[0]  # (his own form repeats it to edit)
        assert listed.count("答复具体。") == 1

    def test_bad_ratings(self, member, staff, answered):
        assert message(
            member.post(f"{answered}/@evaluation", json={"rating": "great"})
        ).startswith("rating")
        response = member.post(
            f"{answered}/@evaluation", json={"rating": "dissatisfied"}
        )
        assert response.status_code == 400 and message(response).startswith("comment")
        assert (
            staff.post(
                f"{answered}/@evaluation", json={"rating": "satisfied"}
            ).status_code
            == 401
        )
        response = member.post(
            f"{answered}/@evaluation", json={"rating": "satisfied", "proposer": "x"}
        )
        assert response.status_code == 400 and "secretariat" in message(response)

    def test_dissatisfied_reopens_for_another_round(
        self, member, secretary, answered, smtp
    ):
        response = secretary.post(
            f"{answered}/@handling/reopen", json={"comment": "再办理"}
        )
        assert response.status_code == 400
        assert response.json()["field"] == "evaluation"  # no dissatisfied rating yet
        member.post(
            f"{answered}/@evaluation",
            json={"rating": "dissatisfied", "comment": "没有时间表。"},
        )
        assert "reopen" in {
            s["transition"]
            for s in secretary.get(f"{answered}/@handling").json()["steps"]
        }
        assert (
            secretary.post(
                f"{answered}/@handling/reopen", json={"deadline": "2030-06-30"}
            ).status_code
            == 400
        )
        smtp.clear()
        response = secretary.post(
            f"{answered}/@handling/reopen",
            json={"deadline": "2030-06-30", "comment": "委员不满意，重新办理。"},
        )
        assert response.status_code == 200, response.text
        data = secretary.get(answered).json()
        assert (
            data["review_state"] == "referred"
            and data["answer"] is None
            and data["evaluation"] is None
        )
        assert data["deadline"] == "2030-06-30"
        handling = secretary.get(f"{answered}/@handling").json()
        assert handling["round"] == 2
        assert handling["previous_rounds"][0]["answer"] == "已研究。"
        assert handling["previous_rounds"][0]["evaluation"] == "dissatisfied"
        (mail,) = mails(smtp)
        assert mail["Subject"] == "再办理：关于建设农村饮水安全监测平台的建议"
        assert "第2轮" in mail.get_body(("plain",)).get_content()
        # the second answer is evaluated afresh
        secretary.post(
            f"{answered}/@handling/answer",
            json={"answer": "已制定时间表。", "answer_date": "2030-05-01"},
        )
        evaluation = member.get(f"{answered}/@evaluation").json()
        assert (
            evaluation["ratings"] == []
            and evaluation["previous_rounds"][0]["evaluation"] == "dissatisfied"
        )


class TestMerge:
    @pytest.fixture
    def three(self, secretary, submitted):
        others = []
        for title in ("关于农村饮水水质公示的建议", "关于饮水工程运营管理的建议"):
            response = secretary.post(
                CONSULTATION,
                json={
                    "@type": "Suggestion",
                    "title": title,
                    "proposers": ["/members/m03"],
                },
            )
            url = response.json()["@id"]
            secretary.post(f"{url}/@workflow/submit")
            others.append(url)
        return submitted, others

    def test_merged_ones_follow_their_lead(self, secretary, three):
        lead, others = three
        uids = [secretary.get(url).json()["UID"] for url in others]
        response = secretary.post(f"{lead}/@merge", json={"suggestions": uids})
        assert response.status_code == 200, response.text
        assert len(response.json()["merged"]) == 2
        secretary.post(f"{lead}/@handling/refer", json=REFERRAL)
        secretary.post(
            f"{lead}/@handling/answer",
            json={"answer": "统一答复。", "answer_date": "2030-01-05"},
        )
        for url in others:
            data = secretary.get(url).json()
            assert (
                data["review_state"] == "answered"
                and data["lead_unit"] == "市水利和湖泊局"
            )
            assert data["answer"] == "统一答复。"
            assert secretary.get(f"{url}/@merge").json()["merged_into"]["@id"] == lead
        found = secretary.get(
            "/@search", params={"UID": uids[0], "metadata_fields": "merged_into_title"}
        ).json()
        assert (
            found["items"][0]["merged_into_title"]
            == "关于建设农村饮水安全监测平台的建议"
        )
        history = secretary.get(f"{others[0]}/@history").json()
        assert any("随并案主件" in (h.get("comments") or "") for h in history)
        # the adoption report prints the lineage
        items = secretary.get(
            f"{CONSULTATION}/@adoption-report", params={"format": "json"}
        ).json()["items"]
        merged = {i["title"]: i["merged_into"] for i in items if i["merged_into"]}
        assert not any(
            i["overdue"] for i in items if i["merged_into"]
        )  # chased through the lead
        assert merged == {
            "关于农村饮水水质公示的建议": "关于建设农村饮水安全监测平台的建议",
            "关于饮水工程运营管理的建议": "关于建设农村饮水安全监测平台的建议",
        }

    def test_merge_refusals(self, secretary, three):
        lead, others = three
        lead_uid = secretary.get(lead).json()["UID"]
        response = secretary.post(f"{lead}/@merge", json={"suggestions": [lead_uid]})
        assert response.status_code == 400 and "itself" in message(response)
        assert (
            secretary.post(f"{lead}/@merge", json={"suggestions": ["nope"]}).status_code
            == 400
        )
        assert (
            secretary.post(
                f"{lead}/@merge", json={"suggestions": [others[0]]}
            ).status_code
            == 200
        )
        # a chain is refused: the lead of others[0] cannot itself be merged
        response = secretary.post(f"{others[1]}/@merge", json={"suggestions": [lead]})
        assert response.status_code == 400 and "leads merged suggestions" in message(
            response
        )
        # and nothing was half-written
        assert secretary.get(f"{lead}/@merge").json()["merged_into"] is None
        assert secretary.delete(f"{others[0]}/@merge").status_code == 200
        assert secretary.get(f"{lead}/@merge").json()["merged"] == []

    def test_staff_may_not_merge(self, staff, three):
        lead, others = three
        assert (
            staff.post(f"{lead}/@merge", json={"suggestions": others}).status_code
            == 401
        )


class TestReminders:
    TODAY = date(2018, 12, 1)

    def expected(self):
        return sorted(
            b.getPath()
            for b in search(
                portal_type="Suggestion", review_state=["submitted", "referred"]
            )
            if b.deadline and b.deadline < self.TODAY and not b.merged_into
        )

    def test_overdue_with_a_fixed_clock(self, integration, portal):
        brains = reminders.overdue(self.TODAY)
        assert sorted(b.getPath() for b in brains) == self.expected()
        assert len(brains) >= 5
        assert all(reminders.days_late(b, self.TODAY) > 0 for b in brains)
        assert reminders.overdue(date(2018, 1, 1)) == []

    def test_each_unit_and_the_secretariat_get_mail(self, functional, smtp):
        from zope.component.hooks import setSite

        portal = functional["portal"]
        setSite(portal)
        outcome = reminders.send_reminders(self.TODAY)
        transaction.commit()
        expected_units = {b.lead_unit for b in reminders.overdue(self.TODAY)}
        assert {name for name, _count, _letter in outcome.units} == expected_units
        messages = mails(smtp)
        from collective.consultation import mailqueue

        transaction.begin()
        for _name, _count, letter in outcome.units:
            assert mailqueue.delivery(letter, site=portal)["status"] == "sent"
        assert len(messages) == len(expected_units) + 1
        digest = [
            m for m in messages if m["To"].addresses[0].addr_spec == "tiwei@example.org"
        ]
        assert (
            len(digest) == 1
            and digest[0]["Subject"] == f"超期未答复建议：{outcome.overdue}件"
        )
        unit_mail = next(m for m in messages if m not in digest)
        assert unit_mail["Subject"].startswith("催办：")
        assert "天" in unit_mail.get_body(("plain",)).get_content()

    def test_reminders_endpoint(self, secretary, staff, anon_request):
        data = secretary.get("/@reminders").json()
        assert data["today"] == date.today().isoformat()
        assert data["total"] == sum(len(u["items"]) for u in data["units"])
        assert staff.get("/@reminders").status_code == 401
        assert anon_request.get("/@reminders").status_code == 401


class TestPages:
    def test_proposer_evaluates_on_the_page(
        self, functional, secretary, submitted, portal_url
    ):
        from conftest import browser_for
        from conftest import MEMBER
        from conftest import SECRETARY

        secretary.post(f"{submitted}/@handling/refer", json=REFERRAL)
        secretary.post(
            f"{submitted}/@handling/answer",
            json={"answer": "已研究。", "answer_date": "2030-01-05"},
        )
        browser = browser_for(functional, *MEMBER)
        browser.open(submitted)
        assert "evaluation-form" in browser.contents
        browser.getControl(name="rating").value = ["dissatisfied"]
        browser.getControl(name="comment").value = "答复没有时间表。"
        browser.getForm(action=f"{submitted}/@@evaluate").submit()
        assert browser.url == submitted
        assert "游进" in browser.contents and "答复没有时间表。" in browser.contents
        # dissatisfied without a comment: refused, in the site's language
        browser.getControl(name="rating").value = ["dissatisfied"]
        browser.getControl(name="comment").value = ""
        browser.getForm(action=f"{submitted}/@@evaluate").submit()
        assert (
            "Say what is missing from the answer." in browser.contents
            or "请说明答复还缺少什么" in browser.contents
        )
        assert secretary.get(submitted).json()["evaluation"]["token"] == "dissatisfied"

        browser = browser_for(functional, *SECRETARY)
        browser.open(submitted)
        assert 'data-step="reopen"' in browser.contents
        assert (
            "evaluation-form" not in browser.contents
        )  # the secretariat is not a proposer

    def test_unit_directory_and_unit_page(self, functional, portal_url):
        from conftest import browser_for
        from conftest import STAFF

        browser = browser_for(functional, *STAFF)
        browser.open(f"{portal_url}/units")
        assert "市水利和湖泊局" in browser.contents
        assert "Add unit" in browser.contents or "添加承办单位" in browser.contents
        browser.open(f"{portal_url}/units/u01")
        assert "unit01@example.net" in browser.contents
        assert (
            browser.contents.count("<tr") > 3
        )  # the suggestions it leads or assists with
