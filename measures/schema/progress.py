"""The activities that carried out the measures in one fiscal year: the progress report's data."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, model_validator

from ..progress import STATUS_TEXT, STATUSES
from .base import MEASURE_IDS, BuddhistYear, MeasureId, Prose, Strict, ThaiDate, UnitKey, typed_as
from .contacts import WebAddress
from .publication import Signatory

# Officers may write the status in Thai, as the report prints it.
STATUS_WORDS = {text: key for key, text in STATUS_TEXT.items()}
Status = Annotated[Literal["not_due", "not_started", "in_progress", "done"],
                   BeforeValidator(lambda v: STATUS_WORDS.get(str(v).strip(), v) if isinstance(v, str) else v),
                   WithJsonSchema({"enum": [*STATUSES, *STATUS_WORDS]})]

# An office's activities and their sums stay far below this; a figure above it is a typing slip.
MONEY_LIMIT = Decimal(1_000_000_000)
UNKNOWN = "-"  # an amount not known or not applicable, as the report prints it (0 is a figure)


def _money(value: Decimal) -> Decimal:
    if not value.is_finite() or value < 0:
        raise ValueError("จำนวนเงินต้องเป็นตัวเลขไม่ติดลบ (บาท)")
    if value >= MONEY_LIMIT:
        raise ValueError(f"จำนวนเงิน {value:,} บาท เกินที่รับได้ (ไม่เกิน 999,999,999.99 บาท) ตรวจตัวเลขอีกครั้ง")
    if value != value.quantize(Decimal("0.01")):
        raise ValueError(f"จำนวนเงิน {value} มีทศนิยมเกิน 2 ตำแหน่ง")
    return value


def _unknown(value: Any) -> Any:
    return None if isinstance(value, str) and value.strip() == UNKNOWN else value


# Baht, not negative, at most two decimals (as _money checks); quoted, written plainly.
MONEY_TEXT = r"^[0-9]+(\.[0-9]{1,2})?$"
Money = Annotated[Decimal, typed_as(MONEY_TEXT, "'{value}' ไม่ใช่ตัวเลขจำนวนเงินที่ใช้ได้: เขียนตัวเลขไม่ติดลบ "
                                                "ทศนิยมไม่เกิน 2 ตำแหน่ง ไม่มีคำว่าบาท เช่น 15000 หรือ 2500.50"),
                  AfterValidator(_money), Field(description="บาท")]
# "-" or the field left out: not known or not applicable; 0 is none.
Amount = Annotated[Money | None, BeforeValidator(_unknown),
                   WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0, "exclusiveMaximum": 1e9,
                                              "multipleOf": 0.01},
                                             {"type": "string", "pattern": MONEY_TEXT},
                                             {"const": UNKNOWN}, {"type": "null"}]})]

# The report table's columns an office may choose (headers: layout/phrases.py REPORT_COLUMNS).
# `ticks` is one column per status with a tick; `notes` is problems and suggestions in one cell.
COLUMN_KEYS = ("no", "activity", "objective", "target", "period", "steps", "budget", "spent", "status", "ticks",
               "result", "summary", "problems", "suggestions", "notes", "responsible", "people", "evidence")
DEFAULT_COLUMNS = ("no", "activity", "budget", "spent", "ticks", "result", "responsible")


def _column(value: Any) -> Any:
    if value not in COLUMN_KEYS:
        raise ValueError(f"ไม่มีคอลัมน์ '{value}' ชื่อคอลัมน์ที่ใช้ได้: {', '.join(COLUMN_KEYS)}")
    return value


Column = Annotated[str, BeforeValidator(_column), WithJsonSchema({"enum": list(COLUMN_KEYS)})]


def _key(value: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        raise ValueError(f"รหัส '{value}' ใช้ไม่ได้ ให้ใช้อักษรอังกฤษตัวเล็ก ตัวเลข และ _ เช่น ita_2")
    return value


PlanKey = Annotated[str, AfterValidator(_key)]


class Part(Strict):
    """A sub-activity (2.1, 2.2 …): a row of its own under its activity, sharing its budget."""
    title: Prose = Field(description="กิจกรรมย่อย")
    objective: Prose = Field("", description="วัตถุประสงค์")
    target: Prose = Field("", description="เป้าหมาย เช่น บุคลากร 120 คน")
    period: Prose = Field("", description="ระยะเวลาดำเนินการตามที่เขียนในแผน เช่น ไตรมาส 2 (ถ้าไม่ระบุ ใช้วันที่เริ่ม–สิ้นสุด)")
    start: ThaiDate | None = Field(None, description="วันที่เริ่ม ปี-เดือน-วัน (พ.ศ.)")
    end: ThaiDate | None = Field(None, description="วันที่เสร็จ ปี-เดือน-วัน (พ.ศ.)")
    status: Status = Field(description="สถานะ: not_due (ยังไม่ถึงกำหนด) not_started (ยังไม่ดำเนินการ) "
                                       "in_progress (อยู่ระหว่างดำเนินการ) done (ดำเนินการแล้วเสร็จ)")
    steps: list[Prose] = Field([], description="ขั้นตอนการดำเนินการ")
    result: Prose = Field("", description="ผลการดำเนินงาน")
    summary: Prose = Field("", description="สรุปผลการดำเนินงาน")
    problems: list[Prose] = Field([], description="ปัญหา/อุปสรรค")
    suggestions: list[Prose] = Field([], description="ข้อเสนอแนะ")
    responsible: list[UnitKey] = Field([], description="ผู้รับผิดชอบ: รหัสกลุ่มงานใน units")
    people: list[Prose] = Field([], description="ผู้รับผิดชอบ: ชื่อบุคคล")
    evidence: list[WebAddress] = Field([], description="ลิงก์หลักฐานบนเว็บไซต์ของหน่วยงาน")

    @model_validator(mode="after")
    def _dates(self) -> Part:
        if self.start and self.end and self.end.gregorian() < self.start.gregorian():
            raise ValueError(f"วันที่สิ้นสุด {self.end} มาก่อนวันที่เริ่ม {self.start}")
        return self


class Activity(Part):
    """One planned activity that carries out a measure or a project of the office's plan."""
    measure: MeasureId | None = Field(None, description="รหัสมาตรการที่กิจกรรมนี้ดำเนินการ (ต้องมี เมื่อไม่มี plan)",
                                      json_schema_extra=MEASURE_IDS)
    project: PlanKey | None = Field(None, description="รหัสโครงการใน plan (ต้องมี เมื่อมี plan)")
    step: str | None = Field(None, description="เลขข้อของแนวทางที่ดำเนินการ เช่น 1.2 หรือ 2.1(5)")
    title: Prose = Field(description="โครงการ/กิจกรรม")
    budget: Amount = Field(None, description="งบประมาณ (บาท) หรือ \"-\" เมื่อไม่ทราบหรือไม่มีข้อมูล (0 คือไม่ใช้งบประมาณ)")
    spent: Amount = Field(None, description="เบิกจ่ายแล้ว (บาท) หรือ \"-\" เมื่อไม่ทราบ")
    over_budget_reason: Prose = Field("", description="เหตุผลที่เบิกจ่ายเกินงบประมาณ")
    parts: list[Part] = Field([], description="กิจกรรมย่อย (2.1, 2.2 …) ใช้งบประมาณของกิจกรรมนี้")


class Project(Strict):
    key: PlanKey = Field(description="รหัสโครงการ ที่กิจกรรมอ้างถึงใน project")
    title: Prose = Field(description="ชื่อโครงการ")


class Strategy(Strict):
    title: Prose = Field(description="ยุทธศาสตร์ เช่น ยุทธศาสตร์ที่ 1 สร้างสังคมที่ไม่ทนต่อการทุจริต")
    projects: list[Project] = Field(description="โครงการภายใต้ยุทธศาสตร์นี้")


class Progress(Strict):
    prose_kind = "office"
    year: BuddhistYear = Field(description="ปีงบประมาณ (พ.ศ.) 1 ตุลาคม ถึง 30 กันยายน")
    plan: list[Strategy] = Field([], description="แผนของหน่วยงาน (ยุทธศาสตร์ → โครงการ): ถ้ามี "
                                                 "รายงานจัดกลุ่มตามแผนนี้ แทนการจัดตามมาตรการ")
    columns: list[Column] | None = Field(None, description="คอลัมน์ของตารางกิจกรรม ตามลำดับ: " + ", ".join(COLUMN_KEYS))
    activities: list[Activity] = Field(description="กิจกรรมทั้งหมดตามแผนของปี")
    date: ThaiDate | None = Field(None, description="วันที่รายงาน ปี-เดือน-วัน (พ.ศ.)")
    signatories: list[Signatory] | None = Field(None, description="ผู้ลงนามในรายงาน (ถ้าไม่ระบุ ใช้ของเอกสารมาตรการ)")

