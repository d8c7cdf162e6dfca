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

from .ooxml import W_FONT_SLOTS, story_parts

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
    levels = {}
    for style in doc.styles:
        ppr = style.element.pPr
        lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if lvl is not None:
            levels[style.style_id] = int(lvl.get(qn("w:val")))
    out = []
    for p in doc.element.body.iter(qn("w:p")):
        ppr = p.pPr
        sid = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        sid = _resolve_outline(doc, sid, levels)
        if sid is not None and sid <= 2:
            text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
            if text:
                out.append((sid + 1, text))
    return out


def _resolve_outline(doc: DocxDocument, style_id: str | None, levels: dict[str, int]) -> int | None:
    seen = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        if style_id in levels:
            return levels[style_id]
        el = doc.styles.element.find(f"{W}style[@{W}styleId='{style_id}']")
        based = el.find(qn("w:basedOn")) if el is not None else None
        style_id = based.get(qn("w:val")) if based is not None else None
    return None




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
