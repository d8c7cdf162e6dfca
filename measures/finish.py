"""Phase 7, finish: the rendered document brought to what Word and the office expect.

A list of finishers, each small and run in order on the rendered python-docx document:
the contents filled from the real headings, every run given all four font slots and
w:szCs, Thai digits where the office asks for them, the office's margins, and Word
asked to update fields (page numbers) on opening.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree

from .docxread import headings
from .ooxml import (
    W_FONT_SLOTS,
    get_or_add,
    set_fonts,
    set_lang,
    set_size,
    story_parts,
    update_fields_on_open,
)
from .schema import Style
from .thai import thai_digits
from .writers.docx import TOC_MARKER

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

Finisher = Callable[[DocxDocument, Style], None]


def finish(doc: DocxDocument, style: Style) -> None:
    for step in FINISHERS:
        step(doc, style)


# --------------------------------------------------------------------------- table of contents

def fill_toc(doc: DocxDocument, style: Style) -> None:
    """Replace the TOC field's cached result by the real headings.

    Word and LibreOffice show the cached result until fields are updated, so the
    entries are right on opening; page numbers are filled in by the update
    (Word asks on opening; `make pdf` updates them in LibreOffice)."""
    marker = next((p for p in doc.element.body.iter(qn("w:p"))
                   if TOC_MARKER in "".join(t.text or "" for t in p.iter(qn("w:t")))), None)
    if marker is None:
        return
    entries = headings(doc)
    runs = list(marker.iter(qn("w:r")))
    end_run = next(r for r in runs if r.find(qn("w:fldChar")) is not None
                   and r.find(qn("w:fldChar")).get(qn("w:fldCharType")) == "end")
    for r in runs:
        if TOC_MARKER in "".join(t.text or "" for t in r.iter(qn("w:t"))):
            marker.remove(r)
    marker.remove(end_run)
    previous = marker
    for n, (level, text) in enumerate(entries or [(1, " ")]):
        if n == 0:
            p = marker
        else:
            p = OxmlElement("w:p")
            previous.addnext(p)
        p.get_or_add_pPr().style = f"TOC{level}"
        p.add_r().text = text
        previous = p
    previous.append(end_run)


def ask_to_update_fields(doc: DocxDocument, style: Style) -> None:
    update_fields_on_open(doc.settings.element)


# --------------------------------------------------------------------------- runs

def _style_rpr_chain(doc: DocxDocument) -> Callable[[str | None], tuple[str | None, str | None]]:
    """style id -> (font, half-point size), following basedOn to docDefaults."""
    styles = doc.styles.element
    default_rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))

    def own(rpr: Any) -> tuple[str | None, str | None]:
        font = size = None
        if rpr is not None:
            f = rpr.find(qn("w:rFonts"))
            if f is not None:
                font = f.get(qn("w:cs")) or f.get(qn("w:ascii"))
            s = rpr.find(qn("w:szCs"))
            if s is None:
                s = rpr.find(qn("w:sz"))
            if s is not None:
                size = s.get(qn("w:val"))
        return font, size

    base_font, base_size = own(default_rpr)
    cache: dict[str | None, tuple[str | None, str | None]] = {}

    def lookup(style_id: str | None) -> tuple[str | None, str | None]:
        if style_id in cache:
            return cache[style_id]
        el = styles.find(f"{W}style[@{W}styleId='{style_id}']") if style_id else None
        if el is None:
            result = (base_font, base_size)
        else:
            font, size = own(el.find(qn("w:rPr")))
            based = el.find(qn("w:basedOn"))
            parent = lookup(based.get(qn("w:val"))) if based is not None else (base_font, base_size)
            result = (font or parent[0], size or parent[1])
        cache[style_id] = result
        return result
    return lookup


def finish_runs(doc: DocxDocument, style: Style) -> None:
    """Every run: all four font slots, w:sz and w:szCs, Thai language.

    Values come from the run's paragraph style (so restyling the template works);
    the office's font, if it chose one, replaces the template's font everywhere.
    The template's own runs were finished when it was made (render.template), and a
    rendered run keeps its tag's properties: those are left as they are."""
    font = style.font
    lookup = _style_rpr_chain(doc)
    if font:
        for rfonts in doc.styles.element.iter(qn("w:rFonts")):
            for slot in W_FONT_SLOTS:
                rfonts.set(qn(slot), font)
    for _, part in story_parts(doc):
        runs: list[Any] = (_RUNS if font else _UNFINISHED)(part)  # type: ignore[assignment]
        for r in runs:
            p = next(r.iterancestors(_P), None)
            pstyle = p.find(_PSTYLE) if p is not None else None
            sfont, ssize = lookup(pstyle.get(_VAL) if pstyle is not None and pstyle.get(_VAL) else "Normal")
            rpr = r.get_or_add_rPr()
            fonts = rpr.rFonts
            run_font = fonts.get(_CS) or fonts.get(_ASCII) if fonts is not None else None
            chosen = font or run_font or sfont
            if chosen:  # a reference without any font leaves Word's default
                set_fonts(rpr, chosen)
            sz = rpr.sz
            size = sz.get(_VAL) if sz is not None else ssize
            if size:
                set_size(rpr, size)
            if rpr.find(_LANG) is None:
                set_lang(rpr)


_NS = {"w": W[1:-1]}
_RUNS = etree.XPath(".//w:r", namespaces=_NS)
# Runs finish_runs would change; the others (already one font in all four slots and no theme
# font, w:sz equal to w:szCs, a language) are selected out in C, not looked at one by one.
_UNFINISHED = etree.XPath(
    ".//w:r[not(w:rPr[w:rFonts[@w:cs and @w:ascii=@w:cs and @w:hAnsi=@w:cs and @w:eastAsia=@w:cs"
    " and not(@w:asciiTheme or @w:hAnsiTheme or @w:eastAsiaTheme or @w:cstheme)]"
    " and w:sz and w:szCs and w:sz/@w:val=w:szCs/@w:val and w:lang])]", namespaces=_NS)
_P, _LANG, _VAL, _CS, _ASCII = qn("w:p"), qn("w:lang"), qn("w:val"), qn("w:cs"), qn("w:ascii")
_PSTYLE = f"{W}pPr/{W}pStyle"


def to_thai_digits(doc: DocxDocument, style: Style) -> None:
    if style.digits != "thai":
        return
    for _, part in story_parts(doc):
        for t in part.iter(qn("w:t")):
            if t.text:
                t.text = thai_digits(t.text)
    # Page numbers (the PAGE field and the contents' numbers) take the section's
    # format in Word. LibreOffice ignores it: pdf.py sets its page styles instead.
    # (PAGE \* ThaiArabic is not used: LibreOffice reads it as Thai letters.)
    for sect in doc.element.body.iter(qn("w:sectPr")):
        get_or_add(sect, "w:pgNumType").set(qn("w:fmt"), "thaiNumbers")


def office_margins(doc: DocxDocument, style: Style) -> None:
    if style.margins is None:
        return
    for section in doc.sections:
        for side, cm in style.margins.model_dump().items():
            setattr(section, f"{side}_margin", Cm(float(cm)))


FINISHERS: list[Finisher] = [fill_toc, finish_runs, to_thai_digits, office_margins, ask_to_update_fields]
