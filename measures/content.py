"""Reading the content tree into validated models.

content/frameworks/*.yaml, content/measures/*.yaml, content/offices/<id>/office.yaml
and content/offices/<id>/<year>/{publication.yaml, <results>.yaml}. Every problem
is collected with its file, line and field before anything is raised, so an
officer sees all of them at once.
"""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, TypeVar

from pydantic import BaseModel, ValidationError

from . import schema
from .problems import ContentError, Problem, display_path
from .yamlfile import YamlDoc, read_yaml

PROJECT = Path(__file__).resolve().parent.parent
OFFICE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
M = TypeVar("M", bound=BaseModel)


def content_root() -> Path:
    """The content folder: MEASURES_CONTENT if set, else the project's own."""
    return Path(os.environ.get("MEASURES_CONTENT") or PROJECT / "content")


# --------------------------------------------------------------------------- validation messages

_ALL_FIELDS = sorted({name for model in vars(schema).values()
                      if isinstance(model, type) and issubclass(model, BaseModel)
                      for name in getattr(model, "model_fields", {})})


def _message(err: dict) -> str:
    kind, ctx, value = err["type"], err.get("ctx", {}), err.get("input")
    key = err["loc"][-1] if err["loc"] else ""
    if kind == "missing":
        return f"ขาดหัวข้อ '{key}' ซึ่งต้องมี"
    if kind == "extra_forbidden":
        near = difflib.get_close_matches(str(key), _ALL_FIELDS, n=1, cutoff=0.6)
        hint = f" หมายถึง '{near[0]}' หรือไม่?" if near else ""
        return f"ไม่รู้จักหัวข้อ '{key}'{hint}"
    if kind in ("decimal_parsing", "decimal_type", "float_parsing", "float_type"):
        if isinstance(value, str) and "," in value:
            return f"'{value}' ไม่ใช่ตัวเลข: ใช้จุดเป็นทศนิยม (เช่น {value.replace(',', '.')}) ไม่ใช่จุลภาค"
        return f"'{value}' ไม่ใช่ตัวเลข"
    if kind == "finite_number":
        return "ต้องเป็นตัวเลข (NaN หรือ inf ใช้ไม่ได้)"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{value}' ต้องเป็นจำนวนเต็ม"
    if kind in ("string_type",):
        return "ต้องเป็นข้อความ"
    if kind in ("list_type",):
        return "ต้องเป็นรายการ (แต่ละข้อขึ้นบรรทัดใหม่ด้วย - )"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "ต้องเป็นหัวข้อย่อยแบบ ชื่อ: ค่า"
    if kind == "bool_parsing" or kind == "bool_type":
        return "ต้องเป็น true หรือ false"
    if kind == "literal_error":
        return f"'{value}' ใช้ไม่ได้ ต้องเป็น {ctx.get('expected')}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"'{value}' ต้องไม่น้อยกว่า {ctx.get('ge', ctx.get('gt'))}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return err["msg"]


def validate(doc: YamlDoc, model: type[M], problems: list[Problem]) -> Optional[M]:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(part for part in err["loc"] if not str(part).startswith("function-"))
            problems.append(doc.problem(loc, _message(err)))
        return None


# --------------------------------------------------------------------------- the loaded tree

@dataclass
class Loaded:
    """An office's publication with everything it draws on, validated."""
    office: schema.Office
    publication: schema.Publication
    results: schema.Results
    framework: schema.Framework
    measures: list[schema.Measure]
    docs: dict[str, YamlDoc] = field(default_factory=dict)   # role -> file, for line numbers
    measure_docs: dict[str, YamlDoc] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)


class Content:
    """Access to a content folder."""

    def __init__(self, root: Optional[Path] = None):
        self.root = Path(root) if root else content_root()
        self.shown_root = self.root.parent

    def shown(self, path: Path) -> str:
        return display_path(path, self.shown_root)

    def read(self, path: Path, problems: list[Problem]) -> Optional[YamlDoc]:
        try:
            doc = read_yaml(path, self.shown(path))
        except ContentError as exc:
            problems.extend(exc.problems)
            return None
        problems.extend(getattr(doc, "warnings", []))
        return doc

    # -- frameworks -------------------------------------------------------
    def framework_path(self, framework_id: str) -> Path:
        return self.root / "frameworks" / f"{framework_id}.yaml"

    def framework_ids(self) -> list[str]:
        return sorted(p.stem for p in (self.root / "frameworks").glob("*.yaml"))

    def load_framework(self, framework_id: str, problems: list[Problem],
                       named_in: Optional[YamlDoc] = None) -> Optional[schema.Framework]:
        """The framework; an unknown id is reported where it was named (a results file)."""
        if not OFFICE_ID.match(framework_id) or not self.framework_path(framework_id).exists():
            known = ", ".join(self.framework_ids()) or "ไม่มี"
            message = f"ไม่พบกรอบการประเมิน '{framework_id}' (ที่มี: {known})"
            problems.append(named_in.problem(("framework",), message) if named_in else
                            Problem(self.shown(self.root / "frameworks"), None, "framework", message))
            return None
        doc = self.read(self.framework_path(framework_id), problems)
        if doc is None:
            return None
        fw = validate(doc, schema.Framework, problems)
        if fw is not None and fw.id != framework_id:
            problems.append(doc.problem(("id",), f"id '{fw.id}' ไม่ตรงกับชื่อไฟล์ {framework_id}.yaml"))
        return fw

    # -- results --------------------------------------------------------------
    def load_results(self, path: Path, problems: list[Problem]) -> tuple[Optional[YamlDoc], Optional[schema.Results], Optional[schema.Framework]]:
        doc = self.read(path, problems)
        if doc is None:
            return None, None, None
        if isinstance(doc.data, dict) and isinstance(doc.data.get("subscores"), dict):
            # "9.1" typed without quotes reads as a number; the key means the same.
            doc.data["subscores"] = {str(k): v for k, v in doc.data["subscores"].items()}
        results = validate(doc, schema.Results, problems)
        if results is None:
            return doc, None, None
        return doc, results, self.load_framework(results.framework, problems, named_in=doc)

    # -- measures -------------------------------------------------------------
    def load_measures(self, problems: list[Problem]) -> tuple[list[schema.Measure], dict[str, YamlDoc]]:
        measures, docs = [], {}
        for path in sorted((self.root / "measures").glob("*.yaml")):
            doc = self.read(path, problems)
            if doc is None:
                continue
            m = validate(doc, schema.Measure, problems)
            if m is not None:
                if m.id in docs:
                    problems.append(doc.problem(("id",), f"มาตรการ id '{m.id}' ซ้ำกับไฟล์ {docs[m.id].shown}"))
                measures.append(m)
                docs[m.id] = doc
        measures.sort(key=lambda m: m.number)
        numbers = [m.number for m in measures]
        if measures and numbers != list(range(1, len(measures) + 1)):
            problems.append(Problem(self.shown(self.root / "measures"), None, "number",
                                    f"ลำดับมาตรการต้องเป็น 1 ถึง {len(measures)} ไม่ข้ามไม่ซ้ำ (พบ {numbers})"))
        return measures, docs

    # -- offices --------------------------------------------------------------
    def office_ids(self) -> list[str]:
        base = self.root / "offices"
        return sorted(p.name for p in base.iterdir() if (p / "office.yaml").exists()) if base.exists() else []

    def office_dir(self, office_id: str) -> Path:
        if not OFFICE_ID.match(office_id or ""):
            raise ContentError([Problem("OFFICE", None, "", f"'{office_id}' ไม่ใช่รหัสหน่วยงาน: "
                                        "ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข - และ _ เช่น kksec")])
        path = self.root / "offices" / office_id
        if not (path / "office.yaml").exists():
            known = ", ".join(self.office_ids()) or "ไม่มี"
            raise ContentError([Problem(self.shown(self.root / "offices"), None, "",
                                        f"ไม่พบหน่วยงาน '{office_id}' (ที่มี: {known})")])
        return path

    def publication_years(self, office_id: str) -> list[int]:
        base = self.office_dir(office_id)
        return sorted(int(p.name) for p in base.iterdir()
                      if p.name.isdigit() and (p / "publication.yaml").exists())

    def load(self, office_id: str, year: Optional[int] = None) -> Loaded:
        """Everything one publication needs; ContentError if anything is wrong."""
        problems: list[Problem] = []
        base = self.office_dir(office_id)
        years = self.publication_years(office_id)
        if year is None:
            if not years:
                raise ContentError([Problem(self.shown(base), None, "", "หน่วยงานนี้ยังไม่มีปีที่จัดทำ (โฟลเดอร์ปี เช่น 2565/publication.yaml)")])
            year = years[-1]
        elif year not in years:
            raise ContentError([Problem(self.shown(base), None, "", f"ไม่มีข้อมูลปี {year} (ที่มี: {', '.join(map(str, years)) or 'ไม่มี'})")])
        office_doc = self.read(base / "office.yaml", problems)
        office = validate(office_doc, schema.Office, problems) if office_doc else None
        if office is not None and office.id != office_id:
            problems.append(office_doc.problem(("id",), f"id '{office.id}' ไม่ตรงกับชื่อโฟลเดอร์ {office_id}"))
        pub_doc = self.read(base / str(year) / "publication.yaml", problems)
        pub = validate(pub_doc, schema.Publication, problems) if pub_doc else None
        if pub is not None and pub.year != year:
            problems.append(pub_doc.problem(("year",), f"ปี {pub.year} ไม่ตรงกับชื่อโฟลเดอร์ {year}"))
        results_doc = results = fw = None
        if pub is not None:
            name = pub.results
            if "/" in name or "\\" in name or name.startswith("."):
                problems.append(pub_doc.problem(("results",), f"'{name}' ต้องเป็นชื่อไฟล์ในโฟลเดอร์ {year} เท่านั้น"))
            else:
                results_doc, results, fw = self.load_results(base / str(year) / name, problems)
        measures, measure_docs = self.load_measures(problems)
        errors = [p for p in problems if p.severity == "error"]
        if errors or None in (office, pub, results, fw):
            raise ContentError(problems)
        return Loaded(office, pub, results, fw, measures,
                      {"office": office_doc, "publication": pub_doc, "results": results_doc},
                      measure_docs, [p for p in problems if p.severity != "error"])
