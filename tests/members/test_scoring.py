"""Duty evaluation (履职量化考评): each member's score is the sum of its lines, each line an
activity counted by the year's rules (points, a cap per item, a minimum to pass); the
secretariat changes the rules and every score follows; per year and per term; the
member reads their own score, the ranking is the secretariat's."""

from conftest import browser_for
from conftest import search
from conftest import SECRETARY
from io import BytesIO

import pytest

YEAR = 2018
XIANNING_JIAN = "关于争取命名“咸宁舰”的建议"  # 游进's public-opinion item, adopted
DEFAULT_POINTS = {
    "present": 2,
    "inspection": 2,
    "leave": 0,
    "absent": -3,
    "on_time": 0,
    "late": -1,
    "suggestion": 1,
    "referred": 1,
    "adopted_full": 3,
    "adopted_partial": 2,
    "opinion_adopted": 5,
    "instruction": 5,
    "speech": 3,
}
SUGGESTION_CAP = 10


def counted_by_hand(portal, member):
    """{rule: how many times} for ``member`` in 2018, read from the content objects (not
    the catalog the scores read)."""
    from collective.consultation.meeting.attendance import checkins
    from collective.consultation.meeting.attendance import statuses

    wf = portal.portal_workflow
    uid = member.UID()
    counts = {}

    def add(rule):
        counts[rule] = counts.get(rule, 0) + 1

    def suggestion(item, public_opinion):
        state = wf.getInfoFor(item, "review_state")
        if uid not in [r.to_object.UID() for r in item.proposers or ()]:
            return
        if state in ("draft", "withdrawn"):
            return
        add("suggestion")
        if state in ("referred", "answered", "adopted", "implemented", "not_adopted"):
            add("referred")
        if state in ("adopted", "implemented"):
            if public_opinion:
                add("opinion_adopted")
            elif item.adoption_degree in ("full", "partial"):
                add(f"adopted_{item.adoption_degree}")
        if (item.instruction or "").strip():
            add("instruction")

    for item in portal[str(YEAR)].objectValues():
        if item.portal_type == "Suggestion":
            suggestion(item, True)
            continue
        if item.portal_type != "Consultation":
            continue
        state = wf.getInfoFor(item, "review_state")
        invited = uid in [r.to_object.UID() for r in item.invitees or ()]
        if invited and state in ("scheduled", "held", "minuted"):
            mark = statuses(item).get(uid)
            if mark == "present":
                add(
                    "inspection"
                    if item.kind in ("inspection", "research")
                    else "present"
                )
            elif mark in ("leave", "absent"):
                add(mark)
            checkin = checkins(item).get(uid)
            if checkin:
                add("late" if checkin == "late" else "on_time")
        for child in item.objectValues():
            if child.portal_type == "Suggestion":
                suggestion(child, False)
            if child.portal_type == "Speech":
                speaker = child.speaker.to_object
                spoke = (
                    wf.getInfoFor(child, "review_state") == "accepted"
                    and state in ("held", "minuted")
                    and statuses(item).get(speaker.UID()) not in ("absent", "leave")
                )
                people = [speaker] + [r.to_object for r in child.co_speakers or ()]
                if spoke and uid in [p.UID() for p in people]:
                    add("speech")
    return counts


def total_of(counts, points=DEFAULT_POINTS, cap=SUGGESTION_CAP):
    total = 0
    for rule, times in counts.items():
        value = points[rule] * times
        if rule == "suggestion":
            value = min(value, cap)
        total += value
    return total


@pytest.mark.parametrize("member_id", ["m01", "m02", "m03"])
def test_each_score_is_its_lines_by_the_rules(functional, staff, member_id):
    member = functional["portal"]["members"][member_id]
    counts = counted_by_hand(functional["portal"], member)
    data = staff.get(f"/members/{member_id}/@duty-score?year={YEAR}").json()
    found = {}
    for line in data["lines"]:
        found[line["rule"]] = found.get(line["rule"], 0) + 1
    assert found == counts
    assert data["total"] == total_of(counts)
    assert data["total"] == sum(line["points"] for line in data["lines"])
    assert data["minimum"] == 10
    assert data["passed"] is (data["total"] >= 10)


def test_youjin_scores_his_adopted_xianning_jian_item(member):
    data = member.get(f"/members/m01/@duty-score?year={YEAR}").json()
    (line,) = (
        line
        for line in data["lines"]
        if line["activity"] == XIANNING_JIAN and line["rule"] == "opinion_adopted"
    )
    assert line["points"] == 5
    assert line["rule_title"]


def test_a_changed_rule_changes_every_score(functional, staff, secretary):
    from collective.consultation.members import scoring

    before = staff.get(f"/members/m02/@duty-score?year={YEAR}").json()
    present = before["by_rule"].get("present", 0) // 2
    browser = browser_for(functional, *SECRETARY)
    browser.open(f"{functional['portal'].absolute_url()}/@@duty-rules?year={YEAR}")
    browser.getControl(name="points.present").value = "10"
    browser.getControl(name="minimum").value = "30"
    browser.getForm(action="@@duty-rules", index=0).submit()
    assert "@@duty-rules?year=2018" in browser.url
    after = staff.get(f"/members/m02/@duty-score?year={YEAR}").json()
    assert after["total"] == before["total"] + 8 * present
    assert after["minimum"] == 30
    # the demo's note stays with the version until changed
    assert scoring.rules_for(YEAR).points["present"] == 10


def test_rules_with_a_bad_value_are_refused_naming_the_field(functional):
    import re

    def error(browser):
        found = re.search(
            r'class="alert alert-danger rules-error"[^>]*>([^<]*)<', browser.contents
        )
        return found.group(1) if found else ""

    browser = browser_for(functional, *SECRETARY)
    browser.open(f"{functional['portal'].absolute_url()}/@@duty-rules?year={YEAR}")
    assert error(browser) == ""
    browser.getControl(name="points.absent").value = "many"
    browser.getForm(action="@@duty-rules", index=0).submit()
    assert error(browser).startswith("points.absent:")
    browser.getControl(name="points.absent").value = "-500"
    browser.getForm(action="@@duty-rules", index=0).submit()
    assert error(browser).startswith("points.absent:")
    browser.getControl(name="review_day").value = "13-40"
    browser.getControl(name="points.absent").value = "-3"
    browser.getForm(action="@@duty-rules", index=0).submit()
    assert error(browser).startswith("review_day:")


def test_a_cap_left_empty_is_no_cap(functional, staff):
    before = staff.get(f"/members/m01/@duty-score?year={YEAR}").json()
    browser = browser_for(functional, *SECRETARY)
    browser.open(f"{functional['portal'].absolute_url()}/@@duty-rules?year={YEAR}")
    browser.getControl(name="cap.suggestion").value = "1"
    browser.getForm(action="@@duty-rules", index=0).submit()
    capped = staff.get(f"/members/m01/@duty-score?year={YEAR}").json()
    assert capped["by_rule"]["suggestion"] == 1
    browser.getControl(name="cap.suggestion").value = ""
    browser.getForm(action="@@duty-rules", index=0).submit()
    after = staff.get(f"/members/m01/@duty-score?year={YEAR}").json()
    proposed = [line for line in before["lines"] if line["rule"] == "suggestion"]
    assert after["by_rule"]["suggestion"] == len(proposed)  # 1 point each, no cap


def test_a_term_adds_up_its_years(staff):
    year = staff.get(f"/members/m02/@duty-score?year={YEAR}").json()
    term = staff.get("/members/m02/@duty-score?term=5").json()
    assert (term["term"], term["title"]) == (5, "第五届")
    assert term["total"] == year["total"]  # the demo has 2018 only
    assert term["minimum"] == 5 * 10  # five years, each with its minimum


@pytest.mark.parametrize(
    "query,field",
    [
        ("", "year"),
        ("?year=abc", "year"),
        ("?year=1800", "year"),
        ("?term=9", "term"),
        ("?term=5&year=2018", "term"),
        ("?colour=red", "colour"),
    ],
)
def test_a_wrong_period_is_refused_naming_it(staff, query, field):
    response = staff.get(f"/members/m02/@duty-score{query}")
    assert response.status_code == 400
    assert field in response.json()["message"]


@pytest.mark.parametrize(
    "who,own,other,ranking",
    [
        ("anonymous", 401, 401, 401),
        ("member", 200, 401, 401),  # 游进 reads his own only
        ("invitee", 401, 401, 401),
        ("staff", 200, 200, 401),
        ("secretary", 200, 200, 200),
    ],
)
def test_who_reads_scores(session_as, who, own, other, ranking):
    session = session_as(who)
    assert session.get(f"/members/m01/@duty-score?year={YEAR}").status_code == own
    assert session.get(f"/members/m05/@duty-score?year={YEAR}").status_code == other
    assert session.get(f"/@duty-scores?year={YEAR}").status_code == ranking


def test_the_ranking_orders_everyone_by_score(secretary, staff):
    items = secretary.get(f"/@duty-scores?year={YEAR}").json()["items"]
    totals = [item["total"] for item in items]
    assert totals == sorted(totals, reverse=True)
    assert items[0]["rank"] == 1
    for before, after in zip(items, items[1:]):
        if after["total"] == before["total"]:
            assert after["rank"] == before["rank"]
        else:
            assert after["rank"] > before["rank"]
    m02 = staff.get(f"/members/m02/@duty-score?year={YEAR}").json()
    (row,) = (item for item in items if item["title"] == m02["member"]["title"])
    assert row["total"] == m02["total"]


def test_the_ranking_of_a_sector_and_as_a_workbook(functional, secretary):
    from openpyxl import load_workbook

    sector = functional["portal"]["members"]["m01"].sector
    items = secretary.get(f"/@duty-scores?year={YEAR}&sector={sector}").json()["items"]
    assert items and {item["sector"] for item in items} == {sector}
    assert secretary.get(f"/@duty-scores?year={YEAR}&sector=nope").status_code == 400
    response = secretary.get(f"/@duty-scores?year={YEAR}&format=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    everyone = secretary.get(f"/@duty-scores?year={YEAR}").json()["items"]
    assert len(rows) == len(everyone) + 1
    assert rows[1][0] == 1 and rows[1][3] == everyone[0]["total"]


def test_a_cap_stops_an_item_growing(functional, staff):
    from collective.consultation.members import scoring
    from plone import api

    import transaction

    before = staff.get(f"/members/m01/@duty-score?year={YEAR}").json()
    suggestions = [line for line in before["lines"] if line["rule"] == "suggestion"]
    assert len(suggestions) >= 2  # 游进 proposed more than one
    rules = scoring.defaults()
    with api.env.adopt_roles(["Manager"]):
        scoring.save_rules(YEAR, rules.points, {"suggestion": 1}, rules.minimum)
    transaction.commit()
    after = staff.get(f"/members/m01/@duty-score?year={YEAR}").json()
    assert after["by_rule"]["suggestion"] == 1
    capped = [line for line in after["lines"] if line["rule"] == "suggestion"]
    assert [line["points"] for line in capped] == [1] + [0] * (len(capped) - 1)
    assert [line["capped"] for line in capped] == [False] + [True] * (len(capped) - 1)
    assert after["total"] == before["total"] - (len(suggestions) - 1)


def test_the_demo_members_have_real_lines(staff):
    data = staff.get(f"/members/m01/@duty-score?year={YEAR}").json()
    assert {"present", "suggestion", "opinion_adopted"} <= set(data["by_rule"])
    assert all(line["date"] and line["@id"] for line in data["lines"])


def test_the_terms_are_kept_in_the_settings(functional):
    from plone.app.testing import SITE_OWNER_NAME
    from plone.app.testing import SITE_OWNER_PASSWORD

    browser = browser_for(functional, SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    browser.open(f"{functional['portal'].absolute_url()}/@@consultation-settings")
    field = browser.getControl(name="form.widgets.terms")
    assert field.value.strip() == "5 | 第五届 | 2017 | 2021"
    field.value = "5 | 第五届 | 2017"
    browser.getControl(name="form.buttons.save").click()
    assert "number | title | first year | last year" in browser.contents
    field = browser.getControl(name="form.widgets.terms")
    field.value = "5 | 第\u202e五届 | 2017 | 2021"  # a bidi override in the title
    browser.getControl(name="form.buttons.save").click()
    assert "number | title | first year | last year" in browser.contents
    field = browser.getControl(name="form.widgets.terms")
    field.value = "5 | 第五届 | 2017 | 2021\n6 | 第六届 | 2022 | 2026"
    browser.getControl(name="form.buttons.save").click()
    from collective.consultation.members.terms import term

    import transaction

    transaction.begin()
    assert term(6).years == [2022, 2023, 2024, 2025, 2026]


def test_my_duties_shows_the_score_and_its_lines(functional, member):
    from conftest import MEMBER

    import re

    data = member.get(f"/members/m01/@duty-score?year={YEAR}").json()
    browser = browser_for(functional, *MEMBER)
    browser.open(f"{functional['portal'].absolute_url()}/@@my-duties?year={YEAR}")
    total = re.search(r'class="duty-score-total">(-?\d+)<', browser.contents).group(1)
    assert int(total) == data["total"]
    assert browser.contents.count(
        "<tr>", browser.contents.index("duty-score-lines")
    ) >= len(data["lines"])
    assert XIANNING_JIAN in browser.contents.split("duty-score-lines", 1)[1]


# --- talk reminders (谈话提醒) ---------------------------------------------------------------


def absences_by_hand(portal):
    """{member title: times absent without leave in 2018}, from the content."""
    from collective.consultation.meeting.attendance import statuses

    found = {}
    for item in portal[str(YEAR)].objectValues():
        if item.portal_type != "Consultation":
            continue
        if portal.portal_workflow.getInfoFor(item, "review_state") not in (
            "scheduled",
            "held",
            "minuted",
        ):
            continue
        invited = {r.to_object.UID(): r.to_object.title for r in item.invitees or ()}
        for uid, mark in statuses(item).items():
            if mark == "absent" and uid in invited:
                found[invited[uid]] = found.get(invited[uid], 0) + 1
    return found


def test_the_members_to_talk_to(functional, secretary):
    absences = absences_by_hand(functional["portal"])
    scores = secretary.get(f"/@duty-scores?year={YEAR}").json()["items"]
    below = {item["title"] for item in scores if not item["passed"]}
    often_absent = {name for name, count in absences.items() if count >= 2}
    response = secretary.get(f"/@duty-reminders?year={YEAR}")
    assert response.status_code == 200
    items = response.json()["items"]
    assert {item["title"] for item in items} == below | often_absent
    for item in items:
        assert ("absent" in item["reasons"]) == (item["title"] in often_absent)
        assert ("below_minimum" in item["reasons"]) == (item["title"] in below)
        assert item["absent"] == absences.get(item["title"], 0)


def test_reminders_are_mailed_to_those_chosen(functional, secretary, smtp):
    from helpers import mails

    items = secretary.get(f"/@duty-reminders?year={YEAR}").json()["items"]
    assert len(items) >= 2
    chosen = [items[0]["member"], items[1]["member"]]
    smtp.clear()
    response = secretary.post(
        "/@duty-reminders", json={"year": YEAR, "members": chosen}
    )
    assert response.status_code == 200, response.text
    assert response.json()["sent"] == 2
    messages = mails(smtp)
    assert len(messages) == 2
    body = messages[0].get_body(("plain",)).get_content()
    assert "@@my-duties?year=2018" in body
    refused = secretary.post(
        "/@duty-reminders", json={"year": YEAR, "members": ["not-listed"]}
    )
    assert refused.status_code == 400 and "members" in refused.json()["message"]


def test_a_later_review_day_keeps_the_score_out_of_it(functional, secretary):
    from collective.consultation.members import talks
    from datetime import date
    from plone import api

    with api.env.adopt_roles(["Manager"]):
        early = talks.due(YEAR, today=date(YEAR, 6, 30))
        late = talks.due(YEAR, today=date(YEAR, 12, 31))
    assert all(r.reasons == ["absent"] for r in early)
    assert len(late) >= len(early)


def test_the_rules_page_mails_the_ticked_members(functional, secretary, smtp):
    from helpers import mails

    listed = secretary.get(f"/@duty-reminders?year={YEAR}").json()["items"]
    with_mail = [
        item
        for item in listed
        if search(UID=item["member"])[0]._unrestrictedGetObject().email
    ]
    browser = browser_for(functional, *SECRETARY)
    browser.open(f"{functional['portal'].absolute_url()}/@@duty-rules?year={YEAR}")
    smtp.clear()
    browser.getControl(name="remind").click()
    assert len(mails(smtp)) == len(with_mail)


# --- the dossier (履职档案) ----------------------------------------------------------------


def dossier_text(content):
    from docx import Document

    document = Document(BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.append(" | ".join(cell.text for cell in row.cells))
    return document, "\n".join(texts)


def test_the_dossier_in_the_official_layout(chinese, functional, member):
    response = member.get(f"/members/m01/@duty-dossier?year={YEAR}")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    document, text = dossier_text(response.content)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    fonts = {
        run.element.rPr.rFonts.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia"
        )
        for p in document.paragraphs
        for run in p.runs
    }
    assert "仿宋_GB2312" in fonts
    score = member.get(f"/members/m01/@duty-score?year={YEAR}").json()
    assert "委员履职档案" in text and "游进（2018年度）" in text
    assert f"得分{score['total']}" in text.replace(" ", "")
    assert XIANNING_JIAN in text
    assert text.count("社情民意信息被采用") == sum(
        1 for line in score["lines"] if line["rule"] == "opinion_adopted"
    )


def test_the_secretariats_note_is_printed(chinese, member, secretary):
    refused = member.patch(
        "/members/m01/@duty-dossier", json={"year": YEAR, "note": "自评"}
    )
    assert refused.status_code == 401
    response = secretary.patch(
        "/members/m01/@duty-dossier",
        json={"year": YEAR, "note": "履职积极，建议表扬。"},
    )
    assert response.status_code == 204
    _document, text = dossier_text(
        member.get(f"/members/m01/@duty-dossier?year={YEAR}").content
    )
    assert "秘书处意见" in text and "履职积极，建议表扬。" in text
    bad = secretary.patch("/members/m01/@duty-dossier", json={"year": YEAR})
    assert bad.status_code == 400 and "note" in bad.json()["message"]


def test_a_term_dossier_and_a_sectors_zip(chinese, functional, secretary):
    import zipfile

    response = secretary.get("/members/m01/@duty-dossier?term=5")
    _document, text = dossier_text(response.content)
    assert "游进（第五届）" in text
    sector = functional["portal"]["members"]["m01"].sector
    response = secretary.get(f"/@duty-dossiers?year={YEAR}&sector={sector}")
    assert response.status_code == 200
    archive = zipfile.ZipFile(BytesIO(response.content))
    names = archive.namelist()
    members = secretary.get(f"/@duty-scores?year={YEAR}&sector={sector}").json()[
        "items"
    ]
    assert len(names) == len(members) and "m01-2018.docx" in names
    _document, text = dossier_text(archive.read("m01-2018.docx"))
    assert "游进" in text


@pytest.mark.parametrize(
    "who,own,other,committee",
    [
        ("anonymous", 401, 401, 401),
        ("member", 200, 401, 401),
        ("staff", 200, 200, 401),
        ("secretary", 200, 200, 200),
    ],
)
def test_who_downloads_dossiers(session_as, who, own, other, committee):
    session = session_as(who)
    assert session.get(f"/members/m01/@duty-dossier?year={YEAR}").status_code == own
    assert session.get(f"/members/m05/@duty-dossier?year={YEAR}").status_code == other
    assert session.get(f"/@duty-dossiers?year={YEAR}").status_code == committee


def test_the_ranking_on_the_member_directory(functional, secretary):
    import re

    expected = secretary.get(f"/@duty-scores?year={YEAR}").json()["items"]
    browser = browser_for(functional, *SECRETARY)
    portal_url = functional["portal"].absolute_url()
    browser.open(f"{portal_url}/members")
    assert browser.getLink(url="@@duty-rules").url == f"{portal_url}/@@duty-rules"
    browser.getLink(url="@@duty-ranking").click()
    totals = [
        int(t) for t in re.findall(r'class="ranking-total">(-?\d+)<', browser.contents)
    ]
    assert totals == [item["total"] for item in expected]
    browser.open(f"{portal_url}/members/@@duty-ranking?year={YEAR}&sort=speech")
    rows = re.findall(
        r'<td class="ranking-rank">.*?</tr>', browser.contents, flags=re.S
    )
    # the points per rule follow the score, speeches last (as scoring.RULES)
    speech = [int(re.findall(r"<td>(-?\d+)</td>", row)[-1]) for row in rows]
    assert speech == sorted(speech, reverse=True) and speech[0] > 0
    browser.open(f"{portal_url}/members/@@duty-ranking?term=5&sector=cdl")
    assert "第五届" in browser.contents


def test_a_member_sees_their_rank_when_the_settings_allow(
    functional, member, secretary
):
    from plone import api

    import transaction

    assert "rank" not in member.get(f"/members/m01/@duty-score?year={YEAR}").json()
    everyone = secretary.get(f"/@duty-scores?year={YEAR}").json()["items"]
    (own,) = (item for item in everyone if item["title"] == "游进")
    assert (
        secretary.get(f"/members/m01/@duty-score?year={YEAR}").json()["rank"]
        == own["rank"]
    )
    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record("collective.consultation.show_own_rank", True)
    transaction.commit()
    data = member.get(f"/members/m01/@duty-score?year={YEAR}").json()
    assert (data["rank"], data["ranked"]) == (own["rank"], len(everyone))
    from conftest import MEMBER

    browser = browser_for(functional, *MEMBER)
    browser.open(f"{functional['portal'].absolute_url()}/@@my-duties?year={YEAR}")
    assert 'class="duty-rank"' in browser.contents


def test_a_term_ranks_the_members_who_served_in_it(functional, secretary):
    """A member recorded for another term leaves the term's ranking, not the year's;
    one with no term recorded counts in every term."""
    from plone import api

    import transaction

    with api.env.adopt_roles(["Manager"]):
        api.portal.set_registry_record(
            "collective.consultation.terms",
            ["5 | 第五届 | 2017 | 2021", "6 | 第六届 | 2022 | 2026"],
        )
    transaction.commit()
    assert secretary.patch("/members/m02", json={"terms": [6]}).status_code == 204
    assert secretary.patch("/members/m03", json={"terms": []}).status_code == 204
    bad = secretary.patch("/members/m04", json={"terms": [9]})
    assert bad.status_code == 400 and "terms" in bad.text
    titles = {
        m: functional["portal"]["members"][m].title for m in ("m01", "m02", "m03")
    }
    term = {i["title"] for i in secretary.get("/@duty-scores?term=5").json()["items"]}
    year = {
        i["title"] for i in secretary.get(f"/@duty-scores?year={YEAR}").json()["items"]
    }
    assert titles["m01"] in term and titles["m03"] in term
    assert titles["m02"] not in term and titles["m02"] in year


def test_a_duty_record_for_a_term(staff):
    year = staff.get(f"/members/m01/@duty-record?year={YEAR}").json()
    term = staff.get("/members/m01/@duty-record?term=5").json()
    assert (term["term"], term["title"]) == (5, "第五届")
    for name in ("invited", "present", "suggestions", "speeches", "checked_in"):
        assert term[name] == year[name]  # the demo has 2018 only
    assert staff.get("/members/m01/@duty-record?term=8").status_code == 400


def test_the_rules_are_in_site_setup(functional):
    """For site administrators; the secretariat opens them from the member directory."""
    browser = browser_for(functional)
    browser.open(f"{functional['portal'].absolute_url()}/@@overview-controlpanel")
    assert "@@duty-rules" in browser.contents


def test_duty_pages_open_on_this_year_not_a_future_one(functional):
    """This year when it has consultations, else the newest past year; a future year
    (a consultation planned for January) only when nothing else is known."""
    from collective.consultation.dates import this_year
    from collective.consultation.members.duty import default_year

    now = this_year()
    assert default_year([now + 1, now, 2018]) == now
    assert default_year([now + 1, 2018]) == 2018
    assert default_year([now + 1]) == now + 1
    assert default_year([]) is None
