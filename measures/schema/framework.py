"""An ITA assessment year's framework: its design as data. Tools (any number, in the order
written) with their weights and how each level is scored, indicators and sub-indicators with
string ids ("1", "9.5", "A1"), the scoring method, pass mark, levels and OIT item numbers."""
from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from .base import BuddhistYear, Prose, Strict

# How the total and the rating follow from the indicator scores (measures/scoring.py).
METHODS = ("mean-weighted", "capped")


class Level(Strict):
    code: str = Field(description="รหัสระดับ เช่น AA")
    name: str = Field(description="ชื่อระดับ เช่น Excellence")
    min: Decimal = Field(description="คะแนนต่ำสุดของระดับ")


class ToolScoring(Strict):
    """The scoring-method table's cells for this tool, as the manual words them."""
    question: str = Field(description="คะแนนข้อคำถาม คิดอย่างไร")
    subindicator: str = Field("-", description="คะแนนตัวชี้วัดย่อย คิดอย่างไร (- ถ้าไม่มี)")
    indicator: str = Field(description="คะแนนตัวชี้วัด คิดอย่างไร")
    tool: str = Field(description="คะแนนของเครื่องมือ (แบบสำรวจ) คิดอย่างไร")


class Tool(Strict):
    code: str = Field(min_length=1, description="รหัสเครื่องมือ เช่น IIT EIT OIT")
    name: str = Field(description="ชื่อเครื่องมือภาษาไทย")
    name_en: str = Field(description="ชื่อเครื่องมือภาษาอังกฤษ")
    weight: Decimal = Field(description="น้ำหนักเป็นร้อยละของคะแนนรวม")
    purpose: str = Field("", description="วัตถุประสงค์ของเครื่องมือ")
    threshold: Decimal | None = Field(None, description="คะแนนเฉลี่ยขั้นต่ำของเครื่องมือ ถ้ากรอบการประเมินกำหนด")
    scoring: ToolScoring = Field(description="วิธีคิดคะแนนแต่ละระดับของเครื่องมือนี้ (ตารางวิธีการคำนวณคะแนน)")


class SubIndicator(Strict):
    number: str = Field(min_length=1, description="รหัสตัวชี้วัดย่อย เช่น 9.1")
    name: str = Field(description="ชื่อตัวชี้วัดย่อย")


class Indicator(Strict):
    number: str = Field(min_length=1, description="รหัสตัวชี้วัด เช่น 1 หรือ A1 (ลำดับตามที่เขียน)")
    name: str = Field(description="ชื่อตัวชี้วัด")
    tool: str = Field(description="รหัสเครื่องมือที่วัดตัวชี้วัดนี้")
    subindicators: list[SubIndicator] = Field([], description="ตัวชี้วัดย่อย (ถ้ามี)")


class Cap(Strict):
    """method: capped: a tool below `below` lowers the rating even when the total passes."""
    below: Decimal = Field(description="คะแนนเฉลี่ยของเครื่องมือที่ต่ำกว่านี้ทำให้ระดับผลการประเมินลดลง")
    lower_by: int | None = Field(None, ge=1, description="ลดระดับลงกี่ระดับ (ใส่ lower_by หรือ to อย่างใดอย่างหนึ่ง)")
    to: str | None = Field(None, description="ระดับสูงสุดที่ได้เมื่อมีเครื่องมือต่ำกว่าเกณฑ์ เช่น B")


class OitItems(Strict):
    measures: str | None = Field(None, description="ข้อ OIT ของการเผยแพร่มาตรการ เช่น O38")
    implementation: str | None = Field(None, description="ข้อ OIT ของการรายงานการดำเนินการตามมาตรการ เช่น O39")


def _mark(value: Decimal, field: str) -> None:
    if not value.is_finite() or not 0 <= value <= 100:
        raise ValueError(f"{field} {value} ใช้ไม่ได้: ต้องเป็นคะแนนระหว่าง 0 ถึง 100 เช่น 85.00")


class Framework(Strict):
    prose_kind = "framework"
    id: str = Field(description="รหัสกรอบการประเมิน ตรงกับชื่อไฟล์ เช่น ita-2566")
    year: BuddhistYear = Field(description="ปีที่ประเมิน (พ.ศ.)")
    title: str = Field(description="ชื่อการประเมิน")
    method: Literal["mean-weighted", "capped"] = Field(
        description="วิธีคิดคะแนน: mean-weighted (คะแนนเครื่องมือ = ค่าเฉลี่ยของตัวชี้วัด คะแนนรวม = ผลรวมถ่วงน้ำหนัก) "
                    "หรือ capped (เหมือนกัน และลดระดับเมื่อมีเครื่องมือต่ำกว่าเกณฑ์ตาม cap)")
    pass_mark: Decimal = Field(description="คะแนนผ่านเกณฑ์ เช่น 85.00 (ต้องเท่ากับคะแนนต่ำสุดของระดับใดระดับหนึ่ง)")
    tools: list[Tool] = Field(min_length=1, description="เครื่องมือการประเมิน ตามลำดับที่พิมพ์")
    indicators: list[Indicator] = Field(min_length=1, description="ตัวชี้วัด ตามลำดับที่พิมพ์")
    levels: list[Level] = Field(min_length=1, description="ระดับผลการประเมิน จากสูงไปต่ำ ระดับสุดท้ายเริ่มที่ 0")
    cap: Cap | None = Field(None, validate_default=True, description="เฉพาะ method: capped: เกณฑ์การลดระดับ")
    oit_items: OitItems = Field(OitItems(), description="เลขข้อ OIT ที่เอกสารนี้ใช้เป็นหลักฐาน")
    background: list[Prose] = Field([], description="ความเป็นมา (ย่อหน้า)")
    note: str = Field("", description="หมายเหตุที่มาของข้อมูล (ไม่พิมพ์ในเอกสาร)")

    # Each rule is checked at its own field, so the message points at the line to correct.
    @field_validator("pass_mark")
    @classmethod
    def _pass_mark(cls, value: Decimal) -> Decimal:
        _mark(value, "pass_mark")
        return value

    @field_validator("tools")
    @classmethod
    def _tools(cls, tools: list[Tool]) -> list[Tool]:
        codes = [t.code for t in tools]
        if len(set(codes)) < len(codes):
            raise ValueError(f"tools: รหัสเครื่องมือซ้ำกัน ({', '.join(sorted({c for c in codes if codes.count(c) > 1}))}) "
                             "ให้ตั้งรหัสไม่ซ้ำ")
        total = sum((t.weight for t in tools), Decimal(0))
        if total != 100:
            raise ValueError(f"tools: น้ำหนัก (weight) ของเครื่องมือรวมกันได้ {total.normalize():f} "
                             "ต้องรวมกันได้ 100")
        for t in tools:
            if t.threshold is not None:
                _mark(t.threshold, f"threshold ของ {t.code}")
        return tools

    @field_validator("indicators")
    @classmethod
    def _indicators(cls, indicators: list[Indicator], info: ValidationInfo) -> list[Indicator]:
        ids = [i.number for i in indicators] + [s.number for i in indicators for s in i.subindicators]
        twice = sorted({x for x in ids if ids.count(x) > 1})
        if twice:
            raise ValueError(f"indicators: รหัสตัวชี้วัดซ้ำกัน ({', '.join(twice)}) ทุกตัวชี้วัดและตัวชี้วัดย่อยต้องมีรหัสไม่ซ้ำ")
        tools = info.data.get("tools")
        if tools is None:  # refused already, with its own message
            return indicators
        codes = [t.code for t in tools]
        for ind in indicators:
            if ind.tool not in codes:
                raise ValueError(f"indicators: ตัวชี้วัดที่ {ind.number} อ้างเครื่องมือ {ind.tool} ที่ไม่มีใน tools "
                                 f"(ที่มี: {', '.join(codes)})")
        for code in codes:
            if not any(i.tool == code for i in indicators):
                raise ValueError(f"indicators: เครื่องมือ {code} ไม่มีตัวชี้วัด ให้เพิ่มตัวชี้วัดที่มี tool: {code} "
                                 "หรือลบเครื่องมือนี้ออกจาก tools")
        return indicators

    @field_validator("levels")
    @classmethod
    def _levels(cls, levels: list[Level], info: ValidationInfo) -> list[Level]:
        codes = [lv.code for lv in levels]
        if len(set(codes)) < len(codes):
            raise ValueError("levels: รหัสระดับซ้ำกัน ให้ตั้งรหัสไม่ซ้ำ")
        for lv in levels:
            _mark(lv.min, f"min ของระดับ {lv.code}")
        for upper, lower in pairwise(levels):
            if lower.min >= upper.min:
                same = "เท่ากับ" if lower.min == upper.min else "สูงกว่า"
                raise ValueError(f"levels: ระดับ {lower.code} เริ่มที่ {lower.min} {same}ระดับ {upper.code} "
                                 f"({upper.min}) ระดับต้องเรียงจากสูงไปต่ำ และคะแนนต่ำสุดไม่ซ้ำกัน")
        if levels[-1].min != 0:
            raise ValueError(f"levels: ระดับสุดท้าย ({levels[-1].code}) ต้องเริ่มที่ 0 ไม่ใช่ {levels[-1].min}")
        mark = info.data.get("pass_mark")
        if mark is not None and all(lv.min != mark for lv in levels):
            raise ValueError(f"levels: ไม่มีระดับใดเริ่มที่คะแนนผ่านเกณฑ์ (pass_mark {mark}) คะแนนผ่านเกณฑ์ต้องเท่ากับ "
                             f"min ของระดับใดระดับหนึ่ง (ที่มี: {', '.join(f'{lv.code} {lv.min}' for lv in levels)})")
        return levels

    @field_validator("cap")
    @classmethod
    def _cap(cls, cap: Cap | None, info: ValidationInfo) -> Cap | None:
        method = info.data.get("method")
        if method is None:  # refused, or still a blank: said there
            return cap
        if method == "capped" and cap is None:
            raise ValueError("method: capped ต้องมี cap: below (คะแนน) และ lower_by (จำนวนระดับ) หรือ to (รหัสระดับ)")
        if method != "capped" and cap is not None:
            raise ValueError(f"cap ใช้ได้เฉพาะ method: capped (กรอบนี้ใช้ {method}) ให้ลบ cap หรือเปลี่ยน method")
        if cap is None:
            return cap
        _mark(cap.below, "cap: below")
        if (cap.lower_by is None) == (cap.to is None):
            raise ValueError("cap: ให้ระบุ lower_by (ลดกี่ระดับ) หรือ to (รหัสระดับ) อย่างใดอย่างหนึ่งเท่านั้น")
        levels = info.data.get("levels")
        if cap.to is not None and levels is not None and cap.to not in [lv.code for lv in levels]:
            raise ValueError(f"cap: to: ไม่มีระดับ {cap.to} ใน levels (ที่มี: {', '.join(lv.code for lv in levels)})")
        return cap
