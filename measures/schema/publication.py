"""One publication of an office: its year, the result it analyses, the officers' notes, changes to measures."""
from __future__ import annotations

from pydantic import Field

from .base import BuddhistYear, MeasureId, Prose, Strict, ThaiDate, UnitKey
from .measure import Item, MeasureOverride
from .office import Person


class Improvement(Strict):
    indicator: str = Field(description="indicator or sub-indicator number, e.g. '9.1'")
    issue: list[Prose] = Field(description="ประเด็นการประเมิน")
    improve: list[Prose] = Field(description="ประเด็นที่ควรพัฒนา")


class PracticeRow(Strict):
    measure: Prose
    steps: list[Prose]
    responsible: list[UnitKey]
    monitoring: Prose = ""


class AnalysisNotes(Strict):
    prose_kind = "notes"
    strengths: dict[str, list[Prose]] = Field({}, description="tool code -> paragraphs")
    weaknesses: list[Prose] = []
    improvements_intro: Prose = ""
    improvements: list[Improvement] = []
    practice_intro: Prose = ""
    practice: list[PracticeRow] = []
    practice_outro: Prose = ""
    actions_intro: Prose = ""
    actions: list[Item] = []


class Publication(Strict):
    prose_kind = "office"
    year: BuddhistYear = Field(description="fiscal year of publication, Buddhist era")
    results: str = Field(description="the ITA results file beside this one")
    motto: list[Prose] = []
    preface: list[Prose] = Field([], description="the office's own preface; generated when empty")
    analysis: AnalysisNotes = AnalysisNotes()
    measures: dict[MeasureId, MeasureOverride] = {}
    signatories: list[Person] = []
    date: ThaiDate | None = Field(None, description="date of issue, YYYY-MM-DD in the Buddhist era")
