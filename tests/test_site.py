"""The publication as a web page (`measures site`, issue 13), for both example offices: the
measures (index.html) and the progress report's two rounds (report-6m.html, report.html).

Always run: the folder's files, anchors, headings and tables read from the HTML, the links
between the pages, the same texts as the .docx (every text of the document model read back
from both outputs), the report's summary figures equal to its .docx's, escaping, Thai digits,
itas.txt, byte-identical rebuilds, and a refused or failed build leaving the last good site as
it was. In Debian's headless Chromium (skipped, with the reason, without chromium/chromedriver,
or node's axe-core for the axe check), on every page: no horizontal scrolling at 360 px and at
200 % zoom (a 180 px viewport: the layout a 360 px phone gives at 200 %), no request outside
the folder (the DevTools network log), axe-core, anchors, digits, Thai words not cut at line
ends, and screenshots at each width (copied to <tmp>/site-shots for a person to look at).
"""
from __future__ import annotations

import itertools
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from markupsafe import Markup

from measures import site as site_module
from measures import write as write_module
from measures.cli import main
from measures.context import report_context
from measures.document import nodes, phrases
from measures.document.nodes import Document
from measures.load import Content
from measures.ooxml.read import all_text, open_docx
from measures.pdf import find_soffice
from measures.pipeline import prepare
from measures.progress import Round
from measures.site import build_site
from measures.sitepdf import NO_SOFFICE as NO_PDF
from measures.thai import arabic_digits
from measures.typography import UNIT_MAX, letters, units, words
from measures.write import OutputError
from measures.writers import html as html_writer

from .browser import Browser
from .conftest import CONTENT, PROJECT, replace_text
from .test_report import HAND

OFFICES = {"kksec": 2565, "nan1": 2566}
REPORTS = {"report-6m.html": "6m", "report.html": "12m"}  # page -> its round
PAGES = ("index.html", *REPORTS)
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
# What keeps Arabic digits in a Thai-digit page (as measures/thai.py): URLs, e-mails, item codes.
KEPT = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[A-Za-z]\d+\b")


NO_SOFFICE = "no-such-soffice"  # MEASURES_SOFFICE naming no program: as on a machine without LibreOffice
WITH_PDF = "kksec" if find_soffice() else None  # the office whose site is built with its PDFs


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each example office's site, built once for the module from the shipped content: kksec's
    with LibreOffice (its PDFs), when the machine has it; nan1's as without LibreOffice."""
    out = tmp_path_factory.mktemp("sites")
    built = {}
    with pytest.MonkeyPatch.context() as mp:
        for office in OFFICES:
            if office == WITH_PDF:
                mp.delenv("MEASURES_SOFFICE", raising=False)
            else:
                mp.setenv("MEASURES_SOFFICE", NO_SOFFICE)
            built[office] = build_site(office, out_dir=out / office, content=Content(CONTENT))
    assert [w.message for w in built["nan1"].warnings] == [NO_PDF]
    return {office: site.path for office, site in built.items()}


@pytest.fixture(autouse=True)
def without_libreoffice(monkeypatch):
    """Every other build of this module as without LibreOffice (a PDF test says otherwise)."""
    monkeypatch.setenv("MEASURES_SOFFICE", NO_SOFFICE)


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class Page(HTMLParser):
    """What the tests read from a page: elements with their attributes, headings, tables
    (by their caption's id: rows of cell texts), text."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.headings: list[tuple[int, str]] = []
        self.text: list[str] = []
        self.tables: dict[str, list[list[str]]] = {}
        self._heading: int | None = None
        self._rows: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = int(tag[1])
            self.headings.append((self._heading, ""))
        elif tag == "table":
            self._rows = []
        elif tag == "caption" and self._rows is not None:
            self.tables[a["id"]] = self._rows
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = None
        elif tag in ("td", "th") and self._rows is not None and self._cell is not None:
            self._rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._rows = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._heading is not None:
            level, text = self.headings[-1]
            self.headings[-1] = (level, text + data)

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if "id" in a]

    def all_text(self) -> str:
        return " ".join("".join(self.text).split())


def page(sites: dict[str, Path], office: str, name: str = "index.html") -> Page:
    return Page((sites[office] / name).read_text(encoding="utf-8"))


def report_docx(sites: dict[str, Path], office: str, name: str) -> Path:
    return sites[office] / f"report-{OFFICES[office]}-{REPORTS[name]}.docx"


# --------------------------------------------------------------------------- the folder

@pytest.mark.parametrize("office", OFFICES)
def test_folder_holds_everything_the_page_uses(sites, office):
    folder, year = sites[office], OFFICES[office]
    names = set(files_of(folder))
    assert {*PAGES, "site.css", "itas.txt", "chart-indicators.png", f"measures-{year}.docx",
            f"report-{year}-6m.docx", f"report-{year}-12m.docx",
            "fonts/Sarabun-Regular.ttf", "fonts/Sarabun-Bold.ttf", "fonts/OFL.txt"} <= names
    pdfs = {n for n in names if n.endswith(".pdf")}
    expected = {f"measures-{year}.pdf", f"report-{year}-6m.pdf", f"report-{year}-12m.pdf"}
    assert pdfs == (expected if office == WITH_PDF else set())  # the PDF of every page, or none at all
    css = (folder / "site.css").read_text(encoding="utf-8")
    for name in PAGES:
        html = (folder / name).read_text(encoding="utf-8")
        assert "<script" not in html and "Content-Security-Policy" in html and "default-src 'none'" in html
        tags = Page(html).tags
        referenced = [a.get("href") or a.get("src") for _, a in tags if a.get("href") or a.get("src")]
        referenced += re.findall(r'url\("([^"]+)"\)', css)
        evidence = {a["href"] for t, a in tags if t == "a" and a.get("class") == "url"}
        for ref in referenced:
            if ref.startswith("#"):
                continue
            if ref in evidence:  # the office's own evidence: a link to follow, never loaded by the page
                assert re.match(r"https?://", ref) and name != "index.html", ref
                continue
            assert "://" not in ref and not ref.startswith("//"), ref  # nothing outside the folder
            assert ref.split("#")[0] in names, ref
    assert "SIL OPEN FONT LICENSE" in (folder / "fonts/OFL.txt").read_text(encoding="utf-8")


@pytest.mark.skipif(WITH_PDF is None, reason="needs LibreOffice (apt-get install libreoffice-writer)")
def test_every_page_links_the_pdf_of_its_own_document(sites):
    """With LibreOffice, each page offers its document as PDF (first) and Word; the PDF is that
    document (its pages' text is the .docx's), and itas.txt names it."""
    from measures import pdfcheck
    folder = sites["kksec"]
    for p in site_module.pages(prepare("kksec", content=Content(CONTENT))):
        html = (folder / p.href).read_text(encoding="utf-8")
        links = re.findall(r'<p class="downloads">.*?</p>', html, re.S)[0]
        assert re.findall(r'href="([^"]+)"', links) == [f"{p.doc}.pdf", f"{p.doc}.docx"], p.href
        assert 'class="no-pdf"' not in html
        pdf = folder / f"{p.doc}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF")
        in_pdf = pdfcheck.squash(pdfcheck.text(pdf))  # pdftotext's spaces and mark order aside
        paragraphs = [pdfcheck.squash(t) for t in all_text(open_docx(folder / f"{p.doc}.docx")).splitlines()]
        long = [t for t in paragraphs if len(t) >= 20]
        assert long and sum(t in in_pdf for t in long) > 0.6 * len(long), p.doc  # table cells read out of order
    assert "และ PDF" in (folder / "itas.txt").read_text(encoding="utf-8")


def test_without_libreoffice_the_page_and_the_command_say_there_is_no_pdf(sites, content_copy):
    folder = sites["nan1"]
    for name in PAGES:
        html = (folder / name).read_text(encoding="utf-8")
        assert not re.search(r'href="[^"/]+\.pdf"', html) and html.count('class="no-pdf"') == 1
        assert "ยังไม่มีฉบับ PDF ของเอกสารนี้" in Page(html).all_text()
    result = CliRunner().invoke(main, ["site", "--office", "nan1"], env={"MEASURES_CONTENT": str(content_copy)})
    assert result.exit_code == 0 and NO_PDF in result.stderr
    assert "sudo apt-get install libreoffice-writer" in result.stderr


def well_formed(p: Page) -> list[str]:
    """What every page keeps: ids once, in-page links reaching their target, headings from one h1
    down without a skip, a caption on every table, a scope on every header cell. Its ids."""
    ids = p.ids()
    assert len(ids) == len(set(ids)), "every id once"
    for tag, a in p.tags:  # every link inside the page reaches its target
        if tag == "a" and a.get("href", "").startswith("#"):
            assert a["href"][1:] in ids, a["href"]
    levels = [level for level, _ in p.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), "no heading level skipped"
    tables = [i for i, (t, _) in enumerate(p.tags) if t == "table"]
    for i in tables:
        assert p.tags[i + 1][0] == "caption", "every table has a caption"
    assert all(a.get("scope") in ("col", "row") for t, a in p.tags if t == "th")
    return ids


def titles(p: Page) -> dict[str, str]:
    return dict(zip([a["id"] for t, a in p.tags if re.fullmatch("h[2-4]", t) and "id" in a],
                    [text for level, text in p.headings if level > 1]))


@pytest.mark.parametrize("office", OFFICES)
def test_anchors_headings_and_tables(sites, office):
    p = page(sites, office)
    ids = well_formed(p)
    model = prepare(office, content=Content(CONTENT))
    expected = ["part-1", "part-2", "part-3"] + [f"measure-{m.number}" for m in model.measures] + [
        "measure-" + m.id.replace("_", "-") for m in model.measures]
    assert set(expected) <= set(ids)
    assert "measure-disclosure" in ids and "measure-conflict-of-interest" in ids
    part2 = titles(p)["part-2"]
    assert part2.startswith("ส่วนที่") and "การวิเคราะห์ผลการประเมิน" in part2
    assert len([t for t, _ in p.tags if t == "table"]) >= 8
    img = next(a for t, a in p.tags if t == "img")
    assert len(img["alt"]) > 40 and "t-chart" in ids  # the chart: a text alternative and its data as a table


@pytest.mark.parametrize("office", OFFICES)
@pytest.mark.parametrize("name", REPORTS)
def test_report_page_anchors_headings_and_tables(sites, office, name):
    p = page(sites, office, name)
    ids = well_formed(p)
    model = prepare(office, content=Content(CONTENT))
    expected = ["part-1", "part-2", "part-3", "summary", "problems", "suggestions"] + [
        f"measure-{m.number}" for m in model.measures] + ["measure-" + m.id.replace("_", "-") for m in model.measures]
    assert set(expected) <= set(ids)
    t = {k: arabic_digits(v) for k, v in titles(p).items()}
    assert t["part-1"] == phrases.REPORT_PART_1 and t["part-3"] == phrases.REPORT_PART_3
    assert t["measure-1"] == f"มาตรการที่ 1 {model.measures[0].title}"
    rnd = "รอบ 6 เดือน" if REPORTS[name] == "6m" else "รอบ 12 เดือน"
    h1 = arabic_digits(p.headings[0][1])
    assert rnd in h1 and phrases.REPORT_COVER[0] in h1


def activity_rows(rows: list[list[str]]) -> list[tuple[str, str, str, str]]:
    """(number, budget, spent, the header of the status column ticked) of each activity row.
    The status columns are found by their headers: the year-end round has no "not yet due";
    a header the .docx breaks into lines reads back with a space (ยังไม่ ถึงกำหนด)."""
    status = {s.replace(" ", ""): s for s in phrases.REPORT_STATUS}
    ticks = [i for i, h in enumerate(rows[0]) if h.replace(" ", "") in status]
    assert len(ticks) in (3, 4), rows[0]
    out = []
    for row in rows[1:]:
        ticked = [status[rows[0][i].replace(" ", "")] for i in ticks if row[i]]
        assert len(ticked) == 1, row
        out.append((arabic_digits(row[0]), arabic_digits(row[2]), arabic_digits(row[3]), ticked[0]))
    return out


@pytest.mark.parametrize("office", OFFICES)
@pytest.mark.parametrize("name", REPORTS)
def test_report_page_is_the_reports_document(sites, office, name):
    """Per measure the same activities as the .docx (figures, and the status column ticked, the
    status also in words for a screen reader); the summary table cell for cell the .docx's."""
    p = page(sites, office, name)
    doc = open_docx(report_docx(sites, office, name))
    docx_tables = [[[" ".join(c.text.split()) for c in row.cells] for row in t.rows] for t in doc.tables if t.rows]
    activities = [rows for rows in docx_tables if rows[0][0] == "ที่"]
    html_activities = [rows for key, rows in p.tables.items() if key.startswith("t-measure-")]
    assert [activity_rows(r) for r in html_activities] == [activity_rows(r) for r in activities]
    model = prepare(office, content=Content(CONTENT))
    ctx = report_context(model, Round.of(OFFICES[office], REPORTS[name]))  # type: ignore[arg-type]
    words_of = [a["status"] for g in ctx["groups"] for a in g["rows"]]
    html = (sites[office] / name).read_text(encoding="utf-8")
    said = [Markup(w).striptags() for w in re.findall(
        r'<span aria-hidden="true">√</span><span class="visually-hidden words">(.*?)</span></td>', html)]
    ticked = [column for rows in html_activities for *_, column in activity_rows(rows)]
    assert said == words_of and len(said) == len(ticked)
    for column, status in zip(ticked, said):  # the ticked column names the status said in words
        assert column in status

    summary = next(rows for rows in docx_tables if rows[0][0] == "มาตรการ")
    # A header the .docx breaks into lines (ยังไม่ | ถึงกำหนด) reads back with a space between Thai letters.
    def squash(text: str) -> str:
        return re.sub("(?<=[\u0e01-\u0e4e])\\s+(?=[\u0e01-\u0e4e])", "", arabic_digits(text))
    assert [[squash(c) for c in row] for row in p.tables["summary"]] == [[squash(c) for c in row] for row in summary]
    figures = [tuple(arabic_digits(c) for c in row[1:]) for row in p.tables["summary"][1:]]
    assert figures == [tuple(map(str, h)) for h in HAND[office, REPORTS[name]]]  # as worked out by hand


@pytest.mark.parametrize("office", OFFICES)
@pytest.mark.parametrize("name", REPORTS)
def test_report_page_says_what_the_report_says(sites, office, name):
    """Summary sentences, problems, suggestions and every evidence address (a real link)."""
    model = prepare(office, content=Content(CONTENT))
    ctx = report_context(model, Round.of(OFFICES[office], REPORTS[name]))  # type: ignore[arg-type]
    p = page(sites, office, name)
    text = p.all_text()
    convert = site_module.digits if model.thai_digits else str
    for para in ctx["summary_texts"]:
        assert convert(para) in text
    for x in ctx["problems"] + ctx["suggestions"]:
        assert convert(x["text"]) in text
    links = {a["href"] for t, a in p.tags if t == "a" and a.get("class") == "url"}
    evidence = {x for g in ctx["groups"] for a in g["rows"] for x in a["evidence"]}
    assert evidence and links == evidence
    assert all(a.get("rel") == "external" for t, a in p.tags if t == "a" and a.get("class") == "url")


@pytest.mark.parametrize("office", OFFICES)
def test_pages_link_both_ways(sites, office):
    """Every page's navigation lists every page (the current one marked); each measure links to
    its results in both rounds, and each report's measure back to the measure; every link
    between the pages reaches its anchor."""
    parsed = {name: page(sites, office, name) for name in PAGES}
    ids = {name: set(p.ids()) for name, p in parsed.items()}
    count = len(prepare(office, content=Content(CONTENT)).measures)
    for name, p in parsed.items():
        hrefs = [a["href"] for t, a in p.tags if t == "a"]
        current = [a["href"] for t, a in p.tags if t == "a" and a.get("aria-current") == "page"]
        assert set(PAGES) <= set(hrefs) and current == [name]
        for href in hrefs:
            target, _, anchor = href.partition("#")
            if target in PAGES and anchor:
                assert anchor in ids[target], href
        other = ["index.html"] if name in REPORTS else list(REPORTS)
        for n in range(1, count + 1):
            for o in other:
                assert f"{o}#measure-{n}" in hrefs, (name, o, n)
    year = OFFICES[office]
    for name, rnd in REPORTS.items():
        assert f'href="report-{year}-{rnd}.docx"' in (sites[office] / name).read_text(encoding="utf-8")


def model_texts(tree: Document) -> tuple[list[str], list[str], list[str]]:
    """What the model says both outputs print, and what it says only the page prints (table
    captions, the chart's data, links between the pages)."""
    both: list[str] = []
    page_only: list[str] = []
    unordered: list[str] = []

    def cell(v: object) -> list[str]:
        if isinstance(v, str):
            return [v]
        if isinstance(v, tuple):
            return [t for part in v for t in cell(part)]
        if isinstance(v, (nodes.Text, nodes.Link)):
            return [v.text]
        if isinstance(v, nodes.Mark):
            return [v.mark]
        if isinstance(v, nodes.Bullets):
            return list(v.items)
        if isinstance(v, nodes.Numbered):
            return [t for i in v.items for t in (i.number, i.text)]
        return []

    for b in nodes.walk(tree.body):
        if isinstance(b, nodes.Section) and b.title:
            both.append(b.title)
        elif isinstance(b, (nodes.Text, nodes.Heading)):
            both.append(b.text)
        elif isinstance(b, (nodes.Bullets, nodes.Numbered)):
            both += cell(b)
            if isinstance(b, nodes.Numbered):
                both += [t for i in b.items for c in i.children for t in (c.number, c.text)]
        elif isinstance(b, nodes.Table) and b.records:
            # A table of records: on paper its header above the rows, on the page each row under
            # its label and each cell after its header; the headers are looked for (not in order).
            unordered.extend(c.header for c in b.columns[1:])
            for r in b.rows:
                both += [t for v in r.cells[1:] for t in cell(v)]
                page_only.append(r.label)
        elif isinstance(b, nodes.Table):
            both += [c.header for c in b.columns]
            for r in b.rows:
                both += [t for v in r.cells for t in cell(v)]
            page_only.append(b.caption)
        elif isinstance(b, nodes.Figure):
            both.append(b.caption)
            page_only += [b.data_label, b.data.caption]
        elif isinstance(b, nodes.Signatures):
            both += [b.date_line] + [t for x in b.signatories for t in (f"({x.name})", x.position, x.caption)]
        elif isinstance(b, nodes.CrossLinks):
            page_only += [link.text for link in b.links]
    return [t for t in both if t.strip()], [t for t in page_only + unordered if t.strip()], unordered


@pytest.mark.parametrize("office", OFFICES)
def test_both_outputs_print_the_model(sites, office):
    """ONE DOCUMENT, TWO WRITERS: every text of each page's document model (headings, paragraphs,
    list entries, every table header and cell, signatures) is read back from its .docx and from
    its page, in the model's order; what the model gives the page alone (captions, the chart's
    data table, links between the pages) is on the page."""
    model = prepare(office, content=Content(CONTENT))
    year, folder = OFFICES[office], sites[office]
    site_pages = site_module.pages(model)
    trees = site_module.models(model, site_pages)
    for p in site_pages:
        both, page_only, unordered = model_texts(trees[p.href][0])
        assert len(both) > 100, p.href
        docx_text = " ".join(arabic_digits(all_text(open_docx(folder / f"{p.doc}.docx"))).split())
        html_text = arabic_digits(page(sites, office, p.href).all_text())
        for where, text in (("docx", docx_text), ("html", html_text)):
            at = 0
            for said in both:
                said = " ".join(arabic_digits(said).split())  # noqa: PLW2901 - compared as read back
                found = text.find(said, at)
                assert found >= 0, f"{office} {p.href}: not in the {where} after what precedes it: {said[:100]}"
                at = found
        for t in page_only:
            assert " ".join(arabic_digits(t).split()) in html_text, (p.href, t)
        for t in unordered:
            assert " ".join(arabic_digits(t).split()) in docx_text, (p.href, t)
    assert year


def test_digits_follow_the_office(sites):
    for name in PAGES:
        thai, arabic = page(sites, "nan1", name).all_text(), page(sites, "kksec", name).all_text()
        assert re.search("[๐-๙]", thai) and not re.search("[0-9]", KEPT.sub("", thai)), name
        assert re.search("[0-9]", arabic) and not re.search("[๐-๙]", arabic), name
    assert "saraban@nan1.obec.example" in page(sites, "nan1").all_text()  # an e-mail keeps its digits
    nan1 = (sites["nan1"] / "index.html").read_text(encoding="utf-8")
    assert 'id="part-2"' in nan1 and 'href="#measure-3"' in nan1  # anchors keep theirs
    assert 'href="report-6m.html#measure-3"' in nan1 and "รอบ ๖ เดือน" in page(sites, "nan1").all_text()


# --------------------------------------------------------------------------- itas.txt

def test_itas_txt_names_the_items_and_where_they_are(sites):
    kksec = (sites["kksec"] / "itas.txt").read_text(encoding="utf-8")
    assert "O38" in kksec and "O39" in kksec
    assert "เผยแพร่มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2565" in kksec
    assert "ส่วนที่ 2 การวิเคราะห์ผลการประเมิน" in kksec and "index.html#part-2" in kksec
    o39 = kksec[kksec.index("=== O39"):]
    assert "URL: report.html และ report-6m.html" in o39 and "ยังไม่ได้สร้าง" not in kksec
    assert "รอบ 12 เดือน ประจำปีงบประมาณ พ.ศ. 2565 (1 ตุลาคม 2564 – 30 กันยายน 2565) ที่ report.html" in o39
    assert "รอบ 6 เดือน ประจำปีงบประมาณ พ.ศ. 2565 (1 ตุลาคม 2564 – 31 มีนาคม 2565) ที่ report-6m.html" in o39
    assert "ส่วนที่ 2 สรุปผลการดำเนินงาน" in o39 and "ลิงก์ไปยังหลักฐาน" in o39
    for name in PAGES:  # every address it gives is on the page it names
        ids = set(page(sites, "kksec", name).ids())
        for anchor in re.findall(rf"(?<![\w-]){re.escape(name)}#([\w-]+)", kksec):
            assert anchor in ids, (name, anchor)
    nan1 = (sites["nan1"] / "itas.txt").read_text(encoding="utf-8")
    assert not re.search(r"\bO\d+\b", nan1) and "ยังไม่มีเลขข้อ OIT" in nan1  # 2566: no confirmed numbers
    assert "ส่วนที่ ๒" in nan1 and "index.html#part-2" in nan1 and "#measure-7" in nan1
    assert "report.html#part-2" in nan1 and "รอบ ๖ เดือน" in nan1
    assert "&amp;" not in kksec + nan1  # plain text, not HTML


def test_no_progress_data_no_report_page(content_copy, tmp_path):
    """A year without progress.yaml: index.html alone, and itas.txt says the O39 page is not built."""
    (content_copy / "offices/kksec/2565/progress.yaml").unlink()
    built = build_site("kksec", out_dir=tmp_path, content=Content(content_copy))
    names = set(files_of(built.path))
    assert "index.html" in names and not [n for n in names if n.startswith("report")]
    html = (built.path / "index.html").read_text(encoding="utf-8")
    assert "report" not in html and 'class="pages"' not in html
    itas = (built.path / "itas.txt").read_text(encoding="utf-8")
    assert "ยังไม่ได้สร้างหน้ารายงานผลการดำเนินงาน" in itas and "progress.yaml" in itas


# --------------------------------------------------------------------------- escaping, all or nothing

def test_content_is_text_never_markup(content_copy):
    nasty = '<script>alert("x")</script> R&D <b>'
    pub = content_copy / "offices/nan1/2566/publication.yaml"
    replace_text(pub, "heading: ข้อเสนอแนะเชิงนโยบาย", f"heading: 'ข้อเสนอแนะเชิงนโยบาย {nasty}'")
    replace_text(pub, "- - งบประมาณ", f"- - 'งบประมาณ {nasty}'")
    model = prepare("nan1", content=Content(content_copy))
    tree = site_module.models(model, site_module.pages(model)[:1])["index.html"][0]
    html = html_writer.page(tree, {"downloads": [], "pages": [], "current": "index.html", "licence": False}, True)
    assert "<script" not in html and html.count("&lt;script&gt;") >= 3  # heading, contents entry, cell
    assert "R&amp;D &lt;b&gt;" in html and "<b>" not in html
    assert any(nasty in h.text for h in nodes.headings(tree))  # the contents entry, as text


def test_rebuild_is_byte_identical_and_takes_a_current_pdf(sites, tmp_path):
    """Same content, same bytes in every file; a PDF made from this very .docx is put beside it."""
    first = sites["nan1"]
    docx = first / "measures-2566.docx"
    shutil.copy(docx, tmp_path / docx.name)            # what `measures pdf` leaves in build/<office>
    (tmp_path / "measures-2566.pdf").write_bytes(b"%PDF-1.4 stand-in\n")
    again = build_site("nan1", out_dir=tmp_path, content=Content(CONTENT))
    a, b = files_of(first), files_of(again.path)
    assert b.pop("measures-2566.pdf") == b"%PDF-1.4 stand-in\n"
    assert [w.message for w in again.warnings] == [NO_PDF]  # the reports' PDFs: no LibreOffice here
    assert set(a) == set(b)
    linked = {"index.html", "itas.txt"}  # the two that name the PDF
    assert all(a[name] == b[name] for name in a if name not in linked)
    assert b'href="measures-2566.pdf"' in b["index.html"] and b'href="measures-2566.pdf"' not in a["index.html"]
    assert "และ PDF" in b["itas.txt"].decode() and "และ PDF" not in a["itas.txt"].decode()
    # the same again: byte-identical, index.html included
    third = build_site("nan1", out_dir=tmp_path / "again", content=Content(CONTENT))
    assert files_of(third.path) == files_of(first)


def test_a_stale_pdf_is_left_out_with_a_warning(sites, tmp_path):
    (tmp_path / "measures-2565.docx").write_bytes(b"an older document")
    (tmp_path / "measures-2565.pdf").write_bytes(b"%PDF-1.4 old\n")
    built = build_site("kksec", out_dir=tmp_path, content=Content(CONTENT))
    assert "measures-2565.pdf" not in files_of(built.path)
    assert any("PDF" in w.message and w.severity == "warning" for w in built.warnings)
    assert files_of(built.path)["measures-2565.docx"] == files_of(sites["kksec"])["measures-2565.docx"]


@pytest.fixture
def last_good(sites, tmp_path) -> Iterator[tuple[Path, dict[str, bytes]]]:
    """A last good site in tmp_path/site (a copy of kksec's)."""
    shutil.copytree(sites["kksec"], tmp_path / "site")
    yield tmp_path / "site", files_of(tmp_path / "site")
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")], "no leftovers"


def test_refused_build_leaves_the_last_good_site(content_copy, last_good, monkeypatch):
    folder, before = last_good
    replace_text(content_copy / "offices/kksec/2565/ita-2564.yaml", "1: 99.13", "1: 199.13")
    monkeypatch.setenv("MEASURES_CONTENT", str(content_copy))
    result = CliRunner().invoke(main, ["site", "--office", "kksec", "--out", str(folder.parent)])
    assert result.exit_code == 1 and "ita-2564.yaml" in result.output
    assert files_of(folder) == before


def test_failed_write_leaves_the_last_good_site(last_good, monkeypatch):
    folder, before = last_good
    from measures.write import write_atomic
    written = []

    def full_disk(path: Path, data: bytes) -> Path:  # the disk fills up at the fourth file
        if len(written) == 3:
            raise OutputError(path, OSError(28, "No space left on device"))
        written.append(path)
        return write_atomic(path, data)

    monkeypatch.setattr(write_module, "write_atomic", full_disk)
    with pytest.raises(OutputError, match="พื้นที่ดิสก์เต็ม"):
        build_site("kksec", out_dir=folder.parent, content=Content(CONTENT))
    assert files_of(folder) == before


def test_failed_swap_puts_the_last_good_site_back(last_good, monkeypatch):
    folder, before = last_good
    real_rename = os.rename

    def new_in_fails(src: str | Path, dst: str | Path) -> None:  # old moved aside, new refused
        if Path(dst) == folder and ".new." in Path(src).name:
            raise OSError(13, "Permission denied")
        real_rename(src, dst)

    monkeypatch.setattr(write_module.os, "rename", new_in_fails)
    with pytest.raises(OutputError):
        write_module.write_folder(folder, {"index.html": b"new"})
    assert files_of(folder) == before


def test_site_command_has_help_with_an_example():
    result = CliRunner().invoke(main, ["site", "--help"])
    assert result.exit_code == 0 and "ตัวอย่าง:" in result.output and "measures site --office" in result.output


# --------------------------------------------------------------------------- in Chromium

@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    reason = Browser.missing()
    if reason:
        pytest.skip(reason)
    b = Browser()
    yield b
    b.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def keep_for_review(shot: Path) -> None:
    """A copy in <tmp>/site-shots for a person to look at; never a reason to fail."""
    try:
        review = Path(tempfile.gettempdir()) / "site-shots"
        review.mkdir(exist_ok=True)
        shutil.copy(shot, review / shot.name)
    except OSError:
        pass


SCROLLS = "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


def page_anchors(model, name: str) -> dict[str, str]:
    """Anchor -> the element it names: parts (h2), measures by number (h4 on index.html, h3 on a
    report page) and by id (their section)."""
    out = {f"part-{n}": "H2" for n in (1, 2, 3)}
    for m in model.measures:
        out[f"measure-{m.number}"] = "H4" if name == "index.html" else "H3"
        out["measure-" + m.id.replace("_", "-")] = "SECTION"
    return out


@pytest.mark.parametrize("office", OFFICES)
def test_in_chromium(browser, sites, shots, office):
    folder = sites[office]
    inside = folder.as_uri() + "/"
    model = prepare(office, content=Content(CONTENT))
    for name in PAGES:
        url = (folder / name).as_uri()
        anchors = page_anchors(model, name)
        for width in (1280, 360, 180):  # 180: a 360 px phone at 200 % zoom
            browser.open(url, width)
            scroll, client = browser.js(SCROLLS)
            assert scroll <= client, f"{office} {name} at {width} px scrolls sideways ({scroll} > {client})"
            requests = browser.requests()
            outside = [r for r in requests if not r.startswith(inside)]
            assert requests and not outside, outside
            assert browser.js("return document.fonts.check('16px Sarabun')"
                              " && [...document.fonts].every(f => f.status == 'loaded')")
            targets = browser.js("return arguments[0].map(id => document.getElementById(id)?.tagName)", list(anchors))
            assert dict(zip(anchors, targets)) == anchors
            # The whole page at 1280 and 360 px; at 180 px the first screen (a full one is 100,000 px tall).
            shot = shots / f"{office}-{name.removesuffix('.html')}-{width}.png"
            keep_for_review(browser.screenshot(shot, full=width != 180))
        text = browser.js("return document.body.textContent")
        if model.thai_digits:
            assert re.search("[๐-๙]", text) and not re.search("[0-9]", KEPT.sub("", text))
        else:
            assert re.search("[0-9]", text) and not re.search("[๐-๙]", text)


@pytest.mark.parametrize("office", OFFICES)
def test_report_page_on_a_phone(browser, sites, office):
    """On a narrow screen each activity is a card: the values after their column's names, the
    status in words (the tick's text made visible), nothing wider than the screen."""
    browser.open((sites[office] / "report.html").as_uri(), 360)
    cards = browser.js("""
      return [...document.querySelectorAll('table.activities tbody tr')].map(tr => ({
        display: getComputedStyle(tr).display, width: tr.getBoundingClientRect().width,
        status: [...tr.querySelectorAll('.tick .words')].map(w => [w.textContent, w.getBoundingClientRect().width]),
        ticks: [...tr.querySelectorAll('.tick [aria-hidden]')].filter(t => t.getClientRects().length).length,
        label: getComputedStyle(tr.querySelector('td.result'), '::before').content}))""")
    assert cards and all(c["display"] == "grid" and c["width"] <= 360 for c in cards)
    assert all(len(c["status"]) == 1 and c["status"][0][1] > 20 and not c["ticks"] for c in cards)
    assert all(c["label"] == '"ผลการดำเนินงาน: "' for c in cards)
    browser.open((sites[office] / "report.html").as_uri(), 1280)  # on a wide screen: the table, ticks in columns
    assert browser.js("return getComputedStyle(document.querySelector('table.activities tbody tr')).display") \
        == "table-row"


CHART_FIRST_BAR = """const img = document.querySelector('figure.chart img');
const r = img.getBoundingClientRect();
return [r.left + scrollX, r.top + scrollY, r.width, Math.min(r.height, 300), img.naturalWidth,
        document.querySelector('#t-chart').closest('table').querySelector('tbody td').textContent.trim()]"""
# The same text set in the page's body text, where the chart is: how tall the browser draws it.
BODY_TEXT = """const s = document.createElement('span'); s.id = 'ink-probe'; s.textContent = arguments[0];
s.style.position = 'absolute'; s.style.left = '0'; s.style.top = scrollY + 'px'; s.style.padding = '0.5em';
s.style.background = '#fff'; s.style.color = 'var(--ink)'; s.style.lineHeight = '2';
document.body.append(s); const r = s.getBoundingClientRect();
return [r.left + scrollX, r.top + scrollY, r.width, r.height]"""


def _shot(browser, x: float, y: float, width: float, height: float):
    """The screen's pixels of a part of the page (CSS px), at the emulated device's scale."""
    import base64
    import io

    import numpy as np
    from PIL import Image
    shot = browser.cdp("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                       clip={"x": x, "y": y, "width": width, "height": height, "scale": 1})
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(shot["data"]))).convert("RGB")).astype(int)


def _ink(pixels) -> Any:
    """Where text is: dark grey pixels (the page's ink and the chart's, never its coloured bars
    or its blue pass line)."""
    return (pixels.max(axis=2) - pixels.min(axis=2) < 40) & (pixels.mean(axis=2) < 150)


def _ink_height(rows) -> int:
    """The height of the ink's one run of rows (a row holding ink is True)."""
    import numpy as np
    at = np.flatnonzero(rows)
    assert at.size and (np.diff(at) == 1).all(), "one line of text"
    return int(at[-1] - at[0] + 1)


def chart_value_height(pixels) -> int:
    """The height on screen of the score written after the chart's first bar: the first run of
    rows holding a bar (green or red), and the ink right of the bar's end in those rows and
    the rows either side, cut at the first blank row (the next name starts below one)."""
    import numpy as np
    bars = (pixels.max(axis=2) - pixels.min(axis=2) > 60) & ~((pixels[:, :, 2] > pixels[:, :, 0])
                                                              & (pixels[:, :, 2] > pixels[:, :, 1]))
    rows = np.flatnonzero(bars.sum(axis=1) >= 2)
    top = bottom = int(rows[0])
    while bottom + 1 < len(bars) and bars[bottom + 1].sum() >= 2:
        bottom += 1
    end = int(np.flatnonzero(bars[top:bottom + 1].any(axis=0)).max())
    ink = _ink(pixels)[:, end + 2:].any(axis=1)
    middle = (top + bottom) // 2
    assert ink[middle], "the score is beside its bar"
    first = last = middle
    while first > 0 and ink[first - 1]:
        first -= 1
    while last + 1 < len(ink) and ink[last + 1]:
        last += 1
    return last - first + 1


@pytest.mark.parametrize("office", OFFICES)
def test_chart_labels_are_at_body_size(browser, sites, office):
    """The page's chart (drawn for a phone, page_chart.py), as the browser shows it on a 360 px
    phone and on a wide screen: read from screenshots (at twice the pixels, as a phone's
    screen), the score beside the first bar, drawn with the chart's names' font, is as tall
    as the same figures set in the page's body text."""
    for width in (360, 1280):
        browser.open((sites[office] / "index.html").as_uri(), width)
        browser.cdp("Emulation.setDeviceMetricsOverride", width=width, height=800, deviceScaleFactor=2, mobile=False)
        x, y, shown, height, natural, value = browser.js(CHART_FIRST_BAR)
        assert shown <= width and natural > shown  # never wider than the screen; drawn sharper than shown
        in_chart = chart_value_height(_shot(browser, x, y, shown, height))
        probe = _shot(browser, *browser.js(BODY_TEXT, value))[4:-4, 4:-4]  # inside the span's padding
        in_text = _ink_height(_ink(probe).any(axis=1))
        browser.js("document.getElementById('ink-probe').remove()")
        assert 0.9 * in_text <= in_chart <= 1.1 * in_text, \
            f"{office} at {width} px: the chart's figures {in_chart} px tall, the text's {in_text} px ({value})"


WRAPS = """return [...document.querySelectorAll('.table-wrap')].map(w => {
  const r = w.getBoundingClientRect();
  return {caption: w.querySelector('caption').textContent.trim().slice(0, 40), scroll: w.scrollWidth,
          width: w.clientWidth, x: r.left + scrollX, y: r.top + scrollY, height: r.height};
})"""


def edge_brightness(browser, n: int, side: str) -> float:
    """How light the n-th table's box is just inside one edge, on screen: the 75th percentile of
    the pixels' lightness in a 3 px strip (most of a strip is the cells' background)."""
    import base64
    import io

    from PIL import Image
    r = browser.js("const w = document.querySelectorAll('.table-wrap')[arguments[0]]; w.scrollIntoView();"
                   "const r = w.getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, w.clientWidth,"
                   " Math.min(r.height, innerHeight - Math.max(r.top, 0))]", n)
    x = r[0] + (r[2] - 5 if side == "right" else 2)
    shot = browser.cdp("Page.captureScreenshot", format="png",
                       clip={"x": x, "y": r[1], "width": 3, "height": r[3], "scale": 1})
    pixels = sorted(Image.open(io.BytesIO(base64.b64decode(shot["data"]))).convert("L").tobytes())
    return float(pixels[int(len(pixels) * 0.75)])


@pytest.mark.parametrize("office", OFFICES)
def test_every_table_fits_or_shows_that_it_scrolls(browser, sites, office):
    """At 360 px, a table wider than the screen has a shadow at the edge where more of it lies:
    on the right before it is scrolled, on the left (and none on the right) at its end."""
    wide = []
    for name in PAGES:
        browser.open((sites[office] / name).as_uri(), 360)
        for n, wrap in enumerate(browser.js(WRAPS)):
            if wrap["scroll"] <= wrap["width"] + 1:
                continue  # it fits
            wide.append((name, wrap["caption"]))
            start = edge_brightness(browser, n, "right"), edge_brightness(browser, n, "left")
            browser.js("const w = document.querySelectorAll('.table-wrap')[arguments[0]];"
                       "w.scrollLeft = w.scrollWidth", n)
            end = edge_brightness(browser, n, "right"), edge_brightness(browser, n, "left")
            assert start[0] < 230 and end[0] > 245, (name, wrap["caption"], "right", start[0], end[0])
            assert start[1] > 245 and end[1] < 230, (name, wrap["caption"], "left", start[1], end[1])
    assert len(wide) >= 3, wide  # the summary and the five-column tables do not fit a phone


LONE = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


@pytest.mark.parametrize("office", OFFICES)
def test_no_short_word_stands_alone_in_a_cell(browser, sites, office):
    """On a phone, a line of a table cell is never one word of one syllable (at most three
    letters: ของผู้ | มี | ส่วนได้ส่วนเสีย), as in the body text; header cells too, as narrow
    as their column (ผลต่าง | ของ | คะแนน, ผล | คะแนน ITA were seen)."""
    for name in ("index.html", "report.html"):
        browser.open((sites[office] / name).as_uri(), 360)
        alone = []
        for text, starts in browser.js(LINE_STARTS, "td:not(:has(ul)), th:not(:has(ul)), td li"):
            cuts = [0, *starts, len(text)]
            for line in (text[a:b] for a, b in itertools.pairwise(cuts)):
                found = [w for w in words(line) if w.strip()]
                if len(found) == 1 and THAI.search(found[0]) and len(LONE.sub("", found[0])) <= 3:
                    alone.append(f"{line.strip()} ← {text[:30]}")
        assert not alone, (name, alone)


# Where each line of an element starts, as offsets into its textContent; an element the screen
# does not show (inside a visually hidden box of 1 px: the header of the report's cards) is left out.
LINE_STARTS = """
const out = [];
const hidden = el => { for (let a = el; a; a = a.parentElement) { const r = a.getBoundingClientRect();
  if (r.width <= 1 || r.height <= 1) return true; } return false; };
for (const el of document.querySelectorAll(arguments[0])) {
  if (hidden(el)) continue;
  const starts = []; let offset = 0, top = null;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (let i = 0; i < n.data.length; i++, offset++) {
      const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
      const rects = r.getClientRects();
      if (!rects.length) continue;
      const t = rects[rects.length - 1].top;
      if (top !== null && t > top + 2) starts.push(offset);
      top = t;
    }
  }
  if (starts.length) out.push([el.textContent, starts]);
}
return out;
"""
THAI = re.compile("[\u0e01-\u0e4e]")


@pytest.mark.parametrize("office", OFFICES)
def test_thai_words_are_not_cut_at_line_ends(browser, sites, office):
    """In narrow table cells (a phone at 200 %) every line ends between words, never inside one."""
    for name in ("index.html", "report.html"):
        browser.open((sites[office] / name).as_uri(), 180)
        cut, breaks = [], 0
        for text, starts in browser.js(LINE_STARTS, "td:not(:has(ul)), tbody th, td li"):
            bounds, at = {0}, 0
            for w in words(text):
                at += len(w)
                bounds.add(at)
            for s in starts:
                breaks += 1
                if s not in bounds and THAI.match(text[s - 1]) and THAI.match(text[s]):
                    cut.append(f"{text[max(0, s - 10):s]}|{text[s:s + 10]}")
        assert breaks > 200 and not cut, (name, cut)


NUMBER_END = re.compile("[0-9๐-๙]$")
NUMBER_START = re.compile("[0-9๐-๙]")
WORD_END = re.compile("[\u0e01-\u0e4e.]$")  # a Thai word, or an abbreviation (พ.ศ.)


@pytest.mark.parametrize("office", OFFICES)
def test_a_number_stays_with_its_words(browser, sites, office):
    """The links between the pages, the title and the office's name, on a phone and at 200 %
    zoom: no line ends between a number and the word it counts or the word that names it
    (รอบ ๖ | เดือน was seen in the links), and none begins with a number cut from its word."""
    cut = []
    for name in PAGES:
        for width in (360, 180):
            browser.open((sites[office] / name).as_uri(), width)
            for text, starts in browser.js(LINE_STARTS, ".pages a, h1, p.office"):
                for at in starts:
                    before, after = text[:at].rstrip(), text[at:].lstrip()
                    if (NUMBER_END.search(before) and THAI.match(after)) or \
                            (WORD_END.search(before) and NUMBER_START.match(after)):
                        cut.append(f"{name} {width}: {before[-12:]} | {after[:12]}")
    assert not cut, cut


def test_glue_keeps_a_number_with_its_words_and_a_header_s_short_words():
    """What the page glues (typography.units): a number with the word before it and its unit
    after it, never a whole phrase after it; in a header cell a short word with its neighbour."""
    def runs(text: str, header: bool = False) -> list[str]:
        return ["".join(u) for u in units(words(text), header)]
    assert "รอบ ๖ เดือน" in runs("รายงานผลการดำเนินงาน รอบ ๖ เดือน")
    assert "รอบ 12 เดือน" in runs("รายงานผลการดำเนินงาน รอบ 12 เดือน")
    assert {"พ.ศ. ๒๕๖๖", "๑ ตุลาคม ๒๕๖๕ –"} <= set(runs("ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ (๑ ตุลาคม ๒๕๖๕ – ๓๐ กันยายน ๒๕๖๖)"))
    assert "ปี ๒๕๖๖" in runs("ในปี ๒๕๖๖ มีการประเมิน")
    assert "(1 ตุลาคม 2564 –" in runs("(1 ตุลาคม 2564 – 30 กันยายน 2565)")
    assert "๒,๕๐๐ บาท" in runs("ใช้งบประมาณ ๒,๕๐๐ บาท")  # its unit first: งบประมาณ with them is too long
    assert "ที่ ๙" in runs("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล")  # not ๙ การ: the first word of a phrase
    assert "85.00 –" in runs("85.00 – 94.99")
    assert runs("ผลต่างของคะแนน", header=True) == ["ผลต่าง", "ของคะแนน"]
    assert runs("ผลคะแนน ITA", header=True)[0] == "ผลคะแนน"
    assert runs("ตัวชี้วัดที่", header=True) == ["ตัวชี้วัดที่"]
    assert runs("ผลต่างของคะแนน") == ["ผลต่าง", "ของ", "คะแนน"]  # in the body, the browser's own choice
    long = "คณะกรรมการการศึกษาขั้นพื้นฐาน ๒๕๖๖"  # never a unit wider than a line at 200 %
    assert all(letters(u) <= UNIT_MAX for u in runs(long))


PRACTICE = """const t = document.querySelector('#t-practice').closest('table');
return {wrap: [t.parentElement.scrollWidth, t.parentElement.clientWidth],
        heads: [...t.querySelectorAll('thead th')].map(th => th.textContent.trim()),
        rows: [...t.querySelectorAll('tbody tr')].map(tr => ({display: getComputedStyle(tr).display,
          width: tr.getBoundingClientRect().width,
          cells: [...tr.querySelectorAll('td')].filter(td => getComputedStyle(td).display != 'none')
                  .map(td => [td.cellIndex, getComputedStyle(td, '::before').content])}))}"""


@pytest.mark.parametrize("office", OFFICES)
def test_practice_table_is_cards_on_a_phone(browser, sites, office):
    """The practice table (five columns for nan1, 924 px wide at 360 px before): on a phone each
    row a card, no wider than the screen, each value under its column's header; on a wide
    screen the table."""
    browser.open((sites[office] / "index.html").as_uri(), 360)
    t = browser.js(PRACTICE)
    assert t["rows"] and t["wrap"][0] <= t["wrap"][1], t["wrap"]
    assert len(t["heads"]) == (5 if office == "nan1" else 4)
    for row in t["rows"]:
        assert row["display"] == "block" and row["width"] <= 360
        assert row["cells"] and all(label == f'"{t["heads"][n]}"' for n, label in row["cells"]), (t["heads"], row)
    browser.open((sites[office] / "index.html").as_uri(), 1280)
    assert {r["display"] for r in browser.js(PRACTICE)["rows"]} == {"table-row"}


@pytest.mark.skipif(not AXE.is_file(), reason="needs axe-core: npm ci (package.json)")
@pytest.mark.parametrize("office", OFFICES)
def test_axe_finds_nothing_serious(browser, sites, office):
    source = AXE.read_text(encoding="utf-8")
    # report-6m.html is report.html's template with other figures: on a phone (its cards) only.
    for name, width in (("index.html", 1280), ("index.html", 360), ("report.html", 1280), ("report.html", 360),
                        ("report-6m.html", 360)):
        browser.open((sites[office] / name).as_uri(), width)
        # Contrast, two thirds of axe's time, once a page kind: the colours are site.css's, set by
        # neither width nor office, and nan1's pages have every kind of row (sub-indicators too).
        contrast = office == "nan1" and width == 1280
        violations = browser.axe(source, skip=() if contrast else ("color-contrast",))
        serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in violations
                   if v["impact"] in ("serious", "critical")]
        assert not serious, f"{office} {name} at {width} px: {serious}"
