"""The publication as a web page (`measures site`, issue 13), for both example offices.

Always run: the folder's files, anchors, headings and tables read from the HTML, the same
sentences as the .docx, escaping, Thai digits, itas.txt, byte-identical rebuilds, and a refused
or failed build leaving the last good site as it was. In Debian's headless Chromium (skipped,
with the reason, without chromium/chromedriver, or node's axe-core for the axe check): no
horizontal scrolling at 360 px and at 200 % zoom (a 180 px viewport: the layout a 360 px phone
gives at 200 %), no request outside the folder (the DevTools network log), axe-core, anchors,
digits, Thai words not cut at line ends, and screenshots at each width.
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

from measures import site as site_module
from measures.cli import main
from measures.context import context
from measures.load import Content
from measures.pipeline import prepare
from measures.site import build_site, words
from measures.write import OutputError

from .browser import Browser
from .conftest import CONTENT, PROJECT, replace_text

OFFICES = {"kksec": 2565, "nan1": 2566}
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
    """What the tests read from a page: elements with their attributes, headings, tables, text."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.headings: list[tuple[int, str]] = []
        self.text: list[str] = []
        self._heading: int | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = int(tag[1])
            self.headings.append((self._heading, ""))

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading is not None:
            level, text = self.headings[-1]
            self.headings[-1] = (level, text + data)

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.tags if "id" in a]

    def all_text(self) -> str:
        return " ".join("".join(self.text).split())


def page(sites: dict[str, Path], office: str) -> Page:
    return Page((sites[office] / "index.html").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- the folder

@pytest.mark.parametrize("office", OFFICES)
def test_folder_holds_everything_the_page_uses(sites, office):
    folder, year = sites[office], OFFICES[office]
    names = set(files_of(folder))
    assert {"index.html", "site.css", "itas.txt", "chart-indicators.png", f"measures-{year}.docx",
            "fonts/Sarabun-Regular.ttf", "fonts/Sarabun-Bold.ttf", "fonts/OFL.txt"} <= names
    assert f"measures-{year}.pdf" not in names  # none was built: none is linked
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert "<script" not in html and "Content-Security-Policy" in html and "default-src 'none'" in html
    css = (folder / "site.css").read_text(encoding="utf-8")
    referenced = [a.get("href") or a.get("src") for _, a in Page(html).tags if a.get("href") or a.get("src")]
    referenced += re.findall(r'url\("([^"]+)"\)', css)
    for ref in referenced:
        if ref.startswith("#"):
            continue
        assert "://" not in ref and not ref.startswith("//"), ref  # nothing outside the folder
        assert ref.split("#")[0] in names, ref
    assert "SIL OPEN FONT LICENSE" in (folder / "fonts/OFL.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("office", OFFICES)
def test_anchors_headings_and_tables(sites, office):
    p = page(sites, office)
    ids = p.ids()
    assert len(ids) == len(set(ids)), "every id once"
    model = prepare(office, content=Content(CONTENT))
    expected = ["part-1", "part-2", "part-3"] + [f"measure-{m.number}" for m in model.measures] + [
        "measure-" + m.id.replace("_", "-") for m in model.measures]
    assert set(expected) <= set(ids)
    assert "measure-disclosure" in ids and "measure-conflict-of-interest" in ids
    for tag, a in p.tags:  # every link inside the page reaches its target
        if tag == "a" and a.get("href", "").startswith("#"):
            assert a["href"][1:] in ids, a["href"]
    levels = [level for level, _ in p.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), "no heading level skipped"
    titles = dict(zip([a["id"] for t, a in p.tags if re.fullmatch("h[2-4]", t) and "id" in a],
                      [text for level, text in p.headings if level > 1]))
    assert titles["part-2"].startswith("ส่วนที่") and "การวิเคราะห์ผลการประเมิน" in titles["part-2"]
    tables = [i for i, (t, _) in enumerate(p.tags) if t == "table"]
    assert len(tables) >= 8
    for i in tables:
        assert p.tags[i + 1][0] == "caption", "every table has a caption"
    assert all(a.get("scope") in ("col", "row") for t, a in p.tags if t == "th")
    img = next(a for t, a in p.tags if t == "img")
    assert len(img["alt"]) > 40 and "t-chart" in ids  # the chart: a text alternative and its data as a table


@pytest.mark.parametrize("office", OFFICES)
def test_page_says_what_the_document_says(sites, office):
    """The sentences come from the same context the .docx is made from (wording.py)."""
    model = prepare(office, content=Content(CONTENT))
    ctx = context(model)
    text = page(sites, office).all_text()
    convert = site_module.digits if model.thai_digits else str
    for key in ("strengths_text", "weakness_text", "priorities_text", "measures_step", "actions_intro"):
        assert convert(ctx[key]) in text, key
    for m in ctx["measures"]:
        for line in m["lines"]:
            assert convert(line["text"]) in text
    for place in ("sections_after_analysis", "sections_after_measures"):
        for s in ctx[place]:
            assert convert(s["heading"]) in text
            for block in s["body"].items:
                for cell in (block.table.rows[0] if block.table else []):
                    assert convert(cell) in text
    if office == "nan1":
        assert ctx["practice_timing"] and "ระยะเวลา" in text and "ผู้อนุมัติและประกาศ" in text
        assert ctx["has_subindicators"] and convert("9.5") in text
    assert (sites[office] / f"measures-{OFFICES[office]}.docx").read_bytes()[:2] == b"PK"


def test_digits_follow_the_office(sites):
    thai, arabic = page(sites, "nan1").all_text(), page(sites, "kksec").all_text()
    assert re.search("[๐-๙]", thai) and not re.search("[0-9]", KEPT.sub("", thai))
    assert "saraban@nan1.obec.example" in thai  # an e-mail keeps its digits
    assert re.search("[0-9]", arabic) and not re.search("[๐-๙]", arabic)
    nan1 = (sites["nan1"] / "index.html").read_text(encoding="utf-8")
    assert 'id="part-2"' in nan1 and 'href="#measure-3"' in nan1  # anchors keep theirs


# --------------------------------------------------------------------------- itas.txt

def test_itas_txt_names_the_items_and_where_they_are(sites):
    kksec = (sites["kksec"] / "itas.txt").read_text(encoding="utf-8")
    assert "O38" in kksec and "O39" in kksec
    assert "เผยแพร่มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2565" in kksec
    assert "ส่วนที่ 2 การวิเคราะห์ผลการประเมิน" in kksec and "index.html#part-2" in kksec
    assert "report.html" in kksec and "ยังไม่ได้สร้าง" in kksec  # the O39 page does not exist yet
    ids = set(page(sites, "kksec").ids())
    for anchor in re.findall(r"index\.html#([\w-]+)", kksec):
        assert anchor in ids, anchor
    nan1 = (sites["nan1"] / "itas.txt").read_text(encoding="utf-8")
    assert not re.search(r"\bO\d+\b", nan1) and "ยังไม่มีเลขข้อ OIT" in nan1  # 2566: no confirmed numbers
    assert "ส่วนที่ ๒" in nan1 and "index.html#part-2" in nan1 and "#measure-7" in nan1
    assert "&amp;" not in kksec + nan1  # plain text, not HTML


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


@pytest.mark.parametrize("office", OFFICES)
def test_in_chromium(browser, sites, shots, office):
    folder = sites[office]
    url = (folder / "index.html").as_uri()
    inside = folder.as_uri() + "/"
    model = prepare(office, content=Content(CONTENT))
    anchors = ["part-1", "part-2", "part-3"] + [f"measure-{m.number}" for m in model.measures] + [
        "measure-" + m.id.replace("_", "-") for m in model.measures]
    for width in (1280, 360, 180):  # 180: a 360 px phone at 200 % zoom
        browser.open(url, width)
        scroll, client = browser.js(SCROLLS)
        assert scroll <= client, f"{office} at {width} px scrolls sideways ({scroll} > {client})"
        requests = browser.requests()
        outside = [r for r in requests if not r.startswith(inside)]
        assert requests and not outside, outside
        assert browser.js("return document.fonts.check('16px Sarabun')"
                          " && [...document.fonts].every(f => f.status == 'loaded')")
        targets = browser.js("return arguments[0].map(id => document.getElementById(id)?.tagName)", anchors)
        assert dict(zip(anchors, targets)) == {a: "SECTION" if a.startswith("measure-") and not a[8:].isdigit()
                                               else "H2" if a.startswith("part-") else "H4" for a in anchors}
        # The whole page at 1280 and 360 px; at 180 px the first screen (a full one is 100,000 px tall).
        keep_for_review(browser.screenshot(shots / f"{office}-{width}.png", full=width != 180))
    text = browser.js("return document.body.textContent")
    if model.thai_digits:
        assert re.search("[๐-๙]", text) and not re.search("[0-9]", KEPT.sub("", text))
    else:
        assert re.search("[0-9]", text) and not re.search("[๐-๙]", text)


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
    browser.open((sites[office] / "index.html").as_uri(), 180)
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
    assert breaks > 200 and not cut, cut


@pytest.mark.skipif(not AXE.is_file(), reason="needs axe-core: npm ci (package.json)")
@pytest.mark.parametrize("office", OFFICES)
def test_axe_finds_nothing_serious(browser, sites, office):
    source = AXE.read_text(encoding="utf-8")
    for width in (1280, 360):
        browser.open((sites[office] / "index.html").as_uri(), width)
        # Contrast, two thirds of axe's time, once: site.css sets no colour by width.
        violations = browser.axe(source, skip=() if width == 1280 else ("color-contrast",))
        serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in violations
                   if v["impact"] in ("serious", "critical")]
        assert not serious, f"{office} at {width} px: {serious}"

