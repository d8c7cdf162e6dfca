"""The activities that carried out the measures in one fiscal year: the progress report's data."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema, model_validator

from .base import BuddhistYear, MeasureId, Prose, Strict, ThaiDate, UnitKey
from .publication import Signatory

# Officers may write the status in Thai, as the report prints it.
STATUS_WORDS = {"ยังไม่ดำเนินการ": "not_started", "อยู่ระหว่างดำเนินการ": "in_progress",
                "ดำเนินการแล้วเสร็จ": "done"}
Status = Annotated[Literal["not_started", "in_progress", "done"],
                   BeforeValidator(lambda v: STATUS_WORDS.get(str(v).strip(), v) if isinstance(v, str) else v),
                   WithJsonSchema({"enum": ["not_started", "in_progress", "done", *STATUS_WORDS]})]


def _money(value: Decimal) -> Decimal:
    if not value.is_finite() or value < 0:
        raise ValueError("จำนวนเงินต้องเป็นตัวเลขไม่ติดลบ (บาท)")
    if value != value.quantize(Decimal("0.01")):
        raise ValueError(f"จำนวนเงิน {value} มีทศนิยมเกิน 2 ตำแหน่ง")
    return value


Money = Annotated[Decimal, AfterValidator(_money), Field(description="บาท")]


def _url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s/$.?#][^\s]*\.[^\s]+", value.strip()):
        raise ValueError(f"'{value}' ไม่ใช่ที่อยู่เว็บที่ใช้ได้ ต้องขึ้นต้นด้วย http:// หรือ https:// "
                         "และเป็นที่อยู่เต็ม เช่น http://www.example.go.th/ita/o39.pdf")
    return value.strip()


Url = Annotated[str, AfterValidator(_url)]


class Activity(Strict):
    """One activity that carried out a measure (or a step of it)."""
    measure: MeasureId = Field(description="รหัสมาตรการที่กิจกรรมนี้ดำเนินการ")
    step: str | None = Field(None, description="เลขข้อของแนวทางที่ดำเนินการ เช่น 1.2 หรือ 2.1(5)")
    title: Prose = Field(description="โครงการ/กิจกรรม")
    start: ThaiDate | None = Field(None, description="วันที่เริ่ม ปี-เดือน-วัน (พ.ศ.)")
    end: ThaiDate | None = Field(None, description="วันที่เสร็จ ปี-เดือน-วัน (พ.ศ.)")
    status: Status = Field(
        description="สถานะ: not_started (ยังไม่ดำเนินการ) in_progress (อยู่ระหว่างดำเนินการ) done (ดำเนินการแล้วเสร็จ)")
    budget: Money = Field(Decimal(0), description="งบประมาณที่ได้รับ (บาท)")
    spent: Money = Field(Decimal(0), description="เบิกจ่ายแล้ว (บาท)")
    over_budget_reason: Prose = Field("", description="เหตุผลที่เบิกจ่ายเกินงบประมาณ")
    result: Prose = Field("", description="รายละเอียดและผลการดำเนินงาน")
    problems: list[Prose] = Field([], description="ปัญหา/อุปสรรค")
    suggestions: list[Prose] = Field([], description="ข้อเสนอแนะ")
    responsible: list[UnitKey] = Field(description="ผู้รับผิดชอบ: รหัสกลุ่มงานใน units")
    evidence: list[Url] = Field([], description="ลิงก์หลักฐานบนเว็บไซต์ของหน่วยงาน")

    @model_validator(mode="after")
    def _dates(self) -> Activity:
        if self.start and self.end and self.end.gregorian() < self.start.gregorian():
            raise ValueError(f"วันที่สิ้นสุด {self.end} มาก่อนวันที่เริ่ม {self.start}")
        return self


class Progress(Strict):
    prose_kind = "office"
    year: BuddhistYear = Field(description="ปีงบประมาณ (พ.ศ.) 1 ตุลาคม ถึง 30 กันยายน")
    activities: list[Activity] = Field(description="กิจกรรม")
    date: ThaiDate | None = Field(None, description="วันที่รายงาน ปี-เดือน-วัน (พ.ศ.)")
    signatories: list[Signatory] | None = Field(None, description="ผู้ลงนามในรายงาน (ถ้าไม่ระบุ ใช้ของเอกสารมาตรการ)")
