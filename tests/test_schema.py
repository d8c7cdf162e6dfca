"""The editor schemas: generated from the models, named by every content file, and doing what
an editor needs — accepting every shipped file and flagging planted mistakes."""
from __future__ import annotations

import json
import shutil
from decimal import Decimal
from decimal import Decimal as DecimalType
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from measures.cli import main
from measures.editor_schema import KINDS, kind_of, text
from measures.yamlfile import read_yaml

from .conftest import CONTENT, PROJECT

FILES = sorted(p for p in CONTENT.rglob("*.yaml") if kind_of(p, CONTENT))


def as_json(data: Any) -> Any:
    """What an editor's YAML server sees: numbers as numbers, keys as strings."""
    if isinstance(data, dict):
        return {str(k): as_json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_json(v) for v in data]
    if isinstance(data, Decimal):
        return float(data)
    return data


def _exact_multiple_of(validator, step, instance, schema):
    """multipleOf on decimals as the YAML language server computes it (93.17 is a multiple of
    0.01); jsonschema divides floats, and 93.17 / 0.01 is 9316.999999999998."""
    number = validator.is_type(instance, "number") and not isinstance(instance, bool)
    if number and DecimalType(str(instance)) % DecimalType(str(step)) != 0:
        yield jsonschema.ValidationError(f"{instance} is not a multiple of {step}")


Editor = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"multipleOf": _exact_multiple_of})


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return Editor(json.loads(text(kind)))


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schemas_are_the_generated_ones(kind):
    """`measures schema` was run after the last change of the models."""
    assert (PROJECT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8") == text(kind)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CONTENT)))
def test_every_shipped_file_names_its_schema_and_passes_it(path):
    kind = kind_of(path, CONTENT)
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith("# yaml-language-server: $schema=")
    named = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert named == (PROJECT / "schemas" / f"{kind}.schema.json").resolve() and named.is_file()
    errors = sorted(validator(kind).iter_errors(as_json(read_yaml(path).data)), key=str)
    assert errors == [], errors[0].message if errors else ""


PLANTED = [
    ("office", lambda d: d.update(shortname=d.pop("short_name")), "shortname"),
    ("office", lambda d: d["style"].update(digits="roman"), "roman"),
    ("results", lambda d: d["scores"].update({"5": [93.17]}), "[93.17]"),
    ("results", lambda d: d.pop("framework"), "framework"),
    ("publication", lambda d: d["analysis"]["weaknesses"].append({"text": "ไม่ระบุว่าเกี่ยวกับอะไร"}), "about"),
    ("publication", lambda d: d.update(date="15/06/2566"), "15/06/2566"),
    ("progress", lambda d: d["activities"][0].update(status="เสร็จแล้ว"), "เสร็จแล้ว"),
    ("measure", lambda d: d["guideline"].append({"txt": "พิมพ์ชื่อหัวข้อผิด"}), "txt"),
]
SAMPLE = {"office": "offices/nan1/office.yaml", "results": "offices/kksec/2565/ita-2564.yaml",
          "publication": "offices/nan1/2566/publication.yaml", "progress": "offices/kksec/2565/progress.yaml",
          "measure": "measures/7-discretion.yaml"}


@pytest.mark.parametrize("kind,change,words", PLANTED, ids=[f"{k}-{w}" for k, _, w in PLANTED])
def test_the_schema_flags_a_planted_mistake(kind, change, words):
    data = as_json(read_yaml(CONTENT / SAMPLE[kind]).data)
    change(data)
    errors = list(validator(kind).iter_errors(data))
    assert errors and any(words in e.message or words in str(list(e.path)) for e in errors), [e.message for e in errors]


def _set(path: tuple[Any, ...], value: Any):
    def change(data: dict[str, Any]) -> None:
        *inner, last = path
        for key in inner:
            data = data[key]
        if last == "key":  # rename the dict's first key to `value`
            first = next(iter(data))
            data[value] = data.pop(first)
        else:
            data[last] = value
    return change


# (kind, where, value, whether check takes it): a number's type, range and decimals, a year,
# a date's pattern, an amount of money; each value given to the editor's schema and to the
# model `check` validates with. Both must say the same: never stricter, never looser.
SCORE = ("scores", 5)
AGREE = [
    *[("results", SCORE, v, ok) for v, ok in [
        ("เก้าสิบ", False), (110, False), (-1, False), (Decimal("93.175"), False), ("93.175", False), ("110", False),
        ("", False), ("1e1", False), ("075", False), (Decimal("100.001"), False),
        (100, True), (0, True), ("93.17", True), (Decimal("93.1"), True), ("100.00", True), (7, True),
        (Decimal("93.170"), True)]],
    *[("results", ("national", "average"), v, ok) for v, ok in [
        (101, False), ("ห้าสิบ", False), (Decimal("86.84"), True)]],
    *[("results", ("stated", "total"), v, ok) for v, ok in [(Decimal("91.505"), False), (Decimal("91.50"), True)]],
    *[("results", ("year",), v, ok) for v, ok in [
        (2022, False), ("2022", False), (2700, False), ("๒๕๖๔", False), (Decimal("2564.5"), False),
        (2564, True), ("2564", True)]],
    *[("results", ("history", "key"), v, ok) for v, ok in [("2022", False), ("ปี 2563", False), ("2557", True)]],
    *[("results", ("history", 2563), v, ok) for v, ok in [(Decimal("87.675"), False), ("สูง", False), (87, True)]],
    *[("publication", ("date",), v, ok) for v, ok in [
        ("2565-13-01", False), ("15/06/2566", False), ("2022-03-01", False), ("2565-3-1", False), ("2565-00-10", False),
        ("2565-03-32", False), ("2565-03-31", True), ("๒๕๖๕-๐๓-๓๑", True), (" 2565-03-31", True)]],
    *[("progress", ("activities", 0, "budget"), v, ok) for v, ok in [
        (-5, False), ("1,000", False), (Decimal("10.005"), False), ("15000บาท", False),
        (15000, True), ("2500.50", True), (0, True)]],
]


@pytest.mark.parametrize("kind,where,value,ok", AGREE, ids=[f"{k}-{w[-1]}-{v!r}" for k, w, v, _ in AGREE])
def test_the_editor_and_check_agree(kind, where, value, ok):
    from pydantic import ValidationError
    data = read_yaml(CONTENT / SAMPLE[kind]).data
    _set(where, value)(data)
    try:
        KINDS[kind][0].model_validate(data)
        checked = True
    except ValidationError:
        checked = False
    edited = not list(validator(kind).iter_errors(as_json(data)))
    assert (checked, edited) == (ok, ok)


def test_the_calendar_is_left_to_check():
    """The one thing a pattern cannot say: 30 February. The editor lets it through; check refuses it."""
    from measures import schema
    data = read_yaml(CONTENT / SAMPLE["publication"]).data
    data["date"] = "2565-02-30"
    assert not list(validator("publication").iter_errors(as_json(data)))
    with pytest.raises(Exception, match="ไม่มีวันที่ 30"):
        schema.Publication.model_validate(data)


def test_the_schema_shows_thai_descriptions():
    office = json.loads(text("office"))
    assert office["properties"]["short_name"]["description"].startswith("ชื่อย่อ")


def test_new_office_and_new_year_write_the_schema_line(tmp_path):
    content = tmp_path / "project" / "content"
    shutil.copytree(CONTENT, content)
    env = {"MEASURES_CONTENT": str(content)}
    assert CliRunner().invoke(main, ["new-office", "lampang2", "--year", "2567"], env=env).exit_code == 0
    assert CliRunner().invoke(main, ["new-year", "--office", "kksec", "--year", "2566"], env=env).exit_code == 0
    made = [*(content / "offices/lampang2").rglob("*.yaml"), *(content / "offices/kksec/2566").glob("*.yaml")]
    assert len(made) == 5
    for path in made:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        kind = kind_of(path, content)
        up = "../" * len(path.relative_to(content).parts)  # out of the file's folders and content/
        assert first == f"# yaml-language-server: $schema={up}schemas/{kind}.schema.json"
