"""What every content model shares: strictness, and the markers that say what a field holds.

A field marked `Prose` is text someone wrote for the document: every check of text
(foreign office names, typed numbers and years, Thai typing slips, references) and the
resolution of `{office.…}` references find it by this marker alone, so a new text field
is covered the moment it is declared. `UnitKey` and `MeasureId` mark keys that must name
an existing unit or measure.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, WithJsonSchema

from ..thai import BEDate


@dataclass(frozen=True)
class Marker:
    name: str

    def __repr__(self) -> str:
        return self.name


PROSE = Marker("prose")
UNIT_KEY = Marker("unit_key")
MEASURE_ID = Marker("measure_id")
ABOUT = Marker("about")  # a tool code, an indicator or a sub-indicator number of the framework

Prose = Annotated[str, PROSE]
UnitKey = Annotated[str, UNIT_KEY]
MeasureId = Annotated[str, MEASURE_ID]


# Who wrote a text: the standard measures (shared by every office), a framework, the
# office (its facts and publication), or the office's analysis notes.
TextKind = Literal["shared", "framework", "office", "notes"]


class Strict(BaseModel):
    # Unknown keys are refused (a typo must not pass silently); a phone extension typed
    # as 1108 is text, not an error.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)
    # Who wrote the prose below this model: inherited from the file unless a model says.
    prose_kind: ClassVar[TextKind | None] = None


def _buddhist_year(value: int) -> int:
    if 1990 <= value <= 2100:
        raise ValueError(f"ปี {value} ดูเหมือนเป็นปีคริสต์ศักราช ให้ใช้ปีพุทธศักราช ({value + 543})")
    if not 2540 <= value <= 2643:
        raise ValueError(f"ปี {value} ใช้ไม่ได้: ต้องเป็นปีพุทธศักราช 4 หลัก เช่น 2565")
    return value


BuddhistYear = Annotated[int, AfterValidator(_buddhist_year)]


# A date written 2565-03-31: parsed once, here; everything after holds the parsed date.
ThaiDate = Annotated[BEDate, BeforeValidator(BEDate.parse),
                     WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$",
                                     "description": "ปี-เดือน-วัน ปีพุทธศักราช เช่น 2565-03-31"})]
