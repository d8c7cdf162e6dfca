"""A standard measure, shared by every office, and an office's changes to one."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Prose, Strict, UnitKey


class Item(Strict):
    """One entry of a guideline. Numbering is computed, never typed.

    A plain string in the YAML is an item with that text."""
    text: Prose = ""
    items: list[Item] = []
    plain: bool = Field(False, description="an unnumbered paragraph (intro or sub-heading)")
    expand: Literal["complaint_channels"] | None = Field(
        None, description="take the child items from the office's data")

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: object) -> object:
        return {"text": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _not_empty(self) -> Item:
        if not self.text and not self.items and not self.expand:
            raise ValueError("รายการว่าง: ต้องมี text หรือ items")
        return self


class Measure(Strict):
    prose_kind = "shared"
    id: str
    number: int
    title: Prose
    guideline: list[Item]
    followup: list[Prose]
    responsible: list[UnitKey] = Field(description="keys of the office's units")


class MeasureOverride(Strict):
    title: Prose | None = None
    guideline: list[Item] | None = None
    add: list[Item] = []
    followup: list[Prose] | None = None
    responsible: list[UnitKey] | None = None
