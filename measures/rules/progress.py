"""Rules on the progress data: dates in the fiscal year, money, status against dates, steps
that exist. Units, measure ids and links are checked where every such field is (keys, schema)."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..numbering import flatten
from ..problems import Problem
from ..progress import Round, find_step
from . import Subject


def activities(s: Subject) -> Iterator[Problem]:
    progress = s.loaded.progress
    if progress is None:
        return
    doc = s.loaded.docs["progress"]
    year = Round.of(progress.year, "12m")
    channels = {"complaint_channels": list(s.loaded.office.complaint_channels)}
    lines = {m.id: flatten(m.merged(s.loaded.publication.measures.get(m.id)).guideline, channels)
             for m in s.loaded.measures}
    lines.update({m.id: flatten(m.guideline, channels) for m in s.loaded.publication.own_measures})
    for i, a in enumerate(progress.activities):
        at = ("activities", i)
        for key, day in (("start", a.start), ("end", a.end)):
            if day is not None and not year.contains(day.gregorian()):
                yield doc.problem((*at, key), f"วันที่ {day} อยู่นอกปีงบประมาณ {progress.year} "
                                              f"(1 ตุลาคม {progress.year - 1} – 30 กันยายน {progress.year})")
        if a.spent > a.budget and not a.over_budget_reason:
            yield doc.problem((*at, "spent"), f"เบิกจ่าย {a.spent:,} บาท เกินงบประมาณ {a.budget:,} บาท "
                                              "ให้ระบุเหตุผลใน over_budget_reason หรือแก้ตัวเลข")
        if a.status == "done" and a.end is None:
            yield doc.problem((*at, "status"), "กิจกรรมที่ดำเนินการแล้วเสร็จต้องมีวันที่สิ้นสุด (end)")
        if a.status == "not_started" and (a.spent or a.end is not None):
            yield doc.problem((*at, "status"), "กิจกรรมที่ยังไม่ดำเนินการต้องไม่มีการเบิกจ่ายและวันที่สิ้นสุด "
                                               "ตรวจสถานะหรือตัวเลข")
        if a.status == "in_progress" and a.start is None:
            yield doc.problem((*at, "start"), "กิจกรรมที่อยู่ระหว่างดำเนินการต้องมีวันที่เริ่ม (start)")
        if a.status == "in_progress" and a.end is not None:
            yield doc.problem((*at, "end"), "มีวันที่สิ้นสุดแต่สถานะยังเป็นอยู่ระหว่างดำเนินการ "
                                            "ถ้าเสร็จแล้วให้เปลี่ยนสถานะเป็น done", "warning")
        if a.step is not None and a.measure in lines:
            found = find_step(a.step, lines[a.measure])
            if not found:
                yield doc.problem((*at, "step"), f"มาตรการ '{a.measure}' ไม่มีข้อ {a.step} "
                                                 "(เขียนเลขข้อตามที่เอกสารพิมพ์ เช่น 1.2 หรือ 2.1(5))")
            elif len(found) > 1:
                yield doc.problem((*at, "step"), f"ข้อ {a.step} มีหลายข้อในมาตรการ '{a.measure}' "
                                                 f"({', '.join(found)}) ให้ระบุเต็ม หรือไม่ต้องระบุข้อ")


def future(s: Subject) -> Iterator[Problem]:
    """A completed activity cannot end after today."""
    progress = s.loaded.progress
    if progress is None:
        return
    today = date.today()
    for i, a in enumerate(progress.activities):
        if a.status == "done" and a.end is not None and a.end.gregorian() > today:
            yield s.loaded.docs["progress"].problem(("activities", i, "end"),
                                                    f"กิจกรรมที่ดำเนินการแล้วเสร็จมีวันที่สิ้นสุด {a.end} ซึ่งยังมาไม่ถึง")
