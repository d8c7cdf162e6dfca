"""The editor schemas: generated from the models, named by every content file, and doing what
an editor needs — accepting every shipped file and flagging planted mistakes."""
from __future__ import annotations

import json
import shutil
from decimal import Decimal
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


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(text(kind)))


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
