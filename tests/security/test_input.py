"""Input is refused at the door, naming the field, and nothing is half-stored: fields a
user may not write, invisible and line-breaking characters, values of the wrong JSON type,
texts beyond their limits, through the REST API and the forms alike."""

from conftest import browser_for
from conftest import search
from conftest import STAFF

import pytest
import transaction

HELD = "/2018/2018-10-30-bimonthly"  # 游进 is invited; suggestions may be proposed


@pytest.fixture
def own_draft(member):
    """A draft suggestion 游进 files himself."""
    response = member.post(
        HELD, json={"@type": "Suggestion", "title": "关于加强社区养老服务的建议"}
    )
    assert response.status_code == 201, response.text
    return response.json()["@id"]


SECRETARIAT_FIELDS = {
    "lead_unit": "不存在的单位",
    "assisting_units": ["市民政局"],
    "deadline": "2019-01-31",
    "instruction": "同意",
    "answer": "已办理",
    "answer_date": "2018-12-01",
    "adoption_degree": "full",
    "adopting_body": "市委",
    "implementation": "已落实",
    "implementation_date": "2018-12-02",
    "decline_reason": "x",
    "evaluation": "satisfied",
    "evaluation_comment": "满意",
}


class TestSecretariatFields:
    @pytest.mark.parametrize("name", sorted(SECRETARIAT_FIELDS))
    def test_a_proposer_cannot_set_them(self, member, staff, own_draft, name):
        response = member.patch(own_draft, json={name: SECRETARIAT_FIELDS[name]})
        assert response.status_code == 403
        assert name in response.text
        assert staff.get(own_draft).json()[name] in (None, [], "")

    def test_nor_when_filing(self, member):
        response = member.post(
            HELD,
            json={
                "@type": "Suggestion",
                "title": "试探采纳字段",
                "adoption_degree": "full",
            },
        )
        assert response.status_code == 403 and "adoption_degree" in response.text
        assert not search(portal_type="Suggestion", Title="试探采纳字段")

    def test_merged_into(self, member, own_draft):
        lead = search(portal_type="Suggestion", review_state="adopted")[0].UID
        response = member.patch(own_draft, json={"merged_into": lead})
        assert response.status_code == 403 and "merged_into" in response.text

    def test_sending_back_what_is_there_passes(self, member, own_draft):
        response = member.patch(
            own_draft,
            json={
                "title": "关于加强社区居家养老服务的建议",
                "answer": None,
                "deadline": None,
            },
        )
        assert response.status_code == 204
        assert member.get(own_draft).json()["title"] == "关于加强社区居家养老服务的建议"

    def test_the_secretariat_can(self, secretary, own_draft):
        response = secretary.patch(own_draft, json={"instruction": "请认真研究"})
        assert response.status_code == 204

    def test_the_members_edit_form_does_not_show_them(self, functional, own_draft):
        from conftest import MEMBER

        browser = browser_for(functional, *MEMBER)
        browser.open(own_draft.replace("/++api++", "") + "/edit")
        for name in SECRETARIAT_FIELDS:
            assert f"form.widgets.{name}" not in browser.contents
        assert "form.widgets.IBasic.title" in browser.contents
        assert "form.widgets.text" in browser.contents


BAD_CHARACTERS = ["\x0b", "\x0c", "\u2028", "\x00", "\u202e", "\x85"]


class TestInvisibleCharacters:
    @pytest.mark.parametrize("char", BAD_CHARACTERS)
    @pytest.mark.parametrize(
        "field,value",
        [
            ("title", "协商会{}"),
            ("location", "会议室{}"),
            ("topic", "议题{}"),
            ("guests", ["张三{} | 单位 | a@example.org"]),
            ("counterpart_units", ["市水利{}局"]),
            ("minutes_number", "〔2018〕{}1号"),
        ],
    )
    def test_consultation_lines(self, staff, char, field, value):
        value = (
            [v.format(char) for v in value]
            if isinstance(value, list)
            else value.format(char)
        )
        response = staff.patch(HELD, json={field: value})
        assert response.status_code == 400, response.text
        assert field in response.text
        assert "U+" in response.text
        stored = staff.get(HELD).json()[field]
        assert char not in str(stored)

    def test_a_text_may_hold_lines_but_not_control_characters(self, staff):
        assert (
            staff.patch(
                HELD, json={"agenda": "一、通报\n二、发言\t（委员）"}
            ).status_code
            == 204
        )
        response = staff.patch(HELD, json={"agenda": "一、通报\x0c二、发言"})
        assert response.status_code == 400 and "agenda" in response.text

    @pytest.mark.parametrize("char", BAD_CHARACTERS)
    def test_members_and_units(self, staff, char):
        for path in ("/members/m05", "/units"):
            target = path if path.startswith("/members") else None
            if target:
                response = staff.patch(target, json={"title": f"王{char}五"})
                assert response.status_code == 400 and "title" in response.text
        response = staff.post(
            "/units",
            json={
                "@type": "HandlingUnit",
                "title": f"市某{char}局",
                "contact_email": "unit@example.org",
            },
        )
        assert response.status_code == 400 and "title" in response.text

    def test_in_the_form(self, functional):
        browser = browser_for(functional, *STAFF)
        browser.open(
            functional["portal"]["2018"]["2018-10-30-bimonthly"].absolute_url()
            + "/edit"
        )
        browser.getControl(name="form.widgets.IBasic.title").value = "协商会\u2028换行"
        browser.getControl(name="form.buttons.save").click()
        assert "U+2028" in browser.contents
        transaction.begin()
        assert (
            "\u2028" not in functional["portal"]["2018"]["2018-10-30-bimonthly"].title
        )

    def test_schedule_and_refer_still_work_after_a_refusal(self, staff, secretary):
        """The invisible character was never stored, so the steps that failed on it with
        500 (mail headers) have nothing to fail on."""
        assert staff.patch(HELD, json={"title": "协商会\x0b"}).status_code == 400
        submitted = search(portal_type="Suggestion", review_state="submitted")[0]
        response = secretary.post(
            f"{submitted.getURL()}/@handling/refer",
            json={"lead_unit": "市民政局", "deadline": "2019-03-31"},
        )
        assert response.status_code == 200, response.text


class TestWrongTypes:
    @pytest.mark.parametrize(
        "body",
        [
            {"title": {"a": 1}},
            {"title": ["x"]},
            {"title": 5},
            {"agenda": {"text": "x"}},
            {"guests": "张三 | 单位"},
            {"guests": [{"name": "x"}]},
            {"counterpart_units": 3},
            {"kind": {"x": 1}},
            {"invitees": "m01"},
            {"invitees": [{"@id": "x"}]},
        ],
    )
    def test_content(self, staff, body):
        response = staff.patch(HELD, json=body)
        assert response.status_code == 400, response.text
        assert next(iter(body)) in response.text

    @pytest.mark.parametrize("body", [[1, 2], "text", 5])
    def test_a_body_that_is_no_object(self, staff, body):
        response = staff.patch(HELD, json=body)
        assert response.status_code == 400

    @pytest.mark.parametrize(
        "comment", [{"text": "x"}, ["x"], 5, True, "x\x0by", "长" * 60_000]
    )
    def test_workflow_comment(self, staff, comment):
        response = staff.post(
            f"{HELD}/@workflow/approve_minutes", json={"comment": comment}
        )
        assert response.status_code == 400
        assert "comment" in response.text
        assert staff.get(HELD).json()["review_state"] == "held"

    @pytest.mark.parametrize(
        "path,body,field",
        [
            (
                "/2018/2018-10-30-bimonthly/@attendance",
                {
                    "attendance": [
                        {
                            "member": "/members/m01",
                            "status": "leave",
                            "reason": {"x": 1},
                        }
                    ]
                },
                "reason",
            ),
            (
                "/2018/2018-10-30-bimonthly/@attendance",
                {
                    "attendance": [
                        {
                            "member": "/members/m01",
                            "status": "leave",
                            "reason": "长" * 1_000_000,
                        }
                    ]
                },
                "reason",
            ),
            (
                "/2018/2018-10-30-bimonthly/@attendance",
                {"attendance": [{"member": ["x"], "status": "present"}]},
                "member",
            ),
        ],
    )
    def test_attendance(self, staff, path, body, field):
        response = staff.patch(path, json=body)
        assert response.status_code == 400
        assert field in response.text

    @pytest.mark.parametrize(
        "body,field",
        [
            ({"comment": {"x": 1}}, "comment"),
            ({"lead_unit": {"x": 1}, "deadline": "2019-01-01"}, "lead_unit"),
            ({"lead_unit": "市民政局", "deadline": 20190101}, "deadline"),
            (
                {
                    "assisting_units": "市民政局",
                    "lead_unit": "市民政局",
                    "deadline": "2019-01-01",
                },
                "assisting_units",
            ),
        ],
    )
    def test_handling(self, secretary, body, field):
        submitted = search(portal_type="Suggestion", review_state="submitted")[0]
        response = secretary.post(f"{submitted.getURL()}/@handling/refer", json=body)
        assert response.status_code == 400, response.text
        assert field in response.text
        transaction.begin()
        assert submitted._unrestrictedGetObject().lead_unit in (None, "")

    @pytest.mark.parametrize(
        "body,field",
        [
            ({"rating": {"x": 1}}, "rating"),
            ({"rating": "satisfied", "comment": ["x"]}, "comment"),
            ({"rating": "satisfied", "proposer": 5}, "proposer"),
        ],
    )
    def test_evaluation(self, secretary, body, field):
        answered = search(portal_type="Suggestion", review_state="answered")[0]
        response = secretary.post(f"{answered.getURL()}/@evaluation", json=body)
        assert response.status_code == 400, response.text
        assert field in response.text

    def test_merge_comment(self, secretary):
        lead, other = search(portal_type="Suggestion", review_state="submitted")[:2]
        response = secretary.post(
            f"{lead.getURL()}/@merge",
            json={"suggestions": [other.UID], "comment": {"x": 1}},
        )
        assert response.status_code == 400 and "comment" in response.text


class TestLinksRelationsAndTimes:
    @pytest.mark.parametrize(
        "url",
        [
            "javascript:alert(document.cookie)",
            "JavaScript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
        ],
    )
    def test_unsafe_online_links_are_refused(self, staff, url):
        response = staff.patch(HELD, json={"online_url": url})
        assert response.status_code == 400 and "online_url" in response.text
        assert staff.get(HELD).json()["online_url"] != url

    @pytest.mark.parametrize(
        "url", ["https://meet.example.org/x", "wemeet://page/inmeeting?meeting_code=1"]
    )
    def test_web_and_meeting_links_pass(self, staff, url):
        assert staff.patch(HELD, json={"online_url": url}).status_code == 204

    def test_a_stored_unsafe_link_is_never_a_link(
        self, functional, staff, anon_request
    ):
        consultation = functional["portal"]["2018"]["2018-10-30-bimonthly"]
        consultation.online_url = "javascript:alert(1)"  # stored before the rule
        transaction.commit()
        page = browser_for(functional, *STAFF)
        page.open(consultation.absolute_url())
        assert "javascript:" not in page.contents
        assert "javascript:" not in staff.get(f"{HELD}/@ical").text

    @pytest.mark.parametrize(
        "field,target",
        [
            ("invitees", "/2018/2018-10-30-bimonthly/s018"),
            ("invitees", "/2018"),
            ("invitees", "/units"),
        ],
    )
    def test_invitees_are_members_only(self, staff, field, target):
        response = staff.patch(HELD, json={field: ["/members/m01", target]})
        assert response.status_code == 400 and field in response.text
        assert staff.get(f"{HELD}/@ical").status_code == 200
        assert staff.get(HELD.replace("/++api++", "")).status_code == 200

    def test_proposers_are_members_and_merged_into_a_suggestion(self, secretary):
        draft = "/2018/2018-10-30-bimonthly/s018"
        response = secretary.patch(draft, json={"proposers": ["/2018"]})
        assert response.status_code == 400 and "proposers" in response.text
        response = secretary.patch(draft, json={"merged_into": "/members/m01"})
        assert response.status_code == 400 and "merged_into" in response.text

    def test_a_time_without_zone_is_the_sites(self, staff):
        response = staff.post(
            "/2018",
            json={
                "@type": "Consultation",
                "title": "时区测试协商会",
                "kind": "topical",
                "start": "2018-12-27T09:00:00",
                "end": "2018-12-27T11:30:00",
            },
        )
        assert response.status_code == 201, response.text
        data = staff.get(response.json()["@id"]).json()
        from datetime import datetime

        start = datetime.fromisoformat(data["start"].replace("Z", "+00:00"))
        assert start.utcoffset() is not None
        assert (
            start.astimezone(
                datetime.fromisoformat("2018-12-27T09:00:00+08:00").tzinfo
            ).hour
            == 9
        )
