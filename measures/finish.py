"""Phase 7, finish: the rendered document brought to what Word and the office expect.

A list of finishers, each small and run in order on the rendered python-docx document:
the contents filled from the real headings, every run given all four font slots and
w:szCs, Thai digits where the office asks for them, the office's margins, and Word
asked to update fields (page numbers) on opening. The XML each works on is measures/ooxml/'s.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Cm

from .ooxml import story_parts, update_fields_on_open
from .ooxml.finishing import (
    drop_styles_with_effects,
    finish_run,
    page_number_format,
    runs,
    set_font_in_styles,
    style_lookup,
    texts,
)
from .ooxml.finishing import fill_toc as fill_toc_field
from .ooxml.read import headings
from .schema import Style
from .thai import thai_digits
from .writers.docx import TOC_MARKER

_TBL = qn("w:tbl")
Finisher = Callable[[DocxDocument, Style, Collection[Any]], None]


def finish(doc: DocxDocument, style: Style, settled: Collection[Any] = ()) -> None:
    """`settled`: elements of the body finished already (put back by writers/memo.py): the
    passes over runs and texts leave them alone (they would change nothing in them)."""
    for step in FINISHERS:
        step(doc, style, settled)


def _unsettled(doc: DocxDocument, settled: Collection[Any]) -> Iterator[Any]:
    """The roots to finish: the body's elements not settled (a table's rows, each), each
    header and footer."""
    for name, part in story_parts(doc):
        if name != "body" or not settled:
            yield part
            continue
        for el in part:
            if el in settled:
                continue
            if el.tag == _TBL and any(child in settled for child in el):
                yield from (child for child in el if child not in settled)
            else:
                yield el


def fill_toc(doc: DocxDocument, style: Style, settled: Collection[Any]) -> None:
    """The TOC field's cached result replaced by the real headings.

    Word and LibreOffice show the cached result until fields are updated, so the
    entries are right on opening; page numbers are filled in by the update
    (Word asks on opening; `make pdf` updates them in LibreOffice)."""
    fill_toc_field(doc.element.body, TOC_MARKER, headings(doc))


def ask_to_update_fields(doc: DocxDocument, style: Style, settled: Collection[Any]) -> None:
    update_fields_on_open(doc.settings.element)


def finish_runs(doc: DocxDocument, style: Style, settled: Collection[Any]) -> None:
    """Every run: all four font slots, w:sz and w:szCs, Thai language.

    Values come from the run's paragraph style (so restyling the template works);
    the office's font, if it chose one, replaces the template's font everywhere.
    The reference's own runs are finished already, and a written run keeps its
    properties: only runs lacking something are looked at, unless a font is chosen."""
    lookup = style_lookup(doc.styles.element)
    if style.font:
        set_font_in_styles(doc.styles.element, style.font)
    for part in _unsettled(doc, settled):
        for r in runs(part, every=bool(style.font)):
            finish_run(r, lookup, style.font)


def to_thai_digits(doc: DocxDocument, style: Style, settled: Collection[Any]) -> None:
    if style.digits != "thai":
        return
    for part in _unsettled(doc, settled):
        for t in texts(part):
            if t.text:
                t.text = thai_digits(t.text)
    # Page numbers (the PAGE field and the contents' numbers) take the section's format in
    # Word. (PAGE \* ThaiArabic is not used: LibreOffice reads it as Thai letters.)
    page_number_format(doc.element.body, "thaiNumbers")


def styles_in_one_place(doc: DocxDocument, style: Style, settled: Collection[Any]) -> None:
    drop_styles_with_effects(doc.part)


def office_margins(doc: DocxDocument, style: Style, settled: Collection[Any]) -> None:
    if style.margins is None:
        return
    for section in doc.sections:
        for side, cm in style.margins.model_dump().items():
            setattr(section, f"{side}_margin", Cm(float(cm)))


FINISHERS: list[Finisher] = [fill_toc, finish_runs, to_thai_digits, office_margins, ask_to_update_fields,
                             styles_in_one_place]
