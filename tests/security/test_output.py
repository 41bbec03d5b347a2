"""Whatever was stored (data from before the input checks, or written by a script), the
outputs hold: spreadsheets write text as text (no formulas), csv quotes what a
spreadsheet would run, and invisible characters break no mail, calendar, Word or Excel
file."""

from collective.consultation.testing import MailSink
from io import BytesIO
from io import StringIO

import csv
import docx
import openpyxl
import pytest
import transaction
import vobject

WATER = "/2018/2018-06-28-bimonthly"
FORMULAS = ['=HYPERLINK("http://evil.example","点击")', "+1+1", "-2+3", "@SUM(A1)"]
INVISIBLE = "标题\x0b含\x0c控制\u2028字符\x00"


@pytest.fixture
def poisoned(functional):
    """Stored straight into the objects, as old data or a script would have them."""
    from conftest import search

    portal = functional["portal"]
    suggestions = [
        b._unrestrictedGetObject()
        for b in search(portal_type="Suggestion", review_state="adopted")[:4]
    ]
    for suggestion, formula in zip(suggestions, FORMULAS):
        suggestion.title = formula
        suggestion.lead_unit = formula
        suggestion.reindexObject()
    member = portal["members"]["m07"]
    member.title = "=1+" + INVISIBLE
    member.reindexObject()
    consultation = portal["2018"]["2018-06-28-bimonthly"]
    consultation.title = INVISIBLE
    consultation.location = "会议室\u2028三楼"
    consultation.reindexObject()
    transaction.commit()
    return suggestions


def test_xlsx_cells_are_text(secretary, poisoned):
    for url, params in (
        ("/@adoption-report", {"format": "xlsx", "year": "2018"}),
        ("/@duty-records", {"format": "xlsx", "year": "2018"}),
    ):
        response = secretary.get(url, params=params)
        assert response.status_code == 200, response.text
        book = openpyxl.load_workbook(BytesIO(response.content))
        cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
        assert not [c for c in cells if c.data_type == "f"]
        texts = [c.value for c in cells if isinstance(c.value, str)]
        if "adoption" in url:
            assert set(FORMULAS) <= set(texts)
        else:
            assert "=1+标题含控制\u2028字符" in texts or any(
                t.startswith("=1+标题") for t in texts
            )


def test_csv_quotes_formulas(secretary, poisoned):
    response = secretary.get(
        "/@adoption-report", params={"format": "csv", "year": "2018"}
    )
    assert response.status_code == 200
    rows = list(csv.reader(StringIO(response.content.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    for formula in FORMULAS:
        assert "'" + formula in cells
        assert formula not in cells


def test_word_calendar_and_minutes(secretary, staff, poisoned):
    response = secretary.get(
        "/@adoption-report", params={"format": "docx", "year": "2018"}
    )
    assert response.status_code == 200
    docx.Document(BytesIO(response.content))
    minutes = staff.get(f"{WATER}/@minutes")
    assert minutes.status_code == 200
    text = "\n".join(p.text for p in docx.Document(BytesIO(minutes.content)).paragraphs)
    assert "标题含控制" in text
    ical = staff.get(f"{WATER}/@ical")
    assert ical.status_code == 200
    event = vobject.readOne(ical.text).vevent
    assert "\x0b" not in event.summary.value


def test_mail_with_stored_invisible_characters(staff, secretary, functional, poisoned):
    """Scheduling mails every invitee, referring mails the unit: both with a title that
    holds control characters and a line separator."""
    from conftest import search
    from email import message_from_bytes
    from email import policy

    smtp = MailSink(functional)
    smtp.clear()
    portal = functional["portal"]
    held = portal["2018"]["2018-10-30-bimonthly"]
    submitted = search(
        portal_type="Suggestion",
        review_state="submitted",
        path="/plone/2018/2018-10-30-bimonthly",
    )[0]._unrestrictedGetObject()
    submitted.title = INVISIBLE
    submitted.reindexObject()
    held.title = INVISIBLE
    transaction.commit()
    response = secretary.post(
        f"{submitted.absolute_url()}/@handling/refer",
        json={"lead_unit": "市民政局", "deadline": "2019-03-31"},
    )
    assert response.status_code == 200, response.text
    from helpers import future

    created = staff.post(
        "/2018",
        json={
            "@type": "Consultation",
            "title": "x",
            "kind": "topical",
            "start": future(10),
            "end": future(10, 11),
            "invitees": ["/members/m01", "/members/m07"],
        },
    ).json()["@id"]
    transaction.begin()
    portal["2018"][created.rsplit("/", 1)[-1]].title = INVISIBLE
    transaction.commit()
    assert staff.post(f"{created}/@workflow/schedule").status_code == 200
    assert len(smtp.messages) >= 3
    for _sender, _to, raw in smtp.messages:
        message = message_from_bytes(raw, policy=policy.default)
        assert "\x0b" not in message["Subject"] and "\u2028" not in message["Subject"]
        assert "标题" in message["Subject"]
        for part in message.walk():
            if part.get_content_type() == "text/calendar":
                assert vobject.readOne(part.get_content()).vevent.summary.value
