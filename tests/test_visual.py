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
# small layout changes. Every example office is here; nan1 writes Thai digits itself; "plan" is
# the example office with tests/data/plan-progress.yaml, a report grouped by the office's own
# plan with ten chosen columns. The reports list every planned activity in both rounds and keep
# each row on one page (a row moves whole to the next page): kksec 6m 15 pages, nan1 6m 14 (its
# signatures take the last suggestion with them), nan1 12m 14, the plan's 9 in both rounds.
PAGES = {("kksec", "measures", "arabic"): range(23, 30), ("kksec", "measures", "thai"): range(23, 30),
         ("kksec", "preface", "arabic"): range(1, 2), ("kksec", "preface", "thai"): range(1, 2),
         ("nan1", "measures", "thai"): range(25, 32), ("nan1", "preface", "thai"): range(1, 2),
         ("kksec", "report-6m", "arabic"): range(13, 18), ("nan1", "report-6m", "thai"): range(12, 17),
         ("nan1", "report-12m", "thai"): range(12, 17),
         ("plan", "report-6m", "arabic"): range(8, 11), ("plan", "report-12m", "arabic"): range(8, 11)}
DOCUMENTS = list(PAGES)
YEARS = {"kksec": 2565, "nan1": 2566, "plan": 2565}
OFFICE_ID = {"plan": "kksec"}  # the plan-shaped report is the example office's, with another progress.yaml
PLAN = Path(__file__).parent / "data" / "plan-progress.yaml"
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


def content_of(office: str, digits: str, root: Path) -> Content | None:
    """The content a document of the list is built from (None: the project's own)."""
    if office == "plan":
        shutil.copytree(PROJECT / "content", root / "content")
        shutil.copy(PLAN, root / "content/offices/kksec/2565/progress.yaml")
        return Content(root / "content")
    if office == "kksec" and digits == "thai":
        shutil.copytree(PROJECT / "content", root / "content")
        replace_text(root / "content/offices/kksec/office.yaml", "digits: arabic", "digits: thai")
        return Content(root / "content")
    return None


@pytest.fixture(scope="module")
def contents(tmp_path_factory) -> dict[tuple[str, str, str], Content | None]:
    return {doc: content_of(doc[0], doc[2], tmp_path_factory.mktemp(f"content-{'-'.join(doc)}")) for doc in DOCUMENTS}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, contents):
    """Every document built, then converted with one LibreOffice start."""
    jobs = {}
    for office, kind, digits in DOCUMENTS:
        root = tmp_path_factory.mktemp(f"{office}-{kind}-{digits}")
        content = contents[office, kind, digits]
        doc_kind, _, rnd = kind.partition("-")
        built = build(OFFICE_ID.get(office, office), YEARS[office], doc_kind, out_dir=root / "out",  # type: ignore[arg-type]
                      content=content, round_kind=rnd or "12m")  # type: ignore[arg-type]
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
    """No page holds only a short table, the overflow of a cell, a signature alone, or a table's
    repeated header with the rest of a row a page could have held whole. Cover, preface and
    contents stand on pages of their own by design and are not counted."""
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


def report_tables(doc: tuple[str, str, str], content: Content | None = None) -> list[nodes.Table]:
    from measures.pipeline import prepare
    from measures.publications import KINDS
    office, kind, _ = doc
    model = prepare(OFFICE_ID.get(office, office), YEARS[office], content)
    tree, _ = KINDS["report"].document(model, kind.partition("-")[2])  # type: ignore[arg-type]
    return [b for b in nodes.walk(tree.body) if isinstance(b, nodes.Table)]


def _first_word(value: nodes.Cell) -> str:
    text = value if isinstance(value, str) else getattr(value, "text", "")
    return text.split()[0] if isinstance(text, str) and text.split() else ""


def figure_rows(table: nodes.Table) -> list[list[str]]:
    """Per row with figures, the words that stand on its first line: the first word of its first
    cell (its number or name, unique in its table) and its figures, in column order."""
    cols = [k for k, c in enumerate(table.columns) if c.figure]
    out = []
    for r in table.rows:
        figures = [v for k, v in enumerate(r.cells) if k in cols and isinstance(v, str) and v] if not r.spans else []
        if figures:
            out.append([_first_word(r.cells[0]), *figures])
    return out


def pdf_lines(pdf: Path) -> list[list[str]]:
    """The PDF's lines across each page (the first lines of a table row's cells make one), page
    after page, each as its words (digits Arabic)."""
    return [[arabic_digits(w.text) for w in line]
            for page in pdfcheck.page_words(pdf, TOP_CM, BOTTOM_CM) for line in pdfcheck.text_lines(page)]


def _in_order(line: list[str], row: list[str]) -> bool:
    """The row's name (or the start of it, where it wraps) and then its figures, whole, on `line`."""
    name = squash(row[0])
    at = 0
    for w in line:
        if at < len(row) and (w == row[at] or (at == 0 and len(squash(w)) > 3 and name.startswith(squash(w)))):
            at += 1
    return at == len(row)


def wrapped_figures(lines: list[list[str]], rows: list[list[str]]) -> list[list[str]]:
    """The rows (figure_rows, in the document's order) whose number or name and figures are not
    all found whole on one line of the PDF, after the line of the row before. A wrapped amount
    ("80,000.0" over "0") is two words on two lines; the same total printed whole in a sentence
    below the table is on a line without the row's name, so it does not hide the wrap."""
    out, at = [], 0
    for row in rows:
        found = next((k for k in range(at, len(lines)) if _in_order(lines[k], row)), None)
        if found is None:
            out.append(row)
        else:
            at = found + 1
    return out


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


def _letters(text: str) -> int:
    return len(_MARK.sub("", text))


def broken_headers(pdf_text: str, headers: list[str]) -> tuple[list[str], int]:
    """Headers that the PDF breaks inside a word, and how many headers were found as a block of
    their own to be judged. A word is a word of the header as the phrase catalogue writes it,
    cut by the project's dictionary (typography.words: ดำเนินการ, แล้วเสร็จ, ข้อเสนอแนะ are
    words): a line may end only where one of them ends (ยังไม่|ดำเนินการ), never between the
    dictionary's parts of one (ยังไม่ดำเนิน|การ)."""
    from measures.typography import words
    out, found = [], 0
    for h in headers:
        lines = header_lines(pdf_text, h)
        if lines is None:  # its cell's block merged with its neighbour's: not judged
            continue
        found += 1
        ends, at = set(), 0
        for w in words(h):
            at += _letters(w)
            ends.add(at)
        cuts, at = [], 0
        for line in lines[:-1]:
            at += _letters(line)
            cuts.append(at)
        if any(c not in ends for c in cuts):
            out.append(f"{h}: {lines}")
    return out, found


@pytest.mark.parametrize("doc", REPORT_DOCS)
def test_report_amounts_never_wrap_and_headers_break_between_words(pdfs, contents, doc):
    """Every amount of the report's tables is whole on one line of its own row, and every header
    the PDF shows in a cell of its own breaks only between words (more than half do: neighbours'
    blocks may merge)."""
    tables = report_tables(doc, contents[doc])
    rows = [r for t in tables for r in figure_rows(t)]
    assert len(rows) > 10
    assert wrapped_figures(pdf_lines(pdfs[doc]), rows) == []
    headers = sorted({c.header for t in tables for c in t.columns})
    broken, judged = broken_headers(block_text(pdfs[doc]), headers)
    assert broken == [] and judged >= len(headers) / 2, (broken, judged, len(headers))


@pytest.mark.parametrize("doc", REPORT_DOCS)
def test_report_rows_are_never_split(pdfs, doc):
    """No row of a report is taller than a page, so none starts on one page and goes on on the
    next (a page beginning with the repeated header and the rest of a row)."""
    assert pdfcheck.fragments(pdfs[doc], TOP_CM, BOTTOM_CM) == []


def test_wrap_checks_catch_a_wrapped_amount_and_a_cut_word():
    # A wrapped total, also printed whole in the sentence under the table: still caught.
    lines = [["รวม", "14", "6", "11"], ["0,500.00", "24,105.00"], ["ใช้งบประมาณ", "110,500.00", "บาท"]]
    assert wrapped_figures(lines, [["รวม", "14", "6", "110,500.00", "24,105.00"]]) == [
        ["รวม", "14", "6", "110,500.00", "24,105.00"]]
    assert wrapped_figures([["รวม", "14", "6", "110,500.00", "24,105.00"]],
                           [["รวม", "14", "6", "110,500.00", "24,105.00"]]) == []
    cut = "งบประมาณ (บาท): ['งบ', 'ประมา', 'ณ', '(บาท)']"
    assert broken_headers("งบ\nประมา\nณ\n(บาท)", ["งบประมาณ (บาท)"]) == ([cut], 1)
    assert broken_headers("งบประมาณ\n(บาท)", ["งบประมาณ (บาท)"]) == ([], 1)
    # The examples, as LibreOffice broke them (between its dictionary's parts of a word),
    # and as they must break.
    seen = {"ยังไม่ดำเนินการ": ("ยังไม่ดำเนิน\nการ", "ยังไม่\nดำเนินการ"),
            "ร้อยละแล้วเสร็จ": ("ร้อยละแล้ว\nเสร็จ", "ร้อยละ\nแล้วเสร็จ"),
            "ขั้นตอนการดำเนินการ": ("ขั้นตอนการดำเนิน\nการ", "ขั้นตอนการ\nดำเนินการ"),
            "สรุปผลการดำเนินงาน": ("สรุปผลการดำเนิน\nงาน", "สรุปผลการ\nดำเนินงาน"),
            "ปัญหา/ข้อเสนอแนะ": ("ปัญหา/ข้อ\nเสนอแนะ", "ปัญหา/\nข้อเสนอแนะ")}
    for header, (bad, good) in seen.items():
        assert broken_headers(bad, [header])[0], header
        assert broken_headers(good, [header]) == ([], 1), header


def _one_tall_row(docx: Path) -> None:
    """A landscape page, a table with a repeated header whose second row (22 lines) is allowed to
    split, then a page break: the page after holds the header and the rest of that row alone,
    though one page (25 lines) could have held the row whole."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm

    from measures.ooxml import empty_body, repeat_header
    doc = Document(str(PROJECT / "templates/reference.docx"))
    empty_body(doc.element.body)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    table = doc.add_table(rows=3, cols=3)
    table.style = doc.styles["Table Grid"]
    for cell, head in zip(table.rows[0].cells, ("ที่", "กิจกรรม", "ผล")):
        cell.text = head
        cell.width = Cm(4)
    repeat_header(table.rows[0]._tr.get_or_add_trPr())
    for n, lines in ((1, 12), (2, 22)):
        cells = table.rows[n].cells
        cells[0].text, cells[1].text = str(n), "ประชุมชี้แจง"
        cells[2].text = "\n".join(f"บรรทัดที่ {k}" for k in range(lines))
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("ส่วนที่ 2")
    doc.save(str(docx))


def test_split_row_checks_catch_a_row_split_and_its_piece_alone(tmp_path):
    _one_tall_row(tmp_path / "tall.docx")
    pdf = convert(tmp_path / "tall.docx", tmp_path / "tall.pdf")
    assert pdfcheck.fragments(pdf, TOP_CM, BOTTOM_CM) == [(2, True)]
    # Its page is well filled (the fill rule alone passes it), and still near empty.
    assert pdfcheck.fill_fractions(pdf, TOP_CM, BOTTOM_CM)[1] > 0.30
    assert 2 in pdfcheck.near_empty_pages(pdf, TOP_CM, BOTTOM_CM)
