"""Phase 1, load: the content tree read into validated models.

content/frameworks/*.yaml, content/measures/*.yaml, content/offices/<id>/office.yaml and
content/offices/<id>/<year>/{publication.yaml, <results>.yaml}. Every problem is
collected with its file, line and field before anything is raised, so an officer sees
all of them at once. Files are read only from inside the content folder.
"""
from __future__ import annotations

import difflib
import errno
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from . import schema
from .blanks import blanks_in
from .cache import Cache
from .problems import ContentError, Problem, errors, shown_path
from .project import Project
from .schema.base import number_hint
from .thai import arabic_digits
from .walk import split_marker
from .yamlfile import YamlDoc, read_yaml

OFFICE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
YEAR_FOLDER = re.compile(r"[1-9][0-9]{3}")  # as the folder is named, so that str(year) is its name
RESULTS_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.yaml")
M = TypeVar("M", bound=BaseModel)

PROGRESS = "progress.yaml"  # beside publication.yaml: the activities of that fiscal year
FACT_KEYS = ("phone", "fax", "hotline", "email", "website", "facebook")


def fact_key(value: str) -> str:
    """A contact as it is compared, whatever way it is written: a phone number's digits (any
    separators), an e-mail lower-cased, a website's host without scheme, www or path."""
    value = value.strip()
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 9 and not re.search(r"[A-Za-z@]", value):
        return digits
    if "@" in value:
        return value.lower()
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", value.lower()).split("/")[0]


# The seven measures every office publishes (OBEC's standard set): a document without
# one of them is incomplete, whatever the files say.
STANDARD_MEASURES = {
    "disclosure": "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ",
    "participation": "มาตรการให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วม",
    "procurement": "มาตรการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง",
    "complaints": "มาตรการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "bribery": "มาตรการป้องกันการรับสินบน",
    "conflict_of_interest": "มาตรการป้องกันการขัดกันระหว่างผลประโยชน์ส่วนตนกับผลประโยชน์ส่วนรวม",
    "discretion": "มาตรการตรวจสอบการใช้ดุลพินิจ",
}


# --------------------------------------------------------------------------- validation messages

def _model_at(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class whose fields are valid at `loc` (keys and indexes) below `model`."""
    annotation: Any = model
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            info = annotation.model_fields.get(str(part))
            if info is None:
                return None
            annotation = info.annotation
        elif get_origin(annotation) in (list, tuple) and isinstance(part, int):
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) is dict:
            annotation = get_args(annotation)[1]
        else:
            return None
    annotation = _unwrap(annotation)
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    annotation, _ = split_marker(annotation)
    args = [a for a in get_args(annotation) if a is not type(None)]
    if get_origin(annotation) is not None and get_origin(annotation) not in (list, tuple, dict) and args:
        return _unwrap(args[0])  # Optional[X] / X | None
    return annotation


def _slipped(root: type[BaseModel], loc: tuple[Any, ...], key: str) -> str | None:
    """Where `key` belongs if an indentation slip moved it: a level up (an enclosing part of
    the file) or a level down (a part right below); None if it belongs to neither."""
    parents = [loc[:n] for n in range(len(loc) - 1, -1, -1)]
    for at in parents[1:]:
        model = _model_at(root, at)
        if model is not None and key in model.model_fields:
            return ".".join(str(p) for p in at if not isinstance(p, int)) or "ระดับบนสุดของไฟล์"
    here = _model_at(root, loc[:-1])
    for name, info in (here.model_fields.items() if here else ()):
        inner = _unwrap(info.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel) and key in inner.model_fields:
            return ".".join([*(str(p) for p in loc[:-1] if not isinstance(p, int)), name])
    return None


def _unknown_key(root: type[BaseModel], loc: tuple[Any, ...]) -> str:
    key = str(loc[-1]) if loc else ""
    if not key.isascii():  # keys are English: Thai before a colon is text that looked like a key
        return (f"ข้อความ '{key}: …' ถูกอ่านเป็นหัวข้อ เพราะมีเครื่องหมาย : ตามด้วยเว้นวรรค "
                "ให้ใส่ข้อความทั้งบรรทัดในเครื่องหมายคำพูด \"…\"")
    here = _model_at(root, loc[:-1])
    choices = [name for name in (here.model_fields if here else ()) if name != key]
    belongs = _slipped(root, loc, key)  # a real key one level off beats a look-alike here
    if belongs:
        return f"หัวข้อ '{key}' อยู่ผิดที่ ควรอยู่ใต้ {belongs} ตรวจการย่อหน้าของบรรทัดนี้"
    near = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
    if near:
        return f"ไม่รู้จักหัวข้อ '{key}' หมายถึง '{near[0]}' หรือไม่?"
    return f"ไม่รู้จักหัวข้อ '{key}'" + (f" (ที่ใช้ได้: {', '.join(choices)})" if choices else "")


def _message(err: Any, root: type[BaseModel]) -> str:
    kind, ctx, value = err["type"], err.get("ctx", {}), err.get("input")
    key = err["loc"][-1] if err["loc"] else ""
    if kind == "missing":
        return f"ขาดหัวข้อ '{key}' ซึ่งต้องมี"
    if kind == "extra_forbidden":
        return _unknown_key(root, tuple(p for p in err["loc"] if not str(p).startswith("function-")))
    if kind in ("decimal_parsing", "decimal_type", "float_parsing", "float_type"):
        hint = number_hint(value, lambda m: re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", m) is not None) \
            if isinstance(value, str) else ""
        return f"'{value}' ไม่ใช่ตัวเลข" + hint
    if kind == "finite_number":
        return "ต้องเป็นตัวเลข (NaN หรือ inf ใช้ไม่ได้)"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{value}' ต้องเป็นจำนวนเต็ม"
    if kind == "string_type":
        if isinstance(value, dict) and len(value) == 1 and next(iter(value.values())) is None:
            return "ข้อความนี้ถูกอ่านเป็นหัวข้อย่อย ให้ใส่ข้อความในเครื่องหมายคำพูด \"…\""
        return "ต้องเป็นข้อความ"
    if kind == "list_type":
        return "ต้องเป็นรายการ (แต่ละข้อขึ้นบรรทัดใหม่ด้วย - )"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        expected = _model_at(root, tuple(p for p in err["loc"] if not str(p).startswith("function-")))
        if isinstance(value, str) and expected is not None and "about" in expected.model_fields:
            return ("ข้อนี้ต้องระบุว่าเกี่ยวกับอะไร: เขียนเป็น about: \"9.5\" (ตัวชี้วัด ตัวชี้วัดย่อย หรือรหัสเครื่องมือ) "
                    "แล้วขึ้นบรรทัดใหม่ text: ข้อความ")
        return "ต้องเป็นหัวข้อย่อยแบบ ชื่อ: ค่า"
    if kind in ("bool_parsing", "bool_type"):
        return "ต้องเป็น true หรือ false"
    if kind == "literal_error":
        return f"'{value}' ใช้ไม่ได้ ต้องเป็น {ctx.get('expected')}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"'{value}' ต้องไม่น้อยกว่า {ctx.get('ge', ctx.get('gt'))}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return str(err["msg"])


# Each kind of file as the officer knows it, and keys that only it has: how a file given
# in the wrong place is recognised.
_KINDS: dict[type[BaseModel], tuple[str, set[str]]] = {
    schema.Publication: ("ไฟล์ publication.yaml (เอกสารที่จัดทำ)", {"results", "analysis", "signatories", "motto"}),
    schema.Results: ("ไฟล์ผลการประเมิน ITA", {"scores", "subscores", "stated", "national"}),
    schema.Office: ("ไฟล์ office.yaml (ข้อมูลหน่วยงาน)", {"short_name", "units", "complaint_channels", "parents"}),
    schema.Measure: ("ไฟล์มาตรการ", {"guideline", "followup"}),
    schema.Framework: ("ไฟล์กรอบการประเมิน", {"tools", "indicators", "levels", "pass_mark"}),
}


def validate(doc: YamlDoc, model: type[M], problems: list[Problem]) -> M | None:
    blanks = blanks_in(doc.data)
    problems.extend(doc.problem(loc, f"ยังไม่ได้กรอก: {what}" if what else "ยังไม่ได้กรอก") for loc, what in blanks)
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        # A blank where a number goes fails validation too: the blank says it better.
        found = [e for e in exc.errors() if not any(tuple(e["loc"][:len(loc)]) == loc for loc, _ in blanks)]
        if isinstance(doc.data, dict) and model in _KINDS:
            keys = set(map(str, doc.data))
            for other, (label, marks) in _KINDS.items():
                if other is not model and len(keys & marks) >= 2:
                    problems.append(doc.problem((), f"ไฟล์นี้เป็น{label} ไม่ใช่{_KINDS[model][0]} "
                                                    "ตรวจว่าเลือกไฟล์ถูกหรือไม่"))
                    return None
        for err in found:
            # (pydantic's "[key]" marks a mapping's key as the culprit: the key's own line says it)
            loc = tuple(part for part in err["loc"] if not str(part).startswith("function-") and part != "[key]")
            message = _message(err, model)
            if err["type"] == "value_error":
                loc, message = _at_key(model, doc.data, loc, message)
            problems.append(doc.problem(loc, message))
        return None


def _is_model(root: type[BaseModel], loc: tuple[Any, ...]) -> bool:
    try:
        return _model_at(root, loc) is not None
    except TypeError:  # a generic alias taken for a class (Python 3.10): a mapping, not a model
        return False


def _at_key(root: type[BaseModel], data: Any, loc: tuple[Any, ...], message: str) -> tuple[tuple[Any, ...], str]:
    """A rule's message where the officer reads it. It does not name its field again after the
    field shown in brackets ("[levels]: levels: …" is "[levels]: …"); a rule about a mapping of
    the officer's own keys (history: year: score) that names some of them is told at the first
    it names, that key's own line, not the mapping's (what is in parentheses is context)."""
    name = next((str(p) for p in reversed(loc) if not isinstance(p, int)), None)
    if name and message.startswith(name + ": "):
        message = message[len(name) + 2:]
    value = data
    for part in loc:
        value = value.get(part) if isinstance(value, dict) else \
            value[part] if isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value) else None
    if isinstance(value, dict) and loc and not _is_model(root, loc):
        outside = re.sub(r"\([^)]*\)", "", message)
        for key in value:
            if re.search(rf"(?<![\w.]){re.escape(str(key))}(?![\w.])", outside):
                return (*loc, key), message
    return loc, message


# --------------------------------------------------------------------------- the loaded tree

@dataclass
class Loaded:
    """An office's publication with everything it draws on, validated."""
    office: schema.Office
    publication: schema.Publication
    results: schema.Results
    framework: schema.Framework
    measures: list[schema.Measure]
    docs: dict[str, YamlDoc]                 # role -> file: office, publication, results, framework
    measure_docs: dict[str, YamlDoc]         # measure id -> its file
    warnings: list[Problem] = field(default_factory=list)
    others: dict[str, str] = field(default_factory=dict)  # another office's contact fact -> its short name
    progress: schema.Progress | None = None                # the year's activities, when recorded


class Content:
    """Reading a project's content folder."""

    def __init__(self, project: Project | Path | None = None):
        if project is None:
            project = Project.find()
        self.project = project if isinstance(project, Project) else Project.at(Path(project))
        self.root = self.project.content
        self.cache = Cache(self.project.cache)
        self.framework_docs: dict[str, YamlDoc] = {}
        self._facts: dict[str, dict[str, str]] | None = None

    def shown(self, path: Path) -> str:
        return shown_path(path)

    def _inside(self, path: Path) -> str | None:
        """Why `path` may not be read, or None: a file of the content folder that is a link
        must stay inside it (a file named on the command line may be anywhere)."""
        try:
            Path(path).absolute().relative_to(self.root.absolute())
        except ValueError:
            return None
        try:
            real = path.resolve(strict=True)
        except FileNotFoundError:
            return "ลิงก์เสีย: ชี้ไปยังไฟล์ที่ไม่มีอยู่" if path.is_symlink() else None
        except (RuntimeError, OSError) as exc:  # Python 3.11 raises RuntimeError on a loop
            if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
                return "ลิงก์วนกลับมาที่ตัวเอง (symlink loop) ให้แทนด้วยไฟล์จริง"
            return f"เปิดไม่ได้: {getattr(exc, 'strerror', None) or exc}"
        try:
            real.relative_to(self.root.resolve())
        except ValueError:
            return "เป็นลิงก์ไปยังไฟล์นอกโฟลเดอร์ content ซึ่งไม่อ่าน: ให้คัดลอกไฟล์จริงมาไว้ในโฟลเดอร์นี้"
        return None

    def read(self, path: Path, problems: list[Problem]) -> YamlDoc | None:
        refused = self._inside(path)
        if refused:
            problems.append(Problem(self.shown(path), None, "", refused))
            return None
        try:
            doc = read_yaml(path, self.shown(path), self.cache)
        except ContentError as exc:
            problems.extend(exc.problems)
            return None
        problems.extend(doc.warnings)
        return doc

    def _list(self, folder: Path, problems: list[Problem]) -> list[Path]:
        try:
            return sorted(folder.iterdir())
        except FileNotFoundError:
            problems.append(Problem(self.shown(folder), None, "", "ไม่พบโฟลเดอร์นี้"))
        except NotADirectoryError:
            problems.append(Problem(self.shown(folder), None, "", "ต้องเป็นโฟลเดอร์ แต่เป็นไฟล์"))
        except OSError as exc:
            problems.append(Problem(self.shown(folder), None, "", f"เปิดโฟลเดอร์ไม่ได้: {exc.strerror or exc}"))
        return []

    # -- frameworks -------------------------------------------------------
    def framework_path(self, framework_id: str) -> Path:
        return self.root / "frameworks" / f"{framework_id}.yaml"

    def framework_ids(self) -> list[str]:
        return sorted(p.stem for p in (self.root / "frameworks").glob("*.yaml"))

    def load_framework(self, framework_id: str, problems: list[Problem],
                       named_in: YamlDoc | None = None) -> schema.Framework | None:
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
        self.framework_docs[framework_id] = doc
        fw = validate(doc, schema.Framework, problems)
        if fw is not None and fw.id != framework_id:
            problems.append(doc.problem(("id",), f"id '{fw.id}' ไม่ตรงกับชื่อไฟล์ {framework_id}.yaml"))
        # The pass mark is the min of a level (the schema checks that). The lowest level starts
        # at 0 and is the one that fails: a pass mark there (pass_mark: 0) passes every score, so
        # nothing can fail and every note that says something failed would be blamed instead.
        # Any higher level's min is the framework's own choice (ITA has used 85), so only the
        # lowest is refused, here where the framework is read, before any note is judged by it.
        if fw is not None and len(fw.levels) > 1 and fw.pass_mark <= fw.levels[-1].min:
            lowest = fw.levels[-1]
            passing = ", ".join(f"{lv.code} {lv.min}" for lv in fw.levels[:-1])
            problems.append(doc.problem(("pass_mark",), f"pass_mark {fw.pass_mark} ใช้ไม่ได้: เป็นคะแนนเริ่มต้นของระดับต่ำสุด "
                                                       f"({lowest.code} {lowest.min}) ทุกคะแนนจึงผ่านเกณฑ์และไม่มีสิ่งใดไม่ผ่าน "
                                                       "ให้ใช้คะแนนผ่านเกณฑ์ตามคู่มือการประเมินปีนั้น ซึ่งต้องเท่ากับ min "
                                                       f"ของระดับที่สูงกว่า {lowest.code} (ที่มี: {passing}) เช่น 85.00"))
            return None
        return fw

    # -- results --------------------------------------------------------------
    def load_results(self, path: Path, problems: list[Problem]
                     ) -> tuple[YamlDoc | None, schema.Results | None, schema.Framework | None]:
        doc = self.read(path, problems)
        if doc is None:
            return None, None, None
        results = validate(doc, schema.Results, problems)
        if results is None:
            return doc, None, None
        return doc, results, self.load_framework(results.framework, problems, named_in=doc)

    def _missing_results(self, pub_doc: YamlDoc, folder: Path, name: str) -> Problem:
        """A results file publication.yaml names but the folder lacks: told at its `results:` line,
        with the files that are there (a misspelt name is the usual cause)."""
        there = sorted(p.name for p in folder.glob("*.yaml") if p.name not in ("publication.yaml", PROGRESS))
        fix = (f"แก้ชื่อให้ตรงกับไฟล์ที่มี ({', '.join(there)}) หรือเปลี่ยนชื่อไฟล์เป็น {name}" if there else
               "ยังไม่มีไฟล์ผลคะแนนในโฟลเดอร์นี้ ให้สร้างไฟล์นี้ (ดูวิธีเขียนใน content/README.md)")
        return pub_doc.problem(("results",), f"ไม่พบไฟล์ผลคะแนน '{name}' ที่ระบุไว้ที่นี่ในโฟลเดอร์ "
                                             f"{self.shown(folder)}: {fix}")

    # -- measures -------------------------------------------------------------
    def load_measures(self, problems: list[Problem]) -> tuple[list[schema.Measure], dict[str, YamlDoc]]:
        folder = self.root / "measures"
        measures: list[schema.Measure] = []
        docs: dict[str, YamlDoc] = {}
        named = set()  # ids of files that exist, valid or not: an invalid one is reported as such
        unread = 0     # files reported already: the numbering of the others would mislead
        for path in self._list(folder, problems):
            if path.suffix.lower() in (".yml", ".yaml") and path.suffix != ".yaml":
                problems.append(Problem(self.shown(path), None, "",
                                        f"ไฟล์มาตรการต้องมีนามสกุล .yaml (ไม่ใช่ {path.suffix}) ให้เปลี่ยนชื่อไฟล์"))
                continue
            if path.suffix != ".yaml":
                continue
            doc = self.read(path, problems)
            if doc is None:
                named.add(path.stem.split("-", 1)[-1].replace("-", "_"))
                unread += 1
                continue
            if isinstance(doc.data, dict):
                named.add(str(doc.data.get("id")))
            m = validate(doc, schema.Measure, problems)
            unread += m is None
            if m is not None:
                if m.id in docs:
                    problems.append(doc.problem(("id",), f"มาตรการ id '{m.id}' ซ้ำกับไฟล์ {docs[m.id].shown}"))
                    continue
                measures.append(m)
                docs[m.id] = doc
        missing = [f"{mid} ({title})" for mid, title in STANDARD_MEASURES.items() if mid not in named]
        if missing:
            problems.append(Problem(self.shown(folder), None, "",
                                    f"ขาดมาตรการมาตรฐาน {len(missing)} มาตรการ: {', '.join(missing)} "
                                    "ทุกหน่วยงานต้องเผยแพร่ครบทั้ง 7 มาตรการ ให้นำไฟล์กลับมา"))
        measures.sort(key=lambda m: m.number)
        numbers = [m.number for m in measures]
        if measures and not unread and numbers != list(range(1, len(measures) + 1)):
            problems.append(Problem(self.shown(folder), None, "number",
                                    f"ลำดับมาตรการต้องเป็น 1 ถึง {len(measures)} ไม่ข้ามไม่ซ้ำ (พบ {numbers})"))
        return measures, docs

    # -- offices --------------------------------------------------------------
    def office_ids(self) -> list[str]:
        """Every office in offices/: its folders, and what is named as an office but is no folder
        (a folder replaced by a file), so that each is told by its own name (`office_dir`)."""
        base = self.root / "offices"
        problems: list[Problem] = []
        ids = [p.name for p in self._list(base, problems) if not p.name.startswith(".")
               and (p.is_dir() or OFFICE_ID.fullmatch(p.name))]
        if problems:
            raise ContentError(problems)
        return ids

    def office_dir(self, office_id: str) -> Path:
        if not OFFICE_ID.match(office_id or ""):
            raise ContentError([Problem("OFFICE", None, "", f"'{office_id}' ไม่ใช่รหัสหน่วยงาน: "
                                        "ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข - และ _ เช่น kksec")])
        path = self.root / "offices" / office_id
        if not path.is_dir() and (path.exists() or path.is_symlink()):
            what = "ลิงก์" if path.is_symlink() else "ไฟล์"
            raise ContentError([Problem(self.shown(path), None, "",
                                        f"'{office_id}' เป็น{what} ไม่ใช่โฟลเดอร์ของหน่วยงาน จึงไม่มีข้อมูลของหน่วยงานนี้ "
                                        f"ให้นำโฟลเดอร์ {office_id} (office.yaml และโฟลเดอร์ปี) กลับมาแทน{what}นี้ "
                                        f"หรือลบ{what}นี้ถ้าไม่มีหน่วยงาน {office_id} แล้ว")])
        if not path.is_dir():
            known = ", ".join(self.office_ids()) or "ไม่มี"
            raise ContentError([Problem(self.shown(self.root / "offices"), None, "",
                                        f"ไม่พบหน่วยงาน '{office_id}' (ที่มี: {known})")])
        if not (path / "office.yaml").exists() and not (path / "office.yaml").is_symlink():
            raise ContentError([Problem(self.shown(path / "office.yaml"), None, "",
                                        "ไม่พบไฟล์ office.yaml ของหน่วยงานนี้ (ข้อมูลหน่วยงาน) "
                                        "ให้สร้างด้วย measures new-office หรือคัดลอกกลับมา")])
        return path

    def facts_of_others(self, office_id: str) -> dict[str, str]:
        """Contacts of every other office in the content (phone, fax, e-mail, website…): a
        text that carries one was copied from that office. Read once per Content."""
        if self._facts is None:
            self._facts = {}
            for oid in self.office_ids():
                try:
                    data = read_yaml(self.root / "offices" / oid / "office.yaml", cache=self.cache).data
                except ContentError:
                    continue  # reported when that office itself is checked
                if isinstance(data, dict):
                    self._facts[oid] = {fact_key(str(data[k])): str(data.get("short_name") or oid)
                                        for k in FACT_KEYS if data.get(k) and fact_key(str(data[k]))}
        return {k: v for oid, facts in self._facts.items() if oid != office_id for k, v in facts.items()}

    def publication_years(self, office_id: str) -> list[int]:
        base = self.office_dir(office_id)
        problems: list[Problem] = []
        years = [int(p.name) for p in self._list(base, problems) if YEAR_FOLDER.fullmatch(p.name)
                 and ((p / "publication.yaml").exists() or (p / "publication.yaml").is_symlink())]
        if problems:
            raise ContentError(problems)
        return sorted(years)

    def folder_problems(self, office_id: str) -> list[Problem]:
        """What in an office's folder looks meant as a publication but is not read: a year
        folder named another way ("0999", "2566 copy", "ปี 2566"), a year folder replaced by a
        file, or one holding publication.yml. Silently building another year instead would
        publish the wrong document; each is an error, told by its own name."""
        out: list[Problem] = []
        entries = self._list(self.office_dir(office_id), out)
        years = {p.name for p in entries if YEAR_FOLDER.fullmatch(p.name) and p.is_dir()}
        for p in entries:
            if p.name.startswith("."):
                continue
            digits = arabic_digits(p.name).strip().lstrip("0")
            if not p.is_dir():
                if re.fullmatch(r"[0-9]+", arabic_digits(p.name).strip()):  # a year folder replaced by a file
                    what = "ลิงก์" if p.is_symlink() else "ไฟล์"
                    out.append(Problem(self.shown(p), None, "",
                                       f"'{p.name}' เป็น{what} ไม่ใช่โฟลเดอร์ปี จึงไม่มีเอกสารของปีนี้ ให้นำโฟลเดอร์ "
                                       f"{digits or p.name} (publication.yaml และไฟล์ผลคะแนน) กลับมาแทน{what}นี้ "
                                       f"หรือลบ{what}นี้"))
                continue
            if not YEAR_FOLDER.fullmatch(p.name):
                year = re.search(r"(?<![0-9])[0-9]{4}(?![0-9])", arabic_digits(p.name))
                if YEAR_FOLDER.fullmatch(digits):
                    out.append(Problem(self.shown(p), None, "", f"ชื่อโฟลเดอร์ปี '{p.name}' ต้องเป็นเลขอารบิก 4 หลัก "
                                                               f"ไม่มีช่องว่าง ให้เปลี่ยนชื่อเป็น {digits}"))
                elif re.fullmatch(r"[0-9]+", arabic_digits(p.name).strip()):
                    out.append(Problem(self.shown(p), None, "", f"ชื่อโฟลเดอร์ปี '{p.name}' ไม่ใช่ปีพุทธศักราช 4 หลัก "
                                                               "จึงไม่ถูกอ่าน ให้เปลี่ยนชื่อเป็นปีของเอกสาร เช่น 2566"))
                elif year and YEAR_FOLDER.fullmatch(year.group(0)):  # "2566 copy", "ปี 2566", "2566 (1)"
                    y = year.group(0)
                    fix = (f"มีโฟลเดอร์ {y} อยู่แล้ว: ถ้าโฟลเดอร์นี้เป็นสำเนาสำรอง ให้ย้ายออกไปไว้นอกโฟลเดอร์ content "
                           f"ถ้าเป็นฉบับที่ใช้ ให้ใช้แทนโฟลเดอร์ {y} แล้วเปลี่ยนชื่อเป็น {y}") if y in years else \
                        f"ถ้าเป็นเอกสารปี {y} ให้เปลี่ยนชื่อโฟลเดอร์เป็น {y} (เลข 4 หลักอย่างเดียว)"
                    out.append(Problem(self.shown(p), None, "", f"ชื่อโฟลเดอร์ '{p.name}' ไม่ใช่ชื่อโฟลเดอร์ปี "
                                                               f"(เลขปี 4 หลักอย่างเดียว) จึงไม่ถูกอ่าน: {fix}"))
                continue
            if not (p / "publication.yaml").exists():
                odd = [f.name for f in p.iterdir() if f.stem.lower() == "publication" and f.name != "publication.yaml"]
                out.append(Problem(self.shown(p), None, "", (f"มีไฟล์ {odd[0]} แต่ต้องชื่อ publication.yaml (นามสกุล .yaml) "
                                                             "ให้เปลี่ยนชื่อไฟล์") if odd else
                                   "โฟลเดอร์ปีนี้ไม่มี publication.yaml จึงยังไม่มีเอกสารของปีนี้",
                                   "error" if odd else "warning"))
        return out

    def load(self, office_id: str, year: int | None = None) -> Loaded:
        """Everything one publication needs; ContentError if anything is wrong."""
        # (another office's folder replaced by a file is that office's problem, told when it is built)
        problems: list[Problem] = self.folder_problems(office_id)
        base = self.office_dir(office_id)
        years = self.publication_years(office_id)
        if errors(problems):
            raise ContentError(problems)
        if year is None:
            if not years:
                raise ContentError([Problem(self.shown(base), None, "",
                                            "หน่วยงานนี้ยังไม่มีปีที่จัดทำ (โฟลเดอร์ปี เช่น 2565/publication.yaml)")])
            year = years[-1]
        elif year not in years:
            raise ContentError([Problem(self.shown(base), None, "",
                                        f"ไม่มีข้อมูลปี {year} (ที่มี: {', '.join(map(str, years)) or 'ไม่มี'})")])
        office_doc = self.read(base / "office.yaml", problems)
        office = validate(office_doc, schema.Office, problems) if office_doc else None
        if office is not None and office_doc is not None and office.id != office_id:
            problems.append(office_doc.problem(("id",), f"id '{office.id}' ไม่ตรงกับชื่อโฟลเดอร์ {office_id}"))
        pub_doc = self.read(base / str(year) / "publication.yaml", problems)
        pub = validate(pub_doc, schema.Publication, problems) if pub_doc else None
        if pub is not None and pub_doc is not None and pub.year != year:
            problems.append(pub_doc.problem(("year",), f"ปี {pub.year} ไม่ตรงกับชื่อโฟลเดอร์ {year}"))
        results_doc = results = fw = None
        if pub is not None and pub_doc is not None:
            name = pub.results
            if not RESULTS_NAME.fullmatch(name):
                problems.append(pub_doc.problem(("results",), f"'{name[:60]}' ใช้ไม่ได้: ต้องเป็นชื่อไฟล์ .yaml ในโฟลเดอร์ "
                                                              f"{year} เท่านั้น เช่น ita-{year - 1}.yaml"))
            elif not (base / str(year) / name).exists() and not (base / str(year) / name).is_symlink():
                problems.append(self._missing_results(pub_doc, base / str(year), name))
            else:
                results_doc, results, fw = self.load_results(base / str(year) / name, problems)
        measures, measure_docs = self.load_measures(problems)
        progress_doc, progress = None, None
        if (base / str(year) / PROGRESS).exists() or (base / str(year) / PROGRESS).is_symlink():
            progress_doc = self.read(base / str(year) / PROGRESS, problems)
            progress = validate(progress_doc, schema.Progress, problems) if progress_doc else None
            if progress is not None and progress_doc is not None and progress.year != year:
                problems.append(progress_doc.problem(("year",), f"ปี {progress.year} ไม่ตรงกับชื่อโฟลเดอร์ {year}"))
        if errors(problems) or office is None or pub is None or results is None or fw is None:
            raise ContentError(problems)
        assert office_doc and pub_doc and results_doc
        own = {fact_key(str(getattr(office, f))) for f in FACT_KEYS}
        others = {k: v for k, v in self.facts_of_others(office_id).items() if k not in own}  # shared lines stay usable
        docs = {"office": office_doc, "publication": pub_doc, "results": results_doc,
                "framework": self.framework_docs[fw.id]}
        if progress_doc is not None:
            docs["progress"] = progress_doc
        return Loaded(office, pub, results, fw, measures, docs, measure_docs,
                      [p for p in problems if not p.is_error], others, progress)
