"""A standard measure, shared by every office, and an office's changes to one."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from .base import Prose, Strict, UnitKey


class Item(Strict):
    """One entry of a guideline. Numbering is computed, never typed.

    A plain string in the YAML is an item with that text."""
    text: Prose = Field("", description="ข้อความของข้อ (ไม่ต้องพิมพ์เลขข้อ)")
    items: list[Item] = Field([], description="ข้อย่อย")
    plain: bool = Field(False, description="ย่อหน้าไม่มีเลขข้อ (คำนำหรือหัวข้อย่อย)")
    expand: Literal["complaint_channels"] | None = Field(None, description="ดึงข้อย่อยจากข้อมูลหน่วยงาน: complaint_channels")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: object) -> object:
        return {"text": data} if isinstance(data, str) else data

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> Any:
        # In the file a plain string is one too (a line of text); editors must accept both.
        return {"anyOf": [{"type": "string"}, handler(core_schema)]}

    @model_validator(mode="after")
    def _not_empty(self) -> Item:
        if not self.text and not self.items and not self.expand:
            raise ValueError("รายการว่าง: ต้องมี text หรือ items")
        return self


class Measure(Strict):
    prose_kind = "shared"
    id: str = Field(description="รหัสมาตรการ")
    number: int = Field(description="ลำดับมาตรการ 1–7")
    title: Prose = Field(description="ชื่อมาตรการ")
    guideline: list[Item] = Field(description="แนวทางวิธีปฏิบัติ (ข้อ)")
    followup: list[Prose] = Field(description="การติดตาม/รายงานผล")
    responsible: list[UnitKey] = Field(description="ผู้รับผิดชอบ: รหัสกลุ่มงานใน units")

    def merged(self, o: MeasureOverride | None) -> Measure:
        """This measure with an office's changes: a title, a guideline replaced or added to."""
        if o is None:
            return self
        return self.model_copy(update={
            "title": o.title or self.title,
            "guideline": list(o.guideline if o.guideline is not None else self.guideline) + list(o.add),
            "followup": o.followup if o.followup is not None else self.followup,
            "responsible": o.responsible if o.responsible is not None else self.responsible,
        })


class OwnMeasure(Strict):
    """A measure an office adds to the seven; numbered after them."""
    id: str = Field(description="รหัสมาตรการของหน่วยงานเอง")
    title: Prose = Field(description="ชื่อมาตรการ")
    guideline: list[Item] = Field(description="แนวทางวิธีปฏิบัติ (ข้อ)")
    followup: list[Prose] = Field([], description="การติดตาม/รายงานผล")
    responsible: list[UnitKey] = Field(description="ผู้รับผิดชอบ: รหัสกลุ่มงานใน units")


class MeasureOverride(Strict):
    title: Prose | None = Field(None, description="ชื่อมาตรการแทนของมาตรฐาน")
    guideline: list[Item] | None = Field(None, description="แนวทางทั้งหมดแทนของมาตรฐาน")
    add: list[Item] = Field([], description="ข้อที่เพิ่มต่อท้ายแนวทางมาตรฐาน")
    followup: list[Prose] | None = Field(None, description="การติดตามแทนของมาตรฐาน")
    responsible: list[UnitKey] | None = Field(None, description="ผู้รับผิดชอบแทนของมาตรฐาน")
