"""One publication from content to file, phase by phase:

    load → check → resolve → (analysis, computed once during check) → context → document model
         → render (the .docx writer) → finish → write

Each phase returns what the next requires: `resolve` takes only a `Checked`, so nothing
unchecked reaches a document; `write` is the only step that touches the output folder,
and only with complete bytes, so a failed build leaves the last good document untouched.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from . import uptodate
from .cache import Cache, key, text_facts
from .check import check
from .document.fill import keep_compiled_in
from .document.nodes import Document
from .finish import finish
from .load import PROGRESS, Content
from .problems import ContentError, Problem
from .progress import RoundKind
from .publications import KINDS, Links
from .render import reference_bytes, render
from .resolve import Resolved, resolve
from .write import entries, reproducible, write_atomic
from .writers.memo import Memo

DocKind = Literal["measures", "preface", "report"]  # the names of publications.KINDS
REFERENCE = "reference.docx"
OWNER = "measures:"


@dataclass(frozen=True)
class Built:
    path: Path
    warnings: list[Problem]
    thai_digits: bool  # the PDF's page numbers follow the document's digits


def prepare(office: str, year: int | None = None, content: Content | None = None) -> Resolved:
    """load → check → resolve; ContentError with every problem if anything is wrong."""
    content = content or Content()
    text_facts.open(Cache(content.project.cache), office)
    keep_compiled_in(Cache(content.project.cache))
    try:
        return resolve(check(content.load(office, year)))
    finally:
        text_facts.save()


def document(kind: DocKind, model: Resolved, reference: Path, round_kind: RoundKind = "12m",
             cache: Cache | None = None, tree: tuple[Document, dict[str, object]] | None = None) -> bytes:
    """document model → render → finish: the finished .docx as bytes (nothing written).
    `cache`: where the chart and checks made for an earlier build are kept; `tree`: the model
    already built (the site writes the same one as its page)."""
    doc_model, ctx = tree or KINDS[kind].document(model, round_kind, cache, Links())
    # What an earlier build of this document wrote into this reference, with these digits and style.
    memo = Memo(cache or Cache(None), f"{model.office.id}/{doc_model.name}",
                key(reference_bytes(reference, cache), str(model.thai_digits), repr(model.office.style)))
    doc = render(reference, doc_model, ctx, cache, model.thai_digits, memo)
    finish(doc, model.office.style, memo.settled)
    memo.keep()  # finished: the blocks written are kept as they now are
    # Whose document this is (so another office's build never replaces it unnoticed), and its title.
    return reproducible(entries(doc), source_date(model),
                        {"dc:title": f"{KINDS[kind].title} {model.office.short_name} {model.publication.year}",
                         "cp:keywords": f"{OWNER}{model.office.id}", "dc:description": ""})


def build(office: str, year: int | None = None, kind: DocKind = "measures", out_dir: Path | None = None,
          reference: Path | None = None, content: Content | None = None, round_kind: RoundKind = "12m") -> Built:
    content = content or Content()
    spec = KINDS[kind]
    reference = reference or content.project.template(REFERENCE)
    cache = Cache(content.project.cache)
    out_dir = Path(out_dir) if out_dir else content.project.output_dir(office)
    # Nothing it depends on changed since the last build of this file: that build stands.
    try:
        shown_year = year or content.publication_years(office)[-1]
    except (ContentError, IndexError, OSError):
        shown_year = None
    stamp = target = None
    if shown_year is not None:
        target = out_dir / f"{spec.file(shown_year, round_kind)}.docx"
        stamp = uptodate.digest(content.root, office, (kind, str(year), round_kind, str(target.absolute())),
                                reference)
        kept = uptodate.recorded(cache, stamp, target)
        if kept is not None:
            return Built(target, *kept)
    model = prepare(office, year, content)
    if spec.needs_progress and model.progress is None:
        folder = content.root / "offices" / office / str(model.publication.year)
        # The example is a progress.yaml that exists (never the missing one itself), else the guide.
        examples = sorted(p for p in (content.root / "offices").glob(f"*/*/{PROGRESS}") if p.is_file())
        see = (f"ดูตัวอย่างที่ {content.shown(examples[0])} และวิธีเขียนใน content/README.md" if examples
               else "ดูวิธีเขียนใน content/README.md (หัวข้อ The progress report)")
        raise ContentError([Problem(content.shown(folder / PROGRESS), None, "",
                                    "ยังไม่มีข้อมูลกิจกรรมของปีนี้ (progress.yaml) จึงสร้างรายงานผลการดำเนินงานไม่ได้: "
                                    f"สร้างไฟล์นี้ {see}")])
    if target != out_dir / f"{spec.file(model.publication.year, round_kind)}.docx":
        target, stamp = out_dir / f"{spec.file(model.publication.year, round_kind)}.docx", None
    refuse_target(target, office, content)
    data = document(kind, model, reference, round_kind, cache)
    path = write_atomic(target, data)
    uptodate.record(cache, stamp, target, data, model.warnings, model.thai_digits)
    return Built(path, model.warnings, model.thai_digits)


def refuse_target(target: Path, office: str, content: Content) -> None:
    """Output never goes into the content folder, nor over another office's document."""
    try:
        target.absolute().relative_to(content.root.absolute())
        raise ContentError([Problem(str(target.parent), None, "", "โฟลเดอร์ผลลัพธ์ (--out) อยู่ในโฟลเดอร์ content "
                                                                  "ซึ่งเก็บเฉพาะข้อมูล ให้เลือกโฟลเดอร์อื่น เช่น build/")])
    except ValueError:
        pass
    owner = _owner(target)
    if owner is not None and owner != office:
        raise ContentError([Problem(str(target), None, "", f"ไฟล์นี้เป็นเอกสารของหน่วยงาน {owner} "
                                                           f"ไม่เขียนทับด้วยเอกสารของ {office} ให้เลือกโฟลเดอร์ผลลัพธ์อื่น")])


def _owner(path: Path) -> str | None:
    """The office a .docx this tool built belongs to (None: not there, or not ours)."""
    import zipfile
    try:
        with zipfile.ZipFile(path) as z:
            core = z.read("docProps/core.xml").decode("utf-8", errors="replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    m = re.search(rf"<cp:keywords>{OWNER}([a-z0-9_-]+)</cp:keywords>", core)
    return m.group(1) if m else None


def source_date(model: Resolved) -> datetime:
    """The document's date: SOURCE_DATE_EPOCH, else the publication's date, else 1 October
    of the year before its fiscal year (fiscal years begin in October)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        # Zip entries cannot be dated before 1980; four digits of year are what a document shows.
        if not re.fullmatch(r"[0-9]{1,12}", epoch) or not 315532800 <= int(epoch) <= 4102444799:
            raise ContentError([Problem("SOURCE_DATE_EPOCH", None, "",
                                        f"ค่า '{epoch}' ใช้ไม่ได้: ต้องเป็นจำนวนวินาทีนับจาก 1970 "
                                        "ของวันที่ระหว่าง ค.ศ. 1980 ถึง 2099 หรือไม่ต้องตั้งค่าเลย")])
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    pub = model.publication
    if pub.date:
        day = pub.date.gregorian()
        return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
    return datetime(pub.year - 544, 10, 1, tzinfo=timezone.utc)
