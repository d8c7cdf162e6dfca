"""One publication of an office: its year, the result it analyses, the officers' notes, changes to measures."""
from __future__ import annotations

import builtins
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from .base import ABOUT, MEASURE_IDS, BuddhistYear, MeasureId, Prose, Strict, ThaiDate, UnitKey, content_ids
from .measure import Item, MeasureOverride, OwnMeasure
from .results import Score

# What a note may be about (rules/notes.py, rules/keys.py): a tool, an indicator or a
# sub-indicator of the framework; the improvements table names an indicator or a sub-indicator.
ABOUT_IDS = content_ids("tool", "indicator", "subindicator")
INDICATOR_IDS = content_ids("indicator", "subindicator")
# The results file: a .yaml file of the publication's folder, not publication.yaml or progress.yaml
# (load.RESULTS_NAME, which `check` applies, and its two neighbours that are no results).
RESULTS_FILE = r"^(?!(?:publication|progress)\.yaml$)[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.yaml$"


class Improvement(Strict):
    indicator: str = Field(description="ตัวชี้วัดหรือตัวชี้วัดย่อย เช่น \"9.5\"", json_schema_extra=INDICATOR_IDS)
    issue: list[Prose] = Field(description="ประเด็นการประเมิน")
    improve: list[Prose] = Field(description="ประเด็นที่ควรพัฒนา")


About = Annotated[str, ABOUT, Field(description="what a note is about: a tool code (OIT), an indicator (9) "
                                                 "or a sub-indicator (9.5)", json_schema_extra=ABOUT_IDS)]


class Note(Strict):
    about: About = Field(
        description="เกี่ยวกับอะไร: รหัสเครื่องมือ (OIT) ตัวชี้วัด (\"9\") หรือตัวชี้วัดย่อย (\"9.5\")")
    text: Prose = Field(description="ข้อความ")


class PracticeRow(Strict):
    about: About = Field(description="เกี่ยวกับอะไร: รหัสเครื่องมือ ตัวชี้วัด หรือตัวชี้วัดย่อย")

    @model_validator(mode="before")
    @classmethod
    def _about(cls, data: Any) -> Any:
        """A row without `about`: say what to write (the bare "missing" names only the key)."""
        if isinstance(data, dict) and "about" not in data:
            raise ValueError("แถวนี้ต้องระบุว่าเกี่ยวกับอะไร: เพิ่มบรรทัด about: \"9\" ใช้รหัสเครื่องมือ (เช่น OIT) "
                             "เลขตัวชี้วัด (เช่น \"9\") หรือเลขตัวชี้วัดย่อย (เช่น \"9.5\") ของกรอบการประเมิน")
        return data
    measure: Prose = Field(description="มาตรการ/แนวทาง")
    steps: list[Prose] = Field(description="ขั้นตอนหรือวิธีการ")
    responsible: list[UnitKey] = Field(description="ผู้รับผิดชอบ: รหัสกลุ่มงานใน units")
    timing: Prose = Field("", description="ระยะเวลา")
    monitoring: Prose = Field("", description="การกำกับ ติดตาม")


class Action(Item):
    """An action item; it may name what it is about."""
    about: Annotated[str | None, ABOUT] = Field(None, description="เกี่ยวกับอะไร (ถ้าระบุ)", json_schema_extra=ABOUT_IDS)
    items: list[Action] = Field([], description="ข้อย่อย")  # type: ignore[assignment]


class AnalysisNotes(Strict):
    prose_kind = "notes"
    focus: Annotated[str | None, ABOUT] = Field(None,
        description="จุดเน้นที่หน่วยงานเลือก: ตัวชี้วัดหรือตัวชี้วัดย่อยที่ยังไม่ได้คะแนนเต็ม", json_schema_extra=ABOUT_IDS)
    target: Score | None = Field(None, description="ค่าเป้าหมายคะแนนรวมในการประเมินครั้งถัดไป")
    strengths: dict[str, list[Prose]] = Field({}, description="จุดแข็ง: รหัสเครื่องมือ: ย่อหน้า",
                                              json_schema_extra={"propertyNames": content_ids("tool")})
    weaknesses: list[Note] = Field([], description="จุดอ่อน")
    improvements_intro: Prose = Field("", description="ข้อความนำตารางประเด็นที่ควรพัฒนา")
    improvements: list[Improvement] = Field([], description="ตารางประเด็นที่ควรพัฒนา")
    practice_intro: Prose = Field("", description="ข้อความนำตารางแนวทางปฏิบัติ")
    practice: list[PracticeRow] = Field([], description="ตารางแนวทางปฏิบัติ")
    practice_outro: Prose = Field("", description="ข้อความท้ายตารางแนวทางปฏิบัติ")
    actions_intro: Prose = Field("", description="ข้อความนำแนวทางเร่งด่วน")
    actions: list[Action] = Field([], description="แนวทางเร่งด่วน (ข้อ)")


class Table(Strict):
    columns: list[Prose] = Field(description="หัวคอลัมน์")
    rows: list[list[Prose]] = Field(description="แถว (แต่ละแถวมีช่องเท่าจำนวนคอลัมน์)")

    @model_validator(mode="after")
    def _width(self) -> Table:
        for n, row in enumerate(self.rows, 1):
            if len(row) != len(self.columns):
                raise ValueError(f"แถวที่ {n} มี {len(row)} ช่อง แต่ตารางมี {len(self.columns)} คอลัมน์")
        return self


class Block(Strict):
    """One block of an office's own section: a paragraph, a list or a table.
    A plain string in the YAML is a paragraph."""
    text: Prose = Field("", description="ย่อหน้า")
    list: builtins.list[Prose] = Field([], description="รายการหัวข้อย่อย")  # the key officers type is `list:`
    table: Table | None = Field(None, description="ตาราง")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: object) -> object:
        return {"text": data} if isinstance(data, str) else data

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> Any:
        # In the file a plain string is one too (a line of text); editors must accept both.
        return {"anyOf": [{"type": "string"}, handler(core_schema)]}

    @model_validator(mode="after")
    def _one(self) -> Block:
        if sum(map(bool, (self.text, self.list, self.table))) != 1:
            raise ValueError("แต่ละส่วนต้องเป็นอย่างใดอย่างหนึ่ง: ข้อความ, list หรือ table")
        return self


class Section(Strict):
    """A section the office adds at a named place of the document."""
    place: Literal["after_analysis", "after_measures"] = Field(
        description="ตำแหน่ง: after_analysis (ท้ายส่วนที่ 2) หรือ after_measures (ท้ายส่วนที่ 3)")
    heading: Prose = Field(description="หัวข้อของส่วน")
    blocks: list[Block] = Field(description="เนื้อหา: ย่อหน้า list หรือ table")


class Signatory(Strict):
    name: str = Field(description="ชื่อผู้ลงนาม")
    position: Prose = Field(description="ตำแหน่ง")
    caption: Prose = Field("", description="บรรทัดใต้ลายมือชื่อ เช่น ผู้เสนอ ผู้อนุมัติ")


class Publication(Strict):
    prose_kind = "office"
    year: BuddhistYear = Field(description="ปีงบประมาณของเอกสาร (พ.ศ.)")
    results: str = Field(description="ชื่อไฟล์ผลการประเมินในโฟลเดอร์เดียวกัน เช่น ita-2565.yaml",
                         json_schema_extra={"pattern": RESULTS_FILE})
    background: list[Prose] | None = Field(None,
        description="ความเป็นมาของเอกสารฉบับนี้ แทนของหน่วยงานหรือกรอบการประเมิน")
    motto: list[Prose] = Field([], description="คำขวัญบนปก")
    preface: list[Prose] = Field([], description="คำนำของหน่วยงานเอง (ว่างไว้ ระบบเขียนให้)")
    analysis: AnalysisNotes = Field(AnalysisNotes(), description="ถ้อยคำการวิเคราะห์ของหน่วยงาน")
    measures: dict[MeasureId, MeasureOverride] = Field({}, description="การปรับมาตรการมาตรฐาน: รหัสมาตรการ: การปรับ",
                                                       json_schema_extra={"propertyNames": MEASURE_IDS})
    own_measures: list[OwnMeasure] = Field([], description="มาตรการของหน่วยงานเอง (ต่อจาก 7 มาตรการ)")
    sections: list[Section] = Field([], description="ส่วนของหน่วยงานเอง")
    signatories: list[Signatory] = Field([], description="ผู้ลงนาม")
    date: ThaiDate | None = Field(None, description="วันที่ประกาศ ปี-เดือน-วัน (พ.ศ.)")
