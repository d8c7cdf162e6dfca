"""An office's own section body, laid out with the template's styles: paragraphs, lists
and tables whose columns the office chooses (which a Jinja template cannot lay out)."""
from __future__ import annotations

from ..schema.publication import Block
from .writer import Writer

TEXT_WIDTH_CM = 16.0   # A4 less the reference's 3 cm and 2 cm margins
MIN_COLUMN_CM = 2.5


def write_blocks(w: Writer, blocks: list[Block]) -> None:
    """The blocks, in the styles of the document `w` writes into."""
    for n, b in enumerate(blocks):
        if b.text:  # a lead-in stays with the table or list it introduces
            w.p(b.text, keep=n + 1 < len(blocks) and not blocks[n + 1].text)
        elif b.list:  # a short list is not split across pages
            for k, entry in enumerate(b.list):
                w.p(f"-\t{entry}", "Bullet", keep=k + 1 < len(b.list))
        elif b.table is not None:
            widths = column_widths([b.table.columns, *b.table.rows])
            t = w.table(widths, list(b.table.columns))
            for row in b.table.rows:
                w.row(t, [[("Table Text", cell)] for cell in row])
            w.p("")


def column_widths(rows: list[list[str]]) -> list[float]:
    """Widths in cm shared out by how much text each column holds, none narrower than a word."""
    weights = [max(sum(len(row[c]) for row in rows), 1) for c in range(len(rows[0]))]
    spare = TEXT_WIDTH_CM - MIN_COLUMN_CM * len(weights)
    return [round(MIN_COLUMN_CM + spare * w / sum(weights), 2) for w in weights]
