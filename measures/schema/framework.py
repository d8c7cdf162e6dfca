"""An ITA assessment year's framework: tools, weights, indicators, levels, pass mark."""
from __future__ import annotations

from decimal import Decimal

from pydantic import Field, model_validator

from .base import BuddhistYear, Prose, Strict


class Level(Strict):
    code: str = Field(description="รหัสระดับ เช่น AA")
    name: str = Field(description="ชื่อระดับ เช่น Excellence")
    min: Decimal = Field(description="คะแนนต่ำสุดของระดับ")


class Tool(Strict):
    code: str = Field(description="รหัสเครื่องมือ: IIT EIT หรือ OIT")
    name: str = Field(description="ชื่อเครื่องมือภาษาไทย")
    name_en: str = Field(description="ชื่อเครื่องมือภาษาอังกฤษ")
    weight: Decimal = Field(description="น้ำหนักเป็นร้อยละของคะแนนรวม")
    purpose: str = Field("", description="วัตถุประสงค์ของเครื่องมือ")
    threshold: Decimal | None = Field(None, description="คะแนนเฉลี่ยขั้นต่ำของเครื่องมือ ถ้ากรอบการประเมินกำหนด")


class SubIndicator(Strict):
    number: str = Field(description="เลขตัวชี้วัดย่อย เช่น 9.1")
    name: str = Field(description="ชื่อตัวชี้วัดย่อย")


class Indicator(Strict):
    number: int = Field(description="เลขตัวชี้วัด 1, 2, 3, …")
    name: str = Field(description="ชื่อตัวชี้วัด")
    tool: str = Field(description="รหัสเครื่องมือที่วัดตัวชี้วัดนี้")
    subindicators: list[SubIndicator] = Field([], description="ตัวชี้วัดย่อย (ถ้ามี)")


class OitItems(Strict):
    measures: str | None = Field(None, description="ข้อ OIT ของการเผยแพร่มาตรการ เช่น O38")
    implementation: str | None = Field(None, description="ข้อ OIT ของการรายงานการดำเนินการตามมาตรการ เช่น O39")


class Framework(Strict):
    prose_kind = "framework"
    id: str = Field(description="รหัสกรอบการประเมิน ตรงกับชื่อไฟล์ เช่น ita-2566")
    year: BuddhistYear = Field(description="ปีที่ประเมิน (พ.ศ.)")
    title: str = Field(description="ชื่อการประเมิน")
    pass_mark: Decimal = Field(description="คะแนนผ่านเกณฑ์ เช่น 85.00")
    tools: list[Tool] = Field(description="เครื่องมือการประเมิน")
    indicators: list[Indicator] = Field(description="ตัวชี้วัด")
    levels: list[Level] = Field(description="ระดับผลการประเมิน จากสูงไปต่ำ")
    oit_items: OitItems = Field(OitItems(), description="เลขข้อ OIT ที่เอกสารนี้ใช้เป็นหลักฐาน")
    background: list[Prose] = Field([], description="ความเป็นมา (ย่อหน้า)")
    note: str = Field("", description="หมายเหตุที่มาของข้อมูล (ไม่พิมพ์ในเอกสาร)")

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        codes = [t.code for t in self.tools]
        if sum(t.weight for t in self.tools) != 100:
            raise ValueError("น้ำหนักของเครื่องมือรวมกันต้องได้ 100")
        numbers = [i.number for i in self.indicators]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError("ตัวชี้วัดต้องเรียงเลข 1, 2, 3, … ไม่ข้ามและไม่ซ้ำ")
        for ind in self.indicators:
            if ind.tool not in codes:
                raise ValueError(f"ตัวชี้วัดที่ {ind.number} อ้างเครื่องมือ {ind.tool} ที่ไม่มีใน tools")
        for code in codes:
            if not any(i.tool == code for i in self.indicators):
                raise ValueError(f"เครื่องมือ {code} ไม่มีตัวชี้วัด")
        mins = [lv.min for lv in self.levels]
        if mins != sorted(mins, reverse=True) or not mins or mins[-1] != 0:
            raise ValueError("ระดับผลการประเมินต้องเรียงจากสูงไปต่ำ และระดับสุดท้ายเริ่มที่ 0")
        return self
