"""Phase 6, render: the document model written into the reference document.

The reference (the look: styles, page, headers and footers) gets the model's body from the
.docx writer (measures/writers/docx.py). Headers and footers of a project's own reference may
use the context (`{{ office.short_name }}`): docxtpl fills them, with Jinja sandboxed, with
autoescape (a `&` in content must not corrupt the file) and StrictUndefined (a tag naming
data that does not exist is an error, not an empty string), so anything a reference can do
wrong is a message. The body is never read as a template: content is data.
"""
from __future__ import annotations

import hashlib
import io
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError

from .cache import Cache, key
from .document.nodes import Document
from .jinjacache import CompiledEnvironment
from .ooxml import empty_body
from .ooxml.finishing import has_typed_break
from .problems import ContentError, Problem
from .writers.docx import DocxWriter
from .writers.memo import Memo

# Styles the layouts use: a reference document must define every one of them.
REQUIRED_STYLES = ("Normal", "Heading 1", "Heading 2", "Heading 3", "Table Grid", "Body Text Thai", "Body Plain",
                   "Centered", "Cover Title", "Cover Text", "Page Title", "Measure Title", "Sub Heading",
                   "Table Text", "Table Head", "Table Center", "Item Plain", "Item 1", "Item 2", "Item 3",
                   "Item 4", "Bullet", "List Body", "Signature", "TOC 1", "TOC 2", "TOC 3", "Caption Thai")


class TemplateProblem(ContentError):
    pass


def _problem(template: Path, message: str) -> TemplateProblem:
    return TemplateProblem([Problem(str(template), None, "", message)])


class _Environment(CompiledEnvironment):
    """Sandboxed, and no arithmetic that runs away (10**5000, 'x' * 10**8); the sandbox
    itself caps range(). Compiled parts are kept (jinjacache.py)."""
    intercepted_binops = frozenset({"**", "*"})
    MAX_EXPONENT, MAX_REPEAT = 64, 100_000

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and (not isinstance(right, int) or abs(right) > self.MAX_EXPONENT):
            raise OverflowError("exponent too large")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                repeated = isinstance(seq, (str, list, tuple)) and isinstance(times, int)
                if repeated and len(seq) * times > self.MAX_REPEAT:
                    raise OverflowError("repetition too large")
        return super().call_binop(context, operator, left, right)


class _Template(DocxTemplate):
    """docxtpl's template, with its regex clean-up of each part's XML (the same for the same
    part) kept in `cache`."""

    def __init__(self, data: bytes, cache: Cache):
        super().__init__(io.BytesIO(data))
        self.kept = cache

    def patch_xml(self, src_xml: str) -> str:
        k = key("patched", src_xml)
        kept = self.kept.get("patched", k)
        if kept is not None:
            return kept.decode()
        patched: str = super().patch_xml(src_xml)
        self.kept.put("patched", k, patched.encode())
        return patched

    def resolve_listing(self, xml: str) -> str:
        """docxtpl's tabs, line and page breaks typed in a value (\\t \\n \\a \\f): a regex pass
        over every paragraph, needed only when a text holds one."""
        if not has_typed_break(xml):
            return xml
        resolved: str = super().resolve_listing(xml)
        return resolved


def reference_bytes(reference: Path, cache: Cache | None = None) -> bytes:
    """The reference document's bytes, once checked fit to write into (a zip of sane size, a
    .docx, every style the writer uses); the verdict is kept in `cache` by the bytes' hash."""
    try:
        data = reference.read_bytes()
    except FileNotFoundError:
        raise _problem(reference, "ไม่พบไฟล์แม่แบบ (template)") from None
    except OSError as exc:
        raise _problem(reference, f"เปิดไฟล์แม่แบบไม่ได้: {exc.strerror or exc}") from None
    cache = cache or Cache(None)
    k = key("reference", data)
    if cache.get("reference", k) is None:
        _check_reference(data, reference)
        cache.put("reference", k, b"ok")
    return data


# A reference document is a few hundred KB; anything unpacking past these is refused
# before python-docx reads it into memory (a 1 MB zip can unpack to gigabytes).
MAX_UNPACKED = 64 * 1024 * 1024
MAX_PARTS = 2000


def _unpacked_size(data: bytes) -> tuple[int, int]:
    import zipfile
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = z.infolist()
        return sum(i.file_size for i in infos), len(infos)


@lru_cache(maxsize=8)
def _check_reference(data: bytes, reference: Path) -> None:
    try:
        size, parts = _unpacked_size(data)
    except Exception:  # noqa: BLE001 - not a zip: reported below with the others
        size = parts = 0
    if size > MAX_UNPACKED or parts > MAX_PARTS:
        raise _problem(reference, f"ไฟล์แม่แบบเมื่อแตกไฟล์มีขนาด {size // (1024 * 1024)} MB ({parts} ส่วน) "
                                  f"เกินกว่าที่แม่แบบจะเป็นได้ (ไม่เกิน {MAX_UNPACKED // (1024 * 1024)} MB)")
    try:
        from docx import Document
        styles = {s.name for s in Document(io.BytesIO(data)).styles}
    except Exception as exc:  # noqa: BLE001 - a corrupt zip, or not a .docx at all: each library fails its own way
        raise _problem(reference, f"ไฟล์แม่แบบไม่ใช่ไฟล์ Word (.docx) ที่เปิดได้ ({type(exc).__name__})") from None
    missing = [s for s in REQUIRED_STYLES if s not in styles]
    if missing:
        raise _problem(reference, f"ไฟล์แม่แบบขาดสไตล์ที่เอกสารใช้: {', '.join(missing)} "
                                  "ให้เพิ่มสไตล์ชื่อนี้ใน Word (หรือเริ่มจาก templates/reference.docx ของโปรแกรม)")


# Each reference's style ids by name, as writers found them (python-docx's lookup is slow).
_STYLE_IDS: dict[bytes, dict[str, str | None]] = {}


def render(reference: Path, tree: Document, context: dict[str, Any], cache: Cache | None = None,
           thai_digits: bool = False, memo: Memo | None = None) -> DocxDocument:
    """The document `tree` written into the reference, its headers and footers filled from
    `context`, as a python-docx document (not yet finished or saved). `thai_digits`: the digits
    the document will print (finish turns them Thai), which its tables' widths are made for;
    `memo`: the blocks an earlier build wrote into this reference."""
    cache = cache or Cache(None)
    data = reference_bytes(reference, cache)
    tpl = _Template(data, cache)
    tpl.init_docx()
    tpl.render_init()
    empty_body(tpl.docx.element.body)
    style_ids = _STYLE_IDS.setdefault(hashlib.sha256(data).digest(), {})
    DocxWriter(tpl.docx, thai_digits, memo, style_ids).write(tree)
    env = _Environment(cache, autoescape=True, undefined=StrictUndefined)
    try:
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            for rel, xml in list(tpl.build_headers_footers_xml(context, uri, env)):
                tpl.map_headers_footers_xml(rel, xml)
        tpl.render_properties(context, env)
    except TemplateSyntaxError as exc:
        raise _problem(reference, f"แท็ก Jinja ในแม่แบบเขียนผิด: {exc.message}"
                                  + (f" ใกล้ '{_snippet(exc.source, exc.lineno)}'" if exc.source else "")) from None
    except UndefinedError as exc:
        raise _problem(reference, f"แม่แบบอ้างถึงข้อมูลที่ไม่มี: {exc.message}") from None
    except Exception as exc:  # noqa: BLE001 - a user's header can fail any way Jinja can
        raise _problem(reference, f"แม่แบบมีข้อผิดพลาด: {type(exc).__name__}: {exc}"[:300]) from None
    rendered: DocxDocument = tpl.docx
    return rendered


def _snippet(source: str, lineno: int | None) -> str:
    line = source.splitlines()[(lineno or 1) - 1] if source else ""
    m = re.search(r"\{[%{].{0,60}", line)
    return (m.group(0) if m else line[:60]).strip()
