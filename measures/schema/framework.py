"""An ITA assessment year's framework: tools, weights, indicators, levels, pass mark."""
from __future__ import annotations

from decimal import Decimal

from pydantic import Field, model_validator

from .base import BuddhistYear, Prose, Strict


class Level(Strict):
    code: str
    name: str
    min: Decimal


class Tool(Strict):
    code: str
    name: str
    name_en: str
    weight: Decimal = Field(description="percent of the total")
    purpose: str = ""
    threshold: Decimal | None = Field(None, description="minimum average for this tool, where the framework sets one")


class SubIndicator(Strict):
    number: str
    name: str


class Indicator(Strict):
    number: int
    name: str
    tool: str
    subindicators: list[SubIndicator] = []


class OitItems(Strict):
    measures: str | None = None
    implementation: str | None = None


class Framework(Strict):
    prose_kind = "framework"
    id: str
    year: BuddhistYear
    title: str
    pass_mark: Decimal
    tools: list[Tool]
    indicators: list[Indicator]
    levels: list[Level]
    oit_items: OitItems = OitItems()
    background: list[Prose] = []
    note: str = ""

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
