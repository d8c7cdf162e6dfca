"""Reading a built .docx back: what the tests (and a curious officer) check.

Works on the saved file with python-docx and the XML, never on our own model,
so it sees what Word will see.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from . import W_FONT_SLOTS, story_parts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
THAI_DIGIT = re.compile("[๐-๙]")
ARABIC_DIGIT = re.compile("[0-9]")
TEMPLATE_LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|@@TOC@@")


def open_docx(path: Path) -> DocxDocument:
    return Document(str(path))


parts = story_parts  # the body, then every header and footer part


def paragraphs_text(element: Any) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in element.iter(qn("w:p"))]


def all_text(doc: DocxDocument) -> str:
    return "\n".join(line for _, el in parts(doc) for line in paragraphs_text(el))


def runs_missing_font_slots(doc: DocxDocument) -> list[str]:
    """Runs with text lacking any of the four font slots or w:sz/w:szCs."""
    bad = []
    for where, el in parts(doc):
        for r in el.iter(qn("w:r")):
            if not any((t.text or "").strip() for t in r.iter(qn("w:t"))):
                continue
            rpr = r.find(qn("w:rPr"))
            fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
            missing = [s for s in W_FONT_SLOTS if fonts is None or not fonts.get(qn(s))]
            for tag in ("w:sz", "w:szCs"):
                if rpr is None or rpr.find(qn(tag)) is None:
                    missing.append(tag)
            if missing:
                text = "".join(t.text or "" for t in r.iter(qn("w:t")))[:30]
                bad.append(f"{where}: {text!r} lacks {', '.join(missing)}")
    return bad


def tables_with_repeating_header(doc: DocxDocument) -> tuple[int, int]:
    """(tables, of which the first row is marked w:tblHeader)."""
    tables = doc.element.body.findall(".//" + qn("w:tbl"))
    marked = 0
    for t in tables:
        first = t.find(qn("w:tr"))
        trpr = first.find(qn("w:trPr")) if first is not None else None
        if trpr is not None and trpr.find(qn("w:tblHeader")) is not None:
            marked += 1
    return len(tables), marked


def rows_that_cannot_split(doc: DocxDocument) -> int:
    return len(doc.element.body.findall(".//" + qn("w:cantSplit")))


def images(doc: DocxDocument) -> list[bytes]:
    out = []
    for blip in doc.element.body.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"):
        rid = blip.get(qn("r:embed"))
        out.append(doc.part.related_parts[rid].blob)
    return out


def headings(doc: DocxDocument) -> list[tuple[int, str]]:
    """(level, text) of every paragraph with an outline level 0–2, in order."""
    # Raw lxml throughout: python-docx's proxies cost a tenth of a second on a long document.
    own: dict[str, int] = {}
    based_on: dict[str, str] = {}
    for style in doc.styles.element.iterchildren(_STYLE):
        sid = style.get(_STYLE_ID)
        lvl = style.find(_OUTLINE)
        if lvl is not None:
            own[sid] = int(lvl.get(_VAL))
        base = style.find(_BASED_ON)
        if base is not None:
            based_on[sid] = base.get(_VAL)

    def level_of(sid: str | None) -> int | None:
        seen = set()
        while sid and sid not in seen:  # a style inherits its outline level (basedOn)
            seen.add(sid)
            if sid in own:
                return own[sid]
            sid = based_on.get(sid)
        return None

    levels = {sid: level for sid in {*own, *based_on} if (level := level_of(sid)) is not None and level <= 2}
    out = []
    # The paragraphs of those styles, found in C: a long document has a thousand paragraphs.
    found: list[Any] = _STYLED(doc.element.body, ids=f" {' '.join(levels)} ")  # type: ignore[assignment]
    for p in found:
        level = levels.get(p.find(_PSTYLE).get(_VAL))  # None: a match inside an id holding a space
        text = "".join(t.text or "" for t in p.iter(_T)).strip()
        if level is not None and text:
            out.append((level + 1, text))
    return out


_STYLE, _STYLE_ID, _BASED_ON, _VAL = qn("w:style"), qn("w:styleId"), qn("w:basedOn"), qn("w:val")
_OUTLINE, _PSTYLE = f"{W}pPr/{W}outlineLvl", f"{W}pPr/{W}pStyle"
_P, _T = qn("w:p"), qn("w:t")
# Paragraphs whose style is one of `ids` (" id1 id2 "; a style id has no space).
_STYLED = etree.XPath(".//w:p[w:pPr/w:pStyle[contains($ids, concat(' ', @w:val, ' '))]]",
                      namespaces={"w": W[1:-1]})




def toc_entries(doc: DocxDocument) -> list[tuple[int, str]]:
    """The cached entries of the TOC field: (level from the TOCn style, text)."""
    out = []
    for p in doc.element.body.iter(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        ps = ppr.find(qn("w:pStyle")) if ppr is not None else None
        sid = ps.get(qn("w:val")) if ps is not None else ""
        m = re.fullmatch(r"TOC(\d)", sid or "")
        if m:
            text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
            if text:
                out.append((int(m.group(1)), text))
    return out


def has_toc_field(doc: DocxDocument) -> bool:
    return any("TOC" in (it.text or "") for it in doc.element.body.iter(qn("w:instrText")))


def page_setup(doc: DocxDocument) -> dict[str, float]:
    s = doc.sections[0]
    cm = lambda v: round(v / 360000, 2)  # noqa: E731  EMU -> cm
    return {"width": cm(s.page_width), "height": cm(s.page_height), "top": cm(s.top_margin),
            "bottom": cm(s.bottom_margin), "left": cm(s.left_margin), "right": cm(s.right_margin)}
