"""The WordprocessingML the finishing passes (measures/finish.py) work on: the contents
field's cached entries, each run's four font slots and sizes as its style gives them, the
texts whose digits turn Thai, the page numbers' format."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from . import W_FONT_SLOTS, get_or_add, set_fonts, set_lang, set_size

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FontAndSize = tuple[str | None, str | None]


def _text(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def fill_toc(body: Any, marker: str, entries: list[tuple[int, str]]) -> None:
    """Replace the cached result of the TOC field whose paragraph holds `marker` by `entries`
    ((level, text) each, styled TOC<level>); nothing when no paragraph holds it."""
    found: list[Any] = _MARKED(body, marker=marker)  # type: ignore[assignment]
    if not found:
        return
    para = found[0]
    runs = list(para.iter(qn("w:r")))
    end_run = next(r for r in runs if r.find(qn("w:fldChar")) is not None
                   and r.find(qn("w:fldChar")).get(qn("w:fldCharType")) == "end")
    for r in runs:
        if marker in _text(r):
            para.remove(r)
    para.remove(end_run)
    previous = para
    for n, (level, text) in enumerate(entries or [(1, " ")]):
        if n == 0:
            p = para
        else:
            p = OxmlElement("w:p")
            previous.addnext(p)
        p.get_or_add_pPr().style = f"TOC{level}"
        p.add_r().text = text
        previous = p
    previous.append(end_run)


def style_lookup(styles: Any) -> Callable[[str | None], FontAndSize]:
    """style id -> (font, half-point size), following basedOn to docDefaults."""
    default_rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))

    def own(rpr: Any) -> FontAndSize:
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

    base = own(default_rpr)
    cache: dict[str | None, FontAndSize] = {}

    def lookup(style_id: str | None) -> FontAndSize:
        if style_id in cache:
            return cache[style_id]
        el = styles.find(f"{W}style[@{W}styleId='{style_id}']") if style_id else None
        if el is None:
            result = base
        else:
            font, size = own(el.find(qn("w:rPr")))
            based = el.find(qn("w:basedOn"))
            parent = lookup(based.get(qn("w:val"))) if based is not None else base
            result = (font or parent[0], size or parent[1])
        cache[style_id] = result
        return result
    return lookup


def set_font_in_styles(styles: Any, font: str) -> None:
    """`font` in every font slot of every style (the office's own font)."""
    for rfonts in styles.iter(qn("w:rFonts")):
        for slot in W_FONT_SLOTS:
            rfonts.set(qn(slot), font)


_NS = {"w": W[1:-1]}
_MARKED = etree.XPath(".//w:p[.//w:t[contains(., $marker)]]", namespaces=_NS)  # a paragraph holding a marker
_RUNS = etree.XPath(".//w:r", namespaces=_NS)
# Runs finish_run would change; the others (already one font in all four slots and no theme
# font, w:sz equal to w:szCs, a language) are selected out in C, not looked at one by one.
_UNFINISHED = etree.XPath(
    ".//w:r[not(w:rPr[w:rFonts[@w:cs and @w:ascii=@w:cs and @w:hAnsi=@w:cs and @w:eastAsia=@w:cs"
    " and not(@w:asciiTheme or @w:hAnsiTheme or @w:eastAsiaTheme or @w:cstheme)]"
    " and w:sz and w:szCs and w:sz/@w:val=w:szCs/@w:val and w:lang])]", namespaces=_NS)
_P, _LANG, _VAL, _CS, _ASCII = qn("w:p"), qn("w:lang"), qn("w:val"), qn("w:cs"), qn("w:ascii")
_PSTYLE = f"{W}pPr/{W}pStyle"


def runs(part: Any, every: bool) -> list[Any]:
    """The part's runs: all of them, or only those finish_run would change."""
    found: list[Any] = (_RUNS if every else _UNFINISHED)(part)  # type: ignore[assignment]
    return found


def finish_run(r: Any, lookup: Callable[[str | None], FontAndSize], font: str | None) -> None:
    """The run's four font slots (`font`, else its own, else its paragraph style's), w:sz and
    w:szCs (its own, else the style's) and a language."""
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


def texts(part: Any) -> Iterator[Any]:
    """The part's w:t elements (their .text is what a reader sees)."""
    return part.iter(qn("w:t"))  # type: ignore[no-any-return]


def page_number_format(body: Any, fmt: str) -> None:
    """Every section's page numbers in `fmt` (thaiNumbers): Word follows it in the PAGE field
    and the contents; LibreOffice does not (pdf.py sets its page styles instead)."""
    for sect in body.iter(qn("w:sectPr")):
        get_or_add(sect, "w:pgNumType").set(qn("w:fmt"), fmt)



_TYPED_BREAK = re.compile("<w:t(?: [^>]*)?>[^<]*[\t\n\a\f]")


def has_typed_break(xml: str) -> bool:
    """Whether a part's XML holds a tab, line or page break typed in a text (\\t \\n \\a \\f),
    which docxtpl's listing pass turns into Word's own elements."""
    return _TYPED_BREAK.search(xml) is not None


STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def drop_styles_with_effects(part: Any) -> None:
    """Word 2010's second copy of the styles (stylesWithEffects.xml) left out: a reference
    restyled elsewhere, or an office's font set by finishing, leaves it out of step with
    styles.xml, which Word may then call unreadable content; Word makes it anew from
    styles.xml when it saves."""
    for rid, rel in list(part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            del part.rels[rid]
