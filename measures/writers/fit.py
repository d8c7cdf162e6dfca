"""Column widths that fit what a table holds on paper: a figure never wraps ("80,000.0" over
"0") and a header breaks only between words ("งบ/ประมา/ณ" is what a too-narrow column gives).

Widths are estimated from TH SarabunPSK's advances at the table's 16 pt (measured on Laksaman,
its metric twin, at the PSK size: a Thai letter 0.22 cm, a digit 0.205 cm, bold 4 % wider);
Word and LibreOffice break a line where the next glyph would pass the cell's edge, so the
estimate errs wide.
"""
from __future__ import annotations

import re

from ..document import nodes as n

PAD_CM = 0.2 + 0.15        # the cell's margins (0.1 cm each side) and room for the estimate's error
BOLD = 1.05                # a header's and a total's bold face is wider
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")  # above or below a letter: no width of their own
_CM = {"digit": 0.21, "narrow": 0.11, "space": 0.12, "other": 0.23}


def text_cm(text: str, bold: bool = False) -> float:
    """How wide `text` is on one line, in cm."""
    width = 0.0
    for ch in _MARKS.sub("", text):
        kind = ("digit" if ch.isdigit() else "narrow" if ch in ",.:;()'-/" else
                "space" if ch.isspace() else "other")
        width += _CM[kind]
    return width * (BOLD if bold else 1.0)


def longest_word_cm(text: str, bold: bool = False) -> float:
    from ..typography import words  # pythainlp's dictionary: only for a table with figures
    return max((text_cm(w, bold) for w in words(text) if w.strip()), default=0.0)


def _figure_texts(table: n.Table, col: int) -> list[tuple[str, bool]]:
    out = []
    for row in table.rows:
        at = 0
        for value, span in zip(row.cells, row.spans or (1,) * len(row.cells)):
            if at == col and span == 1 and isinstance(value, str):
                out.append((value, row.kind == "total"))
            at += span
    return out


def widths(table: n.Table) -> list[float]:
    """The table's widths (cm), its total kept: a column whose widest figure or longest header
    word does not fit is widened, the width taken from the columns with room to spare."""
    given = [c.width for c in table.columns]
    if not any(c.figure for c in table.columns):
        return given  # a table of prose: the widths the document gives
    need = []
    for k, c in enumerate(table.columns):
        wanted = longest_word_cm(c.header, bold=True)
        if c.figure:
            wanted = max([wanted] + [text_cm(t, bold) for t, bold in _figure_texts(table, k)])
        need.append(wanted + PAD_CM)
    short = sum(max(0.0, nd - w) for nd, w in zip(need, given))
    # Room is taken from every column wider than it needs: a figure column down to its widest
    # figure, a text column (which wraps) in proportion to what it has over its longest header word.
    spare = {k: w - nd for k, (nd, w) in enumerate(zip(need, given)) if w > nd}
    room = sum(spare.values())
    if short == 0 or room <= 0:
        return given
    take = min(short, room)
    out = []
    for k, (nd, w) in enumerate(zip(need, given)):
        if nd > w:
            out.append(w + (nd - w) * take / short)
        elif k in spare:
            out.append(w - spare[k] * take / room)
        else:
            out.append(w)
    return [round(w, 2) for w in out]


# A row kept whole (never split across pages) when it is at most this many lines: a taller row
# kept whole would leave most of a landscape page empty before it (its body holds about 20).
WHOLE_LINES = 8


def _texts(value: object) -> list[str]:
    """A cell's paragraphs as plain text, as a writer prints them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):
        return [t for part in value for t in _texts(part)]
    if isinstance(value, n.Bullets):
        return [f"- {x}" for x in value.items]
    if isinstance(value, n.Numbered):
        return [f"{i.number} {i.text}" for i in value.items]
    for attr in ("text", "mark"):
        if isinstance(getattr(value, attr, None), str):
            return [getattr(value, attr)]
    return []


def row_lines(row: n.Row, widths: list[float]) -> int:
    """How many lines the row's tallest cell takes (an estimate, erring tall: every paragraph
    wraps at the cell's width less its margins)."""
    tallest, at = 0, 0
    for value, span in zip(row.cells, row.spans or (1,) * len(row.cells)):
        room = max(sum(widths[at:at + span]) - PAD_CM, 0.5)
        tallest = max(tallest, sum(max(1, -(-int(text_cm(t) * 100) // int(room * 100))) for t in _texts(value)))
        at += span
    return tallest
