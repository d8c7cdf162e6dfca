"""Checks on a PDF the project built, returning plain data for tests and reports.

Uses poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm) and Pillow.
Pages are numbered from 1 everywhere, as a reader counts them.
"""
from __future__ import annotations

import html
import re
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CM_PER_INCH = 2.54


def _poppler(*args: str) -> str:
    try:
        res = subprocess.run(list(args), capture_output=True, check=True)
    except FileNotFoundError:
        raise RuntimeError(f"{args[0]} not found: install poppler-utils "
                           "(sudo apt-get install poppler-utils)") from None
    except subprocess.CalledProcessError as e:
        raise RuntimeError(f"{args[0]} failed on {args[-1]}: "
                           f"{e.stderr.decode(errors='replace').strip()}") from None
    return res.stdout.decode("utf-8", errors="replace")


def page_count(pdf: Path) -> int:
    m = re.search(r"^Pages:\s+(\d+)", _poppler("pdfinfo", str(pdf)), re.M)
    if not m:
        raise RuntimeError(f"pdfinfo gave no page count for {pdf}")
    return int(m.group(1))


def fonts(pdf: Path) -> list[dict]:
    """pdffonts as [{'name', 'type', 'embedded'}]; 'name' keeps any subset
    prefix (ABCDEF+Name), 'base' is the name without it."""
    out = []
    for line in _poppler("pdffonts", str(pdf)).splitlines()[2:]:  # skip the header rows
        # Columns: name, type (may contain spaces), encoding, emb, sub, uni, object, id.
        m = re.match(r"^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
        if m:
            name = m.group(1)
            out.append({"name": name, "base": name.split("+", 1)[-1], "type": m.group(2),
                        "embedded": m.group(4) == "yes"})
    return out


def unembedded_fonts(pdf: Path) -> list[dict]:
    return [f for f in fonts(pdf) if not f["embedded"]]


def text(pdf: Path) -> str:
    """All text in reading order (no -layout); pages end with a form feed."""
    return _poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-")


def page_texts(pdf: Path) -> list[str]:
    pages = text(pdf).split("\f")
    return pages[:-1] if pages and pages[-1].strip() == "" else pages  # text after the last \f is empty


def squash(s: str) -> str:
    """A comparison key: no whitespace and no Thai vowel/tone marks above or below.
    pdftotext puts stray spaces inside Thai words ('เปิ ด') and writes stacked
    marks in the order it draws them ('ขั้น' comes out 'ขัน้')."""
    return re.sub(r"[\s\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+", "", s)


def first_page_containing(pdf: Path, needle: str, start: int = 1) -> int | None:
    """First page number >= start whose text contains needle (whitespace ignored)."""
    want = squash(needle)
    for n, page in enumerate(page_texts(pdf), start=1):
        if n >= start and want in squash(page):
            return n
    return None


def render(pdf: Path, dpi: int = 40, out_dir: Path | None = None) -> list[Path]:
    """One PNG per page, in page order.  Without out_dir a new temp directory
    is made; the caller removes it (or passes tmp_path in tests)."""
    out_dir = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="measures-render-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    _poppler("pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_dir / "page"))
    # pdftoppm pads page numbers to the width of the last one: page-01.png..page-12.png.
    return sorted(out_dir.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def ink_box(png: Path, threshold: int = 250,
            crop: tuple[int, int, int, int] | None = None) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) pixel box around everything darker than
    threshold (right/bottom exclusive, as Pillow's getbbox); None if blank.
    crop limits the search to that box; the result is still in page pixels."""
    from PIL import Image

    with Image.open(png) as im:
        gray = im.convert("L")
    if crop:
        gray = gray.crop(crop)
    box: tuple[int, int, int, int] | None = gray.point(lambda v: 255 if v < threshold else 0).getbbox()
    if box and crop:
        box = (box[0] + crop[0], box[1] + crop[1], box[2] + crop[0], box[3] + crop[1])
    return box


def margin_overflow(pdf: Path, right_margin_cm: float, left_margin_cm: float | None = None,
                    page_width_cm: float | None = 21.0, dpi: int = 40, tolerance_px: int = 1) -> list[int]:
    """Pages whose ink runs past the right text edge (page width - right
    margin) or, when left_margin_cm is given, left of the left text edge.
    page_width_cm=None takes each page's own width (landscape sections).
    Word draws a table's borders about 0.19 cm left of the text edge (the
    cell padding), so give the left check a tolerance_px of 0.2 cm or more."""
    px = dpi / CM_PER_INCH
    with tempfile.TemporaryDirectory(prefix="measures-margins-") as tmp:
        bad = []
        for n, png in enumerate(render(pdf, dpi, Path(tmp)), start=1):
            box = ink_box(png)
            if box is None:
                continue
            width_cm = page_width_cm if page_width_cm is not None else _width_px(png) / px
            right_edge = (width_cm - right_margin_cm) * px
            over_right = box[2] > right_edge + tolerance_px
            over_left = left_margin_cm is not None and box[0] < left_margin_cm * px - tolerance_px
            if over_right or over_left:
                bad.append(n)
        return bad


def blank_pages(pdf: Path, top_cm: float = 0.0, bottom_cm: float = 0.0, dpi: int = 20) -> list[int]:
    """Pages without ink.  Ink in the top_cm / bottom_cm bands (a running
    header, a page number) is ignored, so a page that shows only its number
    still counts as blank when those bands are given."""
    from PIL import Image

    px = dpi / CM_PER_INCH
    with tempfile.TemporaryDirectory(prefix="measures-blank-") as tmp:
        blank = []
        for n, png in enumerate(render(pdf, dpi, Path(tmp)), start=1):
            with Image.open(png) as im:
                width, height = im.size
            body = (0, round(top_cm * px), width, height - round(bottom_cm * px))
            if ink_box(png, crop=body) is None:
                blank.append(n)
        return blank


def fill_fractions(pdf: Path, top_cm: float, bottom_cm: float, dpi: int = 20) -> list[float]:
    """Per page, the height of its ink between the margins as a share of that height
    (0 for an empty page, 1 for a page inked from top to bottom margin)."""
    from PIL import Image

    px = dpi / CM_PER_INCH
    with tempfile.TemporaryDirectory(prefix="measures-fill-") as tmp:
        out = []
        for png in render(pdf, dpi, Path(tmp)):
            with Image.open(png) as im:
                width, height = im.size
            body = (0, round(top_cm * px), width, height - round(bottom_cm * px))
            box = ink_box(png, crop=body)
            out.append(0.0 if box is None else (box[3] - box[1]) / (body[3] - body[1]))
        return out


def near_empty_pages(pdf: Path, top_cm: float, bottom_cm: float, below: float = 0.30) -> list[int]:
    """Pages whose content covers less than `below` of the body height: a short table, the
    overflow of a cell or a signature left alone on a page; and pages that hold only a table's
    repeated header and the rest of a row that one page could have held whole (`fragments`)."""
    fills = fill_fractions(pdf, top_cm, bottom_cm)
    alone = {n for n, only in fragments(pdf, top_cm, bottom_cm) if only}
    return [n for n, f in enumerate(fills, start=1) if f < below or n in alone]


def _width_px(png: Path) -> int:
    from PIL import Image

    with Image.open(png) as im:
        width: int = im.size[0]
    return width


def toc_entries(pdf: Path, toc_page: int) -> list[tuple[str, int]]:
    """(title, page) for each 'title ......... N' line on the contents page.

    Only lines with a dot leader count, so a heading such as 'สารบัญ' or a
    year in a title is not taken for an entry; a title wrapped onto two lines
    yields only its last line.  Titles keep pdftotext's spacing: compare them
    with squash()."""
    out = []
    for line in page_texts(pdf)[toc_page - 1].splitlines():
        m = re.match(r"^(?P<title>.*?)\s*(?:\.{3,}|\u2026+)[\s.\u2026]*(?P<page>\d+)\s*$", line.strip())
        if m and m.group("title"):
            out.append((m.group("title"), int(m.group("page"))))
    return out


# --------------------------------------------------------------------------- words where they stand

PT_PER_CM = 72 / CM_PER_INCH


@dataclass(frozen=True)
class Word:
    """A word of the PDF's text and its box, in points from the page's top left."""
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def page_words(pdf: Path, top_cm: float = 0.0, bottom_cm: float = 0.0) -> list[list[Word]]:
    """Per page, its words (pdftotext -bbox), leaving out those whose middle is in the top_cm /
    bottom_cm bands (a running header, the page number)."""
    out = []
    xhtml = _poppler("pdftotext", "-enc", "UTF-8", "-bbox", str(pdf), "-")
    for page in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xhtml, re.S):
        height = float(page[1])
        words = [Word(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page[2])]
        out.append([w for w in words if top_cm * PT_PER_CM <= (w.y0 + w.y1) / 2 <= height - bottom_cm * PT_PER_CM])
    return out


def text_lines(words: list[Word], tolerance: float = 2.0) -> list[list[Word]]:
    """The words of a page in lines across the page (those whose tops are within `tolerance`
    points: the first lines of a table row's cells make one line), top to bottom, left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.y0, w.x0)):
        if lines and w.y0 - lines[-1][0].y0 <= tolerance:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _same(a: list[Word], b: list[Word], dy: float, tolerance: float = 2.0) -> bool:
    return len(a) == len(b) and all(p.text == q.text and abs(p.x0 - q.x0) <= tolerance
                                    and abs(p.y0 - q.y0 - dy) <= tolerance for p, q in zip(a, b))


def repeated_header(page: list[Word], before: list[Word]) -> list[Word]:
    """The words of a table header repeated at the top of `page` from the page `before` (the
    lines from the top that stand on that page too, in the same places relative to each
    other); [] when the page does not start with one."""
    lines, earlier = text_lines(page), text_lines(before)
    if not lines:
        return []
    for k, first in enumerate(earlier):
        if _same(lines[0], first, lines[0][0].y0 - first[0].y0):
            dy = lines[0][0].y0 - first[0].y0
            header = []
            for line, old in zip(lines, earlier[k:]):
                if not _same(line, old, dy):
                    break
                header += line
            return header
    return []


def fragments(pdf: Path, top_cm: float = 0.0, bottom_cm: float = 0.0) -> list[tuple[int, bool]]:
    """(page, alone) for every page whose first row under a table's repeated header goes on from
    the page before although one page could have held that row whole (its two pieces together
    no taller than a page's body less the header): a row split for nothing. Its first cell (a
    row's number or name, printed where the row begins) is empty where its other cells go on.
    `alone`: nothing follows that piece of a row on the page. The header is found by its text
    (repeated_header), the table's lines drawn at 72 dpi (a pixel a point)."""
    pages = page_words(pdf, top_cm, bottom_cm)
    out = []
    with tempfile.TemporaryDirectory(prefix="measures-rows-") as tmp:
        def png(n: int) -> Path:
            _poppler("pdftoppm", "-r", "72", "-gray", "-png", "-f", str(n), "-l", str(n), str(pdf),
                     str(Path(tmp) / f"p{n}"))
            return next(Path(tmp).glob(f"p{n}-*.png"))

        for n in range(1, len(pages)):
            header = repeated_header(pages[n], pages[n - 1])
            if not header:
                continue
            found = _first_row(png(n + 1), min(w.y0 for w in header), max(w.y0 for w in header), top_cm, bottom_cm)
            if found is None:
                continue
            left, right, header_cm, piece, alone, body = found
            before = _rules(png(n), left, right, round(top_cm * PT_PER_CM) - 4, body)
            if len(before) >= 2 and (before[-1] - before[-2]) + piece <= body - round(top_cm * PT_PER_CM) - header_cm:
                out.append((n + 1, alone))
    return out


def _gray(png: Path) -> tuple[Any, int, int]:
    from PIL import Image

    with Image.open(png) as im:
        gray = im.convert("L")
    return gray.load(), gray.size[0], gray.size[1]


def _dark(v: object) -> bool:
    return isinstance(v, int) and v < 140


def _rules(png: Path, left: int, right: int, start: int, end: int) -> list[int]:
    """The y of each line drawn across a table from `left` to `right` (its rows' borders)."""
    px, _, _ = _gray(png)
    return _runs(y for y in range(start, end)
                 if sum(_dark(px[x, y]) for x in range(left, right + 1, 2)) >= 0.45 * (right - left))


def _first_row(png: Path, top: float, last_line: float, top_cm: float,
               bottom_cm: float) -> tuple[int, int, int, int, bool, int] | None:
    """None when the first row under the header (whose lines' tops are `top` .. `last_line`
    points) begins on this page; else the table's left and right edge, the header's height, the
    height of the row's piece here, whether nothing follows it on the page, and where the
    page's body ends (all in points)."""
    px, width, height = _gray(png)
    band = range(round(top) + 2, round(last_line) + 14)  # inside the header row, its lines' height
    # The table's vertical lines cross the whole header row; a letter's stroke never does.
    edges = _runs(x for x in range(width) if sum(_dark(px[x, y]) for y in band) >= 0.9 * len(band))
    if len(edges) < 3:
        return None
    left, right = edges[0], edges[-1]
    body_end = height - round(bottom_cm * PT_PER_CM)
    rules = _rules(png, left, right, round(top_cm * PT_PER_CM) - 4, body_end)  # the header's top line too
    below = [y for y in rules if y >= band.stop]
    if not below or not rules or rules[0] >= band.start:
        return None
    row_top = below[0]  # the header's bottom line; the first row ends at the next line, or the page's end
    row_end = below[1] if len(below) > 1 else body_end
    if ink_box(png, crop=(edges[0] + 3, row_top + 3, edges[1] - 2, row_end - 2)) is not None:
        return None  # the row's first cell has its number or name: the row begins here
    if ink_box(png, crop=(edges[1] + 3, row_top + 3, right - 2, row_end - 2)) is None:
        return None  # an empty row: nothing to say
    alone = ink_box(png, crop=(0, row_end + 3, width, body_end)) is None
    return left, right, row_top - rules[0], row_end - row_top, alone, body_end


def _runs(values: Iterator[int]) -> list[int]:
    """Consecutive integers (a line a few pixels wide) as one: the first of each run."""
    out: list[int] = []
    last = None
    for v in values:
        if last is None or v != last + 1:
            out.append(v)
        last = v
    return out
