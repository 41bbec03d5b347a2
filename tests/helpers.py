"""Helpers that tests in several folders share (the fixtures are in conftest.py)."""

from datetime import datetime
from datetime import timedelta
from email import message_from_bytes
from email import policy
from openpyxl import Workbook

import base64
import io
import os
import pytz
import shutil
import subprocess

TZ = pytz.timezone("Asia/Shanghai")

# A referral's data, as the secretariat sends it with @handling/refer.
REFERRAL = {
    "lead_unit": "市水利和湖泊局",
    "assisting_units": ["市卫生健康委员会"],
    "deadline": "2030-03-31",
}

# The columns of a suggestions workbook (@import-suggestions).
HEADER = ["标题", "建议内容", "协商活动", "提出人", "牵头单位", "协办单位", "答复期限"]


def future(days, hour=9):
    """An ISO time ``days`` from today at ``hour`` o'clock, in the site's zone."""
    moment = datetime.now(TZ).replace(hour=hour, minute=0, second=0, microsecond=0)
    return (moment + timedelta(days=days)).isoformat()


def mails(smtp):
    """The messages the test SMTP server received, parsed."""
    return [
        message_from_bytes(raw, policy=policy.default)
        for _sender, _rcpt, raw in smtp.messages
    ]


def xlsx(rows, header=HEADER):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def post(session, data, filename, **options):
    body = {
        "file": {"data": base64.b64encode(data).decode(), "filename": filename},
        **options,
    }
    return session.post("/2018/@import-suggestions", json=body)


# LibreOffice and poppler: CI installs them; elsewhere the tests that need them skip.
OFFICE_MISSING = not (
    shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdfinfo")
) and not os.environ.get("CI")
OFFICE_REASON = (
    "LibreOffice (libreoffice-writer-nogui) and poppler-utils are not installed"
)


def render_pdf(docx_bytes, tmp_path, name="document"):
    """The .docx rendered to PDF by LibreOffice, as a reader would print it; its path."""
    path = tmp_path / f"{name}.docx"
    path.write_bytes(docx_bytes)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return tmp_path / f"{name}.pdf"
