"""The few WordprocessingML operations python-docx has no API for, in one place.

Complex-script size and language (Word lays Thai out with w:cs / w:szCs), table width
and cell margins, repeating header rows, fields (PAGE, TOC), Word's update-fields
setting. Word rejects or "repairs" children out of the schema's order (LibreOffice does
not care), so every element made here goes in before its first successor in the schema's sequence
(ECMA-376 Part 1, wml.xsd), as python-docx's own get_or_add methods do (ours are used for
rFonts and sz too: a document has thousands of runs, and python-docx's are slower).
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

# Children order of the parents we add raw elements to (CT_RPr, CT_TblPr, CT_TrPr, CT_TcPr;
# for CT_Settings only what may follow w:updateFields, the one child we add there).
SEQUENCES: dict[str, tuple[str, ...]] = {
    "w:rPr": ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
              "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
              "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
              "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
              "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"),
    "w:tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                "w:tblPrChange"),
    "w:tblCellMar": ("w:top", "w:start", "w:left", "w:bottom", "w:end", "w:right"),
    "w:trPr": ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
               "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del",
               "w:trPrChange"),
    "w:tcPr": ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
               "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers",
               "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange"),
    "w:sectPr": ("w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz",
                 "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt",
                 "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
                 "w:printerSettings", "w:sectPrChange"),
    "w:settings": ("w:updateFields", "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat",
                   "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
                   "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures",
                   "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
                   "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol",
                   "w:listSeparator"),
}


def _prefixed(el: Any) -> str:
    return f"{el.prefix}:{el.tag.split('}')[1]}" if el.prefix else el.tag


@cache
def _later(parent: str, tag: str) -> frozenset[str]:
    """Clark names of the children that come after `tag` in `parent`."""
    order = SEQUENCES[parent]
    return frozenset(qn(t) for t in order[order.index(tag) + 1:])


@cache
def _qn(tag: str) -> str:
    return qn(tag)


def get_or_add(parent: Any, tag: str) -> Any:
    """The child `tag` of parent, created in the schema's order if missing."""
    found = parent.find(_qn(tag))
    if found is not None:
        return found
    later = _later(_prefixed(parent), tag)
    el = OxmlElement(tag)
    successor = next((c for c in parent if c.tag in later), None)
    # python-docx's insert_element_before, for elements python-docx has no class for
    (successor.addprevious if successor is not None else parent.append)(el)
    return el


def set_fonts(rpr: Any, font: str) -> None:
    """All four slots: Word draws Thai with w:cs, Latin with w:ascii/w:hAnsi."""
    fonts = get_or_add(rpr, "w:rFonts")
    for slot in W_FONT_SLOTS:
        fonts.set(_qn(slot), font)
    for theme in THEME_SLOTS:  # a theme font wins over a named one
        fonts.attrib.pop(_qn(theme), None)


def set_size(rpr: Any, half_points: str) -> None:
    """w:sz and w:szCs: without szCs Word sizes Thai text by its default."""
    get_or_add(rpr, "w:sz").set(_qn("w:val"), half_points)
    get_or_add(rpr, "w:szCs").set(_qn("w:val"), half_points)


def set_lang(rpr: Any, lang: str = "th-TH") -> None:
    el = get_or_add(rpr, "w:lang")
    el.set(_qn("w:val"), lang)
    el.set(_qn("w:bidi"), lang)


def set_table_width(tblpr: Any, twips: int) -> None:
    tw = get_or_add(tblpr, "w:tblW")
    tw.set(qn("w:w"), str(twips))
    tw.set(qn("w:type"), "dxa")


def set_cell_margins(tblpr: Any, left_right_twips: int) -> None:
    mar = get_or_add(tblpr, "w:tblCellMar")
    for side in ("w:left", "w:right"):
        el = get_or_add(mar, side)
        el.set(qn("w:w"), str(left_right_twips))
        el.set(qn("w:type"), "dxa")


def shade(tcpr: Any, fill: str) -> None:
    shd = get_or_add(tcpr, "w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)


def span_columns(tcpr: Any, count: str) -> None:
    """A cell spanning `count` grid columns; `count` may be a Jinja expression (a template's
    cell spanning a column per tool), filled when the document is rendered."""
    get_or_add(tcpr, "w:gridSpan").set(qn("w:val"), count)


def cell_width(tcpr: Any, twips: str) -> None:
    """A cell's width in twips; `twips` may be a Jinja expression."""
    get_or_add(tcpr, "w:tcW").set(qn("w:w"), twips)


def loop_columns(tbl: Any, first: int, loop: str, twips: str) -> None:
    """The grid's columns from `first` on become one per item of the Jinja `loop` ("for c in
    xs"), each `twips` wide (an expression), for cells repeated by {%tc for %}: the grid then
    matches the rows, whatever their number. Call once every row is written."""
    grid = tbl.tblGrid
    cols = grid.findall(qn("w:gridCol"))
    for extra in cols[first + 1:]:
        grid.remove(extra)
    cols[first].set(qn("w:w"), twips)
    cols[first - 1].tail = (cols[first - 1].tail or "") + f"{{% {loop} %}}"
    cols[first].tail = "{% endfor %}" + (cols[first].tail or "")


def repeat_header(trpr: Any) -> None:
    """Mark a table row to repeat at the top of every page (Word: leading rows only).
    No w:val: "true" is ISO 29500's spelling but not every validator's; absent means on."""
    get_or_add(trpr, "w:tblHeader")


def update_fields_on_open(settings: Any) -> None:
    """w:updateFields: Word offers to update the contents' page numbers on opening."""
    get_or_add(settings, "w:updateFields").set(qn("w:val"), "true")


def story_parts(doc: Any) -> Iterator[tuple[str, Any]]:
    """(name, root element) of the body and of every header and footer part that will be saved.

    docxtpl swaps rendered headers and footers in as new parts behind python-docx's back,
    so they are found through the relationships, not through sections."""
    yield "body", doc.element.body
    for rel in doc.part.rels.values():
        if rel.reltype.endswith(("/header", "/footer")) and not rel.is_external:
            yield rel.target_ref, rel.target_part._element


def add_field(paragraph: Any, instr: str, cached: str = "") -> None:
    """A complex field (begin / instrText / separate / cached result / end)."""
    def fld(kind: str) -> None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            el.set(qn("w:dirty"), "true")
        paragraph.add_run()._r.append(el)
    fld("begin")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    paragraph.add_run()._r.append(it)
    fld("separate")
    paragraph.add_run(cached)
    fld("end")


def set_grid(tbl: Any, twips: list[int], total: int) -> None:
    """The table's column grid and its width: LibreOffice lays a table out by its grid, not its cells."""
    for col, w in zip(tbl.tblGrid.findall(qn("w:gridCol")), twips):
        col.set(qn("w:w"), str(w))
    set_table_width(tbl.tblPr, total)


def cant_split(tr: Any) -> None:
    """The row is never split across pages (unless it is longer than a page)."""
    get_or_add(tr.get_or_add_trPr(), "w:cantSplit")


def empty_body(body: Any) -> None:
    """The reference's body emptied for the writer; its last section's properties (page size,
    margins, headers and footers) stay."""
    for el in list(body):
        if el.tag != qn("w:sectPr"):
            body.remove(el)
