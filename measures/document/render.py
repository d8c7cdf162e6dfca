"""Rendering a docxtpl template with the context, then finishing the Word XML.

Jinja runs sandboxed with autoescape (a `&` in content must not corrupt the
file) and StrictUndefined (a tag naming data that does not exist is an error,
not an empty string). After rendering: the table of contents is filled in,
every run gets all four font slots and w:szCs, digits become Thai when the
office asks, and margins/fonts follow the office's style if it sets them.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from ..problems import ContentError, Problem
from ..thai import thai_digits
from .context import TOC_MARKER
from .ooxml import RPR_ORDER, W_FONT_SLOTS, child, set_lang

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class TemplateProblem(ContentError):
    pass


def _problem(template: Path, message: str) -> TemplateProblem:
    return TemplateProblem([Problem(str(template), None, "", message)])


def render(template: Path, context: dict, chart_png: bytes | None = None, *, thai: bool = False,
           font: str | None = None, margins: dict | None = None) -> bytes:
    """The finished .docx as bytes (nothing is written to disk here)."""
    if not template.exists():
        raise _problem(template, "ไม่พบไฟล์แม่แบบ (template)")
    try:
        tpl = DocxTemplate(str(template))
        tpl.init_docx()
    except Exception as exc:  # a corrupt zip, or not a .docx at all
        raise _problem(template, f"ไฟล์แม่แบบไม่ใช่ไฟล์ Word (.docx) ที่เปิดได้ ({type(exc).__name__})") from None
    context = dict(context)
    if chart_png is not None:
        context["chart"] = InlineImage(tpl, io.BytesIO(chart_png), width=Cm(15))
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    try:
        tpl.render(context, env)
    except TemplateSyntaxError as exc:
        raise _problem(template, f"แท็ก Jinja ในแม่แบบเขียนผิด: {exc.message}"
                                 + (f" ใกล้ '{_snippet(exc.source, exc.lineno)}'" if exc.source else "")) from None
    except UndefinedError as exc:
        raise _problem(template, f"แม่แบบอ้างถึงข้อมูลที่ไม่มี: {exc.message}") from None
    except TemplateError as exc:
        raise _problem(template, f"แม่แบบมีข้อผิดพลาด: {exc}") from None
    doc = tpl.docx
    fill_toc(doc)
    finish_runs(doc, font)
    if thai:
        to_thai_digits(doc)
    if margins:
        for section in doc.sections:
            for side, cm in margins.items():
                setattr(section, f"{side}_margin", Cm(float(cm)))
    ask_to_update_fields(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _snippet(source: str, lineno: int | None) -> str:
    line = source.splitlines()[(lineno or 1) - 1] if source else ""
    m = re.search(r"\{[%{].{0,60}", line)
    return (m.group(0) if m else line[:60]).strip()


# --------------------------------------------------------------------------- table of contents

def headings(doc) -> list[tuple[int, str]]:
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


def _resolve_outline(doc, style_id, levels):
    seen = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        if style_id in levels:
            return levels[style_id]
        el = doc.styles.element.find(f"{W}style[@{W}styleId='{style_id}']")
        based = el.find(qn("w:basedOn")) if el is not None else None
        style_id = based.get(qn("w:val")) if based is not None else None
    return None


def fill_toc(doc) -> None:
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
            _set_style(p, f"TOC{level}")
        else:
            p = OxmlElement("w:p")
            ppr = OxmlElement("w:pPr")
            p.append(ppr)
            _set_style(p, f"TOC{level}")
            previous.addnext(p)
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        p.append(r)
        previous = p
    previous.append(end_run)


def _set_style(p, style_id: str) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    ps = ppr.find(qn("w:pStyle"))
    if ps is None:
        ps = OxmlElement("w:pStyle")
        ppr.insert(0, ps)
    ps.set(qn("w:val"), style_id)


def ask_to_update_fields(doc) -> None:
    """w:updateFields: Word offers to update the TOC page numbers on opening."""
    settings = doc.settings.element
    el = settings.find(qn("w:updateFields"))
    if el is None:
        el = OxmlElement("w:updateFields")
        settings.append(el)
    el.set(qn("w:val"), "true")


# --------------------------------------------------------------------------- runs

def _style_rpr_chain(doc):
    """style id -> (font, half-point size), following basedOn to docDefaults."""
    styles = doc.styles.element
    default_rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))

    def own(rpr):
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
    cache: dict = {}

    def lookup(style_id):
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


def _parts(doc):
    """The body and every header/footer part that will be saved.

    docxtpl swaps rendered headers/footers in as new parts behind python-docx's
    back, so they are found through the relationships, not through sections."""
    yield doc.element.body
    for rel in doc.part.rels.values():
        if rel.reltype.endswith(("/header", "/footer")) and not rel.is_external:
            yield rel.target_part._element


def finish_runs(doc, font: str | None = None) -> None:
    """Every run: all four font slots, w:sz and w:szCs, Thai language.

    Values come from the run's paragraph style (so restyling the template works);
    `font` (the office's choice) replaces the template's font everywhere."""
    lookup = _style_rpr_chain(doc)
    if font:
        for rfonts in doc.styles.element.iter(qn("w:rFonts")):
            for slot in W_FONT_SLOTS:
                rfonts.set(qn(slot), font)
    for part in _parts(doc):
        for p in part.iter(qn("w:p")):
            ppr = p.find(qn("w:pPr"))
            ps = ppr.find(qn("w:pStyle")) if ppr is not None else None
            sfont, ssize = lookup(ps.get(qn("w:val")) if ps is not None else "Normal")
            for r in p.iter(qn("w:r")):
                rpr = r.find(qn("w:rPr"))
                if rpr is None:
                    rpr = OxmlElement("w:rPr")
                    r.insert(0, rpr)
                fonts = rpr.find(qn("w:rFonts"))
                run_font = None
                if fonts is not None:
                    run_font = fonts.get(qn("w:cs")) or fonts.get(qn("w:ascii"))
                fonts = child(rpr, "w:rFonts", RPR_ORDER)
                for slot in W_FONT_SLOTS:
                    fonts.set(qn(slot), font or run_font or sfont)
                for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                    fonts.attrib.pop(qn(theme), None)
                sz = rpr.find(qn("w:sz"))
                size = sz.get(qn("w:val")) if sz is not None else ssize
                child(rpr, "w:sz", RPR_ORDER).set(qn("w:val"), size)
                child(rpr, "w:szCs", RPR_ORDER).set(qn("w:val"), size)
                if rpr.find(qn("w:lang")) is None:
                    set_lang(rpr)


def to_thai_digits(doc) -> None:
    for part in _parts(doc):
        for t in part.iter(qn("w:t")):
            if t.text:
                t.text = thai_digits(t.text)
    # Page numbers (the PAGE field and the contents' numbers) take the section's
    # format in Word. LibreOffice ignores it: pdf.py sets its page styles instead.
    # (PAGE \* ThaiArabic is not used: LibreOffice reads it as Thai letters.)
    for sect in doc.element.body.iter(qn("w:sectPr")):
        pg = sect.find(qn("w:pgNumType"))
        if pg is None:
            pg = OxmlElement("w:pgNumType")
            cols = sect.find(qn("w:cols"))
            (cols.addprevious if cols is not None else sect.append)(pg)
        pg.set(qn("w:fmt"), "thaiNumbers")
