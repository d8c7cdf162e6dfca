"""One publication of an office: its year, the result it analyses, the officers' notes, changes to measures."""
from __future__ import annotations

import builtins
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .base import ABOUT, BuddhistYear, MeasureId, Prose, Strict, ThaiDate, UnitKey
from .measure import Item, MeasureOverride
from .results import Score


class Improvement(Strict):
    indicator: str = Field(description="indicator or sub-indicator number, e.g. '9.1'")
    issue: list[Prose] = Field(description="ประเด็นการประเมิน")
    improve: list[Prose] = Field(description="ประเด็นที่ควรพัฒนา")


About = Annotated[str, ABOUT, Field(description="what a note is about: a tool code (OIT), an indicator (9) "
                                                 "or a sub-indicator (9.5)")]


class Note(Strict):
    about: About
    text: Prose


class PracticeRow(Strict):
    about: About
    measure: Prose
    steps: list[Prose]
    responsible: list[UnitKey]
    timing: Prose = Field("", description="ระยะเวลา")
    monitoring: Prose = ""


class Action(Item):
    """An action item; it may name what it is about."""
    about: Annotated[str | None, ABOUT] = None
    items: list[Action] = []  # type: ignore[assignment]


class AnalysisNotes(Strict):
    prose_kind = "notes"
    focus: Annotated[str | None, ABOUT] = Field(
        None, description="the office's own focus: an indicator or sub-indicator below full marks")
    target: Score | None = Field(None, description="the total the office aims for at the next assessment")
    strengths: dict[str, list[Prose]] = Field({}, description="tool code -> paragraphs")
    weaknesses: list[Note] = []
    improvements_intro: Prose = ""
    improvements: list[Improvement] = []
    practice_intro: Prose = ""
    practice: list[PracticeRow] = []
    practice_outro: Prose = ""
    actions_intro: Prose = ""
    actions: list[Action] = []


class Table(Strict):
    columns: list[Prose]
    rows: list[list[Prose]]

    @model_validator(mode="after")
    def _width(self) -> Table:
        for n, row in enumerate(self.rows, 1):
            if len(row) != len(self.columns):
                raise ValueError(f"แถวที่ {n} มี {len(row)} ช่อง แต่ตารางมี {len(self.columns)} คอลัมน์")
        return self


class Block(Strict):
    """One block of an office's own section: a paragraph, a list or a table.
    A plain string in the YAML is a paragraph."""
    text: Prose = ""
    list: builtins.list[Prose] = []  # the key officers type is `list:`
    table: Table | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: object) -> object:
        return {"text": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _one(self) -> Block:
        if sum(map(bool, (self.text, self.list, self.table))) != 1:
            raise ValueError("แต่ละส่วนต้องเป็นอย่างใดอย่างหนึ่ง: ข้อความ, list หรือ table")
        return self


class Section(Strict):
    """A section the office adds at a named place of the document."""
    place: Literal["after_analysis", "after_measures"]
    heading: Prose
    blocks: list[Block]


class Signatory(Strict):
    name: str
    position: Prose
    caption: Prose = Field("", description="a line under the signature, e.g. the role: ผู้เสนอ, ผู้อนุมัติ")


class Publication(Strict):
    prose_kind = "office"
    year: BuddhistYear = Field(description="fiscal year of publication, Buddhist era")
    results: str = Field(description="the ITA results file beside this one")
    background: list[Prose] | None = Field(None, description="ความเป็นมา of this publication, "
                                                        "instead of the office's or the framework's")
    motto: list[Prose] = []
    preface: list[Prose] = Field([], description="the office's own preface; generated when empty")
    analysis: AnalysisNotes = AnalysisNotes()
    measures: dict[MeasureId, MeasureOverride] = {}
    sections: list[Section] = []
    signatories: list[Signatory] = []
    date: ThaiDate | None = Field(None, description="date of issue, YYYY-MM-DD in the Buddhist era")
