"""The shape of every content file, as pydantic models.

Unknown keys are refused (a typo must not pass silently), numbers are Decimal
(the YAML reader gives Decimals for decimal literals, so 99.13 stays 99.13).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Literal, Optional

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator


class Strict(BaseModel):
    # A phone extension typed as 1108 is text, not an error.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


# --------------------------------------------------------------------------- frameworks

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


class SubIndicator(Strict):
    number: str
    name: str


class Indicator(Strict):
    number: int
    name: str
    tool: str
    subindicators: list[SubIndicator] = []


class OitItems(Strict):
    measures: Optional[str] = None
    implementation: Optional[str] = None


class Framework(Strict):
    id: str
    year: int
    title: str
    pass_mark: Decimal
    tools: list[Tool]
    indicators: list[Indicator]
    levels: list[Level]
    oit_items: OitItems = OitItems()
    background: list[str] = []
    note: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> "Framework":
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


# --------------------------------------------------------------------------- results

def _score_ok(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("คะแนนต้องเป็นตัวเลข")
    if value < 0 or value > 100:
        raise ValueError(f"คะแนน {value} อยู่นอกช่วง 0–100")
    return value


Score = Annotated[Decimal, AfterValidator(_score_ok)]


class National(Strict):
    average: Decimal
    rank: int = Field(ge=1)
    of: int = Field(ge=1)

    @field_validator("average")
    @classmethod
    def _avg(cls, v: Decimal) -> Decimal:
        return _score_ok(v)

    @model_validator(mode="after")
    def _rank(self) -> "National":
        if self.rank > self.of:
            raise ValueError(f"อันดับที่ {self.rank} มากกว่าจำนวนเขตทั้งหมด {self.of}")
        return self


class Results(Strict):
    framework: str
    year: int
    scores: dict[int, Score] = {}
    subscores: dict[str, Score] = {}
    national: Optional[National] = None
    history: dict[int, Score] = {}
    stated: dict[Literal["total", "IIT", "EIT", "OIT"], Decimal] = {}


# --------------------------------------------------------------------------- measures

class Item(Strict):
    """One entry of a guideline. Numbering is computed, never typed.

    A plain string in the YAML is an item with that text."""
    text: str = ""
    items: list["Item"] = []
    plain: bool = Field(False, description="an unnumbered paragraph (intro or sub-heading)")
    expand: Optional[Literal["complaint_channels"]] = Field(
        None, description="take the child items from the office's data")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data):
        return {"text": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _not_empty(self) -> "Item":
        if not self.text and not self.items and not self.expand:
            raise ValueError("รายการว่าง: ต้องมี text หรือ items")
        return self


Node = Item


class Measure(Strict):
    id: str
    number: int
    title: str
    guideline: list[Node]
    followup: list[str]
    responsible: list[str] = Field(description="keys of the office's units")


class MeasureOverride(Strict):
    title: Optional[str] = None
    guideline: Optional[list[Node]] = None
    add: list[Node] = []
    followup: Optional[list[str]] = None
    responsible: Optional[list[str]] = None


# --------------------------------------------------------------------------- offices

class Address(Strict):
    line: str = Field(description="number, village, road")
    subdistrict: str
    district: str
    province: str
    postcode: str


class Person(Strict):
    name: str
    position: str


class Margins(Strict):
    top: Decimal = Decimal("2.5")
    bottom: Decimal = Decimal("2")
    left: Decimal = Decimal("3")
    right: Decimal = Decimal("2")


class Style(Strict):
    """The office's choices; fonts and margins left out keep the template's."""
    digits: Literal["thai", "arabic"] = "arabic"
    font: Optional[str] = None
    margins: Optional[Margins] = None


class Office(Strict):
    id: str
    name: str
    short_name: str
    parents: list[str]
    address: Address
    phone: str
    phone_ext: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    facebook: str = ""
    hotline: str = Field("", description="the director's direct line")
    director: Optional[Person] = None
    units: dict[str, str]
    complaint_channels: list[str] = []
    style: Style = Style()


# --------------------------------------------------------------------------- publications

class Improvement(Strict):
    indicator: str = Field(description="indicator or sub-indicator number, e.g. '9.1'")
    issue: list[str] = Field(description="ประเด็นการประเมิน")
    improve: list[str] = Field(description="ประเด็นที่ควรพัฒนา")


class PracticeRow(Strict):
    measure: str
    steps: list[str]
    responsible: list[str]
    monitoring: str = ""


class AnalysisNotes(Strict):
    strengths: dict[str, list[str]] = Field({}, description="tool code -> paragraphs")
    weaknesses: list[str] = []
    improvements_intro: str = ""
    improvements: list[Improvement] = []
    practice_intro: str = ""
    practice: list[PracticeRow] = []
    practice_outro: str = ""
    actions_intro: str = ""
    actions: list[Node] = []


class Publication(Strict):
    year: int = Field(description="fiscal year of publication, Buddhist era")
    results: str = Field(description="the ITA results file beside this one")
    motto: list[str] = []
    preface: list[str] = Field([], description="the office's own preface; generated when empty")
    analysis: AnalysisNotes = AnalysisNotes()
    measures: dict[str, MeasureOverride] = {}
    signatories: list[Person] = []
    date: Optional[str] = Field(None, description="date of issue, YYYY-MM-DD in the Buddhist era")

    @field_validator("date")
    @classmethod
    def _date(cls, v: Optional[str]) -> Optional[str]:
        if v is not None:
            from .thai import parse_be_date
            parse_be_date(v)
        return v
