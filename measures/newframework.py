"""The next ITA year's framework, started from an earlier one with what must be confirmed left blank.

The structure (tools, their names and scoring cells, indicators and levels) is carried forward
for the reader to check against the year's published manual; every figure and rule that decides
a result (the method, the pass mark, the weights, the tools' minimums, the levels' thresholds)
and the OIT item numbers (renumbered between years) are blanks `<กรอก: …>` naming last year's
value. A build refuses the framework, naming each blank, until every one is filled.
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import yaml

from .blanks import blank
from .load import Content
from .problems import ContentError, Problem
from .scaffold import schema_line
from .schema import Framework
from .write import write_atomic


def _text(value: str) -> str:
    """A YAML scalar for any text (JSON's double-quoted strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _number(value: Decimal) -> str:
    return f"{value:f}"


def framework_yaml(old: Framework, year: int) -> str:
    """The text of ita-<year>.yaml, carried from `old` with its figures as blanks."""
    was = f"ปี {old.year}:"
    lines = [
        f"# กรอบการประเมิน ITA ปี {year} เริ่มจาก {old.id} (measures new-framework): ทุก <กรอก: …> ต้องกรอกตามคู่มือ",
        f"# การประเมินปี {year} ที่เผยแพร่แล้ว ก่อนสร้างเอกสาร (measures check แสดงรายการที่เหลือ) ชื่อเครื่องมือ",
        f"# ตัวชี้วัด ตัวชี้วัดย่อย ระดับ และข้อความวิธีคิดคะแนน ยกมาจากปี {old.year}: ตรวจและแก้ให้ตรงกับคู่มือปีนี้",
        f"id: ita-{year}",
        f"year: {year}",
        f"title: {_text(old.title)}",
        f"method: {blank(f'mean-weighted หรือ capped ตามคู่มือปี {year} ({was} {old.method})')}",
        "# method: capped ต้องมี cap: {below: คะแนน, lower_by: จำนวนระดับ} หรือ {below: คะแนน, to: รหัสระดับ}",
    ]
    if old.cap is not None:
        lines.append("cap: {below: " + blank(f"คะแนนเฉลี่ยขั้นต่ำของเครื่องมือ ({was} {_number(old.cap.below)})")
                     + (f", lower_by: {old.cap.lower_by}" if old.cap.lower_by is not None else f", to: {old.cap.to}")
                     + "}")
    lines.append(f"pass_mark: {blank(f'คะแนนผ่านเกณฑ์ ({was} {_number(old.pass_mark)})')}")
    lines.append("tools:")
    for t in old.tools:
        lines += [f"  - code: {_text(t.code)}", f"    name: {_text(t.name)}", f"    name_en: {_text(t.name_en)}",
                  f"    weight: {blank(f'น้ำหนักของ {t.code} เป็นร้อยละ ({was} {_number(t.weight)})')}",
                  f"    purpose: {_text(t.purpose)}"]
        if t.threshold is not None:
            lines.append(f"    threshold: {blank(f'คะแนนเฉลี่ยขั้นต่ำของ {t.code} ({was} {_number(t.threshold)})')}")
        lines += ["    scoring:", f"      question: {_text(t.scoring.question)}",
                  f"      subindicator: {_text(t.scoring.subindicator)}",
                  f"      indicator: {_text(t.scoring.indicator)}", f"      tool: {_text(t.scoring.tool)}"]
    lines.append("indicators:")
    for i in old.indicators:
        lines.append(f"  - {{number: {_text(i.number)}, name: {_text(i.name)}, tool: {_text(i.tool)}"
                     + ("}" if not i.subindicators else ", subindicators: ["
                        + ", ".join(f"{{number: {_text(s.number)}, name: {_text(s.name)}}}" for s in i.subindicators)
                        + "]}"))
    lines.append("levels:")
    for n, lv in enumerate(old.levels):
        low = "0" if n == len(old.levels) - 1 else blank(f"คะแนนต่ำสุดของระดับ {lv.code} ({was} {_number(lv.min)})")
        lines.append(f"  - {{code: {_text(lv.code)}, name: {_text(lv.name)}, min: {low}}}")
    lines.append("oit_items:")
    for key, what in (("measures", "การเผยแพร่มาตรการ"), ("implementation", "การรายงานการดำเนินการตามมาตรการ")):
        before = getattr(old.oit_items, key) or "ไม่ระบุ"
        lines.append(f"  {key}: {blank(f'ข้อ OIT ของ{what} ตามคู่มือปี {year} หรือลบบรรทัดนี้ถ้าคู่มือไม่ระบุ ({was} {before})')}")
    lines.append("background:")
    lines += [f"  - {_text(p)}" for p in old.background]
    lines.append(f"note: {blank(f'ที่มาของข้อมูล: คู่มือหรือประกาศการประเมินปี {year} ที่ใช้ยืนยันกรอบนี้')}")
    return "\n".join(lines) + "\n"


def new_framework(content: Content, source: str, year: int) -> Path:
    """Write content/frameworks/ita-<year>.yaml from the framework `source`; never over a file."""
    problems: list[Problem] = []
    old = content.load_framework(source, problems)
    if old is None:
        raise ContentError(problems)
    path = content.framework_path(f"ita-{year}")
    if path.exists():
        raise ContentError([Problem(content.shown(path), None, "", "มีกรอบการประเมินของปีนี้อยู่แล้ว ไม่เขียนทับ")])
    if year <= old.year:
        raise ContentError([Problem(content.shown(content.framework_path(source)), None, "year",
                                    f"ปี {year} ต้องหลังปีของกรอบที่ยกมา ({old.year})")])
    text = schema_line(path, "framework", content) + framework_yaml(old, year)
    yaml.safe_load(text)  # what we write must read back
    return write_atomic(path, text.encode("utf-8"))
