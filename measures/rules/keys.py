"""Rules on keys: units, measures, indicators and tools a publication names must exist."""
from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem
from . import Subject


def units(s: Subject) -> Iterator[Problem]:
    known = s.loaded.office.units
    for k in s.keys:
        if k.what == "unit_key" and k.value not in known:
            yield k.doc.problem(k.loc, f"{s.loaded.office.short_name} ไม่มีกลุ่มงาน '{k.value}' ใน units ของ "
                                       f"office.yaml (ที่มี: {', '.join(known)})")


def measures(s: Subject) -> Iterator[Problem]:
    standard = {m.id for m in s.loaded.measures}
    ids = standard | {m.id for m in s.loaded.publication.own_measures}
    doc = s.loaded.docs["publication"]
    for i, own in enumerate(s.loaded.publication.own_measures):
        if own.id in standard:
            yield doc.problem(("own_measures", i, "id"), f"'{own.id}' เป็นรหัสของมาตรการมาตรฐาน ให้ตั้งรหัสอื่น "
                                                         "(ถ้าต้องการแก้มาตรการมาตรฐาน ให้ใช้หัวข้อ measures)")
    for k in s.keys:
        if k.what == "measure_id" and k.value not in ids:
            yield k.doc.problem(k.loc, f"ไม่มีมาตรการ '{k.value}' (ที่มี: {', '.join(sorted(ids))})")


def indicators(s: Subject) -> Iterator[Problem]:
    fw, doc = s.loaded.framework, s.loaded.docs["publication"]
    known = {str(i.number) for i in fw.indicators} | {x.number for i in fw.indicators for x in i.subindicators}
    for i, row in enumerate(s.loaded.publication.analysis.improvements):
        if row.indicator not in known:
            yield doc.problem(("analysis", "improvements", i, "indicator"),
                              f"ไม่มีตัวชี้วัด {row.indicator} ในกรอบการประเมิน {fw.id}")


def tools(s: Subject) -> Iterator[Problem]:
    codes = {t.code for t in s.loaded.framework.tools}
    doc = s.loaded.docs["publication"]
    for code in s.loaded.publication.analysis.strengths:
        if code not in codes:
            yield doc.problem(("analysis", "strengths", code), f"ไม่มีเครื่องมือ '{code}' ในกรอบการประเมิน")
