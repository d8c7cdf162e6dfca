"""Word -> PDF through LibreOffice (measures.pdf) and the PDF checks (measures.pdfcheck).

Each test builds its own small Thai .docx with python-docx, so nothing here
depends on the project's content or templates.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from measures import pdf as pdfmod
from measures import pdfcheck
from measures.pdfcheck import squash

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: sudo apt-get install libreoffice-writer",
)

THAI = "TH SarabunPSK"
LEFT_CM, RIGHT_CM = 3.0, 2.0
BODY = ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส "
        "โดยเผยแพร่ข้อมูลการจัดซื้อจัดจ้างและรายงานผลการดำเนินงานต่อสาธารณะอย่างสม่ำเสมอทุกไตรมาส")
HEADINGS = [f"ส่วนที่ {n} การเปิดเผยข้อมูลต่อสาธารณะ" for n in (1, 2, 3)]
PARAGRAPHS = (18, 4, 4)  # section 1 runs over two pages, so its successors start on pages 4 and 5
STALE = ("บทที่ไม่มีจริง", "99")  # what the TOC field holds before LibreOffice updates it


# --- building the test document ---------------------------------------------

def _thai_fonts(rpr, half_points: int) -> None:
    """Every font slot, the complex-script (w:cs) one included, to TH SarabunPSK."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.attrib.clear()  # drop the template's theme fonts (asciiTheme=...), which win over names
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{slot}"), THAI)
    for tag in ("w:sz", "w:szCs"):
        size = rpr.find(qn(tag))
        if size is None:
            size = OxmlElement(tag)
            rpr.append(size)
        size.set(qn("w:val"), str(half_points))


def _field_char(paragraph, kind: str) -> None:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    paragraph._p.append(run)


def _toc(doc) -> None:
    """A TOC as Word writes it: a complex field whose cached result is stale."""
    first = doc.add_paragraph()
    _field_char(first, "begin")
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = ' TOC \\o "1-3" \\h \\z \\u '
    instr_run.append(instr)
    first._p.append(instr_run)
    _field_char(first, "separate")
    first.add_run(f"{STALE[0]}\t{STALE[1]}")
    last = doc.add_paragraph("ส่วนที่ค้างอยู่\t42")
    _field_char(last, "end")


def make_docx(path: Path, *, wide_table: bool = False, blank_page: bool = False) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(LEFT_CM), Cm(RIGHT_CM)
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _thai_fonts(defaults, 32)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3"):
        _thai_fonts(doc.styles[name].element.get_or_add_rPr(), 32 if name == "Normal" else 40)

    doc.add_paragraph("รายงานมาตรการส่งเสริมคุณธรรมและความโปร่งใส", style="Title")
    doc.add_paragraph("สารบัญ")
    _toc(doc)
    for n, (heading, count) in enumerate(zip(HEADINGS, PARAGRAPHS), start=1):
        doc.add_heading(heading, level=1).paragraph_format.page_break_before = True
        for _ in range(count):
            doc.add_paragraph(BODY)
        if n == 1 and blank_page:
            # A page break, then an empty paragraph alone on its page before
            # the next heading's own page break: one page with nothing on it.
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            doc.add_paragraph()
        if n == 2:
            table = doc.add_table(rows=3, cols=3)
            table.style = "Table Grid"
            for row in table.rows:
                for cell in row.cells:
                    cell.text = "ข้อมูลผลการดำเนินงาน"
            if wide_table:  # 3 x 9 cm on a 16 cm text width
                table.autofit = False
                for column in table.columns:  # the grid, which LibreOffice follows,
                    column.width = Cm(9)
                    for cell in column.cells:  # and each cell, which Word follows
                        cell.width = Cm(9)
    doc.save(path)
    return path


# --- one conversion shared by the read-only checks ---------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("pdf")
    return pdfmod.convert(make_docx(tmp / "report.docx"), tmp / "report.pdf")


@needs_soffice
def test_page_count(built):
    # title+TOC, section 1 over two pages, sections 2 and 3: five pages.
    # At full Laksaman size (fonts.conf not in effect) section 1 needs three.
    assert pdfcheck.page_count(built) == 5


@needs_soffice
def test_every_font_embedded_and_thai_drawn_by_the_alias(built):
    fonts = pdfcheck.fonts(built)
    assert fonts, "pdffonts listed no fonts"
    assert pdfcheck.unembedded_fonts(built) == []
    names = [f["base"] for f in fonts]
    # Every run in the document asks for TH SarabunPSK, so any other font is
    # a fallback.  "Laksaman PSK"/"Sarabun PSK" (the copies measures.pdf
    # shrinks to TH SarabunPSK's size) are reached only through fonts.conf's
    # alias: with it missing or broken LibreOffice gets plain Laksaman,
    # DejaVu or Liberation and this fails.
    assert all(n.startswith(("LaksamanPSK", "SarabunPSK")) for n in names), names
    assert not any(bad in n for n in names for bad in ("DejaVu", "Liberation")), names


@needs_soffice
def test_text_is_thai_and_extractable(built):
    whole = squash(pdfcheck.text(built))
    assert squash(BODY) in whole
    for heading in HEADINGS:
        assert squash(heading) in whole
    assert len(pdfcheck.page_texts(built)) == pdfcheck.page_count(built)


@needs_soffice
def test_toc_gives_the_pages_headings_really_start_on(built):
    entries = pdfcheck.toc_entries(built, toc_page=1)
    assert [squash(t) for t, _ in entries] == [squash(h) for h in HEADINGS]
    real = [pdfcheck.first_page_containing(built, h, start=2) for h in HEADINGS]
    assert [p for _, p in entries] == real == [2, 4, 5]
    contents = squash(pdfcheck.page_texts(built)[0])
    assert STALE[0] not in contents and "ส่วนที่ค้างอยู่" not in contents


@needs_soffice
def test_normal_pages_stay_inside_margins(built):
    # Left: Word puts table borders ~0.19 cm into the margin (cell padding),
    # 3 px at 40 dpi, hence the tolerance there.
    assert pdfcheck.margin_overflow(built, right_margin_cm=RIGHT_CM) == []
    assert pdfcheck.margin_overflow(built, RIGHT_CM, left_margin_cm=LEFT_CM, tolerance_px=4) == []
    assert pdfcheck.blank_pages(built) == []


@needs_soffice
def test_too_wide_table_is_flagged(tmp_path):
    pdf = pdfmod.convert(make_docx(tmp_path / "wide.docx", wide_table=True), tmp_path / "wide.pdf")
    table_page = pdfcheck.first_page_containing(pdf, HEADINGS[1], start=2)
    assert pdfcheck.margin_overflow(pdf, right_margin_cm=RIGHT_CM) == [table_page]


@needs_soffice
def test_blank_page_is_found(tmp_path):
    pdf = pdfmod.convert(make_docx(tmp_path / "blank.docx", blank_page=True), tmp_path / "blank.pdf")
    # Section 1 fills pages 2-3, the empty page is 4, section 2 starts on 5.
    assert pdfcheck.blank_pages(pdf) == [4]
    assert pdfcheck.first_page_containing(pdf, HEADINGS[1], start=2) == 5
    assert [p for _, p in pdfcheck.toc_entries(pdf, 1)] == [2, 5, 6]


@needs_soffice
def test_two_conversions_at_once(tmp_path):
    docx = make_docx(tmp_path / "same.docx")
    outs = [tmp_path / f"out{n}.pdf" for n in (1, 2)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(lambda out: pdfmod.convert(docx, out), outs))
    assert done == outs
    assert [pdfcheck.page_count(p) for p in outs] == [5, 5]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out1.pdf", "out2.pdf", "same.docx"]


@needs_soffice
def test_timeout_is_reported_and_old_pdf_kept(tmp_path):
    docx = make_docx(tmp_path / "slow.docx")
    old = tmp_path / "slow.pdf"
    old.write_bytes(b"previous")
    with pytest.raises(pdfmod.PdfError, match="เกิน"):
        pdfmod.convert(docx, old, timeout=0.05)
    assert old.read_bytes() == b"previous"  # untouched: written only once complete
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slow.docx", "slow.pdf"]


@needs_soffice
def test_damaged_docx_is_an_error_not_a_pdf_of_garbage(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip" * 50)
    with pytest.raises(pdfmod.PdfError, match="ไม่สำเร็จ"):
        pdfmod.convert(bad, tmp_path / "bad.pdf")
    assert not (tmp_path / "bad.pdf").exists()


def test_missing_libreoffice_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("MEASURES_SOFFICE", str(tmp_path / "no-such-soffice"))
    docx = tmp_path / "x.docx"
    Document().save(docx)
    with pytest.raises(pdfmod.PdfError) as caught:
        pdfmod.convert(docx, tmp_path / "x.pdf")
    assert "LibreOffice" in str(caught.value)
    assert "sudo apt-get install libreoffice-writer" in str(caught.value)
    assert not (tmp_path / "x.pdf").exists()


def _fc_match(pattern: str) -> tuple[str, str, str]:
    env = dict(os.environ, FONTCONFIG_FILE=str(pdfmod.FONTS_CONF))
    res = subprocess.run(["fc-match", "-f", "%{family[0]}|%{style[0]}", pattern],
                         env=env, capture_output=True, text=True)
    family, style = res.stdout.split("|")
    return family, style, res.stderr


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig's fc-match is not installed")
@pytest.mark.parametrize("pattern, style", [("TH SarabunPSK", "Regular"), ("TH SarabunPSK:bold", "Bold")])
def test_fonts_conf_resolves_th_sarabunpsk(pattern, style):
    assert pdfmod.FONTS_CONF.is_file()
    family, got, stderr = _fc_match(pattern)
    assert "error" not in stderr.lower(), stderr  # fontconfig says so when the file is unreadable
    if _fc_match("Laksaman")[0] != "Laksaman":
        pytest.skip("Laksaman is not installed (sudo apt-get install fonts-tlwg-laksaman)")
    assert (family, got) == ("Laksaman", style)


@needs_soffice
def test_sarabun_is_the_second_choice(tmp_path, monkeypatch):
    # As on a machine without fonts-tlwg-laksaman: Sarabun from fontpkg-sarabun, shrunk the same way.
    monkeypatch.setattr(pdfmod, "PSK_SOURCES", ("Sarabun",))
    pdf = pdfmod.convert(make_docx(tmp_path / "s.docx"), tmp_path / "s.pdf")
    names = [f["base"] for f in pdfcheck.fonts(pdf)]
    assert names and all(n.startswith("SarabunPSK") for n in names), names
    assert squash(BODY) in squash(pdfcheck.text(pdf))
