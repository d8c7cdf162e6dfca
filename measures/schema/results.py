"""One office's ITA result for one assessment year, as the assessor published it."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, ValidationInfo, WithJsonSchema, field_validator, model_validator
from pydantic.json_schema import JsonDict

from .base import YEAR_TEXT, BuddhistYear, Strict, content_ids, typed_as


def _score_ok(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("คะแนนต้องเป็นตัวเลข")
    if value < 0 or value > 100:
        raise ValueError(f"คะแนน {value} อยู่นอกช่วง 0–100")
    if value != value.quantize(Decimal("0.01")):
        raise ValueError(f"คะแนน {value} มีทศนิยมเกิน 2 ตำแหน่ง: เขียนตามที่ผู้ประเมินประกาศ เช่น 93.17")
    return value


# A score 0–100 with at most two decimals, as _score_ok checks it; quoted, written plainly.
# The editor's multipleOf is exact (the YAML language server compares decimals, not floats).
SCORE_TEXT = r"^(100(\.0{1,2})?|[0-9]{1,2}(\.[0-9]{1,2})?)$"
SCORE_SCHEMA = {"anyOf": [{"type": "number", "minimum": 0, "maximum": 100, "multipleOf": 0.01},
                          {"type": "string", "pattern": SCORE_TEXT}]}
Score = Annotated[Decimal, typed_as(SCORE_TEXT, "'{value}' ไม่ใช่ตัวเลขคะแนนที่ใช้ได้: เขียนตัวเลข 0 ถึง 100 "
                                                "ทศนิยมไม่เกิน 2 ตำแหน่ง เช่น 93.17"),
                  AfterValidator(_score_ok), WithJsonSchema(SCORE_SCHEMA)]
# Keys of `scores` are indicator numbers, of `subscores` sub-indicator numbers, of `stated` tool
# codes or total: those of the project's frameworks (any framework's look without them); of
# `history`, Buddhist-era years.
INDICATOR_KEYS: JsonDict = {"propertyNames": content_ids("indicator", fallback={"pattern": r"^[0-9A-Za-z]+$"})}
SUBINDICATOR_KEYS: JsonDict = {"propertyNames": content_ids("subindicator",
                                                            fallback={"pattern": r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$"})}
STATED_KEYS: JsonDict = {"propertyNames": content_ids("tool", also=("total",))}
YEAR_KEYS: JsonDict = {"propertyNames": {"pattern": YEAR_TEXT}}


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
    framework: str = Field(description="รหัสกรอบการประเมิน เช่น ita-2566 (ชื่อไฟล์ใน content/frameworks)",
                           json_schema_extra=content_ids("framework"))
    year: BuddhistYear = Field(description="ปีที่ประเมิน (พ.ศ.)")
    scores: dict[str, Score] = Field({}, description="คะแนนรายตัวชี้วัด: รหัสตัวชี้วัด: คะแนน",
                                     json_schema_extra=INDICATOR_KEYS)
    subscores: dict[str, Score] = Field({}, description="คะแนนรายตัวชี้วัดย่อย: \"9.1\": คะแนน",
                                        json_schema_extra=SUBINDICATOR_KEYS)
    national: National | None = Field(None, description="ผลระดับประเทศ (ถ้ามี)")
    history: dict[BuddhistYear, Score] = Field({}, description="คะแนนรวมของปีก่อน ๆ: ปี: คะแนน",
                                               json_schema_extra=YEAR_KEYS)
    stated: dict[str, Score] = Field({},
        description="คะแนนที่ผู้ประเมินประกาศ ใช้ตรวจทานการคำนวณ: total หรือรหัสเครื่องมือ (เช่น IIT): คะแนน",
        json_schema_extra=STATED_KEYS)

    @field_validator("subscores", mode="before")
    @classmethod
    def _subscore_keys(cls, value: object) -> object:
        # "9.1" typed without quotes reads as a number; the key means the same.
        if isinstance(value, dict):
            from ..yamlfile import canonical_key
            return {canonical_key(k): v for k, v in value.items()}
        return value

    @field_validator("scores")
    @classmethod
    def _score_keys(cls, value: dict[str, Decimal]) -> dict[str, Decimal]:
        # Indicator ids are text ("1", "A1"); 1 typed without quotes means "1". Made text after
        # the scores are checked, so a bad score is reported at the key as typed (its line).
        from ..yamlfile import canonical_key
        return {canonical_key(k): v for k, v in value.items()}

    @field_validator("history")
    @classmethod
    def _history_before(cls, value: dict[int, Decimal], info: ValidationInfo) -> dict[int, Decimal]:
        """History holds earlier totals: a later year cannot have been assessed yet."""
        year = info.data.get("year")
        later = sorted(y for y in value if year is not None and y > year)
        if later:
            raise ValueError(f"history: ปี {', '.join(map(str, later))} อยู่หลังปีที่ประเมิน ({year}) "
                             "history เก็บคะแนนรวมของปีที่ประเมินแล้วเท่านั้น ให้ลบหรือแก้ปีนั้น")
        return value
