"""Members' duty records: attendance marked per consultation (REST and the grid), each
member's record for a year checked against the catalog, the xlsx export opened again, the
member's own pages, sectors, and who may see what."""

from conftest import browser_for
from conftest import MEMBER
from conftest import STAFF
from datetime import datetime
from datetime import timedelta
from io import BytesIO
from openpyxl import load_workbook

import pytest
import pytz
import transaction

WATER = "/2018/2018-06-28-bimonthly"
TZ = pytz.timezone("Asia/Shanghai")


def invitees(session, url):
    return session.get(f"{url}/@attendance").json()["items"]


class TestAttendance:
    def test_the_demo_marks(self, staff):
        data = staff.get(f"{WATER}/@attendance").json()
        assert data["open"] is True and data["statuses"] == [
            "present",
            "leave",
            "absent",
        ]
        counts = data["counts"]
        assert counts["present"] > 0 and counts["leave"] > 0 and counts["unmarked"] == 0
        leave = [i for i in data["items"] if i["status"] == "leave"]
        assert (
            leave[0]["reason"] == "公务外出。（演示数据）"
            and leave[0]["marked"]
            and leave[0]["by"]
        )

    def test_mark_by_path_and_uid(self, staff):
        items = invitees(staff, WATER)
        body = {
            "attendance": [
                {"member": items[0]["member"], "status": "absent"},
                {
                    "member": "/members/"
                    + staff.get(f"/@search?UID={items[1]['member']}")
                    .json()["items"][0]["@id"]
                    .rsplit("/", 1)[1],
                    "status": "leave",
                    "reason": "住院治疗",
                },
            ]
        }
        response = staff.patch(f"{WATER}/@attendance", json=body)
        assert response.status_code == 200, response.text
        after = {i["member"]: i for i in response.json()["items"]}
        assert after[items[0]["member"]]["status"] == "absent"
        assert (
            after[items[1]["member"]]["status"] == "leave"
            and after[items[1]["member"]]["reason"] == "住院治疗"
        )

    @pytest.mark.parametrize(
        "entry,field",
        [
            ({"member": "not-a-uid", "status": "present"}, "member"),
            ({"member": "/members/nobody", "status": "present"}, "member"),
            ({"status": "present"}, "member"),
        ],
    )
    def test_unknown_members(self, staff, entry, field):
        response = staff.patch(f"{WATER}/@attendance", json={"attendance": [entry]})
        assert response.status_code == 400 and response.json()["message"].startswith(
            field
        )

    def test_a_member_not_invited(self, staff):
        items = {i["member"] for i in invitees(staff, WATER)}
        outsider = next(
            m
            for m in staff.get(
                "/@search?portal_type=CommitteeMember&b_size=100&metadata_fields=UID"
            ).json()["items"]
            if m["UID"] not in items
        )
        response = staff.patch(
            f"{WATER}/@attendance",
            json={"attendance": [{"member": outsider["UID"], "status": "present"}]},
        )
        assert (
            response.status_code == 400 and "not invited" in response.json()["message"]
        )

    def test_a_bad_status_stores_nothing(self, staff):
        items = invitees(staff, WATER)
        before = [i["status"] for i in items]
        body = {
            "attendance": [
                {"member": items[0]["member"], "status": "absent"},
                {"member": items[1]["member"], "status": "late"},
            ]
        }
        response = staff.patch(f"{WATER}/@attendance", json=body)
        assert response.status_code == 400 and response.json()["message"].startswith(
            "status"
        )
        assert [i["status"] for i in invitees(staff, WATER)] == before

    def test_refused_before_the_start(self, staff):
        start = datetime.now(TZ) + timedelta(days=20)
        response = staff.post(
            "/2018",
            json={
                "@type": "Consultation",
                "title": "未来的协商会",
                "kind": "topical",
                "start": start.isoformat(),
                "end": (start + timedelta(hours=2)).isoformat(),
                "invitees": ["/members/m01"],
            },
        )
        url = response.json()["@id"]
        staff.post(f"{url}/@workflow/schedule")
        data = staff.get(f"{url}/@attendance").json()
        assert data["open"] is False
        response = staff.patch(
            f"{url}/@attendance",
            json={"attendance": [{"member": "/members/m01", "status": "present"}]},
        )
        assert response.status_code == 400 and "not begun" in response.json()["message"]

    def test_leave_comes_from_the_answer(self, functional, staff):
        from collective.consultation.calendar.invitations import InvitationLog
        from collective.consultation.calendar.invitations import recipients
        from collective.consultation.meeting.attendance import ANNOTATION_KEY
        from zope.annotation.interfaces import IAnnotations

        consultation = functional["portal"]["2018"]["2018-06-28-bimonthly"]
        del IAnnotations(consultation)[ANNOTATION_KEY]
        member = [r for r in recipients(consultation) if r.kind == "member"][0]
        InvitationLog(consultation).set_answer(member, "leave", "赴省外学习")
        transaction.commit()
        line = next(i for i in invitees(staff, WATER) if i["member"] == member.key)
        assert (
            line["rsvp"] == "leave"
            and line["status"] == "leave"
            and line["reason"] == "赴省外学习"
        )
        assert line["marked"] is False
        # marking leave without a reason keeps the member's own
        staff.patch(
            f"{WATER}/@attendance",
            json={"attendance": [{"member": member.key, "status": "leave"}]},
        )
        line = next(i for i in invitees(staff, WATER) if i["member"] == member.key)
        assert line["marked"] is True and line["reason"] == "赴省外学习"

    def test_who_may_mark(self, member, anon_request, secretary):
        body = {"attendance": [{"member": "/members/m01", "status": "present"}]}
        assert member.patch(f"{WATER}/@attendance", json=body).status_code == 401
        assert anon_request.get(f"{WATER}/@attendance").status_code == 401
        assert secretary.get(f"{WATER}/@attendance").status_code == 200


def expected_record(manager_request, uid):
    """The same figures from independent catalog searches."""
    consultations = manager_request.get(
        "/@search",
        params={
            "portal_type": "Consultation",
            "invitees": uid,
            "consultation_year:int": 2018,
            "review_state": ["scheduled", "held", "minuted"],
            "metadata_fields": "attendance_marks",
            "b_size": 200,
        },
    ).json()["items"]
    statuses = [(c["attendance_marks"] or {}).get(uid) for c in consultations]
    suggestions = manager_request.get(
        "/@search",
        params={
            "portal_type": "Suggestion",
            "proposers": uid,
            "consultation_year:int": 2018,
            "b_size": 200,
        },
    ).json()["items"]
    return {
        "invited": len(consultations),
        "present": statuses.count("present"),
        "leave": statuses.count("leave"),
        "absent": statuses.count("absent"),
        "suggestions": len(suggestions),
        "adopted": sum(
            1 for s in suggestions if s["review_state"] in ("adopted", "implemented")
        ),
    }


class TestDutyRecord:
    def test_the_numbers_on_the_demo_year(self, staff, manager_request):
        for path in ("/members/m01", "/members/m02", "/members/m07"):
            uid = staff.get(path).json()["UID"]
            data = staff.get(f"{path}/@duty-record", params={"year": "2018"}).json()
            figures = {
                k: data[k]
                for k in (
                    "invited",
                    "present",
                    "leave",
                    "absent",
                    "suggestions",
                    "adopted",
                )
            }
            assert figures == expected_record(manager_request, uid), path
            marked = data["present"] + data["leave"] + data["absent"]
            assert data["attendance_rate"] == (
                round(data["present"] / marked, 4) if marked else None
            )
            assert (
                len(data["consultations"]) == data["invited"]
                and len(data["proposed"]) == data["suggestions"]
            )
        youjin = staff.get("/members/m01/@duty-record?year=2018").json()
        assert "关于争取命名“咸宁舰”的建议" in [s["title"] for s in youjin["proposed"]]
        assert youjin["adopted"] >= 1

    def test_another_year_is_empty(self, staff):
        data = staff.get("/members/m01/@duty-record", params={"year": "2019"}).json()
        assert (
            data["invited"] == 0
            and data["suggestions"] == 0
            and data["attendance_rate"] is None
        )

    @pytest.mark.parametrize(
        "params", [{"year": "去年"}, {"year": "1800"}, {"yr": "2018"}]
    )
    def test_bad_years(self, staff, params):
        response = staff.get("/members/m01/@duty-record", params=params)
        assert response.status_code == 400

    def test_who_sees_which_record(self, member, anon_request, staff):
        assert member.get("/members/m01/@duty-record").status_code == 200  # his own
        assert member.get("/members/m02/@duty-record").status_code == 401
        assert anon_request.get("/members/m01/@duty-record").status_code == 401
        assert staff.get("/members/m02/@duty-record").status_code == 200

    def test_the_export(self, secretary, staff, member, manager_request):
        response = secretary.get(
            "/@duty-records", params={"year": "2018", "format": "xlsx"}
        )
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith(
            "application/vnd.openxmlformats"
        )
        sheet = load_workbook(BytesIO(response.content)).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        assert len(rows) == 61  # header and 60 members
        header = rows[0]
        by_name = {row[0]: dict(zip(header, row)) for row in rows[1:]}
        uid = staff.get("/members/m01").json()["UID"]
        expected = expected_record(manager_request, uid)
        youjin = by_name["游进"]
        assert [youjin[h] for h in header[3:8]][:4] == [
            expected["invited"],
            expected["present"],
            expected["leave"],
            expected["absent"],
        ]
        data = secretary.get("/@duty-records", params={"year": "2018"}).json()
        assert len(data["items"]) == 60
        assert staff.get("/@duty-records").status_code == 401
        assert member.get("/@duty-records").status_code == 401
        assert (
            secretary.get("/@duty-records", params={"format": "pdf"}).status_code == 400
        )


class TestPages:
    def test_member_page_shows_the_record(self, functional, portal_url):
        browser = browser_for(functional, *STAFF)
        browser.open(f"{portal_url}/members/m01?year=2018")
        assert (
            "duty-record" in browser.contents
            and "关于争取命名“咸宁舰”的建议" in browser.contents
        )

    def test_my_duties(self, functional, portal_url):
        browser = browser_for(functional, *MEMBER)
        browser.open(f"{portal_url}/@@my-duties?year=2018")
        assert "游进" in browser.contents and "my-answers" in browser.contents
        assert "关于争取命名“咸宁舰”的建议" in browser.contents
        browser = browser_for(functional, *STAFF)
        browser.open(f"{portal_url}/@@my-duties")
        assert "not linked" in browser.contents or "未关联" in browser.contents

    def test_my_duties_open_on_what_comes_next(self, functional, portal_url, staff):
        from conftest import add_consultation
        from helpers import future

        add_consultation(
            staff,
            "下月的双月协商会",
            future(20, 9),
            future(20, 11),
            ["/members/m01"],
            schedule=True,
        )
        browser = browser_for(functional, *MEMBER)
        browser.open(f"{portal_url}/@@my-duties?year=2018")  # any year shown
        coming = browser.contents.split('class="my-coming"', 1)[1].split("</section>")[
            0
        ]
        assert "下月的双月协商会" in coming
        browser.getLink(url="@@rsvp?").click()  # the invitation's own answer page
        assert "下月的双月协商会" in browser.contents

    def test_sectors(self, functional, portal_url):
        browser = browser_for(functional, *STAFF)
        browser.open(f"{portal_url}/members/@@sectors?year=2018")
        assert browser.contents.count("@@sector?sector=") >= 20
        browser.open(f"{portal_url}/members/@@sector?sector=non_party&year=2018")
        assert "游进" in browser.contents

    def test_sector_must_exist(self, functional, portal_url):
        from zExceptions import BadRequest

        browser = browser_for(functional, *STAFF)
        with pytest.raises(BadRequest):
            browser.open(f"{portal_url}/members/@@sector?sector=astronauts")
