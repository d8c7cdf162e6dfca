"""The editor schemas: generated from the models, named by every content file, and doing what
an editor needs — accepting every shipped file and flagging planted mistakes."""
from __future__ import annotations

import copy
import functools
import json
import shutil
from decimal import Decimal
from decimal import Decimal as DecimalType
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from measures.check import check_all
from measures.cli import main
from measures.editor_schema import KINDS, content_ids, json_schema, kind_of, text
from measures.load import RESULTS_NAME, Content
from measures.yamlfile import read_yaml

from .conftest import CONTENT, PROJECT, edit_yaml

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


@functools.cache
def validator(kind: str, content: Path = CONTENT) -> jsonschema.Draft202012Validator:
    """The editor's view of a kind of file, with the ids of `content` (the shipped content)."""
    return Editor(json.loads(text(kind, content)))


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schemas_are_the_generated_ones(kind):
    """`measures schema` was run after the last change of the models and of the ids in content/
    (a framework or a measure added)."""
    committed = (PROJECT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == text(kind, CONTENT), "run `measures schema` and commit schemas/"


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


# --------------------------------------------------------------------------- ids the content defines

# (kind, the mistake as the editor sees it, the same mistake made in a copy of the content for
# `check`, the value): an id no framework or measure of the content has. The editor flags each,
# and `check` refuses each, naming the value.
def _framework(v):
    return lambda d: d.update(framework=v)


def _score_key(v):
    return lambda d: d["scores"].update({v: 90.0})


def _activity_measure(v):
    return lambda d: d["activities"][0].update(measure=v)


def _weakness(v):
    return lambda d: d["analysis"]["weaknesses"].append({"about": v, "text": "ยังต้องปรับปรุงเรื่องนี้"})


def _override(v):
    return lambda d: d.setdefault("measures", {}).update({v: {"add": ["ข้อที่เพิ่มต่อท้าย"]}})


def _results(v):
    return lambda d: d.update(results=v)


IDS = {
    "framework": ("results", _framework, ["ita-2546", "ita-2568", "ITA-2564", "ita2564", "2564"]),
    "score key": ("results", _score_key, ["77", "11", "9.5", "A1", "0"]),
    "activity measure": ("progress", _activity_measure,
                         ["disclosur", "Disclosure", "conflict-of-interest", "bribes", "measure_1"]),
    "weakness about": ("publication", _weakness, ["19.5", "9.6", "ITA", "oit", "ตัวชี้วัดที่ 9"]),
    "measure override": ("publication", _override, ["disclosur", "Discretion", "conflict-of-interest", "measure_1"]),
    "results file": ("publication", _results, ["ita-2566.yml", "ita-2566", "../ita-2566.yaml", "ita 2566.yaml",
                                               "ita-2566.YAML", "publication.yaml"]),
}
FILE_OF = {"results": "offices/kksec/2565/ita-2564.yaml", "progress": "offices/kksec/2565/progress.yaml",
           "publication": "offices/nan1/2566/publication.yaml"}
PLANTED_IDS = [(what, v) for what, (_, _, values) in IDS.items() for v in values]


@pytest.mark.parametrize("what,value", PLANTED_IDS, ids=[f"{w}-{v}" for w, v in PLANTED_IDS])
def test_the_schema_flags_an_id_the_content_lacks(what, value):
    kind, change, _ = IDS[what]
    data = as_json(read_yaml(CONTENT / FILE_OF[kind]).data)
    assert not list(validator(kind).iter_errors(data))
    change(value)(data)
    assert list(validator(kind).iter_errors(data)), f"{what}: {value!r} passes the editor"


@pytest.mark.parametrize("what", IDS)
def test_check_refuses_the_same_ids(content_copy, what):
    """`check` agrees: each planted id is an error there too, naming it (one copy of the content
    per kind of id, each value planted in turn and taken out again)."""
    kind, change, values = IDS[what]
    path = content_copy / FILE_OF[kind]
    office = FILE_OF[kind].split("/")[1]
    original = path.read_bytes()
    for value in values:
        edit_yaml(path, change(int(value) if what == "score key" and value.isdigit() else value))
        errors = [p for p in check_all(Content(content_copy), office) if p.severity == "error"]
        assert any(value in f"{p.file} {p.message}" for p in errors), (what, value, [str(p) for p in errors])
        path.write_bytes(original)


def test_the_results_file_pattern_is_checks():
    """`results:` in the editor: the names load.RESULTS_NAME lets check look for, less the two
    files of the folder that are no results."""
    pattern = json.loads(text("publication", CONTENT))["properties"]["results"]["pattern"]
    import re
    for name in ["ita-2564.yaml", "ITA_2564.v2.yaml", "results.yaml", "ita-2566.yml", "ita-2566", ".yaml",
                 "-ita.yaml", "a/b.yaml", "ita 2566.yaml", "x" * 90 + ".yaml", "publication.yaml", "progress.yaml",
                 "publication.yaml.yaml"]:
        editor = re.search(pattern, name) is not None
        check = RESULTS_NAME.fullmatch(name) is not None and name not in ("publication.yaml", "progress.yaml")
        assert editor == check, name


def test_the_ids_are_the_contents():
    """The lists come from content/: every framework file, each framework's tools, indicators
    and sub-indicators, the seven measures."""
    content = Content(CONTENT)
    problems: list[Any] = []
    frameworks = [content.load_framework(f, problems) for f in content.framework_ids()]
    measures, _ = content.load_measures(problems)
    assert not problems and all(frameworks)
    ids = content_ids(CONTENT)
    assert ids["framework"] == content.framework_ids()
    assert set(ids["tool"]) == {t.code for f in frameworks for t in f.tools}  # type: ignore[union-attr]
    assert set(ids["indicator"]) == {i.number for f in frameworks for i in f.indicators}  # type: ignore[union-attr]
    assert set(ids["subindicator"]) == {s.number for f in frameworks for i in f.indicators  # type: ignore[union-attr]
                                        for s in i.subindicators}
    assert ids["measure"] == [m.id for m in measures] and len(measures) == 7
    assert ids["own_measure"] == []


def test_a_project_s_own_framework_and_measures_are_its_schemas(content_copy):
    """A project with a framework of its own (a new indicator 11, a tool ACT) and an office's own
    measure: `measures schema` writes them into that project's schemas, so the editor accepts
    them there, and refuses them in the shipped project's."""
    def own_framework(d):
        d.update(id="ita-2568", year=2568)
        d["tools"].append({**copy.deepcopy(d["tools"][-1]), "code": "ACT"})  # no shared dict: no YAML anchor
        d["indicators"].append({"number": "11", "name": "การป้องกันการทุจริตเชิงรุก", "tool": "ACT"})
    shutil.copy(content_copy / "frameworks/ita-2567.yaml", content_copy / "frameworks/ita-2568.yaml")
    edit_yaml(content_copy / "frameworks/ita-2568.yaml", own_framework)
    edit_yaml(content_copy / "offices/kksec/2565/publication.yaml", lambda d: d.update(own_measures=[
        {"id": "integrity_culture", "title": "มาตรการส่งเสริมวัฒนธรรมองค์กรสุจริต", "guideline": ["จัดกิจกรรม"],
         "responsible": ["legal"]}]))
    written = CliRunner().invoke(main, ["schema"], env={"MEASURES_CONTENT": str(content_copy)})
    assert written.exit_code == 0, written.output
    schemas = content_copy.parent / "schemas"

    def editor(kind: str, shipped: bool) -> jsonschema.Draft202012Validator:
        return validator(kind) if shipped else Editor(json.loads((schemas / f"{kind}.schema.json").read_text("utf-8")))

    results = as_json(read_yaml(CONTENT / FILE_OF["results"]).data)
    results.update(framework="ita-2568", scores={**results["scores"], "11": 90.0}, stated={"ACT": 10.0})
    progress = as_json(read_yaml(CONTENT / FILE_OF["progress"]).data)
    progress["activities"][0]["measure"] = "integrity_culture"
    publication = as_json(read_yaml(CONTENT / FILE_OF["publication"]).data)
    publication["analysis"]["weaknesses"].append({"about": "ACT", "text": "ยังต้องปรับปรุง"})
    publication["measures"] = {"integrity_culture": {"add": ["ข้อที่เพิ่ม"]}}
    for kind, data in (("results", results), ("progress", progress), ("publication", publication)):
        assert not list(editor(kind, shipped=False).iter_errors(data)), kind
        assert list(editor(kind, shipped=True).iter_errors(data)), kind


def test_without_content_the_schema_keeps_any_project_s_patterns():
    """Made without a content folder (json_schema(kind)): no enum of this project's ids, the
    patterns any framework's ids follow."""
    results = json_schema("results")
    assert "enum" not in results["properties"]["framework"]
    assert results["properties"]["scores"]["propertyNames"] == {"pattern": "^[0-9A-Za-z]+$"}
    assert "x-content-ids" not in json.dumps(results) and "x-content-ids" not in json.dumps(json_schema("publication"))
    loose = Editor(results)
    data = as_json(read_yaml(CONTENT / FILE_OF["results"]).data)
    data.update(framework="my-own-2570", scores={**data["scores"], "A1": 90.0})
    assert not list(loose.iter_errors(data))
