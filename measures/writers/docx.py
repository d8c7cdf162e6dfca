"""The .docx writer: the document model walked into a copy of the reference document.

The reference (templates/reference.docx, or the project's own) owns the look: styles, page
size and margins, headers and footers; this writer gives each node a style of it. Texts go in
as data (python-docx escapes them; a `{{` typed in content is printed as it is).
"""
from __future__ import annotations

import io
from dataclasses import replace
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.shared import Cm
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from ..document import nodes as n
from ..ooxml import add_field, cant_split, repeat_header, set_cell_margins, set_grid, shade
from . import fit
from .memo import Memo, keepable

SECT_PR = qn("w:sectPr")
TOC_MARKER = "@@TOC@@"  # the contents field's placeholder; finish.fill_toc writes the entries
TWIPS_PER_CM = 567
HEAD_FILL = "D9E2F3"
SUB_INDENT_CM = 0.5  # a sub row's name, under the row it belongs to

ROLE_STYLE = {"body": "Body Text Thai", "plain": "Body Plain", "centered": "Centered", "caption": "Caption Thai",
              "signature": "Signature", "list": "List Body", "sub_heading": "Sub Heading"}
# In a table cell: the same roles in the table's styles.
CELL_STYLE = {"body": "Table Text", "plain": "Table Text", "centered": "Table Center", "caption": "Table Text",
              "signature": "Table Text", "list": "Table Text", "sub_heading": "Measure Title"}


class DocxWriter:
    """Writes a model into `doc` (the reference with its body emptied), node by node."""

    def __init__(self, doc: DocxDocument, thai_digits: bool = False, memo: Memo | None = None,
                 style_ids: dict[str, str | None] | None = None):
        self.doc = doc
        self.memo = memo  # blocks an earlier build wrote, put back finished
        self._keepable: set[int] = set()
        self._landscape = 0  # landscape breaks so far: a table's room depends on its page
        # Style names to ids: shared by the writers of one reference (`style_ids`).
        self._ids: dict[str, str | None] = {} if style_ids is None else style_ids
        self._defaults: dict[Any, Any] = {}  # each style type's default style
        # The document prints Thai digits (finish.py turns them so after writing): wider than
        # Arabic ones, and a table's widths are made for the digits it prints.
        self.thai_digits = thai_digits
        self._widths: dict[int, list[float]] = {}  # a fitted table's widths, by id(): its shape's

    # ------------------------------------------------------------------ paragraphs

    def style(self, para: Paragraph, name: str) -> None:
        """python-docx looks a style name up on every call, a tenth of a second a document; once is enough."""
        if name not in self._ids:
            style = self.doc.styles[name]
            if style.type not in self._defaults:  # a search of every style: once per type
                self._defaults[style.type] = self.doc.styles.default(style.type)
            self._ids[name] = None if style == self._defaults[style.type] else style.style_id
        para._p.style = self._ids[name]

    def p(self, text: str = "", style: str = "Body Text Thai", keep: bool = False,
          into: _Cell | None = None, first: bool = False) -> Paragraph:
        """A paragraph at the end of the body, or of the cell `into` (`first`: the cell's own)."""
        if into is None:
            para = self.doc.add_paragraph()
        else:
            para = into.paragraphs[0] if first else into.add_paragraph()
        self.style(para, style)
        if text:
            para.add_run(text)  # python-docx makes "\t" a w:tab
        if keep:
            para.paragraph_format.keep_with_next = True
        return para

    # ------------------------------------------------------------------ the walk

    def write(self, doc: n.Document) -> None:
        shapes: dict[tuple[tuple[str, float, bool], ...], list[n.Table]] = {}
        for b in n.walk(doc.body):  # tables of one shape (a group's activities each) get one set of widths
            if isinstance(b, n.Table) and fit.fitted(b):
                shapes.setdefault(fit.shape(b), []).append(b)
        for tables in shapes.values():
            widths = fit.widths(tables, self.thai_digits)
            self._widths.update((id(t), widths) for t in tables)
        if doc.preface_alone:
            self.doc.sections[0].different_first_page_header_footer = False  # numbered from its first page
        if doc.cover is not None:
            self.cover(doc.cover)
        if self.memo is not None:
            self._keepable = keepable(doc.body)
        self.blocks(doc.body)

    def blocks(self, blocks: tuple[n.Block, ...]) -> None:
        for b in blocks:
            if self.memo is not None and id(b) in self._keepable:
                self.kept(b, self.memo)
            else:
                getattr(self, f"visit_{type(b).__name__.lower()}")(b)

    def kept(self, b: n.Block, memo: Memo) -> None:
        """The block put back as an earlier build wrote it, else written and kept."""
        widths = [self._widths.get(id(t)) for t in n.walk((b,)) if isinstance(t, n.Table)]
        k = memo.key(b, f"{self._landscape} {widths}")
        body = self.doc.element.body
        if memo.put_back(k, body):
            return
        before = len(body)
        memo.begin()
        getattr(self, f"visit_{type(b).__name__.lower()}")(b)
        ends = 1 if len(body) and body[-1].tag == SECT_PR else 0  # the last section's properties stay last
        memo.wrote(k, list(body)[before - ends:len(body) - ends])

    def cover(self, c: n.Cover) -> None:
        for line in c.motto:
            self.p(line, "Cover Text")
        for _ in range(c.space_above):
            self.p("", "Centered")
        for line in c.title:
            self.p(line, "Cover Title")
        if c.subtitle:
            self.p(c.subtitle, "Cover Text")
        for _ in range(c.space_below):
            self.p("", "Centered")
        for line in (c.office, *c.parents):
            self.p(line, "Cover Text")

    def visit_section(self, s: n.Section) -> None:
        if s.title:
            self.p(s.title, "Page Title")
        self.blocks(s.children)

    def visit_heading(self, h: n.Heading) -> None:
        if not h.contents:  # a sub-heading, not in the contents
            self.p(h.text, "Sub Heading")
            return
        heading = self.doc.add_heading(h.text, h.level)
        if h.new_page:
            heading.paragraph_format.page_break_before = True

    def visit_text(self, t: n.Text) -> None:
        self.p(t.text, ROLE_STYLE[t.role], t.keep)

    def visit_bullets(self, b: n.Bullets, into: _Cell | None = None, first: bool = False) -> None:
        for k, entry in enumerate(b.items):
            self.p(f"-\t{entry}", "Bullet", b.keep and k + 1 < len(b.items), into, first and k == 0)

    def visit_numbered(self, lst: n.Numbered, into: _Cell | None = None, first: bool = False) -> None:
        for k, item in enumerate(lst.items):
            if lst.guideline:
                style = "Item Plain" if item.depth == 0 else f"Item {min(item.depth, 4)}"
                text = item.text if item.depth == 0 else f"{item.number}\t{item.text}"
            else:
                style, text = "List Body", f"{item.number}\t{item.text}"
            last = k + 1 == len(lst.items)
            self.p(text, style, (lst.keep or bool(item.children)) and not (last and not item.children),
                   into, first and k == 0)
            for child in item.children:
                self.p(f"{child.number}\t{child.text}", "Item 3", into=into)

    def visit_spacer(self, s: n.Spacer) -> None:
        self.p("")

    def visit_landscape(self, s: n.Landscape) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        if section.page_width < section.page_height:
            section.page_width, section.page_height = section.page_height, section.page_width
        section.different_first_page_header_footer = False  # its first page is numbered too
        self._landscape += 1

    def visit_crosslinks(self, c: n.CrossLinks) -> None:
        """Links between the site's pages: not on paper."""

    def visit_contents(self, c: n.Contents) -> None:
        """A real TOC field; finish fills its entries from the headings, Word its page numbers."""
        self.p(c.title, "Page Title")
        self.p(c.page_label, "Body Plain").paragraph_format.alignment = 2
        add_field(self.p("", "TOC 1"), 'TOC \\o "1-3" \\h \\z \\u', TOC_MARKER)

    def visit_figure(self, f: n.Figure) -> None:
        para = self.p("", "Centered", keep=True)
        para.add_run().add_picture(io.BytesIO(f.png), width=Cm(f.width_cm))
        self.p(f.caption, "Caption Thai")

    # ------------------------------------------------------------------ tables

    def _table(self, widths: list[float], rows: int = 0) -> DocxTable:
        t: DocxTable = self.doc.add_table(rows=rows, cols=len(widths))
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        set_grid(t._tbl, [int(w * TWIPS_PER_CM) for w in widths], int(sum(widths) * TWIPS_PER_CM))
        return t

    def visit_table(self, table: n.Table) -> None:
        """A table; one laid out here (fit.fitted: the report's) gets widths that fit its figures
        and header words, its headers (and, in a table of whole rows, a cell's short phrase) broken
        between words by explicit line breaks (LibreOffice's dictionary cuts compounds:
        ยังไม่ดำเนิน|การ), and each row kept on one page unless it is taller than a page's body
        less the repeated header."""
        fitted = fit.fitted(table)
        widths = self._widths.get(id(table)) or fit.widths([table], self.thai_digits)
        t = self._table(widths, 1)
        t.style = self.doc.styles["Table Grid"]
        set_cell_margins(t._tbl.tblPr, 57)  # 0.1 cm: Thai text needs the width more than the air
        for cell, col, width in zip(t.rows[0].cells, table.columns, widths):
            cell.width = Cm(width)
            # python-docx writes each "\n" as a w:br: the lines as chosen, no more breaks to find.
            self.p("\n".join(fit.header_lines(col.header, width)) if fitted else col.header, "Table Head",
                   into=cell, first=True)
            shade(cell._tc.get_or_add_tcPr(), HEAD_FILL)
        repeat_header(t.rows[0]._tr.get_or_add_trPr())
        room = self._body_cm() - fit.header_cm(table, widths) if table.whole else 0.0
        # A row is a block of its own for the memo: an edit to one measure rewrites its rows only.
        where = f"{self._landscape} {widths} {room} {replace(table, rows=())!r}" if self.memo is not None else ""
        for row in table.rows:
            if self.memo is not None:
                k = self.memo.key(row, where)
                if not self.memo.put_back(k, t._tbl):
                    self.memo.begin()
                    self.memo.wrote(k, [self.row(t, table, row, widths, room)])
            else:
                self.row(t, table, row, widths, room)

    def row(self, t: DocxTable, table: n.Table, row: n.Row, widths: list[float], room: float) -> Any:
        """A row of `table` added to `t`; its w:tr."""
        r = t.add_row()
        if table.whole and fit.keep_whole(row, widths, room, self.thai_digits):
            cant_split(r._tr)
        spans = row.spans or (1,) * len(row.cells)
        start = 0
        cells = r.cells  # python-docx builds a row's cells from the whole table on every call
        for value, span in zip(row.cells, spans):
            cell = cells[start]
            if span > 1:  # the cells after the span keep their elements: `cells` stays good
                cell = cell.merge(cells[start + span - 1])
            col = table.columns[start]
            # The grid's whole twips, as the cells of the rows below the header always had.
            cell.width = Cm(sum(int(w * TWIPS_PER_CM) for w in widths[start:start + span]) / TWIPS_PER_CM)
            keep = table.keep and row.kind != "total"
            shown = value
            if table.whole and isinstance(value, str) and span == 1 and not col.figure:
                shown = fit.phrase(value, widths[start], self.thai_digits)  # a status: ยังไม่|ดำเนินการ
            self.cell(cell, shown, "Table Head" if row.kind == "total" else
                      ("Table Center" if col.align == "center" else "Table Text"), keep)
            if col.align == "right":  # figures line up on their last digit
                for para in cell.paragraphs:
                    para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if row.kind == "sub" and col.key == "name":  # a part under its whole (a project under its strategy)
                for para in cell.paragraphs:
                    para.paragraph_format.left_indent = Cm(SUB_INDENT_CM)
            start += span
        return r._tr

    def _body_cm(self) -> float:
        """The height of the current section's body (cm): its page less the top and bottom margins."""
        s = self.doc.sections[-1]
        return float((s.page_height or 0) - (s.top_margin or 0) - (s.bottom_margin or 0)) / Cm(1)

    def cell(self, cell: _Cell, value: n.Cell, style: str, keep: bool) -> None:
        parts = value if isinstance(value, tuple) else (value,)
        first = True
        for part in parts:
            if isinstance(part, n.Bullets):
                self.visit_bullets(part, cell, first)
            elif isinstance(part, n.Numbered):
                self.visit_numbered(part, cell, first)
            else:
                text, own = _cell_text(part, style)
                self.p(text, own, keep, cell, first)
            first = False
        if keep:
            for para in cell.paragraphs:
                para.paragraph_format.keep_with_next = True

    def visit_signatures(self, s: n.Signatures) -> None:
        """The date, then who signs (a line to sign on, name, position, caption), kept on one page:
        one signs centred; several side by side, two to a row, as Thai official documents do. The
        paragraph before them goes along to a new page: signatures never stand alone on one."""
        if s.signatories:
            body = self.doc.element.body
            last = body[-2] if len(body) > 1 else None  # body[-1]: the section's properties
            if isinstance(last, CT_P):
                Paragraph(last, self.doc._body).paragraph_format.keep_with_next = True
                if self.memo is not None:
                    self.memo.touch(last)  # its block is no longer what it was written as
        self.p("", keep=bool(s.signatories))
        if s.date_line:
            self.p(s.date_line, "Signature", keep=True)
        if len(s.signatories) > 1:
            t = self._table([8.0, 8.0])
            for pair in (s.signatories[k:k + 2] for k in range(0, len(s.signatories), 2)):
                r = t.add_row()
                cant_split(r._tr)
                for cell, signer in zip(r.cells, pair):
                    lines = ["", f"({signer.name})", signer.position] + ([signer.caption] if signer.caption else [])
                    for k, line in enumerate(lines):
                        self.p(line, "Signature", into=cell, first=k == 0)
        elif s.signatories:
            one = s.signatories[0]
            self.p("", "Signature", keep=True)
            self.p(f"({one.name})", "Signature", keep=True)
            self.p(one.position, "Signature", keep=True)
            if one.caption:
                self.p(one.caption, "Signature")
        else:
            self.p(s.office, "Signature")


def _cell_text(part: Any, style: str) -> tuple[str, str]:
    """A cell part's text and style (the row's style unless the part has a role of its own)."""
    if isinstance(part, n.Text):
        return part.text, (CELL_STYLE[part.role] if part.role != "body" else style)
    if isinstance(part, n.Link):
        return part.text, style
    if isinstance(part, n.Mark):
        return part.mark, style
    return str(part), style
