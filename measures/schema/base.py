"""What every content model shares: strictness, and the markers that say what a field holds.

A field marked `Prose` is text someone wrote for the document: every check of text
(foreign office names, typed numbers and years, Thai typing slips, references) and the
resolution of `{office.…}` references find it by this marker alone, so a new text field
is covered the moment it is declared. `UnitKey` and `MeasureId` mark keys that must name
an existing unit or measure.
"""
from __future__ import annotations

import re
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


def typed_as(pattern: str, message: str) -> BeforeValidator:
    """A value that may come as text (quoted in YAML) must be written as `pattern`: the same
    pattern the editor schema gives the text, so the editor and `check` agree on every string."""
    compiled = re.compile(pattern)

    def check(value: object) -> object:
        if isinstance(value, str) and not compiled.fullmatch(value):
            comma = f" (ใช้จุดเป็นทศนิยม ไม่ใช่จุลภาค: {value.replace(',', '.')})" if "," in value else ""
            raise ValueError(message.format(value=value) + comma)
        return value
    return BeforeValidator(check)


# A Buddhist-era year, 2540–2643 (as _buddhist_year checks), written as a number or as text.
YEAR_TEXT = r"^(25[4-9][0-9]|26[0-3][0-9]|264[0-3])$"
YEAR_SCHEMA = {"anyOf": [{"type": "integer", "minimum": 2540, "maximum": 2643},
                         {"type": "string", "pattern": YEAR_TEXT}]}
BuddhistYear = Annotated[int, typed_as(YEAR_TEXT, "'{value}' ต้องเป็นจำนวนเต็ม: ปีพุทธศักราช 4 หลัก เช่น 2565"),
                         AfterValidator(_buddhist_year), WithJsonSchema(YEAR_SCHEMA)]


def date_pattern() -> str:
    """What BEDate.parse reads, as a pattern for the editor: a Buddhist-era year from 2400,
    month 01–12, day 01–31, in Arabic or Thai digits, spaces around allowed. Only the
    calendar (no 30 February) is left to `check`."""
    def d(lo: int, hi: int) -> str:
        return f"[{lo}-{hi}{chr(0x0e50 + lo)}-{chr(0x0e50 + hi)}]"
    year = f"(?:{d(2, 2)}{d(4, 9)}|{d(3, 9)}{d(0, 9)}){d(0, 9)}{d(0, 9)}"
    month = f"(?:{d(0, 0)}{d(1, 9)}|{d(1, 1)}{d(0, 2)})"
    day = f"(?:{d(0, 0)}{d(1, 9)}|{d(1, 2)}{d(0, 9)}|{d(3, 3)}{d(0, 1)})"
    return rf"^\s*{year}-{month}-{day}\s*$"


# A date written 2565-03-31: parsed once, here; everything after holds the parsed date.
ThaiDate = Annotated[BEDate, BeforeValidator(BEDate.parse),
                     WithJsonSchema({"type": "string", "pattern": date_pattern(),
                                     "description": "ปี-เดือน-วัน ปีพุทธศักราช เช่น 2565-03-31"})]
