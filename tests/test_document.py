"""The built Word documents, reopened and read back."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from measures.load import Content
from measures.ooxml import read as inspect
from measures.ooxml.read import ARABIC_DIGIT, TEMPLATE_LEFTOVER, THAI_DIGIT
from measures.pipeline import build, prepare
from measures.problems import ContentError
from measures.thai import thai_digits
from measures.writers import memo

from .conftest import replace_text

KKSEC_PUB = "offices/kksec/2565/publication.yaml"

KK = Path("offices/kksec")
MEASURE_TITLES = ["มาตรการเผยแพร่ข้อมูลต่อสาธารณะ", "มาตรการให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วม",
                  "มาตรการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง",
                  "มาตรการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "มาตรการป้องกันการรับสินบน",
                  "มาตรการป้องกันการขัดกันระหว่างผลประโยชน์ส่วนตนกับผลประโยชน์ส่วนรวม",
                  "มาตรการตรวจสอบการใช้ดุลพินิจ"]
FIGURES = ["91.50", "28.38", "29.19", "33.93", "94.58", "97.30", "84.84", "+0.71", "-5.42", "-8.97",
           "+20.25", "+0.85", "+3.83", "99.13", "75.92", "อันดับที่ 154 จาก 225"]


@pytest.fixture(scope="module")
def kksec(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    path = build("kksec", 2565, "measures", out_dir=out).path
    return path, inspect.open_docx(path)


def test_output_name(kksec):
    assert kksec[0].name == "measures-2565.docx"


def test_parts_and_measures_present(kksec):
    _, doc = kksec
    heads = [text for _, text in inspect.headings(doc)]
    for part in ("ส่วนที่ 1 บทนำ", "ส่วนที่ 2 การวิเคราะห์ผลการประเมิน",
                 "ส่วนที่ 3 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "ความเป็นมา"):
        assert part in heads
    for n, title in enumerate(MEASURE_TITLES, 1):
        assert f"{n}. {title}" in heads
    text = inspect.all_text(doc)
    for word in ("คำนำ", "สารบัญ", "จุดแข็ง", "จุดอ่อน", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาขอนแก่น",
                 "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "ประจำปีงบประมาณ พ.ศ. 2565"):
        assert word in text


def test_every_complaint_channel_present(kksec):
    text = inspect.all_text(kksec[1])
    for channel in ("0-4300-9867 ต่อ 1108", "0-4325-5367", "ชั้น 1 อาคาร 1", "http://www.kksec.go.th",
                    "admin@kksec.go.th", "Facebook", "09-2779-9098", "ถนนมลิวรรณ"):
        assert channel in text


def test_computed_figures_present(kksec):
    text = inspect.all_text(kksec[1])
    for figure in FIGURES:
        assert figure in text, figure


def test_counts_in_prose_follow_the_table(kksec):
    text = inspect.all_text(kksec[1])
    assert "ไม่ผ่านเกณฑ์ (ต่ำกว่าร้อยละ 85.00) จำนวน 1 ตัวชี้วัด" in text
    assert "ผ่านเกณฑ์ (ร้อยละ 85.00 ขึ้นไป) จำนวน 9 ตัวชี้วัด" in text
    assert "ระดับ Excellence จำนวน 6 ตัวชี้วัด" in text
    assert "จำนวน 7 มาตรการ" in text
    assert "จำนวน 2 ตัวชี้วัด" not in text


def test_no_template_leftovers_anywhere(kksec):
    for where, el in inspect.parts(kksec[1]):
        for line in inspect.paragraphs_text(el):
            assert not TEMPLATE_LEFTOVER.search(line), f"{where}: {line[:80]}"


def test_every_run_has_four_font_slots_and_cs_size(kksec):
    assert inspect.runs_missing_font_slots(kksec[1]) == []


AUDIT = Path(sys.executable).with_name("openxml-audit")


@pytest.mark.skipif(not AUDIT.exists(), reason="openxml-audit is not installed (pip install -e '.[test]')")
@pytest.mark.parametrize("office,year,kind,rnd", [("kksec", 2565, "measures", "12m"), ("kksec", 2565, "preface", "12m"),
                                                   ("kksec", 2565, "report", "6m"), ("nan1", 2566, "measures", "12m"),
                                                   ("nan1", 2566, "report", "12m")])
def test_word_opens_every_document_without_repairing_it(tmp_path, office, year, kind, rnd):
    """openxml-audit reads the file as Word would: no schema error, nothing Word would repair
    (a stylesWithEffects.xml out of step with styles.xml was, until finishing left it out)."""
    path = build(office, year, kind, out_dir=tmp_path, round_kind=rnd).path
    result = subprocess.run([str(AUDIT), "-q", "-m", "0", str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(not AUDIT.exists(), reason="openxml-audit is not installed (pip install -e '.[test]')")
def test_markup_characters_in_content_print_as_typed(content_copy, tmp_path, monkeypatch):
    """A measure's title with & < > " reaches both outputs through a phrase (MEASURE): the .docx
    stays a file Word opens and prints the characters, the page shows them escaped once."""
    from measures.site import build_site
    typed = 'มาตรการตรวจสอบการใช้ดุลพินิจ & <ทบทวน> "R&D"'
    replace_text(content_copy / "measures/7-discretion.yaml", "title: มาตรการตรวจสอบการใช้ดุลพินิจ",
                 "title: '" + typed + "'")
    content = Content(content_copy)
    path = build("kksec", 2565, out_dir=tmp_path / "docx", content=content).path
    # Built again after another edit, the title's blocks put back: from memory, then from build/.cache.
    replace_text(content_copy / KKSEC_PUB, "motto:\n  - ", "motto:\n  - ใหม่ ")
    again = build("kksec", 2565, out_dir=tmp_path / "again", content=content).path
    replace_text(content_copy / KKSEC_PUB, "motto:\n  - ใหม่ ", "motto:\n  - ")
    memo._MEMORY.clear()
    from_disk = build("kksec", 2565, out_dir=tmp_path / "disk", content=content).path
    for built in (path, again, from_disk):
        result = subprocess.run([str(AUDIT), "-q", "-m", "0", str(built)], capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0 and not result.stdout.strip(), (built, result.stdout)
        assert typed in inspect.all_text(inspect.open_docx(built))
    assert from_disk.read_bytes() == path.read_bytes()
    monkeypatch.setenv("MEASURES_SOFFICE", str(tmp_path / "no-soffice"))
    site = build_site("kksec", 2565, out_dir=tmp_path / "site", content=content)
    page = (site.path / "index.html").read_text(encoding="utf-8")
    text = re.sub("<[^>]+>", "", page)
    assert "&amp; &lt;ทบทวน&gt; &#34;R&amp;D&#34;" in text and "&amp;amp;" not in page


@pytest.mark.parametrize("kind", ["measures", "preface"])
def test_every_part_follows_the_schema_order(tmp_path, kind):
    """Word rejects or repairs children out of the order ECMA-376 gives; LibreOffice does not."""
    from .ooxml_order import order_violations
    path = build("kksec", 2565, kind, out_dir=tmp_path).path
    assert order_violations(path) == []


def test_template_contract():
    """Every variable the reference's headers and footers use is in each publication's context,
    their Jinja parses, and the reference has every style the .docx writer uses."""
    from docx import Document
    from docxtpl import DocxTemplate

    from measures.pipeline import REFERENCE
    from measures.publications import KINDS
    from measures.render import REQUIRED_STYLES
    content = Content()
    reference = content.project.template(REFERENCE)
    model = prepare("kksec", 2565, content)
    used = DocxTemplate(str(reference)).get_undeclared_template_variables()
    for kind in KINDS.values():
        assert used <= set(kind.context(model)), (kind.name, used - set(kind.context(model)))
    styles = {s.name for s in Document(str(reference)).styles}
    assert set(REQUIRED_STYLES) <= styles


def test_fonts_and_thai_defaults_in_styles(kksec):
    with zipfile.ZipFile(kksec[0]) as z:
        styles = z.read("word/styles.xml").decode()
    assert 'w:cs="TH SarabunPSK"' in styles and '<w:szCs w:val="32"/>' in styles
    assert 'w:bidi="th-TH"' in styles and 'w:val="thaiDistribute"' in styles


def test_a4_and_margins(kksec):
    assert inspect.page_setup(kksec[1]) == {"width": 21.0, "height": 29.7, "top": 2.5, "bottom": 2.0,
                                           "left": 3.0, "right": 2.0}


def test_header_rows_repeat_and_rows_may_break(kksec):
    tables, marked = inspect.tables_with_repeating_header(kksec[1])
    assert tables >= 8 and marked == tables
    assert inspect.rows_that_cannot_split(kksec[1]) == 0


def test_chart_is_embedded_png(kksec):
    imgs = inspect.images(kksec[1])
    assert len(imgs) == 1 and imgs[0][:8] == b"\x89PNG\r\n\x1a\n" and len(imgs[0]) > 20_000


def test_contents_match_headings(kksec):
    doc = kksec[1]
    assert inspect.has_toc_field(doc)
    assert inspect.toc_entries(doc) == inspect.headings(doc)
    with zipfile.ZipFile(kksec[0]) as z:
        assert b'w:updateFields w:val="true"' in z.read("word/settings.xml")


def test_arabic_digits_by_default(kksec):
    assert not THAI_DIGIT.search(inspect.all_text(kksec[1]))


def test_thai_digits_when_the_office_asks(content_copy, content, tmp_path):
    replace_text(content_copy / KK / "office.yaml", "digits: arabic", "digits: thai")
    path = build("kksec", 2565, "measures", out_dir=tmp_path, content=content).path
    doc = inspect.open_docx(path)
    text = inspect.all_text(doc)
    for figure in FIGURES:
        assert thai_digits(figure) in text
    assert "๒๕๖๕" in text and "๙๑.๕๐" in text
    # Arabic digits survive only where a reader must type them: URLs, e-mail, item codes.
    leftovers = {w for line in text.splitlines() for w in line.split() if ARABIC_DIGIT.search(w)}
    assert all(re.search(r"https?://|@|\bO\d", w) for w in leftovers), leftovers
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode() + z.read("word/footer1.xml").decode()
    assert 'w:fmt="thaiNumbers"' in xml


def test_text_is_printed_as_written_never_evaluated(content_copy, content, tmp_path):
    nasty = 'R&D <b>"quoted"</b> \'single\' 7*7 % # &amp;'
    replace_text(content_copy / "measures/7-discretion.yaml", "  - text: มาตรการป้องกันและแก้ไขปัญหาการใช้ดุลพินิจ",
                 f"  - text: 'มาตรการป้องกันและแก้ไขปัญหาการใช้ดุลพินิจ {nasty.replace(chr(39), chr(39) * 2)}'")
    path = build("kksec", 2565, "measures", out_dir=tmp_path, content=content).path
    text = inspect.all_text(inspect.open_docx(path))
    assert nasty in text and "49" not in text.split(nasty)[0][-5:]


@pytest.mark.parametrize("syntax", ["{{ 7*7 }}", "{% for x in y %}", "{# note #}", "｛office.name｝"])
def test_template_syntax_in_a_text_is_refused_never_printed(content_copy, content, tmp_path, syntax):
    """Nobody means {{ … }} to be printed: it is a mistyped reference, said so before building."""
    replace_text(content_copy / "measures/7-discretion.yaml", "  - text: มาตรการป้องกันและแก้ไขปัญหาการใช้ดุลพินิจ",
                 f"  - text: 'มาตรการป้องกันและแก้ไขปัญหาการใช้ดุลพินิจ {syntax}'")
    with pytest.raises(ContentError) as e:
        build("kksec", 2565, "measures", out_dir=tmp_path, content=content)
    assert "{office.name}" in str(e.value) and not tmp_path.joinpath("measures-2565.docx").exists()


def test_builds_are_byte_identical(tmp_path):
    a = build("kksec", 2565, "measures", out_dir=tmp_path / "a").path.read_bytes()
    b = build("kksec", 2565, "measures", out_dir=tmp_path / "b").path.read_bytes()
    assert a == b


def test_source_date_epoch_sets_document_dates(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    path = build("kksec", 2565, "measures", out_dir=tmp_path).path
    with zipfile.ZipFile(path) as z:
        core = z.read("docProps/core.xml").decode()
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist())
    assert core.count("2023-11-14T22:13:20Z") == 2


def test_preface_alone(tmp_path):
    path = build("kksec", 2565, "preface", out_dir=tmp_path).path
    assert path.name == "preface-2565.docx"
    doc = inspect.open_docx(path)
    text = inspect.all_text(doc)
    assert "คำนำ" in text and "จำนวน 7 มาตรการ" in text and "พ.ศ. 2564" in text
    for n, title in enumerate(MEASURE_TITLES, 1):
        assert f"{n}) {title}" in text
    assert not TEMPLATE_LEFTOVER.search(text)
    assert inspect.runs_missing_font_slots(doc) == []


def test_office_preface_replaces_the_generated_one(content_copy, content, tmp_path):
    replace_text(content_copy / KK / "2565/publication.yaml", "preface: []",
                 "preface:\n  - คำนำของ{office.short_name} เขียนเอง")
    text = inspect.all_text(inspect.open_docx(build("kksec", 2565, "preface", out_dir=tmp_path,
                                                    content=content).path))
    assert "คำนำของสพม.ขอนแก่น เขียนเอง" in text and "จำนวน 7 มาตรการ" not in text


def test_office_style_overrides_margins_and_font(content_copy, content, tmp_path):
    replace_text(content_copy / KK / "office.yaml", "digits: arabic",
                 "digits: arabic\n  font: TH Sarabun New\n  margins: {top: 2, bottom: 2, left: 2.5, right: 1.5}")
    path = build("kksec", 2565, "measures", out_dir=tmp_path, content=content).path
    doc = inspect.open_docx(path)
    assert inspect.page_setup(doc) == {"width": 21.0, "height": 29.7, "top": 2.0, "bottom": 2.0,
                                       "left": 2.5, "right": 1.5}
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode() + z.read("word/styles.xml").decode()
    assert 'w:cs="TH Sarabun New"' in xml and 'w:cs="TH SarabunPSK"' not in xml


# The kksec document's bytes, pinned: a change of output must be deliberate. Update this
# only in a commit that says why the document changed. History:
# cc927ab4… the first pin; the one-way pipeline and the template split reproduced it exactly.
# 30715784… children in ECMA-376 order (tblCellMar before tblLook, jc before outlineLvl,
#           updateFields before compat), tblHeader without w:val.
# 0efad94e… every office: the levels table moved to part 2 beside the result, parts 2 and 3
#           flow on instead of starting a page, lead-ins keep with their tables, the
#           analysis sentences chosen by the result (actions intro no longer doubled, no fixed
#           "การป้องกันการทุจริต" heading), signature block kept together.
# 8531a5aa… the document names its office and title in its core properties (so another
#           office's build never replaces it unnoticed); python-docx's description removed.
# c5731966… speed: zip entries at zlib level 3; the chart's margins measured on its texts
#           (not tight_layout) and its PNG at zlib level 1. Only image1.png differs in content.
# 8a7e9d15… the document model: the body written from the model by writers/docx.py, not rendered
#           by docxtpl from a Jinja-tag layout. The same paragraphs, styles, keep flags, tables
#           and pages (every page pixel-identical in LibreOffice at 40 dpi); the bytes differ
#           where python-docx writes otherwise: no xml:space="preserve" on text that needs none,
#           no empty run in an empty cell, the chart's docPr id 1, a merged cell 1 twip narrower.
# b733e901… word/stylesWithEffects.xml left out (with its relationship and content type): the
#           reference's copy was out of step with styles.xml, which Word may call unreadable
#           content (openxml-audit). The other entries are byte-identical.
KKSEC_SHA256 = "b733e901815b8c08e50b204cf8417f3dec3d933d257c109471b536becd67fc99"


def test_kksec_document_bytes_are_pinned(tmp_path, monkeypatch):
    import hashlib
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    path = build("kksec", 2565, "measures", out_dir=tmp_path).path
    assert hashlib.sha256(path.read_bytes()).hexdigest() == KKSEC_SHA256
