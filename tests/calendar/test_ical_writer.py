"""The content-line writer of calendar/ical.py, read back by icalendar and by vobject:
escaping, folding at 75 octets without splitting a Chinese character, time zones."""

from collective.consultation.calendar.data import Attendee
from collective.consultation.calendar.data import EventData
from collective.consultation.calendar.ical import build_calendar
from collective.consultation.calendar.ical import fold
from datetime import datetime

import icalendar
import pytest
import pytz
import vobject

TZ = pytz.timezone("Asia/Shanghai")
TRICKY = [
    "逗号,分号;反斜杠\\换行\n第二行",
    '“引号”与"ASCII quotes" and a colon: here',
    "长" * 200,
    "mixed 中文 and English " * 20,
    "",
]


def test_control_characters_are_dropped():
    data = build_calendar([event("坏\x00数\x07据\x1b")])
    assert (
        str(icalendar.Calendar.from_ical(data).walk("VEVENT")[0]["SUMMARY"]) == "坏数据"
    )


def event(summary, **extra):
    return EventData(
        uid="u-1@consultation.collective",
        sequence=3,
        summary=summary or "无题",
        start=TZ.localize(datetime(2030, 6, 28, 9, 0)),
        end=TZ.localize(datetime(2030, 6, 28, 12, 0)),
        url="https://example.org/Plone/2030/a",
        **extra,
    )


@pytest.mark.parametrize("text", TRICKY)
def test_text_survives_both_parsers(text):
    data = build_calendar(
        [
            event(
                text,
                description=text,
                location=text,
                attendees=[Attendee("a@example.org", text or "某委员")],
            )
        ],
        method="REQUEST",
        organizer=("office@example.org", text or "办公室"),
    )
    cal = icalendar.Calendar.from_ical(data)
    vevent = cal.walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == (text or "无题")
    assert str(vevent["LOCATION"]) == text if text else "LOCATION" not in vevent
    assert text in str(vevent["DESCRIPTION"])
    vcal = vobject.readOne(data.decode("utf-8"))
    assert vcal.vevent.summary.value == (text or "无题")
    attendee = vcal.vevent.attendee
    assert attendee.params["CN"][0] == (
        text.replace('"', "").replace("\n", " ") or "某委员"
    )


@pytest.mark.parametrize("text", TRICKY)
def test_folded_lines_are_short_and_whole(text):
    folded = fold("SUMMARY:" + text)
    for line in folded.split(b"\r\n")[:-1]:
        assert len(line) <= 75
        line.decode("utf-8")  # never a split character
    unfolded = folded.replace(b"\r\n ", b"").decode("utf-8")
    assert unfolded == "SUMMARY:" + text + "\r\n"


def test_times_and_zone():
    data = build_calendar([event("x")])
    assert b"DTSTART;TZID=Asia/Shanghai:20300628T090000" in data
    cal = icalendar.Calendar.from_ical(data)
    assert cal.walk("VEVENT")[0]["DTSTART"].dt == TZ.localize(
        datetime(2030, 6, 28, 9, 0)
    )
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    assert data.index(b"BEGIN:VTIMEZONE") < data.index(b"BEGIN:VEVENT")


def test_zone_with_daylight_saving():
    ny = pytz.timezone("America/New_York")
    data = build_calendar(
        [
            EventData(
                uid="a",
                sequence=0,
                summary="s",
                url="u",
                start=ny.localize(datetime(2030, 3, 1, 9)),
                end=ny.localize(datetime(2030, 4, 1, 9)),
            )
        ]
    )
    vcal = vobject.readOne(data.decode())
    assert vcal.vevent.dtend.value.utcoffset().total_seconds() == -4 * 3600
