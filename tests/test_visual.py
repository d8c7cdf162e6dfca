"""What a reader sees: the built documents converted by LibreOffice and read with poppler.

Every document the project builds goes through the same checks (`DOCUMENTS`).
Page counts were recorded when the kksec PDFs were looked at page by page.
"""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from measures import pdfcheck
from measures.document import nodes
from measures.load import Content
from measures.pdf import Job, convert, convert_many
from measures.pdfcheck import squash
from measures.pipeline import build
from measures.thai import arabic_digits, thai_digits

from .conftest import PROJECT, replace_text

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice and poppler-utils are not installed")

OFFICE = "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาขอนแก่น"
TITLES = ["มาตรการเผยแพร่ข้อมูลต่อสาธารณะ", "มาตรการให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วม",
          "มาตรการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง", "มาตรการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
          "มาตรการป้องกันการรับสินบน", "มาตรการป้องกันการขัดกันระหว่างผลประโยชน์ส่วนตนกับผลประโยชน์ส่วนรวม",
          "มาตรการตรวจสอบการใช้ดุลพินิจ"]
# (office, kind, digits) -> pages seen when the PDFs were looked at page by page, with room for
# small layout changes. Every example office is here; nan1 writes Thai digits itself. The reports
# list every planned activity in both rounds and keep each row on one page: 16 and 15 pages
# (the year-end round has no "not yet due" column).
PAGES = {("kksec", "measures", "arabic"): range(23, 30), ("kksec", "measures", "thai"): range(23, 30),
         ("kksec", "preface", "arabic"): range(1, 2), ("kksec", "preface", "thai"): range(1, 2),
         ("nan1", "measures", "thai"): range(25, 32), ("nan1", "preface", "thai"): range(1, 2),
         ("kksec", "report-6m", "arabic"): range(13, 18), ("nan1", "report-12m", "thai"): range(14, 20)}
DOCUMENTS = list(PAGES)
YEARS = {"kksec": 2565, "nan1": 2566}
TOP_CM, BOTTOM_CM = 2.5, 2.0


def make_pdf(out: Path, kind: str, digits: str = "arabic", content: Content | None = None,
             change=None) -> Path:
    """Build, optionally `change` the built python-docx document, convert."""
    docx = build("kksec", 2565, kind, out_dir=out, content=content).path
    if change is not None:
        from docx import Document
        doc = Document(str(docx))
        change(doc)
        doc.save(str(docx))
    return convert(docx, docx.with_suffix(".pdf"), thai_digits=digits == "thai")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """Every document built, then converted with one LibreOffice start."""
    jobs = {}
    for office, kind, digits in DOCUMENTS:
        root = tmp_path_factory.mktemp(f"{office}-{kind}-{digits}")
        content = None
        if office == "kksec" and digits == "thai":
            shutil.copytree(PROJECT / "content", root / "content")
            replace_text(root / "content/offices/kksec/office.yaml", "digits: arabic", "digits: thai")
            content = Content(root / "content")
        doc_kind, _, rnd = kind.partition("-")
        built = build(office, YEARS[office], doc_kind, out_dir=root / "out", content=content,  # type: ignore[arg-type]
                      round_kind=rnd or "12m")  # type: ignore[arg-type]
        assert built.thai_digits == (digits == "thai")
        jobs[office, kind, digits] = Job(built.path, built.path.with_suffix(".pdf"), built.thai_digits)
    convert_many(list(jobs.values()))
    return {key: job.pdf for key, job in jobs.items()}


def reading_order(text: str, needles: list[str]) -> list[str]:
    """The needles not found in this order in the text (whitespace ignored)."""
    flat, at, missing = squash(text), 0, []
    for needle in needles:
        found = flat.find(squash(needle), at)
        if found < 0:
            missing.append(needle)
        else:
            at = found
    return missing


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_page_count_in_recorded_range(pdfs, doc):
    assert pdfcheck.page_count(pdfs[doc]) in PAGES[doc]


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_every_font_embedded_and_thai(pdfs, doc):
    fonts = pdfcheck.fonts(pdfs[doc])
    assert fonts and pdfcheck.unembedded_fonts(pdfs[doc]) == []
    # Only the TH SarabunPSK stand-in draws text: a fallback face would show here.
    assert all(re.search("Laksaman|Sarabun", f["name"]) for f in fonts), fonts


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_nothing_past_the_margins_and_no_blank_page(pdfs, doc):
    pdf = pdfs[doc]  # each page's own width: a report's tables are on landscape pages
    assert pdfcheck.margin_overflow(pdf, right_margin_cm=2.0, left_margin_cm=3.0, page_width_cm=None,
                                    tolerance_px=2) == []
    assert pdfcheck.blank_pages(pdf, bottom_cm=2.0) == []


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_no_near_empty_page(pdfs, doc):
    """No page holds only a short table, the overflow of a cell or a signature alone. Cover,
    preface and contents stand on pages of their own by design and are not counted."""
    front = 0 if doc[1] == "preface" else 3
    assert [n for n in pdfcheck.near_empty_pages(pdfs[doc], TOP_CM, BOTTOM_CM) if n > front] == []


def test_measures_text_in_reading_order(pdfs):
    text = pdfcheck.text(pdfs["kksec", "measures", "arabic"])
    expected = [OFFICE, "คำนำ", "สารบัญ", "ส่วนที่ 1 บทนำ", "ส่วนที่ 2 การวิเคราะห์ผลการประเมิน",
                "การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ",
                "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร",
                "การปรับปรุงระบบการทำงาน", "การเปิดเผยข้อมูล", "การป้องกันการทุจริต", "91.50",
                "ส่วนที่ 3"] + [f"{n}) {t}" for n, t in enumerate(TITLES, 1)]
    assert reading_order(text, expected) == [], squash(text)[:3000]


def test_thai_digits_in_the_pdf(pdfs):
    text = pdfcheck.text(pdfs["kksec", "measures", "thai"])
    assert "๙๑.๕๐" in text and "91.50" not in text
    words = {w for w in text.split() if re.search("[0-9]", w)}
    assert all(re.search(r"https?://|@|kksec|O\d", w) for w in words), words
    pages = pdfcheck.page_texts(pdfs["kksec", "measures", "thai"])
    assert pages[8].strip().splitlines()[-1] == "๙"  # the page number of page 9


@pytest.mark.parametrize("digits", ["arabic", "thai"])
def test_contents_page_numbers_are_where_the_parts_start(pdfs, digits):
    pdf = pdfs["kksec", "measures", digits]
    toc_page = pdfcheck.first_page_containing(pdf, "สารบัญ")
    entries = pdfcheck.toc_entries(pdf, toc_page)
    heads = [squash(t) for t in ["ส่วนที่ 1 บทนำ", "ส่วนที่ 2 การวิเคราะห์ผลการประเมิน", "ส่วนที่ 3"]]
    if digits == "thai":
        heads = [thai_digits(h) for h in heads]
    parts = [(t, p) for t, p in entries if any(squash(t).startswith(h) for h in heads)]
    measures = [(t, p) for t, p in entries if any(squash(t).endswith(squash(m)) for m in TITLES)]
    assert len(parts) == 3 and len(measures) == 7, entries
    for title, page in parts:
        assert pdfcheck.first_page_containing(pdf, title, start=toc_page + 1) == page, title
    # A measure's title wraps in its narrow column, and pdftotext interleaves the columns:
    # its row starts where "N. มาตรการ" first stands after the contents.
    for n, (title, page) in enumerate(measures, 1):
        number = thai_digits(str(n)) if digits == "thai" else str(n)
        assert pdfcheck.first_page_containing(pdf, f"{number}. มาตรการ", start=toc_page + 1) == page, title


# --------------------------------------------------------------------------- the checks can fail

def _widen_guideline_column(doc) -> None:
    """The measures table's guideline column from 8.1 cm to 12 cm: grid, cells and table width."""
    from docx.oxml.ns import qn
    table = next(t for t in doc.tables if "แนวทางวิธีปฏิบัติ" in t.rows[0].cells[1].text)
    table._tbl.tblGrid.findall(qn("w:gridCol"))[1].set(qn("w:w"), "6804")
    for tc in table._tbl.iter(qn("w:tc")):
        tcw = tc.tcPr.find(qn("w:tcW")) if tc.tcPr is not None else None
        if tcw is not None and tcw.get(qn("w:w")) in ("4592", "4593"):
            tcw.set(qn("w:w"), "6804")
    table._tbl.tblPr.find(qn("w:tblW")).set(qn("w:w"), str(9072 + 6804 - 4592))


def test_margin_check_catches_a_widened_table(tmp_path):
    pdf = make_pdf(tmp_path / "out", "measures", change=_widen_guideline_column)
    assert pdfcheck.margin_overflow(pdf, right_margin_cm=2.0, left_margin_cm=3.0, tolerance_px=2)


def _drop_bribery(doc) -> None:
    """Every paragraph and table row that names the fifth measure, as a hand edit would lose it."""
    for p in list(doc.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")):
        text = "".join(t.text or "" for t in p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
        if TITLES[4] in text:
            p.getparent().remove(p)


def test_reading_order_check_catches_a_removed_measure(tmp_path):
    pdf = make_pdf(tmp_path / "out", "measures", change=_drop_bribery)
    missing = reading_order(pdfcheck.text(pdf), [f"{n}) {t}" for n, t in enumerate(TITLES, 1)])
    assert missing  # the list no longer reads 1–7 with bribery fifth


def _signature_alone(doc) -> None:
    """A page break before the signature, as a hand edit might leave it."""
    from docx.enum.text import WD_BREAK
    last = [p for p in doc.paragraphs if p.style.name == "Signature"][-1]  # the office signs at the end
    last.insert_paragraph_before().add_run().add_break(WD_BREAK.PAGE)


def test_near_empty_check_catches_a_signature_alone(tmp_path):
    pdf = make_pdf(tmp_path / "out", "measures", change=_signature_alone)
    assert pdfcheck.near_empty_pages(pdf, TOP_CM, BOTTOM_CM) == [pdfcheck.page_count(pdf)]


def test_same_content_same_pdf_text(pdfs, tmp_path):
    again = make_pdf(tmp_path / "again", "measures")
    assert pdfcheck.text(again) == pdfcheck.text(pdfs["kksec", "measures", "arabic"])


# --------------------------------------------------------------------------- the report's tables on paper

REPORT_DOCS = [d for d in DOCUMENTS if d[1].startswith("report")]


def report_tables(office: str, kind: str) -> list[nodes.Table]:
    from measures.pipeline import prepare
    from measures.publications import KINDS
    tree, _ = KINDS["report"].document(prepare(office, YEARS[office]), kind.partition("-")[2])  # type: ignore[arg-type]
    return [b for b in nodes.walk(tree.body) if isinstance(b, nodes.Table)]


def figures_of(table: nodes.Table) -> list[str]:
    cols = [k for k, c in enumerate(table.columns) if c.figure]
    return [v for r in table.rows if not r.spans for k, v in enumerate(r.cells) if k in cols and isinstance(v, str)]


def wrapped_figures(pdf_text: str, figures: list[str]) -> list[str]:
    """The figures not found whole on one line of the PDF's text (a wrapped amount reads "80,000.0\\n0")."""
    lines = arabic_digits(pdf_text)
    return [f for f in figures if re.search(rf"(?<![\d,.]){re.escape(f)}(?![\d,.])", lines) is None]


_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\\s]")  # marks (the PDF's text reorders them) and spaces


def header_lines(pdf_text: str, header: str) -> list[str] | None:
    """`header` cut where the PDF's text breaks it into lines, or None when it is not there."""
    text = arabic_digits(pdf_text).replace("\u0e4d\u0e32", "\u0e33")  # sara am, as poppler splits it
    letters = [(k, ch) for k, ch in enumerate(header) if not _MARK.match(ch)]
    flat, broken_before = [], []
    for ch in text:
        if ch == "\n":
            if broken_before:
                broken_before[-1] = True
        elif not _MARK.match(ch):
            flat.append(ch)
            broken_before.append(False)
    at = "".join(flat).find("".join(ch for _, ch in letters))
    if at < 0:
        return None
    cuts = [letters[j + 1][0] for j in range(len(letters) - 1) if broken_before[at + j]]
    return [header[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(header)])]


def block_text(pdf: Path) -> str:
    """The PDF's text block by block (a table cell is a block; its lines kept), blocks apart by a
    blank line: in the plain text, lines of cells side by side interleave."""
    import subprocess
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    blocks = []
    for block in re.findall(r"<block[^>]*>(.*?)</block>", xhtml, re.S):
        lines = [" ".join(re.findall(r"<word[^>]*>(.*?)</word>", line))
                 for line in re.findall(r"<line[^>]*>(.*?)</line>", block, re.S)]
        blocks.append("\n".join(lines))
    return html.unescape("\n\n".join(blocks))


def broken_headers(pdf_text: str, headers: list[str]) -> tuple[list[str], int]:
    """Headers that the PDF breaks inside a word (each line of a header must be whole dictionary
    words), and how many headers were found as a block of their own to be judged."""
    from pythainlp.corpus import thai_words
    from pythainlp.tokenize import word_tokenize
    known = thai_words()
    out, found = [], 0
    for h in headers:
        lines = header_lines(pdf_text, h)
        if lines is None:  # its cell's block merged with its neighbour's: not judged
            continue
        found += 1
        for line in lines:
            tokens = [t for t in word_tokenize(line.replace(" ", ""), engine="newmm") if re.search("[ก-๛]", t)]
            if any(t not in known for t in tokens):
                out.append(f"{h}: {lines}")
                break
    return out, found


@pytest.mark.parametrize("doc", REPORT_DOCS)
def test_report_amounts_never_wrap_and_headers_break_between_words(pdfs, doc):
    """Every amount of the report's tables is whole on one line, and every header the PDF shows
    in a cell of its own breaks only between words (more than half do: neighbours' blocks may merge)."""
    text = pdfcheck.text(pdfs[doc])
    tables = report_tables(doc[0], doc[1])
    figures = [f for t in tables for f in figures_of(t)]
    assert len(figures) > 20
    assert wrapped_figures(text, figures) == []
    headers = sorted({c.header for t in tables for c in t.columns})
    broken, judged = broken_headers(block_text(pdfs[doc]), headers)
    assert broken == [] and judged >= len(headers) / 2, (broken, judged, len(headers))


def test_wrap_checks_catch_a_wrapped_amount_and_a_cut_word():
    assert wrapped_figures("งบประมาณ\n80,000.0\n0\n", ["80,000.00"]) == ["80,000.00"]
    assert wrapped_figures("รวม 80,000.00 บาท", ["80,000.00"]) == []
    cut = "งบประมาณ (บาท): ['งบ', 'ประมา', 'ณ', '(บาท)']"
    assert broken_headers("งบ\nประมา\nณ\n(บาท)", ["งบประมาณ (บาท)"]) == ([cut], 1)
    assert broken_headers("งบประมาณ\n(บาท)", ["งบประมาณ (บาท)"]) == ([], 1)
