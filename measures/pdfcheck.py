"""Checks on a PDF the project built, returning plain data for tests and reports.

Uses poppler-utils (pdfinfo, pdffonts, pdftotext, pdftoppm) and Pillow.
Pages are numbered from 1 everywhere, as a reader counts them.
"""
from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

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
    overflow of a cell or a signature left alone on a page."""
    return [n for n, f in enumerate(fill_fractions(pdf, top_cm, bottom_cm), start=1) if f < below]


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
