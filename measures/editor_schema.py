"""JSON Schemas of the content files, from the pydantic models, for editors.

An editor with a YAML language server (VS Code's YAML extension) reads the first line of a
content file, `# yaml-language-server: $schema=…`, and then completes keys, shows each
field's Thai description and flags a mistake while the officer types. `measures schema`
writes the schemas; `new-office` and `new-year` write that line.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import schema

KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "office": (schema.Office, "ข้อมูลหน่วยงาน (office.yaml)"),
    "publication": (schema.Publication, "เอกสารมาตรการของปีงบประมาณ (publication.yaml)"),
    "results": (schema.Results, "ผลการประเมิน ITA (ita-<ปี>.yaml)"),
    "progress": (schema.Progress, "กิจกรรมตามมาตรการของปีงบประมาณ (progress.yaml)"),
    "measure": (schema.Measure, "มาตรการมาตรฐาน (content/measures)"),
    "framework": (schema.Framework, "กรอบการประเมิน ITA ของปี (content/frameworks)"),
}
FOLDER = "schemas"


def json_schema(kind: str) -> dict[str, Any]:
    model, title = KINDS[kind]
    out: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title}
    out.update(model.model_json_schema(mode="validation"))
    out["title"] = title
    return out


def text(kind: str) -> str:
    """The schema as written: stable key order, so an unchanged model writes the same bytes."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_all(root: Path) -> list[Path]:
    from .write import write_atomic
    return [write_atomic(root / FOLDER / f"{kind}.schema.json", text(kind).encode("utf-8")) for kind in KINDS]


def kind_of(path: Path, content_root: Path) -> str | None:
    """Which kind of content file a path is, by where it sits in the content folder."""
    rel = path.relative_to(content_root).parts
    if rel[0] in ("frameworks", "measures") and len(rel) == 2:
        return {"frameworks": "framework", "measures": "measure"}[rel[0]]
    if rel[0] == "offices" and len(rel) == 3 and rel[2] == "office.yaml":
        return "office"
    if rel[0] == "offices" and len(rel) == 4:
        return {"publication.yaml": "publication", "progress.yaml": "progress"}.get(rel[3], "results")
    return None
