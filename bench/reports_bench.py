"""Minutes and the adoption report, measured against named baselines in one run.

1. Minutes for a consultation with 60 attendees and 40 suggestions: ours (MinutesWriter)
   against the floor, a bare python-docx script writing the same paragraphs with no fonts or
   layout. Goal: at most 1.5x the floor.
2. The adoption report as xlsx: time and peak memory (tracemalloc) for 10,000 and 100,000
   rows streamed through the writer. Goal: peak memory flat in the number of rows. (The rows
   are made in memory here: creating 100,000 suggestions in a site would take the run's
   whole budget; the catalog side of the report reads brains lazily.)

Run: make bench."""

from collective.consultation.minutes.data import MinutesData
from collective.consultation.minutes.data import SuggestionLine
from collective.consultation.minutes.document import MinutesWriter
from collective.consultation.reports.adoption import Row
from io import BytesIO
from statistics import median

import docx
import sys
import tempfile
import time
import tracemalloc

ROUNDS = 5


def sample_minutes():
    return MinutesData(
        title="幕阜山片区农村安全饮水双月协商会",
        number="咸政协纪〔2018〕13号",
        time="2018-06-28 09:00 – 12:00",
        place="市政协机关三楼会议室",
        presided_by="市政协主席曾国平",
        present=[f"委员{i:02d}" for i in range(54)],
        on_leave=[(f"请假委员{i}", "赴省外学习") for i in range(4)],
        absent=["缺席委员甲", "缺席委员乙"],
        guests=["专家学者代表（湖北科技学院）"],
        units=["市水利和湖泊局", "市卫生健康委员会"],
        agenda=["通报有关情况", "委员发言", "部门回应", "领导讲话"],
        summary=["会议听取了有关情况的通报。"] * 3,
        decisions=["形成建议报送市委、市政府。"] * 2,
        suggestions=[
            SuggestionLine(f"关于第{i}项工作的建议", "委员甲、委员乙", "市水利和湖泊局")
            for i in range(40)
        ],
        closing="会议要求，各有关单位要切实抓好办理落实。",
    )


def ours(data):
    return MinutesWriter("zh_CN").write(data).to_bytes()


def floor(data):
    """The same text with python-docx and nothing else."""
    document = docx.Document()
    for line in [
        data.title,
        data.number,
        data.time,
        data.place,
        data.presided_by,
        "、".join(data.present),
        "、".join(n for n, _ in data.on_leave),
        "、".join(data.absent),
        "、".join(data.guests),
        "、".join(data.units),
        *data.agenda,
        *data.summary,
        *data.decisions,
        *[f"{s.title}（{s.proposers}；{s.units}）" for s in data.suggestions],
        data.closing,
    ]:
        document.add_paragraph(line)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def timed(function, *args):
    times = []
    for _ in range(ROUNDS):
        began = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - began)
    return median(times)


class PlainLabels:
    """Labels without a site: the writer only needs text()."""

    states, kinds = {}, {}

    def text(self, message):
        return str(getattr(message, "default", None) or message)


def rows(n):
    for i in range(n):
        yield Row(
            title=f"关于第{i}项工作的建议",
            consultation="幕阜山片区农村安全饮水双月协商会",
            kind="双月协商",
            date="2018-06-28",
            proposers="委员甲、委员乙",
            lead_unit="市水利和湖泊局",
            assisting_units="市卫生健康委员会",
            state="已采纳",
            adoption="全部采纳",
            deadline="2018-09-26",
            overdue=False,
            answer_date="2018-08-22",
            evaluation="满意",
            merged_into="",
        )


def xlsx_run(n):
    """Time without tracing, then the peak of Python allocations with tracemalloc."""
    from collective.consultation.reports import writers

    summary = {
        "total": n,
        "adopted": n,
        "adoption_rate": 1.0,
        "overdue": 0,
        "by_state": {"adopted": n},
        "by_kind": {"bimonthly": n},
        "by_unit": {},
    }
    with tempfile.TemporaryFile() as out:
        began = time.perf_counter()
        writers.to_xlsx(rows(n), summary, PlainLabels(), out)  # as the service does
        elapsed = time.perf_counter() - began
        size = out.tell()
    with tempfile.TemporaryFile() as out:
        tracemalloc.start()
        writers.to_xlsx(rows(n), summary, PlainLabels(), out)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return elapsed, peak, size


def main():
    data = sample_minutes()
    mine, least = timed(ours, data), timed(floor, data)
    print("Minutes, 60 attendees and 40 suggestions, median of 5")
    print(f"  floor: bare python-docx          {least * 1000:7.1f} ms")
    print(
        f"  ours:  MinutesWriter (layout)    {mine * 1000:7.1f} ms   {mine / least:4.2f}x the floor (goal <= 1.5x)"
    )
    ok = mine / least <= 1.5
    print("\nAdoption report as xlsx (write-only workbook)")
    results = {}
    for n in (10_000, 100_000):
        elapsed, peak, size = xlsx_run(n)
        results[n] = peak
        print(
            f"  {n:>7} rows: {elapsed:6.2f} s, peak {peak / 2**20:6.1f} MiB, file {size / 2**20:5.1f} MiB"
        )
    growth = results[100_000] / results[10_000]
    print(
        f"  peak memory at 100,000 rows is {growth:.2f}x that at 10,000 (goal: flat, under 2x)"
    )
    ok = ok and growth < 2
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
