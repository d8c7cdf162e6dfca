"""Small WordprocessingML helpers python-docx has no API for.

Complex-script font slots and sizes (Word lays Thai out with w:cs / w:szCs),
repeating header rows, fields (PAGE, TOC).
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
# Order of the rPr children matters to Word's schema validation.
RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
             "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
             "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
             "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
             "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def child(parent, tag: str, order: tuple[str, ...] = ()):
    """The child `tag` of parent, created in schema order if missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    el = OxmlElement(tag)
    if order and tag in order:
        rank = order.index(tag)
        for i, existing in enumerate(parent):
            name = existing.prefix + ":" + existing.tag.split("}")[1] if existing.prefix else None
            if name in order and order.index(name) > rank:
                existing.addprevious(el)
                return el
    parent.append(el)
    return el


def set_fonts(rpr, font: str) -> None:
    fonts = child(rpr, "w:rFonts", RPR_ORDER)
    for slot in W_FONT_SLOTS:
        fonts.set(qn(slot), font)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def set_size(rpr, half_points: int) -> None:
    child(rpr, "w:sz", RPR_ORDER).set(qn("w:val"), str(half_points))
    child(rpr, "w:szCs", RPR_ORDER).set(qn("w:val"), str(half_points))


def set_bold(rpr, on: bool = True) -> None:
    for tag in ("w:b", "w:bCs"):
        el = child(rpr, tag, RPR_ORDER)
        if not on:
            el.set(qn("w:val"), "0")


def set_lang(rpr, lang: str = "th-TH") -> None:
    el = child(rpr, "w:lang", RPR_ORDER)
    el.set(qn("w:val"), lang)
    el.set(qn("w:bidi"), lang)


def repeat_header(row) -> None:
    """Mark a table row to repeat at the top of every page (Word: leading rows only)."""
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def add_field(paragraph, instr: str, cached: str = "") -> None:
    """A complex field (begin / instrText / separate / cached result / end)."""
    def fld(kind: str):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            el.set(qn("w:dirty"), "true")
        run._r.append(el)
        return run
    fld("begin")
    run = paragraph.add_run()
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    run._r.append(it)
    fld("separate")
    paragraph.add_run(cached)
    fld("end")
