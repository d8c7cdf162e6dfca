"""Phase 6, render: the template filled with the context by docxtpl.

The template is the reference document (the look) with the layout's body (structure
and wording, measures/layout/). Jinja runs sandboxed with autoescape (a `&` in content
must not corrupt the file) and StrictUndefined (a tag naming data that does not exist
is an error, not an empty string). Headers and footers of a project's own reference
may use the context too, so anything a template can do wrong is a message.
"""
from __future__ import annotations

import io
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from .context import Blocks
from .layout.blocks import blocks_docx
from .layout.writer import Writer, template_bytes
from .problems import ContentError, Problem

# Styles the layouts use: a reference document must define every one of them.
REQUIRED_STYLES = ("Normal", "Heading 1", "Heading 2", "Heading 3", "Table Grid", "Body Text Thai", "Body Plain",
                   "Centered", "Cover Title", "Cover Text", "Page Title", "Measure Title", "Sub Heading",
                   "Table Text", "Table Head", "Table Center", "Item Plain", "Item 1", "Item 2", "Item 3",
                   "Item 4", "Bullet", "List Body", "Signature", "TOC 1", "TOC 2", "TOC 3", "Caption Thai")


class TemplateProblem(ContentError):
    pass


def _problem(template: Path, message: str) -> TemplateProblem:
    return TemplateProblem([Problem(str(template), None, "", message)])


class _Environment(SandboxedEnvironment):
    """Sandboxed, and no arithmetic that runs away (10**5000, 'x' * 10**8); the sandbox
    itself caps range()."""
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


def template(reference: Path, write: Callable[[Writer], None]) -> bytes:
    """The template for one layout; made once per reference document and layout."""
    try:
        data = reference.read_bytes()
    except FileNotFoundError:
        raise _problem(reference, "ไม่พบไฟล์แม่แบบ (template)") from None
    except OSError as exc:
        raise _problem(reference, f"เปิดไฟล์แม่แบบไม่ได้: {exc.strerror or exc}") from None
    return _template(data, reference, write)


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
def _template(data: bytes, reference: Path, write: Callable[[Writer], None]) -> bytes:
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
    return template_bytes(io.BytesIO(data), write)


def render(template_data: bytes, context: dict[str, Any], chart_png: bytes | None, source: Path) -> DocxDocument:
    """The template filled in, as a python-docx document (not yet finished or saved)."""
    tpl = DocxTemplate(io.BytesIO(template_data))
    tpl.init_docx()
    context = _with_subdocs(tpl, template_data, context)
    if chart_png is not None:
        context["chart"] = InlineImage(tpl, io.BytesIO(chart_png), width=Cm(15))
    env = _Environment(autoescape=True, undefined=StrictUndefined)
    try:
        tpl.render(context, env)
    except TemplateSyntaxError as exc:
        raise _problem(source, f"แท็ก Jinja ในแม่แบบเขียนผิด: {exc.message}"
                               + (f" ใกล้ '{_snippet(exc.source, exc.lineno)}'" if exc.source else "")) from None
    except UndefinedError as exc:
        raise _problem(source, f"แม่แบบอ้างถึงข้อมูลที่ไม่มี: {exc.message}") from None
    except Exception as exc:  # noqa: BLE001 - a user's header can fail any way Jinja can
        raise _problem(source, f"แม่แบบมีข้อผิดพลาด: {type(exc).__name__}: {exc}"[:300]) from None
    rendered: DocxDocument = tpl.docx
    return rendered


def _with_subdocs(tpl: DocxTemplate, template_data: bytes, value: Any) -> Any:
    """The context with each office section body (Blocks) made a docxtpl sub-document."""
    if isinstance(value, Blocks):
        return tpl.new_subdoc(io.BytesIO(blocks_docx(template_data, value.items)))
    if isinstance(value, dict):
        return {k: _with_subdocs(tpl, template_data, v) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_subdocs(tpl, template_data, v) for v in value]
    return value


def _snippet(source: str, lineno: int | None) -> str:
    line = source.splitlines()[(lineno or 1) - 1] if source else ""
    m = re.search(r"\{[%{].{0,60}", line)
    return (m.group(0) if m else line[:60]).strip()
