"""One office's ITA result for one assessment year, as the assessor published it."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from .base import BuddhistYear, Strict


def _score_ok(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("คะแนนต้องเป็นตัวเลข")
    if value < 0 or value > 100:
        raise ValueError(f"คะแนน {value} อยู่นอกช่วง 0–100")
    return value


Score = Annotated[Decimal, AfterValidator(_score_ok)]


class National(Strict):
    average: Score = Field(description="คะแนนเฉลี่ยระดับประเทศ")
    rank: int = Field(ge=1, description="อันดับของหน่วยงาน")
    of: int = Field(ge=1, description="จำนวนเขตที่รับการประเมินทั้งหมด")

    @model_validator(mode="after")
    def _rank(self) -> National:
        if self.rank > self.of:
            raise ValueError(f"อันดับที่ {self.rank} มากกว่าจำนวนเขตทั้งหมด {self.of}")
        return self


class Results(Strict):
    framework: str = Field(description="รหัสกรอบการประเมิน เช่น ita-2566")
    year: BuddhistYear = Field(description="ปีที่ประเมิน (พ.ศ.)")
    scores: dict[int, Score] = Field({}, description="คะแนนรายตัวชี้วัด: เลขตัวชี้วัด: คะแนน")
    subscores: dict[str, Score] = Field({}, description="คะแนนรายตัวชี้วัดย่อย: \"9.1\": คะแนน")
    national: National | None = Field(None, description="ผลระดับประเทศ (ถ้ามี)")
    history: dict[BuddhistYear, Score] = Field({}, description="คะแนนรวมของปีก่อน ๆ: ปี: คะแนน")
    stated: dict[Literal["total", "IIT", "EIT", "OIT"], Decimal] = Field({},
        description="คะแนนที่ผู้ประเมินประกาศ ใช้ตรวจทานการคำนวณ")

    @field_validator("subscores", mode="before")
    @classmethod
    def _subscore_keys(cls, value: object) -> object:
        # "9.1" typed without quotes reads as a number; the key means the same.
        if isinstance(value, dict):
            from ..yamlfile import canonical_key
            return {canonical_key(k): v for k, v in value.items()}
        return value
