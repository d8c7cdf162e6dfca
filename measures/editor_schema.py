"""JSON Schemas of the content files, from the pydantic models, for editors.

An editor with a YAML language server (VS Code's YAML extension) reads the first line of a
content file, `# yaml-language-server: $schema=…`, and then completes keys, shows each
field's Thai description and flags a mistake while the officer types. `measures schema`
writes the schemas; `new-office` and `new-year` write that line.

The ids a field must name come from the project's own content, read when the schemas are
written: its frameworks (`framework:` of a results file; tools, indicators and sub-indicators as
keys of `scores` and in `about:`) and its measures (content/measures, and the `own_measures` of
its publications). So a project with frameworks or measures of its own has them in its own
schemas; after adding one, `measures schema` again. Without such content a field keeps the
pattern any project's ids follow (`schema.base.content_ids`).
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, get_args

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


def json_schema(kind: str, content: Path | None = None) -> dict[str, Any]:
    """The schema of a kind of file; with `content`, the ids a field names are that content's."""
    model, title = KINDS[kind]
    out: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title}
    out.update(model.model_json_schema(mode="validation"))
    out["title"] = title
    _fill(out, content_ids(content) if content is not None else {})
    return out


def text(kind: str, content: Path | None = None) -> str:
    """The schema as written: stable key order, so an unchanged model and content write the same bytes."""
    return json.dumps(json_schema(kind, content), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_all(root: Path, content: Path | None = None) -> list[Path]:
    """Every kind's schema into root/schemas, with the ids of `content` (the project's content
    folder: by default the one `root` holds, or MEASURES_CONTENT's when it is this project's)."""
    from .write import write_atomic
    content = content or _content_of(root)
    return [write_atomic(root / FOLDER / f"{kind}.schema.json", text(kind, content).encode("utf-8"))
            for kind in KINDS]


def _content_of(root: Path) -> Path:
    from .problems import ContentError
    from .project import Project
    try:
        found = Project.find(root)
    except ContentError:
        return root / "content"
    return found.content if found.root.absolute() == root.absolute() else root / "content"


def content_ids(content: Path) -> dict[str, list[str]]:
    """The ids the content defines, per list of schema.base.IdList, in the order first written
    (frameworks and measures by file name). Files are read as they are, not checked: a framework
    with blanks still names its indicators, and a file that does not read adds nothing."""
    from .load import Content
    from .problems import ContentError
    reader = Content(content)
    ids: dict[str, dict[str, None]] = {name: {} for name in get_args(schema.base.IdList)}

    def data(path: Path) -> dict[str, Any]:
        try:
            doc = reader.read(path, [])
        except ContentError:
            return {}
        return doc.data if doc is not None and isinstance(doc.data, dict) else {}

    def add(name: str, value: object) -> None:
        if isinstance(value, (str, int, Decimal)) and not isinstance(value, bool) and str(value).strip():
            ids[name][str(value)] = None

    def entries(value: object) -> list[dict[str, Any]]:
        return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []

    for path in sorted((content / "frameworks").glob("*.yaml")):
        add("framework", path.stem)
        framework = data(path)
        for tool in entries(framework.get("tools")):
            add("tool", tool.get("code"))
        for indicator in entries(framework.get("indicators")):
            add("indicator", indicator.get("number"))
            for sub in entries(indicator.get("subindicators")):
                add("subindicator", sub.get("number"))
    for path in sorted((content / "measures").glob("*.yaml")):
        add("measure", data(path).get("id"))
    for path in sorted((content / "offices").glob("*/*/publication.yaml")):
        for own in entries(data(path).get("own_measures")):
            add("own_measure", own.get("id"))
    return {name: list(found) for name, found in ids.items()}


def _fill(node: Any, ids: dict[str, list[str]]) -> None:
    """Each field marked with content_ids(…) given the content's ids as its enum; a field whose
    lists the content leaves empty keeps its fallback."""
    if isinstance(node, list):
        for value in node:
            _fill(value, ids)
        return
    if not isinstance(node, dict):
        return
    spec = node.pop(schema.base.IDS, None)
    if spec is not None:
        found = [i for name in spec["lists"] for i in ids.get(name, [])]
        if found:
            # In an optional field the enum is the string's, beside null.
            target = next((o for o in node.get("anyOf", ()) if o.get("type") == "string"), node)
            for loose in ("pattern", "minLength"):
                target.pop(loose, None)
            target["enum"] = list(dict.fromkeys([*spec["also"], *found]))
    for value in node.values():
        _fill(value, ids)


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
