"""The publication as a web page (`measures site`, issue 13), for both example offices: the
measures (index.html) and the progress report's two rounds (report-6m.html, report.html).

Always run: the folder's files, anchors, headings and tables read from the HTML, the links
between the pages, the same sentences as the .docx (every phrase of measures/layout/phrases.py
in both outputs), the report's summary figures equal to its .docx's, escaping, Thai digits,
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

import pytest
from click.testing import CliRunner
from jinja2 import ChainableUndefined, Environment
from markupsafe import Markup

from measures import site as site_module
from measures.cli import main
from measures.context import context, report_context
from measures.docxread import all_text, open_docx
from measures.layout import phrases
from measures.load import Content
from measures.pipeline import prepare
from measures.progress import Round
from measures.site import build_site, words
from measures.thai import arabic_digits
from measures.write import OutputError

from .browser import Browser
from .conftest import CONTENT, PROJECT, replace_text
from .test_report import HAND

OFFICES = {"kksec": 2565, "nan1": 2566}
REPORTS = {"report-6m.html": "6m", "report.html": "12m"}  # page -> its round
PAGES = ("index.html", *REPORTS)
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
# What keeps Arabic digits in a Thai-digit page (as measures/thai.py): URLs, e-mails, item codes.
KEPT = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[A-Za-z]\d+\b")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each example office's site, built once for the module from the shipped content."""
    out = tmp_path_factory.mktemp("sites")
    return {office: build_site(office, out_dir=out / office, content=Content(CONTENT)).path for office in OFFICES}


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
    assert not [n for n in names if n.endswith(".pdf")]  # none was built: none is linked
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


def activity_rows(rows: list[list[str]]) -> list[tuple[str, str, str, int]]:
    """(number, budget, spent, which status column is ticked) of each activity row."""
    out = []
    for row in rows[1:]:
        ticked = [i for i, cell in enumerate(row[4:7]) if cell]
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
    docx_tables = [[[" ".join(c.text.split()) for c in row.cells] for row in t.rows] for t in doc.tables
                   if t.rows and len(t.columns) == 9]
    activities = [rows for rows in docx_tables if rows[0][0] == "ที่"]
    html_activities = [rows for key, rows in p.tables.items() if key.startswith("t-measure-")]
    assert [activity_rows(r) for r in html_activities] == [activity_rows(r) for r in activities]
    model = prepare(office, content=Content(CONTENT))
    ctx = report_context(model, Round.of(OFFICES[office], REPORTS[name]))  # type: ignore[arg-type]
    words_of = [a["status"] for m in ctx["measures"] for a in m["activities"]]
    html = (sites[office] / name).read_text(encoding="utf-8")
    said = [Markup(w).striptags() for w in re.findall(
        r'<span aria-hidden="true">√</span><span class="visually-hidden words">(.*?)</span></td>', html)]
    ticked = [column for rows in html_activities for *_, column in activity_rows(rows)]
    assert said == words_of and len(said) == len(ticked)
    for column, status in zip(ticked, said):  # the ticked column names the status said in words
        assert phrases.REPORT_STATUS[column] in status

    summary = next(rows for rows in docx_tables if rows[0][0] == "มาตรการ")
    assert [[arabic_digits(c) for c in row] for row in p.tables["summary"]] == [
        [arabic_digits(c) for c in row] for row in summary]
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
    evidence = {x for m in ctx["measures"] for a in m["activities"] for x in a["evidence"]}
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


# Phrases a document prints only in some cases, and the example pages that lack them; each is
# checked to be missing from both outputs there (and in both everywhere else).
CONDITIONAL = {
    "SIGNED_ON": "ประกาศ ณ วันที่ only with a date: kksec's publication and both reports have none",
    "REPORT_OVER_BUDGET": "only for an activity that spent more than its budget: none in the first six months",
    "REPORT_NO_ACTIVITY": "only for a measure without an activity in the round: none in twelve months",
    "REPORT_NO_PROBLEMS": "only when no activity records a problem: every example round has some",
    "REPORT_NO_SUGGESTIONS": "only when no activity records a suggestion: every example round has some",
}
MISSING = {
    ("kksec", "index.html"): {"SIGNED_ON"},
    ("nan1", "index.html"): set(),
    ("kksec", "report-6m.html"): {"SIGNED_ON", "REPORT_OVER_BUDGET", "REPORT_NO_PROBLEMS", "REPORT_NO_SUGGESTIONS"},
    ("kksec", "report.html"): {"SIGNED_ON", "REPORT_NO_ACTIVITY", "REPORT_NO_PROBLEMS", "REPORT_NO_SUGGESTIONS"},
}
MISSING[("nan1", "report-6m.html")] = MISSING[("kksec", "report-6m.html")]
MISSING[("nan1", "report.html")] = MISSING[("kksec", "report.html")]
# Printed on paper only: the web says it otherwise. (Not looked for on the page.)
PAPER_ONLY = {
    "CONTENTS_PAGE": "หน้า, the contents' page-number column: a web page has no page numbers",
    "MEASURE_ROW": "the measures table's first cell on paper; on the web page each measure is a section "
                   "under its heading (MEASURE)",
}


class Hole(ChainableUndefined):
    """A loop variable the phrase is not given (`a`, `x`): anything may stand there."""

    def __str__(self) -> str:
        return "\x00"

    def __html__(self) -> str:
        return "\x00"


HOLES = Environment(undefined=Hole)


def phrase_pattern(text: str, data: dict[str, object]) -> re.Pattern[str]:
    """The phrase filled from the context; a hole (an unfilled loop variable) matches up to 400 characters."""
    filled = HOLES.from_string(text).render(data)
    return re.compile(".{0,400}?".join(re.escape(" ".join(arabic_digits(part).split()) if part.strip() else part)
                                        for part in filled.split("\x00")))


def flat(value: object) -> list[str]:
    return [value] if isinstance(value, str) else [s for v in value for s in flat(v)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("office", OFFICES)
def test_every_phrase_is_in_both_outputs(sites, office):
    """ONE SOURCE FOR THE FIXED WORDING: each phrase of measures/layout/phrases.py that a document
    prints, filled from the context (for every tool and measure of a loop), is in its .docx and in
    its page, or in neither where CONDITIONAL says why. A sentence changed in one output only, or
    a web page writing its own copy of a sentence, fails here."""
    listed = set(phrases.MEASURES_DOCUMENT) | set(phrases.REPORT_DOCUMENT)
    assert listed == {n for n in vars(phrases) if n.isupper() and n not in ("MEASURES_DOCUMENT", "REPORT_DOCUMENT")}
    assert set(CONDITIONAL) | set(PAPER_ONLY) <= listed
    model = prepare(office, content=Content(CONTENT))
    year, folder = OFFICES[office], sites[office]
    ctx = context(model)
    tools = [{**t, **n} for t, n in zip(ctx["framework"]["tools"], ctx["tool_notes"])]  # type: ignore[call-overload]
    outputs = [("index.html", f"measures-{year}.docx", ctx, phrases.MEASURES_DOCUMENT)]
    outputs += [(name, f"report-{year}-{rnd}.docx", report_context(model, Round.of(year, rnd)),  # type: ignore[arg-type]
                 phrases.REPORT_DOCUMENT) for name, rnd in REPORTS.items()]
    for name, docx, data, names in outputs:
        docx_text = " ".join(arabic_digits(all_text(open_docx(folder / docx))).split())
        html_text = arabic_digits(page(sites, office, name).all_text())
        missing = set()
        for n in names:
            for text in flat(getattr(phrases, n)):
                loops = {"t": tools} if "t." in text else {"m": data["measures"]} if "m." in text else {"": [None]}
                [(var, values)] = loops.items()
                for value in values:
                    pattern = phrase_pattern(text, {**data, var: value})
                    in_docx, in_html = bool(pattern.search(docx_text)), bool(pattern.search(html_text))
                    if n in PAPER_ONLY:
                        assert in_docx, (name, n, pattern.pattern)
                    elif in_docx != in_html:
                        pytest.fail(f"{office} {name}: {n} {'only in the .docx' if in_docx else 'only on the page'}: "
                                    f"{pattern.pattern[:120]}")
                    elif not in_docx:
                        missing.add(n)
        assert missing == MISSING[office, name], name


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
    from measures.chart import indicator_chart
    files: dict[str, bytes | Path] = {site_module.CHART: indicator_chart(model.analysis, True)}
    html, headings = site_module.index_html(model, context(model), files, [site_module.Page("index.html", "x")])
    assert "<script" not in html and html.count("&lt;script&gt;") >= 3  # heading, contents entry, cell
    assert "R&amp;D &lt;b&gt;" in html and "<b>" not in html
    assert any(nasty in h.text for h in headings)  # the contents entry, as text


def test_rebuild_is_byte_identical_and_takes_a_current_pdf(sites, tmp_path):
    """Same content, same bytes in every file; a PDF made from this very .docx is put beside it."""
    first = sites["nan1"]
    docx = first / "measures-2566.docx"
    shutil.copy(docx, tmp_path / docx.name)            # what `measures pdf` leaves in build/<office>
    (tmp_path / "measures-2566.pdf").write_bytes(b"%PDF-1.4 stand-in\n")
    again = build_site("nan1", out_dir=tmp_path, content=Content(CONTENT))
    a, b = files_of(first), files_of(again.path)
    assert b.pop("measures-2566.pdf") == b"%PDF-1.4 stand-in\n" and not again.warnings
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

    monkeypatch.setattr(site_module, "write_atomic", full_disk)
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

    monkeypatch.setattr(site_module.os, "rename", new_in_fails)
    with pytest.raises(OutputError):
        site_module.write_folder(folder, {"index.html": b"new"})
    assert files_of(folder) == before


def test_site_command_has_help_with_an_example():
    result = CliRunner().invoke(main, ["site", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "measures site --office" in result.output


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
    assert all(c["label"] == '"รายละเอียดและผลการดำเนินงาน: "' for c in cards)
    browser.open((sites[office] / "report.html").as_uri(), 1280)  # on a wide screen: the table, ticks in columns
    assert browser.js("return getComputedStyle(document.querySelector('table.activities tbody tr')).display") \
        == "table-row"


# Where each line of an element starts, as offsets into its textContent.
LINE_STARTS = """
const out = [];
for (const el of document.querySelectorAll(arguments[0])) {
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
