"""Tables that fit what they hold on paper: a figure never wraps ("80,000.0" over "0"), a
header breaks only between words ("งบ/ประมา/ณ", "ยังไม่ดำเนิน/การ" is what LibreOffice's
dictionary gives in a narrow column), and a row is split across pages only when it is taller
than a page.

Widths are TH SarabunPSK's advances at the tables' 16 pt, measured on Laksaman (its metric
twin, which the PDF conversion draws at the PSK size) with fontTools: a Thai digit 0.254 cm
(bold 0.258), an Arabic one 0.205 (0.214), a comma 0.091 (0.097), a Thai letter about 0.22,
a space 0.122. A document with Thai digits is measured with them (finish.py turns the digits
Thai after the tables are written). Word and LibreOffice break a line where the next glyph
would pass the cell's edge, so every estimate keeps PAD_CM in hand.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..document import nodes as n

PAD_CM = 0.2 + 0.15  # the cell's margins (0.1 cm each side) and room for the estimate's error
LINE_CM = 18.3 / 72 * 2.54  # a line of the table's text (16 pt, single): 18.3 pt as LibreOffice sets it
BULLET_CM = 0.35  # a bullet's hanging indent in a cell ("Bullet")
_CM_PER_UNIT = 16 / 1.5 / 72 * 2.54 / 1000  # a font unit (1/1000 em) of Laksaman drawn at the PSK size

# Advances in font units of Laksaman Regular and Bold: space to "~", then U+0E01 (ก) to U+0E5B
# (-1: no glyph). Marks above and below a letter are 0; anything else counts as WIDE.
_ASCII = {
    False: "324 221 312 606 543 879 636 180 285 285 428 618 243 324 243 406 544 544 544 544 544 544 544 544 "
           "544 544 243 243 618 618 618 425 806 601 568 610 648 527 527 639 663 221 397 565 530 824 663 731 "
           "568 732 570 529 570 700 586 884 628 550 637 294 394 294 619 529 306 517 603 497 603 562 309 467 "
           "586 215 233 475 300 904 586 598 603 603 326 424 357 586 512 762 478 506 482 312 230 312 625",
    True: "339 252 437 694 552 1034 731 254 367 367 515 627 258 339 258 415 568 568 568 568 568 568 568 568 "
          "568 568 258 258 627 627 627 434 860 678 595 649 690 538 538 682 709 245 424 618 540 863 709 779 "
          "586 779 594 549 633 725 634 920 640 595 678 351 403 351 628 565 315 552 654 521 654 588 382 499 "
          "636 245 257 511 320 956 636 619 648 648 370 445 388 628 538 722 524 543 538 383 266 383 634"}
_THAI = {
    False: "580 568 574 591 591 613 442 552 567 568 574 780 780 639 639 515 693 800 816 588 588 568 646 503 "
           "631 643 643 573 573 672 672 639 601 564 484 568 573 639 503 591 658 573 642 682 582 559 588 536 "
           "0 475 475 0 0 0 0 0 0 0 -1 -1 -1 -1 618 305 567 356 364 367 308 600 0 0 0 0 0 0 0 0 676 675 675 "
           "675 675 675 675 675 675 675 675 785 1048",
    True: "588 624 648 606 606 681 478 586 609 624 648 849 849 639 639 559 740 828 866 609 609 588 658 538 "
          "651 669 669 622 622 725 725 639 627 580 494 588 600 639 570 606 693 600 658 703 592 579 571 511 "
          "0 505 505 0 0 0 0 0 0 0 -1 -1 -1 -1 585 312 594 379 404 379 314 657 0 0 0 0 0 0 0 0 676 685 685 "
          "685 685 685 685 685 685 685 685 789 1048"}
WIDE = 680  # a letter of no table above (a dash, a tick, a quotation mark): about a Thai letter
_ADVANCE = {bold: {**{chr(0x20 + k): int(w) for k, w in enumerate(_ASCII[bold].split())},
                   **{chr(0xE01 + k): int(w) for k, w in enumerate(_THAI[bold].split()) if int(w) >= 0}}
            for bold in (False, True)}


def text_cm(text: str, bold: bool = False, thai: bool = False) -> float:
    """How wide `text` is on one line, in cm; `thai`: its digits printed Thai."""
    if thai:
        from ..thai import thai_digits
        text = thai_digits(text)
    advance = _ADVANCE[bold]
    return sum(advance.get(ch, WIDE) for ch in text) * _CM_PER_UNIT


# ------------------------------------------------------------------ where a line may break

_OPENING = "([{\"'“‘"
_CLOSING = ")]}\"'”’/,.:;%!?"


def units(text: str) -> list[str]:
    """`text` as the runs no line may break: its words (PyThaiNLP's, typography.words), an opening
    bracket with the word after it, a closing one or a slash with the word before it; each space
    a unit of its own. A line breaks only between units."""
    from ..typography import words  # pythainlp's dictionary: only for a table laid out here
    out: list[str] = []
    for token in words(text):
        if token.isspace():
            out.append(" ")
        elif out and out[-1] != " " and (token[0] in _CLOSING or out[-1][-1] in _OPENING):
            out[-1] += token
        else:
            out.append(token)
    return out


def longest_word_cm(text: str, bold: bool = False) -> float:
    return max((text_cm(u, bold) for u in units(text) if u != " "), default=0.0)


def _pieces(unit: str, room_cm: float, bold: bool, thai: bool) -> Iterator[str]:
    """A unit wider than the room cut where the word processor cuts it (an address: anywhere)."""
    if text_cm(unit, bold, thai) <= room_cm:
        yield unit
        return
    piece = ""
    for ch in unit:
        if piece and text_cm(piece + ch, bold, thai) > room_cm:
            yield piece
            piece = ""
        piece += ch
    yield piece


def lines(text: str, room_cm: float, bold: bool = False, thai: bool = False, cut: bool = True) -> list[str]:
    """`text` broken into lines no wider than `room_cm`, between words only (a word wider than
    the room is cut, as the word processor would, unless not `cut`: then it stands alone). A
    space where a line breaks stays at the line's end, so the lines joined are `text` again."""
    out: list[str] = []
    line, width, space = "", 0.0, ""
    for u in (p for unit in units(text) for p in
              (_pieces(unit, room_cm, bold, thai) if unit != " " and cut else (unit,))):
        if u == " ":
            space += u
            continue
        w = text_cm(u, bold, thai)
        if line and width + text_cm(space, bold) + w > room_cm:
            out.append(line + space)
            line, width = u, w
        else:
            line, width = line + space + u, width + text_cm(space, bold) + w
        space = ""
    if line or space:
        out.append(line + space)
    return out or [""]


# ------------------------------------------------------------------ column widths

def fitted(table: n.Table) -> bool:
    """A table laid out here (its widths, its headers' lines, its rows kept whole): one with
    figures, or whose rows are kept whole (the report's). Other tables keep the widths the
    document gives and let the word processor break their lines."""
    return table.whole or any(c.figure for c in table.columns)


def shape(table: n.Table) -> tuple[tuple[str, float, bool], ...]:
    """Tables of the same shape (the report's activity tables, one per group) get the same widths."""
    return tuple((c.header, c.width, c.figure) for c in table.columns)


def _column(tables: list[n.Table], col: int) -> list[tuple[n.Row, n.Cell]]:
    """(row, cell) of every row's cell in column `col` that spans it alone."""
    out = []
    for table in tables:
        for row in table.rows:
            at = 0
            for value, span in zip(row.cells, row.spans or (1,) * len(row.cells)):
                if at == col and span == 1:
                    out.append((row, value))
                at += span
    return out


def _one_word(value: n.Cell) -> bool:
    paragraphs = [t for t, _ in _texts(value)]
    return len(paragraphs) <= 1 and all(len(units(t)) <= 1 for t in paragraphs)


STEPS_CM = (0.4, 0.2, 0.1)  # how the width is moved between columns of text, coarse to fine


def widths(tables: list[n.Table], thai: bool = False) -> list[float]:
    """The widths (cm) of tables of one shape, their total kept. A column of figures or of one
    word a cell (a number, a tick) gets what its widest figure or word and its header's longest
    word need; the columns of text share the rest, in the document's proportions, then moved
    between them while that makes the tables shorter (a narrow column of long results made rows
    taller than a page). `thai`: the document prints Thai digits (wider than Arabic ones)."""
    first = tables[0]
    given = [c.width for c in first.columns]
    if not fitted(first):
        return given  # a table of prose: the widths the document gives
    cols = range(len(given))
    cells = [_column(tables, k) for k in cols]
    short = [first.columns[k].figure or all(_one_word(v) for _, v in cells[k]) for k in cols]
    need = []
    for k, c in enumerate(first.columns):
        wanted = longest_word_cm(c.header, bold=True)
        if short[k]:
            wanted = max([wanted] + [text_cm(t, row.kind == "total", thai)
                                     for row, v in cells[k] for t, _ in _texts(v)])
        need.append(wanted + PAD_CM)
    text = [k for k in cols if not short[k]]
    room = sum(given) - sum(need[k] for k in cols if short[k])
    if not text or room < sum(need[k] for k in text):
        return _squeezed(given, need)
    out = list(need)
    share = sum(given[k] for k in text)
    for k in text:
        out[k] = room * given[k] / share
    while any(out[k] < need[k] - 1e-9 for k in text):  # a column below its need takes from the others
        low = [k for k in text if out[k] < need[k]]
        missing = sum(need[k] - out[k] for k in low)
        over = {k: out[k] - need[k] for k in text if out[k] > need[k]}
        for k in low:
            out[k] = need[k]
        for k, extra in over.items():
            out[k] -= missing * extra / sum(over.values())
    out = _balanced(tables, out, need, text, thai)
    rounded = [round(w, 2) for w in out]
    rounded[text[-1]] = round(sum(given) - sum(w for k, w in enumerate(rounded) if k != text[-1]), 2)
    return rounded


def _squeezed(given: list[float], need: list[float]) -> list[float]:
    """No room for every column's need: each column short of it widened as far as the others'
    room over their own need allows."""
    short = sum(max(0.0, nd - w) for nd, w in zip(need, given))
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


def _balanced(tables: list[n.Table], widths: list[float], need: list[float], text: list[int],
              thai: bool) -> list[float]:
    """`widths` with width moved from one column of text to another while the tables' height
    (their rows' lines, and each table's header) goes down."""
    rows = [row for t in tables for row in t.rows]
    seen: dict[tuple[int, float], list[int]] = {}

    def column_lines(k: int, w: float) -> list[int]:
        """Per row, the lines of its cell in column k at width w (a spanning cell: not counted)."""
        key = (k, round(w, 3))
        if key not in seen:
            header = len(header_lines(tables[0].columns[k].header, w)) * len(tables)
            per_row = []
            for row in rows:
                at, got = 0, 0
                for value, span in zip(row.cells, row.spans or (1,) * len(row.cells)):
                    if at == k and span == 1:
                        got = cell_lines(value, w, row.kind == "total", thai)
                    at += span
                per_row.append(got)
            seen[key] = [header, *per_row]
        return seen[key]

    def height(ws: list[float]) -> int:
        per_column = [column_lines(k, ws[k]) for k in text]
        return max(c[0] for c in per_column) + sum(max(c[i] for c in per_column) for i in range(1, len(rows) + 1))

    ws = list(widths)
    best = height(ws)
    for step in STEPS_CM:
        while True:
            moves = []
            for give in text:
                if ws[give] - step < need[give]:
                    continue
                for take in text:
                    if take != give:
                        trial = list(ws)
                        trial[give] -= step
                        trial[take] += step
                        moves.append((height(trial), give, take))
            if not moves or min(moves)[0] >= best:
                break
            best, give, take = min(moves)
            ws[give] -= step
            ws[take] += step
    return ws


PHRASE_LINES = 3  # a cell's text of at most this many lines is a phrase (a status, a period, a target)


def phrase(text: str, width_cm: float, thai: bool = False) -> str:
    """A short text of a cell in the lines it is printed in, broken between words ("\\n" between
    them: the writer makes each a line break), as a header is; a longer one as it is (prose the
    word processor wraps, which an editor may rewrite)."""
    got = lines(text, width_cm - PAD_CM + 0.005, thai=thai, cut=False)
    return "\n".join(got) if 1 < len(got) <= PHRASE_LINES else text


def header_lines(header: str, width_cm: float) -> list[str]:
    """A column's header in the lines it is printed in (bold), broken between words only; each
    line within the column's room (its width less PAD_CM, which the column's width allows for)."""
    return lines(header, width_cm - PAD_CM + 0.005, bold=True, cut=False)


# ------------------------------------------------------------------ rows kept whole

def _texts(value: object) -> Iterator[tuple[str, float]]:
    """A cell's paragraphs as plain text, as a writer prints them, each with its indent (cm)."""
    if isinstance(value, str):
        yield value, 0.0
    elif isinstance(value, tuple):
        for part in value:
            yield from _texts(part)
    elif isinstance(value, n.Bullets):
        yield from ((x, BULLET_CM) for x in value.items)
    elif isinstance(value, n.Numbered):
        yield from ((f"{i.number} {i.text}", 0.6) for i in value.items)
    else:
        for attr in ("text", "mark"):
            if isinstance(getattr(value, attr, None), str):
                yield getattr(value, attr), 0.0
                return


def cell_lines(value: n.Cell, width_cm: float, bold: bool = False, thai: bool = False) -> int:
    """How many lines a cell `width_cm` wide takes: every paragraph broken between words."""
    return sum(len(lines(t, max(width_cm - PAD_CM - indent, 0.5), bold, thai)) for t, indent in _texts(value))


def row_lines(row: n.Row, widths: list[float], thai: bool = False) -> int:
    """How many lines the row's tallest cell takes."""
    tallest, at = 0, 0
    for value, span in zip(row.cells, row.spans or (1,) * len(row.cells)):
        tallest = max(tallest, cell_lines(value, sum(widths[at:at + span]), row.kind == "total", thai))
        at += span
    return tallest


def header_cm(table: n.Table, widths: list[float]) -> float:
    """The height of the table's header row (repeated on every page the table runs onto)."""
    return max(len(header_lines(c.header, w)) for c, w in zip(table.columns, widths)) * LINE_CM


def row_cm(row: n.Row, widths: list[float], thai: bool = False) -> float:
    return row_lines(row, widths, thai) * LINE_CM


def keep_whole(row: n.Row, widths: list[float], room_cm: float, thai: bool = False) -> bool:
    """Whether the row is kept on one page: unless it is taller than `room_cm`, a page's body
    less the table's repeated header (a row kept whole that no page can hold is cut off in Word)."""
    return row_cm(row, widths, thai) <= room_cm
