"""plone.restapi on the real WSGI server: create, read, update and transition each type;
bad input answered with HTTP 400 naming the field, and nothing stored."""

import pytest

CONSULTATION = {
    "@type": "Consultation",
    "title": "关于数字政协建设的专题协商会",
    "kind": "topical",
    "start": "2018-12-27T09:00:00+08:00",
    "end": "2018-12-27T11:30:00+08:00",
    "location": "市政协机关三楼会议室",
}


def error_text(response):
    assert response.status_code == 400, response.text
    return response.text


class TestSearch:
    def test_admin_finds_the_demo_year(self, manager_request):
        consultations = manager_request.get("/@search?portal_type=Consultation").json()
        suggestions = manager_request.get("/@search?portal_type=Suggestion").json()
        assert consultations["items_total"] == 32
        assert suggestions["items_total"] >= 100

    def test_metadata_from_the_catalog(self, manager_request):
        response = manager_request.get(
            "/@search",
            params={
                "portal_type": "Suggestion",
                "review_state": "adopted",
                "metadata_fields": [
                    "lead_unit",
                    "consultation_kind",
                    "proposer_names",
                    "deadline",
                ],
                "b_size": 5,
            },
        ).json()
        item = response["items"][0]
        assert item["lead_unit"] and item["proposer_names"] and item["deadline"]


class TestProgramme:
    def test_create_read_update_publish(self, staff, anon_request):
        response = staff.post(
            "/",
            json={
                "@type": "ConsultationProgramme",
                "title": "2019年度协商计划",
                "year": 2019,
            },
        )
        assert response.status_code == 201, response.text
        url = response.json()["@id"]
        assert staff.get(url).json()["year"] == 2019
        assert anon_request.get(url).status_code == 401
        assert staff.patch(url, json={"description": "草案"}).status_code == 204
        response = staff.post(f"{url}/@workflow/publish", json={"comment": "印发"})
        assert response.status_code == 200, response.text
        assert anon_request.get(url).json()["review_state"] == "published"

    @pytest.mark.parametrize("year", [1948, 2101])
    def test_year_outside_range(self, staff, manager_request, year):
        response = staff.post(
            "/", json={"@type": "ConsultationProgramme", "title": "x", "year": year}
        )
        text = error_text(response)
        assert "year" in text and "1949" in text
        assert (
            manager_request.get("/@search?portal_type=ConsultationProgramme").json()[
                "items_total"
            ]
            == 1
        )

    def test_member_may_not_create(self, member, anon_request):
        body = {"@type": "ConsultationProgramme", "title": "x", "year": 2019}
        assert member.post("/", json=body).status_code == 401
        assert anon_request.post("/", json=body).status_code == 401


class TestConsultation:
    def test_create_read_update_schedule(self, staff, member):
        response = staff.post(
            "/2018", json={**CONSULTATION, "invitees": ["/members/m01"]}
        )
        assert response.status_code == 201, response.text
        url = response.json()["@id"]
        data = staff.get(url).json()
        assert data["kind"]["token"] == "topical"
        assert data["start"].startswith("2018-12-27T01:00")  # stored in UTC
        assert [i["title"] for i in data["invitees"]] == ["游进"]
        assert staff.patch(url, json={"location": "市民之家"}).status_code == 204
        assert staff.get(url).json()["location"] == "市民之家"

        assert (
            staff.post(
                f"{url}/@workflow/schedule", json={"comment": "发出通知"}
            ).status_code
            == 200
        )
        history = staff.get(f"{url}/@history").json()
        step = [h for h in history if h.get("action") == "schedule"][0]
        assert step["comments"] == "发出通知" and step["actor"]["id"] == "staff"
        # the invited member now sees it
        assert member.get(url).json()["review_state"] == "scheduled"

    def test_secretary_may_not_schedule(self, staff, secretary):
        url = staff.post("/2018", json=CONSULTATION).json()["@id"]
        assert secretary.post(f"{url}/@workflow/schedule").status_code in (
            400,
            401,
            403,
        )
        assert staff.get(url).json()["review_state"] == "draft"

    @pytest.mark.parametrize(
        "change,field_words",
        [
            ({"kind": "sectoral"}, "Sector"),
            ({"kind": "counterpart"}, "Counterpart units"),
            ({"kind": "counterpart", "counterpart_units": [" "]}, "unit"),
            ({"end": "2018-12-27T08:00:00+08:00"}, "End"),
            ({"guests": ["张三 | 市文旅局 | not-an-address"]}, "Guests"),
            ({"online_url": "not a url"}, "online_url"),
            ({"kind": "no-such-kind"}, "kind"),
        ],
    )
    def test_bad_input_is_refused_and_not_stored(
        self, staff, manager_request, change, field_words
    ):
        response = staff.post("/2018", json={**CONSULTATION, **change})
        assert field_words in error_text(response)
        found = manager_request.get("/@search", params={"Title": "数字政协"}).json()
        assert found["items_total"] == 0

    def test_bad_update_keeps_stored_values(self, staff):
        url = staff.post("/2018", json=CONSULTATION).json()["@id"]
        response = staff.patch(url, json={"kind": "sectoral", "location": "别处"})
        assert "Sector" in error_text(response)
        data = staff.get(url).json()
        assert (
            data["kind"]["token"] == "topical"
            and data["location"] == CONSULTATION["location"]
        )

    def test_sectoral_with_sector_is_fine(self, staff):
        response = staff.post(
            "/2018", json={**CONSULTATION, "kind": "sectoral", "sector": "education"}
        )
        assert response.status_code == 201, response.text

    def test_anonymous_cannot_read_a_draft(self, anon_request):
        assert anon_request.get("/2018/2018-12-06-online").status_code == 401
        assert anon_request.get("/2018/2018-06-28-bimonthly").status_code == 200


class TestSuggestion:
    def test_member_proposes_and_secretariat_handles(self, staff, member, secretary):
        consultation = staff.post(
            "/2018", json={**CONSULTATION, "invitees": ["/members/m01"]}
        ).json()["@id"]
        staff.post(f"{consultation}/@workflow/schedule")
        response = member.post(
            consultation,
            json={"@type": "Suggestion", "title": "关于优化审批流程的建议"},
        )
        assert response.status_code == 201, response.text
        url = response.json()["@id"]
        # the member who files it is its proposer
        assert [p["title"] for p in staff.get(url).json()["proposers"]] == ["游进"]
        assert (
            member.post(f"{url}/@workflow/submit", json={"comment": "报送"}).status_code
            == 200
        )
        assert member.post(f"{url}/@workflow/refer").status_code in (400, 401, 403)
        patch = {
            "lead_unit": "市水利和湖泊局",
            "deadline": "2019-03-27",
            "assisting_units": ["市发展和改革委员会"],
            "answer": "已答复。",
            "answer_date": "2019-02-01",
            "adoption_degree": "full",
            "implementation": "已落实。",
        }
        assert secretary.patch(url, json=patch).status_code == 204
        for transition in ("refer", "answer", "adopt", "implement"):
            response = secretary.post(
                f"{url}/@workflow/{transition}", json={"comment": transition}
            )
            assert response.status_code == 200, (transition, response.text)
        data = secretary.get(url).json()
        assert data["review_state"] == "implemented"
        assert (
            data["lead_unit"] == "市水利和湖泊局" and data["deadline"] == "2019-03-27"
        )
        history = secretary.get(f"{url}/@history").json()
        steps = {
            h["transition_title"]: h["comments"]
            for h in history
            if h.get("type") == "workflow"
        }
        assert {
            "Submit to the committee": "报送",
            "Refer to units": "refer",
            "Mark as implemented": "implement",
        }.items() <= steps.items()
        # the proposer follows the handling too
        assert member.get(f"{url}/@history").status_code == 200

    def test_not_invited_member_cannot_propose(self, staff, member):
        consultation = staff.post("/2018", json=CONSULTATION).json()["@id"]
        staff.post(f"{consultation}/@workflow/schedule")
        response = member.post(consultation, json={"@type": "Suggestion", "title": "x"})
        assert response.status_code == 401

    def test_bad_adoption_value(self, secretary):
        response = secretary.patch(
            "/2018/2018-06-28-bimonthly/s009", json={"adoption_degree": "most"}
        )
        assert "adoption_degree" in error_text(response)


class TestMembers:
    def test_create_read_update(self, staff, anon_request):
        body = {
            "@type": "CommitteeMember",
            "title": "测试委员",
            "email": "test@example.org",
            "sector": "education",
        }
        response = staff.post("/members", json=body)
        assert response.status_code == 201, response.text
        url = response.json()["@id"]
        assert staff.patch(url, json={"phone": "0715-8000000"}).status_code == 204
        assert staff.get(url).json()["phone"] == "0715-8000000"
        assert anon_request.get(url).status_code == 401

    @pytest.mark.parametrize("email", ["not-an-address", "a@b", "张三@"])
    def test_malformed_email(self, staff, email):
        body = {"@type": "CommitteeMember", "title": "测试委员", "email": email}
        assert "email" in error_text(staff.post("/members", json=body))

    def test_directory_created_by_admin(self, manager_request, staff):
        body = {"@type": "MemberDirectory", "title": "第六届委员名录"}
        assert staff.post("/", json=body).status_code in (400, 401, 403)
        response = manager_request.post("/", json=body)
        assert response.status_code == 201, response.text
        url = response.json()["@id"]
        assert (
            manager_request.patch(url, json={"description": "2021—2026"}).status_code
            == 204
        )
        data = manager_request.get(url).json()
        assert data["@type"] == "MemberDirectory" and data["description"] == "2021—2026"
        assert data["review_state"] == "internal"

    def test_member_reads_own_entry_not_others(self, member):
        assert member.get("/members/m01").json()["title"] == "游进"
        assert member.get("/members/m02").status_code == 401


def test_the_year_is_queried_as_the_client_sends_it(staff):
    """@search?consultation_year=2018 (text in a query string) finds the year, as the
    REST reference shows it; text that is no number answers 400 naming the index."""
    found = staff.get(
        "/@search",
        params={"portal_type": "Consultation", "consultation_year": "2018"},
    ).json()
    assert found["items_total"] == 32  # the demo year's consultations
    wrong = staff.get("/@search", params={"consultation_year": "二〇一八"})
    assert wrong.status_code == 400
    assert "consultation_year" in wrong.text
