"""Builds the demo year (profile ``collective.consultation:demo``) from programme.py and
members.py: the member directory, the 2018 programme, its 32 consultations, their
suggestions in every state of the lifecycle, and three demo logins.

Workflow histories are dated back into 2018 so that timelines read like the real year.
"""

from collective.consultation import logger
from collective.consultation.demo import members as member_data
from collective.consultation.demo import programme as data
from collective.consultation.meeting import speeches
from collective.consultation.meeting.attendance import mark as mark_attendance
from collective.consultation.meeting.attendance import record_check_in
from collective.consultation.members import scoring
from collective.consultation.tracking import notices
from collective.consultation.tracking.evaluation import evaluate
from datetime import datetime
from datetime import timedelta
from DateTime import DateTime
from plone import api
from Products.CMFCore.indexing import processQueue
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

import pytz

# pytz, as plone.app.event stores it: zoneinfo objects do not pickle into the ZODB.
TZ = pytz.timezone("Asia/Shanghai")
PROGRAMME_ID = str(data.YEAR)
DIRECTORY_ID = "members"
UNITS_ID = "units"

# Demo logins: (login, password, full name, group, linked member name)
DEMO_USERS = (
    ("staff", "staff-2018", "专委会工作人员（演示）", "consultation-staff", None),
    ("secretary", "secretary-2018", "办公室工作人员（演示）", "secretariat", None),
    ("youjin", "youjin-2018", "游进", "committee-members", "游进"),
)

CONSULTATION_PATHS = {
    "draft": [],
    "scheduled": ["schedule"],
    "held": ["schedule", "hold"],
    "minuted": ["schedule", "hold", "approve_minutes"],
    "cancelled": ["schedule", "cancel"],
}
SUGGESTION_PATHS = {
    "draft": [],
    "submitted": ["submit"],
    "referred": ["submit", "refer"],
    "answered": ["submit", "refer", "answer"],
    "adopted": ["submit", "refer", "answer", "adopt"],
    "implemented": ["submit", "refer", "answer", "adopt", "implement"],
    "not_adopted": ["submit", "refer", "decline"],
    "withdrawn": ["submit", "withdraw"],
}
# How suggestions of a minuted consultation ended up, in turn; a held one's are younger.
MINUTED_CYCLE = (
    "implemented",
    "adopted",
    "answered",
    "referred",
    "adopted",
    "implemented",
    "not_adopted",
    "answered",
    "adopted",
    "withdrawn",
    "implemented",
    "referred",
)
HELD_CYCLE = ("submitted", "draft", "referred", "submitted")

# Days after the consultation's start at which each step happened.
STEP_DAYS = {
    None: 0,
    "schedule": -14,
    "hold": 0,
    "approve_minutes": 10,
    "cancel": -3,
    "submit": 2,
    "refer": 12,
    "answer": 55,
    "adopt": 65,
    "implement": 120,
    "decline": 40,
    "withdraw": 6,
}
STEP_ACTORS = {
    "schedule": "staff",
    "hold": "staff",
    "approve_minutes": "secretary",
    "cancel": "staff",
    "refer": "secretary",
    "answer": "secretary",
    "adopt": "secretary",
    "implement": "secretary",
    "decline": "secretary",
}


def build_demo_year(context):
    portal = api.portal.get()
    if PROGRAMME_ID in portal.objectIds():
        logger.info("Demo year already present: nothing to do.")
        return
    # The demo year is history: no referral reaches any unit while it is built.
    with api.env.adopt_roles(["Manager"]), notices.quiet():
        _units(portal)
        members = _members(portal)
        _users(members)
        programme = api.content.create(
            container=portal,
            type="ConsultationProgramme",
            id=PROGRAMME_ID,
            title=data.PROGRAMME_TITLE,
            description=data.PROGRAMME_DESCRIPTION,
            year=data.YEAR,
        )
        counter = iter(range(10_000))
        for index, spec in enumerate(data.CONSULTATIONS):
            _consultation(programme, index, spec, members, counter)
        _public_opinion(programme, members)
        _materials(programme)
        _duty_rules()
        api.content.transition(
            programme, transition="publish", comment="2018年度协商计划印发。"
        )
    # Index now, while the site (and its intid utility) is still set: callers such as
    # test layers commit after leaving the site.
    processQueue()
    logger.info("Demo year built.")


# --- members and logins ---------------------------------------------------------------


def _units(portal):
    directory = api.content.create(
        container=portal,
        type="UnitDirectory",
        id=UNITS_ID,
        title="承办单位",
        description="答复和落实政协建议的单位（演示数据：联系人和邮箱均为虚构）。",
    )
    for number, name in enumerate(data.unit_names(), 1):
        api.content.create(
            container=directory,
            type="HandlingUnit",
            id=f"u{number:02d}",
            title=name,
            contact_person=f"{name}办公室（演示）",
            contact_email=f"unit{number:02d}@example.net",
            phone=f"0715-8{number:03d}{number:03d}",
        )


def _members(portal):
    directory = api.content.create(
        container=portal,
        type="MemberDirectory",
        id=DIRECTORY_ID,
        title="委员名录",
        description="政协咸宁市第五届委员会委员（演示数据：姓名、单位和联系方式均为虚构）。",
    )
    members = []
    for index, (name, sector, party, organisation) in enumerate(member_data.MEMBERS):
        members.append(
            api.content.create(
                container=directory,
                type="CommitteeMember",
                id=f"m{index + 1:02d}",
                title=name,
                sector=sector,
                party=party,
                organisation=organisation,
                standing_committee=name in member_data.STANDING_COMMITTEE,
                terms=[5],  # 第五届 (2017–2021), as the settings name it
                email=member_data.email_for(index),
                phone=member_data.phone_for(index),
            )
        )
    return members


def _users(members):
    by_name = {m.title: m for m in members}
    for login, password, fullname, group, member_name in DEMO_USERS:
        if api.user.get(username=login) is None:
            api.user.create(
                email=f"{login}@example.org",
                username=login,
                password=password,
                properties={"fullname": fullname},
            )
        api.group.add_user(groupname=group, username=login)
        if member_name:
            member = by_name[member_name]
            member.userid = login
            member.reindexObject()


# --- consultations --------------------------------------------------------------------


def _relations(objects):
    intids = getUtility(IIntIds)
    return [RelationValue(intids.getId(obj)) for obj in objects]


def _invitees(index, spec, members):
    """About fifteen members: the sector's own for a sectoral consultation, then others."""
    chosen = [m for m in members if spec.get("sector") and m.sector == spec["sector"]]
    step = (7, 11, 13, 17, 19)[index % 5]  # prime to 60, so every member is reached
    position = index * 3
    while len(chosen) < 15:
        member = members[position % len(members)]
        if member not in chosen:
            chosen.append(member)
        position += step
    if members[0] not in chosen and (index % 3 == 0 or spec["state"] == "scheduled"):
        # 游进 is invited to a third of them, and to the one still to come, so that the
        # tour can show him proposing a suggestion to a consultation that is open
        chosen.append(members[0])
    return chosen


def _consultation(programme, index, spec, members, counter):
    topic, lead_unit, assisting_units = data.TOPICS[spec["topic"]]
    start = TZ.localize(datetime.strptime(spec["start"], "%Y-%m-%d %H:%M"))
    end = start + timedelta(hours=spec["hours"])
    invitees = _invitees(index, spec, members)
    units = spec.get("units") or []
    guests = [f"{unit}负责同志 | {unit} |" for unit in units] + [
        f"专家学者代表 | 湖北科技学院 | expert{index + 1:02d}@example.net"
    ]
    note = data.SEED_NOTE if spec.get("seed") else data.DEMO_NOTE
    minutes = (
        _minutes_fields(index, spec, topic, lead_unit)
        if spec["state"] in ("held", "minuted")
        else {}
    )
    consultation = api.content.create(
        container=programme,
        type="Consultation",
        id=spec["id"],
        **minutes,
        title=spec["title"],
        description=f"围绕“{topic}”开展{_kind_zh(spec['kind'])}。{note}",
        kind=spec["kind"],
        topic=topic,
        start=start,
        end=end,
        location=spec["location"],
        online_url=spec.get("online_url"),
        organising_committee=spec["committee"],
        sector=spec.get("sector"),
        counterpart_units=units,
        invitees=_relations(invitees),
        guests=guests,
        agenda="\n".join(
            [
                "通报有关情况",
                f"{lead_unit}介绍{topic}工作情况",
                "政协委员、专家学者发言",
                "有关部门负责同志回应",
                "市政协领导讲话",
            ]
        ),
    )
    for transition in CONSULTATION_PATHS[spec["state"]]:
        if transition == "hold" and spec["kind"] == "bimonthly":
            _speeches(consultation, spec, invitees, lead_unit, start)
        comment = spec.get("cancel_note", "") if transition == "cancel" else ""
        api.content.transition(consultation, transition=transition, comment=comment)
        if transition == "hold":
            _attendance(consultation, index, invitees, end)
    _backdate(consultation, start)

    cycle = MINUTED_CYCLE if spec["state"] == "minuted" else HELD_CYCLE
    for title in spec["suggestions"]:
        number = next(counter)
        state = cycle[number % len(cycle)]
        proposers = [invitees[(number * 5) % len(invitees)]]
        if number % 3 == 0:
            proposers.append(invitees[(number * 5 + 4) % len(invitees)])
        _suggestion(
            consultation,
            f"s{number + 1:03d}",
            f"关于{title}的建议",
            state,
            start,
            proposers,
            lead_unit,
            assisting_units,
            number,
        )


# 协商发言 at the bimonthly consultations: three members speak on the consultation's
# first suggestions, in an order staff set, the lead unit responding; a fourth speech
# came in and was declined (演示数据).
SPEECH_DAYS = {None: -7, "submit": -5, "accept": -3, "decline": -3}
SPEECH_TEXT = (
    "{topic}事关群众切身利益。近期我们深入走访调研，发现{title}方面仍有短板，"
    "建议有关部门统筹资源、明确责任、加快推进。（演示数据）"
)


def _speeches(consultation, spec, invitees, lead_unit, start):
    topic = data.TOPICS[spec["topic"]][0]
    spoken = []
    for number, title in enumerate(spec["suggestions"][:4]):
        speaker = invitees[(number * 3 + 1) % len(invitees)]
        co_speakers = (
            [invitees[(number * 3 + 2) % len(invitees)]] if number == 1 else []
        )
        speech = api.content.create(
            container=consultation,
            type="Speech",
            id=f"speech-{number + 1}",
            title=f"关于{title}的发言",
            text=SPEECH_TEXT.format(topic=topic, title=title),
            speaker=_relations([speaker])[0],
            co_speakers=_relations(co_speakers),
        )
        wftool = api.portal.get_tool("portal_workflow")
        submitted = start + timedelta(days=SPEECH_DAYS["submit"])
        wftool.doActionFor(speech, "submit", now=submitted)
        if number < 3:
            wftool.doActionFor(speech, "accept")
            spoken.append(speech)
        else:
            wftool.doActionFor(
                speech, "decline", comment="与已安排发言内容重复。（演示数据）"
            )
        _date_speech(speech, start)
    # the third speaks first: staff arrange the order after the speeches are in
    order = [spoken[2], spoken[0], spoken[1]]
    speeches.arrange(
        consultation,
        [s.UID() for s in order],
        {s.UID(): 8 if i == 0 else 5 for i, s in enumerate(order)},
        {s.UID(): [lead_unit] for s in order},
    )


def _duty_rules():
    """The 2018 evaluation rules: the defaults, as the secretariat would adopt them."""
    rules = scoring.defaults()
    scoring.save_rules(
        data.YEAR,
        rules.points,
        rules.caps,
        rules.minimum,
        note="演示数据：参照各地政协委员履职量化考评办法拟定。",
    )


def _date_speech(speech, start):
    speaker = speeches.speaker_of(speech)
    history = []
    for entry in speech.workflow_history["speech_workflow"]:
        entry = dict(entry)
        moment = start + timedelta(days=SPEECH_DAYS.get(entry.get("action"), 0))
        entry["time"] = DateTime(moment.isoformat())
        entry["actor"] = (
            (speaker.userid or "member") if entry.get("action") == "submit" else "staff"
        )
        history.append(entry)
    speech.workflow_history["speech_workflow"] = tuple(history)
    speech.creation_date = DateTime(
        (start + timedelta(days=SPEECH_DAYS[None])).isoformat()
    )
    speech.setModificationDate(history[-1]["time"])
    speech.reindexObject()


# The drinking-water consultation's materials: its agenda for everybody once held, the
# research report for invitees and staff.
MATERIALS = (
    (
        "2018-06-28-bimonthly",
        "agenda",
        "public",
        "会议议程（演示数据）",
        (
            "一、市水利和湖泊局通报幕阜山片区农村饮水安全工作情况",
            "二、委员视察调研情况报告",
            "三、委员、专家协商发言",
            "四、市政府领导回应",
            "五、市政协主席讲话",
        ),
    ),
    (
        "2018-06-28-bimonthly",
        "research_report",
        "invitees",
        "幕阜山片区农村饮水质量调研报告（演示数据）",
        (
            "调研组走访了崇阳、通城、通山三县的12个村级供水点。",
            "部分工程水源保护不到位，水质检测覆盖不足，管护责任不明确。",
            "建议建立县级统管、乡镇监管、村级管护的工程管护体系。",
        ),
    ),
)


def _word_file(title, paragraphs):
    from docx import Document
    from docx.oxml.ns import qn
    from io import BytesIO

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _materials(programme):
    from plone.namedfile.file import NamedBlobFile

    for consultation_id, kind, audience, title, paragraphs in MATERIALS:
        api.content.create(
            container=programme[consultation_id],
            type="MeetingMaterial",
            id="material-" + kind.replace("_", "-"),
            title=title,
            kind=kind,
            audience=audience,
            file=NamedBlobFile(
                data=_word_file(title, paragraphs),
                filename=f"{title}.docx",
                contentType=(
                    "application/vnd.openxmlformats-officedocument"
                    ".wordprocessingml.document"
                ),
            ),
        )


def _attendance(consultation, index, invitees, end):
    """Most attend and check in with the QR code (签到), a few of them late; some are
    marked present by staff; a few ask for leave, fewer are absent (as staff would mark
    it after)."""
    changes = []
    for position, member in enumerate(invitees):
        turn = position + index
        if turn % 11 == 3:
            changes.append((member.UID(), "leave", "公务外出。（演示数据）"))
        elif turn % 17 == 5:
            changes.append((member.UID(), "absent", ""))
        elif turn % 7 == 6:
            changes.append((member.UID(), "present", ""))  # signed the paper list
        else:
            late = turn % 13 == 8
            minutes = 25 if late else -10 - turn % 20
            record_check_in(
                consultation,
                member.UID(),
                late,
                now=consultation.start + timedelta(minutes=minutes),
            )
    mark_attendance(consultation, changes, now=end)


# The report names the chairman 曾国平 and the vice-chairman 沈晋; the others are invented.
PRESIDING = (
    "市政协主席曾国平",
    "市政协副主席沈晋",
    "市政协副主席（演示）李明华",
    "市政协秘书长（演示）陈志刚",
)


def _minutes_fields(index, spec, topic, lead_unit):
    return {
        "minutes_number": f"咸政协纪〔{data.YEAR}〕{index + 1}号",
        "presided_by": PRESIDING[index % len(PRESIDING)],
        "discussion_summary": "\n".join(
            [
                f"会议听取了{lead_unit}关于{topic}工作情况的通报。",
                f"与会委员、专家学者围绕{topic}深入调研、坦诚协商，提出了针对性、操作性较强的意见建议。",
                "有关部门负责同志逐一作了回应，表示将认真研究吸纳。（演示数据）",
            ]
        ),
        "decisions": "\n".join(
            [
                f"会议形成的建议经整理后报送市委、市政府，批转{lead_unit}等有关部门研究落实。",
                "各承办单位在三个月内书面答复，市政协适时组织督办和民主评议。",
            ]
        ),
        "minutes_closing": "会议要求，各有关单位要高度重视委员提出的意见建议，切实抓好办理落实。",
    }


def _kind_zh(kind):
    return {
        "bimonthly": "双月协商",
        "sectoral": "界别协商",
        "counterpart": "对口协商",
        "topical": "专题协商",
        "standing_committee": "议政性常委会议协商",
        "online": "网络议政、远程协商",
        "inspection": "委员视察",
        "research": "专题调研",
    }[kind]


# --- suggestions ------------------------------------------------------------------------


def _suggestion(
    container,
    id_,
    title,
    state,
    start,
    proposers,
    lead_unit,
    assisting_units,
    number,
    proposer_other=None,
):
    handled = state not in ("draft", "submitted", "withdrawn")
    answered = state in ("answered", "adopted", "implemented")
    adopted = state in ("adopted", "implemented")
    deadline = (start + timedelta(days=90)).date()
    answer_date = (start + timedelta(days=STEP_DAYS["answer"])).date()
    fields = dict(
        title=title,
        description="演示数据：建议内容和办理情况为虚构。",
        text=(
            f"{title[2:-3]}。建议由{lead_unit}牵头，会同有关部门制定具体措施，"
            "明确责任分工和完成时限，定期向市政协通报办理进展。（演示数据）"
        ),
        proposers=_relations(proposers),
        proposer_other=proposer_other,
    )
    if handled:
        fields.update(
            lead_unit=lead_unit,
            assisting_units=list(assisting_units),
            deadline=deadline,
        )
    if answered:
        fields.update(
            answer=f"{lead_unit}答复：已将该建议纳入本年度工作计划，分步组织实施。（演示数据）",
            answer_date=answer_date,
            evaluation=("satisfied", "basically_satisfied", None, "dissatisfied")[
                number % 4
            ],
        )
    if adopted:
        fields.update(
            adoption_degree="full" if number % 2 else "partial",
            adopting_body="市人民政府" if number % 2 else "中共咸宁市委",
            instruction=(
                "市委、市政府主要领导批示：请有关部门认真研究落实。"
                if number % 3
                else None
            ),
        )
    if state == "implemented":
        fields["implementation"] = (
            f"{lead_unit}已出台配套措施并落实到位，相关工作纳入年度考核。（演示数据）"
        )
    rating = fields.pop("evaluation", None)
    suggestion = api.content.create(
        container=container, type="Suggestion", id=id_, **fields
    )
    for transition in SUGGESTION_PATHS[state]:
        api.content.transition(
            suggestion,
            transition=transition,
            comment=_comment(transition, lead_unit, deadline),
        )
    if rating:
        # 民主评议 by the first proposer, as members do it on the suggestion's page.
        evaluate(suggestion, proposers[0], rating, EVALUATION_COMMENTS[rating])
    submitter = next((m.userid for m in proposers if m.userid), "staff")
    _backdate(suggestion, start, submit_actor=submitter)
    return suggestion


EVALUATION_COMMENTS = {
    "satisfied": "答复具体，措施可行。（演示数据）",
    "basically_satisfied": "答复基本回应了建议，希望明确完成时限。（演示数据）",
    "dissatisfied": "答复未回应建议的核心问题，请再办理。（演示数据）",
}


def _comment(transition, lead_unit, deadline):
    return {
        "submit": "委员提出，专委会整理报送。",
        "refer": f"交{lead_unit}主办，请于{deadline:%Y年%-m月%-d日}前书面答复。",
        "answer": "承办单位已书面答复。",
        "adopt": "市委、市政府采纳，批转有关部门研究落实。",
        "implement": "经督办，建议事项已落实。",
        "decline": "经研究，当前不具备实施条件，不予采纳，作为今后工作参考。",
        "withdraw": "提出人撤回，并入同类建议办理。",
    }.get(transition, "")


def _public_opinion(programme, members):
    by_name = {m.title: m for m in members}
    base = TZ.localize(datetime(data.YEAR, 3, 1, 10, 0))
    for number, (title, proposer, state, implementation) in enumerate(
        data.PUBLIC_OPINION
    ):
        unit = next(
            (u for key, u in data.PUBLIC_OPINION_UNITS.items() if key in title),
            "市人民政府办公室",
        )
        proposers = (
            [by_name[proposer]]
            if proposer
            else [members[(number * 11 + 3) % len(members)]]
        )
        suggestion = _suggestion(
            programme,
            f"sqmy{number + 1:02d}",
            title,
            state,
            base + timedelta(days=number * 12),
            proposers,
            unit,
            [],
            number + 1,
        )
        suggestion.text = (
            f"社情民意信息：{title[2:-3]}。（演示数据，“咸宁舰”一条据2018年工作报告。）"
        )
        if implementation:
            suggestion.implementation = implementation
            suggestion.adopting_body = "中共咸宁市委、咸宁市人民政府"
            suggestion.adoption_degree = "full"
        suggestion.reindexObject()


# --- dates --------------------------------------------------------------------------------


def _backdate(obj, start, submit_actor="staff"):
    """Date the creation and every workflow step relative to the consultation's start."""
    created = start + timedelta(days=-30 if obj.portal_type == "Consultation" else 0)
    for wf_id, history in list(obj.workflow_history.items()):
        entries = []
        for entry in history:
            entry = dict(entry)
            action = entry.get("action")
            moment = start + timedelta(days=STEP_DAYS.get(action, 0))
            if action is None:
                moment = created
            entry["time"] = DateTime(moment.isoformat())
            if action == "submit":
                entry["actor"] = submit_actor
            elif action in STEP_ACTORS:
                entry["actor"] = STEP_ACTORS[action]
            entries.append(entry)
        obj.workflow_history[wf_id] = tuple(entries)
    obj.creation_date = DateTime(created.isoformat())
    last = max(
        entry["time"] for history in obj.workflow_history.values() for entry in history
    )
    obj.setModificationDate(last)
    obj.reindexObject()
