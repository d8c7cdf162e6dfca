"""Rules on the progress data: dates in the fiscal year, money, status against dates, steps
that exist. Units, measure ids and links are checked where every such field is (keys, schema)."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..numbering import flatten
from ..problems import Problem
from ..progress import STATUS_TEXT, Round, find_step
from ..schema.progress import COLUMN_KEYS, Activity, Part
from ..yamlfile import YamlDoc
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
        yield from _grouped(s, i)
        for row, where in ((a, at), *((part, (*at, "parts", j)) for j, part in enumerate(a.parts))):
            yield from _dated(doc, row, where, year)
        if a.spent is not None and a.budget is not None and a.spent > a.budget and not a.over_budget_reason:
            yield doc.problem((*at, "spent"), f"เบิกจ่าย {a.spent:,} บาท เกินงบประมาณ {a.budget:,} บาท "
                                              "ให้ระบุเหตุผลใน over_budget_reason หรือแก้ตัวเลข")
        if a.status in ("not_started", "not_due") and a.spent:
            yield doc.problem((*at, "spent"), f"กิจกรรมที่{STATUS_TEXT[a.status]}มีการเบิกจ่าย {a.spent:,} บาท "
                                              "ถ้าเริ่มแล้วให้เปลี่ยนสถานะ ถ้ายังไม่เริ่มให้แก้เป็น 0 หรือ \"-\"")
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
        for row, at in ((a, ("activities", i)), *((p, ("activities", i, "parts", j)) for j, p in enumerate(a.parts))):
            if row.status == "done" and row.end is not None and row.end.gregorian() > today:
                yield s.loaded.docs["progress"].problem((*at, "end"), "กิจกรรมที่ดำเนินการแล้วเสร็จมีวันที่สิ้นสุด "
                                                                      f"{row.end} ซึ่งยังมาไม่ถึง")


def _dated(doc: YamlDoc, a: Activity | Part, at: tuple[str | int, ...], year: Round) -> Iterator[Problem]:
    """Dates in the fiscal year and in step with the status, for an activity and each of its parts."""
    for key, day in (("start", a.start), ("end", a.end)):
        if day is not None and not year.contains(day.gregorian()):
            yield doc.problem((*at, key), f"วันที่ {day} อยู่นอกปีงบประมาณ {year.year} "
                                          f"(1 ตุลาคม {year.year - 1} – 30 กันยายน {year.year})")
    if a.status == "done" and a.end is None:
        yield doc.problem((*at, "status"), "กิจกรรมที่ดำเนินการแล้วเสร็จต้องมีวันที่สิ้นสุด (end)")
    if a.status in ("not_started", "not_due") and a.end is not None:
        yield doc.problem((*at, "end"), f"กิจกรรมที่{STATUS_TEXT[a.status]}มีวันที่สิ้นสุด {a.end} "
                                        "ถ้าเสร็จแล้วให้เปลี่ยนสถานะเป็น done ถ้ายังไม่เสร็จให้ลบ end")
    if a.status == "not_due" and a.start is None:
        yield doc.problem((*at, "start"), "กิจกรรมที่ยังไม่ถึงกำหนดต้องมีวันที่เริ่มตามแผน (start) "
                                          "เพื่อให้รายงานแต่ละรอบบอกได้ว่าถึงกำหนดแล้วหรือยัง")
    if a.status == "in_progress" and a.start is None:
        yield doc.problem((*at, "start"), "กิจกรรมที่อยู่ระหว่างดำเนินการต้องมีวันที่เริ่ม (start)")
    if a.status == "in_progress" and a.end is not None:
        yield doc.problem((*at, "end"), "มีวันที่สิ้นสุดแต่สถานะยังเป็นอยู่ระหว่างดำเนินการ "
                                        "ถ้าเสร็จแล้วให้เปลี่ยนสถานะเป็น done", "warning")


def _grouped(s: Subject, i: int) -> Iterator[Problem]:
    """Each activity under a measure (no plan) or under a project of the office's plan."""
    progress, doc = s.loaded.progress, s.loaded.docs["progress"]
    assert progress is not None
    a, at = progress.activities[i], ("activities", i)
    projects = [p.key for st in progress.plan for p in st.projects]
    if progress.plan and a.project is None:
        yield doc.problem(at, f"ขาด project: เขียนรหัสโครงการใน plan ที่กิจกรรมนี้อยู่ (ที่มี: {', '.join(projects)})")
    elif progress.plan and a.project not in projects:
        yield doc.problem((*at, "project"), f"ไม่มีโครงการ '{a.project}' ใน plan (ที่มี: {', '.join(projects)})")
    elif not progress.plan and a.project is not None:
        yield doc.problem((*at, "project"), "มี project แต่ไม่มี plan: เพิ่ม plan (ยุทธศาสตร์และโครงการ) "
                                            "หรือลบ project แล้วใช้ measure")
    if not progress.plan and a.measure is None:
        ids = [m.id for m in s.loaded.measures] + [m.id for m in s.loaded.publication.own_measures]
        yield doc.problem(at, f"ขาด measure: เขียนรหัสมาตรการที่กิจกรรมนี้ดำเนินการ (ที่มี: {', '.join(ids)})")


def plan(s: Subject) -> Iterator[Problem]:
    """The chosen columns once each, the activity's name among them; project keys once each."""
    progress = s.loaded.progress
    if progress is None:
        return
    doc = s.loaded.docs["progress"]
    columns = progress.columns or []
    for n, key in enumerate(columns):
        if key in columns[:n]:
            yield doc.problem(("columns", n), f"คอลัมน์ '{key}' ซ้ำ ให้เขียนแต่ละคอลัมน์ครั้งเดียว")
    if progress.columns is not None and "activity" not in columns:
        yield doc.problem(("columns",), "columns ต้องมีคอลัมน์ activity (ชื่อกิจกรรม) "
                                        f"ชื่อคอลัมน์ที่ใช้ได้: {', '.join(COLUMN_KEYS)}")
    seen: set[str] = set()
    for i, st in enumerate(progress.plan):
        for j, p in enumerate(st.projects):
            if p.key in seen:
                yield doc.problem(("plan", i, "projects", j, "key"), f"รหัสโครงการ '{p.key}' ซ้ำใน plan ให้ตั้งรหัสไม่ซ้ำกัน")
            seen.add(p.key)
