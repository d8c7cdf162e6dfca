"""Writing a template's body, with its Jinja tags, into a copy of the reference document.

The reference .docx (templates/reference.docx, or the project's own) owns the look:
styles, page size and margins, headers and footers. The layout modules own the
structure and the fixed wording. Every Jinja tag is written here in one run, so Word
never splits a tag across runs.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from typing import IO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

from ..ooxml import get_or_add, repeat_header, set_cell_margins, set_table_width, shade

Cell = list[tuple[str, str]]  # a table cell: (style, text) paragraphs


class Writer:
    def __init__(self, doc: DocxDocument):
        self.doc = doc
        self._ids: dict[str, str | None] = {}

    def style(self, para: Paragraph, name: str) -> None:
        """Give `para` the paragraph style `name`. python-docx looks a name up (and compares
        it with the default style) on every call, a tenth of a second a document; once is enough."""
        if name not in self._ids:
            style = self.doc.styles[name]
            self._ids[name] = None if style == self.doc.styles.default(style.type) else style.style_id
        para._p.style = self._ids[name]

    def p(self, text: str = "", style: str = "Body Text Thai", bold: bool = False, keep: bool = False) -> Paragraph:
        """A paragraph; `keep`: on the same page as the next one (a lead-in and its table)."""
        para = self.doc.add_paragraph()
        self.style(para, style)
        if text:
            run = para.add_run(text)
            run.bold = bold or None
        if keep:
            para.paragraph_format.keep_with_next = True
        return para

    def tag(self, text: str) -> Paragraph:
        """A paragraph that holds only a {%p … %} tag (docxtpl removes it)."""
        return self.p(text, "Normal")

    def page_break(self) -> None:
        para = self.doc.add_paragraph()
        self.style(para, "Normal")
        para.add_run().add_break(WD_BREAK.PAGE)

    def landscape(self) -> None:
        """What follows on landscape pages (a wide table), page numbers carrying on."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        if section.page_width < section.page_height:
            section.page_width, section.page_height = section.page_height, section.page_width
        section.different_first_page_header_footer = False  # its first page is numbered too

    def h(self, text: str, level: int, new_page: bool = False) -> Paragraph:
        heading: Paragraph = self.doc.add_heading(text, level)
        if new_page:
            heading.paragraph_format.page_break_before = True
        return heading

    def table(self, widths: list[float], header: list[str], repeat: bool = True) -> Table:
        t: Table = self.doc.add_table(rows=1, cols=len(widths))
        t.style = self.doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        # LibreOffice lays a table out by its grid, not the cells: set both.
        grid = t._tbl.tblGrid
        for col, w in zip(grid.findall(qn("w:gridCol")), widths):
            col.set(qn("w:w"), str(int(w * 567)))
        set_table_width(t._tbl.tblPr, int(sum(widths) * 567))
        # Narrow cell margins (0.1 cm): Thai text needs the width more than the air.
        set_cell_margins(t._tbl.tblPr, 57)
        for cell, w, text in zip(t.rows[0].cells, widths, header):
            cell.width = Cm(w)
            self.style(cell.paragraphs[0], "Table Head")
            cell.paragraphs[0].add_run(text)
            shade(cell._tc.get_or_add_tcPr(), "D9E2F3")
        if repeat:
            repeat_header(t.rows[0]._tr.get_or_add_trPr())
        return t

    def plain_table(self, widths: list[float]) -> Table:
        """A table without borders or header, for laying things side by side."""
        t: Table = self.doc.add_table(rows=0, cols=len(widths))
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        for col, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), widths):
            col.set(qn("w:w"), str(int(w * 567)))
        set_table_width(t._tbl.tblPr, int(sum(widths) * 567))
        return t

    def row(self, table: Table, cells: list[Cell], keep: bool = False) -> _Row:
        """A row; each cell is a list of (style, text) paragraphs. `keep`: the row stays on the
        page of the next one (a short table is not split)."""
        r: _Row = table.add_row()
        widths = [int(c.get(qn("w:w")) or 0) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        for cell, paras, w in zip(r.cells, cells, widths):
            cell.width = Cm(w / 567)
            first = True
            for style, text in paras:
                para = cell.paragraphs[0] if first else cell.add_paragraph()
                first = False
                self.style(para, style)
                if text:
                    para.add_run(text)
                if keep:
                    para.paragraph_format.keep_with_next = True
        return r

    def loop_row(self, table: Table, loop: str, cells: list[Cell], keep: bool = False, whole: bool = False) -> None:
        """A row repeated for each item: {%tr for … %} row, the row, {%tr endfor %} row.
        `whole`: a row is never split across pages."""
        blank: list[Cell] = [[] for _ in cells[1:]]
        self.row(table, [[("Normal", f"{{%tr {loop} %}}")]] + blank)
        row = self.row(table, cells, keep)
        if whole:
            row._tr.get_or_add_trPr()
            get_or_add(row._tr.trPr, "w:cantSplit")
        self.row(table, [[("Normal", "{%tr endfor %}")]] + blank)


def bullets(var: str) -> Cell:
    """Cell paragraphs: one '-' bullet per entry of the list `var`."""
    return [("Normal", f"{{%p for x in {var} %}}"), ("Bullet", "-\t{{ x }}"), ("Normal", "{%p endfor %}")]


def item_lines(var: str) -> Cell:
    """Cell paragraphs for numbered guideline lines (number, tab, text)."""
    out: Cell = [("Normal", f"{{%p for l in {var} %}}")]
    for n, style in enumerate(("Item Plain", "Item 1", "Item 2", "Item 3", "Item 4")):
        kw = "if" if n == 0 else "elif"
        out.append(("Normal", f"{{%p {kw} l.style == '{style}' %}}"))
        out.append((style, "{{ l.number }}\t{{ l.text }}" if n else "{{ l.text }}"))
    out += [("Normal", "{%p endif %}"), ("Normal", "{%p endfor %}")]
    return out


def _tabs_to_elements(doc: DocxDocument) -> None:
    """'\\t' typed in a text becomes a real <w:tab/> between the two tag runs."""
    for t in doc.element.body.iter(qn("w:t")):
        if t.text and "\t" in t.text:
            before, after = t.text.split("\t", 1)
            t.text = before
            tab = OxmlElement("w:tab")
            t.addnext(tab)
            t2 = OxmlElement("w:t")
            t2.set(qn("xml:space"), "preserve")
            t2.text = after
            tab.addnext(t2)


def template_bytes(reference: IO[bytes], write: Callable[[Writer], None],
                   prepare: Callable[[DocxDocument], None] = lambda doc: None) -> bytes:
    """The reference document with its body replaced by what `write(Writer)` writes,
    then `prepare`d (what can be done once in the template, not in every document)."""
    doc = Document(reference)
    body = doc.element.body
    for el in list(body):
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    write(Writer(doc))
    _tabs_to_elements(doc)
    prepare(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
