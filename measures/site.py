"""The publication as a static web page (issue 13): OIT evidence is judged by URL, and a
.docx or a scanned PDF is not a page an assessor can read or link into.

`build/<office>/site/` is a folder the office uploads as it is: index.html (made from the same
resolved model and context as the .docx), and when the year has progress data the progress
report's two rounds, report-6m.html and report.html (12 months, from the same report context as
the report .docx); site.css, the Sarabun font with its licence, the chart, each page's .docx
(and its PDF when it is current), and itas.txt, the explanation an officer pastes into the ITA
system beside each URL. No JavaScript, and nothing is fetched from outside the folder (the
page's Content-Security-Policy says so to the browser).

One function per file made. Each page and its .docx are the same document model
(measures/document/), written by the two writers (measures/writers/): they cannot differ.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .cache import Cache
from .document.nodes import Document, Figure, Heading, Link, headings, walk
from .fonts import sarabun_dir, sarabun_licence
from .load import Content
from .pipeline import REFERENCE, DocKind, document, prepare
from .problems import ContentError, Problem
from .progress import Round, RoundKind
from .project import package_file
from .publications import KINDS, Links
from .resolve import Resolved
from .typography import digits
from .wording import round_title
from .write import write_folder
from .writers import html

SITE = "site"
FONT_FACES = ("Regular", "Bold")  # what site.css declares; the page has no italics


@dataclass(frozen=True)
class Site:
    path: Path
    warnings: list[Problem]
    files: list[str]


@dataclass(frozen=True)
class Page:
    """A page of the site, for the links between pages and for itas.txt."""
    href: str
    title: str                       # its name in every page's navigation
    round: RoundKind | None = None   # a report page's round
    doc: str = ""                    # the name (no extension) of its .docx in the folder


# The progress report's pages: a round each (each a complete report with its own figures,
# statuses as they stood at its end, and its own .docx), the year's in the shorter address.
REPORTS: dict[RoundKind, str] = {"6m": "report-6m.html", "12m": "report.html"}
ROUND_NAMES: dict[RoundKind, str] = {"6m": "รอบ 6 เดือน", "12m": "รอบ 12 เดือน"}


def pages(model: Resolved) -> list[Page]:
    """The site's pages: the measures, then the progress report's rounds when the year has
    progress data. Every page's navigation (page.html) lists them all; itas.txt gives their addresses."""
    from .document import phrases
    year = model.publication.year
    out = [Page("index.html", phrases.COVER[0] + phrases.COVER[1], None, KINDS["measures"].file(year))]
    if model.progress is not None:
        out += [Page(href, f"{phrases.REPORT_COVER[0]} {ROUND_NAMES[kind]}", kind, KINDS["report"].file(year, kind))
                for kind, href in REPORTS.items()]
    return out


@dataclass(frozen=True)
class Report:
    """A report page as itas.txt describes it."""
    page: Page
    title: str               # the round with its dates (wording.round_title)
    headings: list[Heading]


def build_site(office: str, year: int | None = None, out_dir: Path | None = None,
               content: Content | None = None) -> Site:
    """Check, make every file in memory, then write the folder all at once (`write_folder`)."""
    content = content or Content()
    model = prepare(office, year, content)  # refuses bad content before anything is written
    out_dir = Path(out_dir) if out_dir else content.project.output_dir(office)
    files, warnings = site_files(model, content, out_dir)
    folder = write_folder(out_dir / SITE, files)
    return Site(folder, model.warnings + warnings, sorted(files))


def site_files(model: Resolved, content: Content, out_dir: Path, pdf: bool = True,
               made: dict[str, bytes] | None = None, trees: dict[str, tuple[Document, dict[str, object]]] | None = None
               ) -> tuple[dict[str, bytes | Path], list[Problem]]:
    """Every file of the site by its name, in memory (a PDF already current in `out_dir` by its
    path). `pdf`: make the PDFs that are not current (LibreOffice); without it, those are left
    out and the pages say there is none yet (the live preview makes them afterwards). `made`:
    .docx files already built from this model, by name, and `trees` the pages' models they were
    built from (the preview writes the measures document first)."""
    cache = Cache(content.project.cache)
    site_pages = pages(model)
    trees = trees or models(model, site_pages, cache)
    files, warnings = documents(model, content, out_dir, site_pages, trees, pdf, made)
    files.update(font_files())
    files["site.css"] = package_file("measures.templates", "site/site.css")
    reports = []
    for page in site_pages:
        tree = trees[page.href][0]
        images = {f.name: screen_chart(model, cache) for f in _figures(tree)}  # the chart drawn for a phone
        files.update(images)
        frame = {"downloads": _downloads(page.doc, files), "pages": site_pages, "current": page.href,
                 "licence": "fonts/OFL.txt" in files}
        files[page.href] = html.page(tree, frame, model.thai_digits, images).encode("utf-8")
        if page.round is not None:
            reports.append(Report(page, round_title(Round.of(model.publication.year, page.round)), headings(tree)))
    has_pdf = f"{site_pages[0].doc}.pdf" in files
    files["itas.txt"] = itas_txt(model, trees["index.html"], reports, has_pdf).encode("utf-8")
    return files, warnings


def models(model: Resolved, site_pages: list[Page], cache: Cache | None = None, hrefs: set[str] | None = None
           ) -> dict[str, tuple[Document, dict[str, object]]]:
    """Each page's document model (and its context), with the links between the pages
    (`hrefs`: only these pages')."""
    reports = tuple(Link(ROUND_NAMES[p.round], p.href) for p in site_pages if p.round is not None)
    out = {}
    for page in site_pages:
        if hrefs is not None and page.href not in hrefs:
            continue
        if page.round is None:
            out[page.href] = KINDS["measures"].document(model, cache=cache, links=Links(reports=reports))
        else:
            out[page.href] = KINDS["report"].document(model, page.round, cache, Links(guidelines="index.html"))
    return out


def screen_chart(model: Resolved, cache: Cache | None = None) -> bytes:
    from .chart import indicator_chart  # matplotlib only when the chart is not in `cache`
    return indicator_chart(model.analysis, model.thai_digits, cache, page=True)


def _figures(tree: Document) -> list[Figure]:
    return [b for b in walk(tree.body) if isinstance(b, Figure)]


# --------------------------------------------------------------------------- the files

def documents(model: Resolved, content: Content, out_dir: Path, site_pages: list[Page] | None = None,
              trees: dict[str, tuple[Document, dict[str, object]]] | None = None, pdf: bool = True,
              made: dict[str, bytes] | None = None) -> tuple[dict[str, bytes | Path], list[Problem]]:
    """Each page's .docx beside it, written from the same document model as the page, and its
    PDF: the one in build/ when it was made from exactly this document, else made now with
    LibreOffice (sitepdf); without it, none, and a warning says why.

    A .docx already in build/ may be older than the content, so it is not copied: the fresh
    bytes are the same as a current one (builds are byte-identical)."""
    from .sitepdf import site_pdfs
    reference = content.project.template(REFERENCE)
    site_pages = site_pages or pages(model)
    trees = trees or models(model, site_pages, Cache(content.project.cache))
    files: dict[str, bytes | Path] = {}
    warnings: list[Problem] = []
    wanted: dict[str, bytes] = {}
    for page in site_pages:
        kind: DocKind = "measures" if page.round is None else "report"
        fresh = (made or {}).get(f"{page.doc}.docx") or document(kind, model, reference, page.round or "12m",
                                                                  Cache(content.project.cache), trees[page.href])
        files[f"{page.doc}.docx"] = fresh
        docx, old_pdf = out_dir / f"{page.doc}.docx", out_dir / f"{page.doc}.pdf"
        current = docx.is_file() and docx.read_bytes() == fresh and old_pdf.is_file()
        if current and old_pdf.stat().st_mtime >= docx.stat().st_mtime:
            files[old_pdf.name] = old_pdf
        else:
            wanted[page.doc] = fresh
    if wanted and pdf:
        pdfs, problems = site_pdfs(wanted, model.thai_digits, Cache(content.project.cache))
        files.update({f"{name}.pdf": data for name, data in pdfs.items()})
        warnings += problems
    return files, warnings


def font_files() -> dict[str, bytes | Path]:
    """Sarabun (OFL) and its licence: the page's Thai never depends on the reader's fonts."""
    folder = sarabun_dir()
    faces = {f"fonts/Sarabun-{face}.ttf": folder / f"Sarabun-{face}.ttf" for face in FONT_FACES} if folder else {}
    licence = sarabun_licence()
    if folder is None or licence is None or not all(p.is_file() for p in faces.values()):
        raise ContentError([Problem("measures/data/fonts", None, "", "ไม่พบแบบอักษร Sarabun ที่เว็บใช้ในโปรแกรม: "
                                    "ติดตั้งโปรแกรม measures ใหม่")])
    return {**faces, "fonts/OFL.txt": licence}


def _downloads(name: str, files: dict[str, bytes | Path]) -> list[dict[str, object]]:
    """The page's document as PDF and Word; a PDF that could not be made is listed as missing."""
    return [{"href": f"{name}.{ext}", "label": label, "ext": ext,
             "kb": max(1, round(_size(files[f"{name}.{ext}"]) / 1024)) if f"{name}.{ext}" in files else 0,
             "missing": f"{name}.{ext}" not in files}
            for ext, label in (("pdf", "PDF"), ("docx", "Word")) if f"{name}.{ext}" in files or ext == "pdf"]


def itas_txt(model: Resolved, index: tuple[Document, dict[str, object]], reports: list[Report], pdf: bool) -> str:
    """itas.txt: per OIT item this publication serves, what is at which address of the site."""
    tree, ctx = index
    text = html.template("itas.txt", model.thai_digits).render(
        ctx, items=model.framework.oit_items, heading={h.id: h.text for h in headings(tree)}, pdf=pdf,
        framework_year=model.framework.year, reports=reports,
        report_heading={h.id: h.text for h in reports[-1].headings} if reports else {})
    return digits(text) if model.thai_digits else text


def _size(data: bytes | Path) -> int:
    return len(data) if isinstance(data, bytes) else data.stat().st_size
