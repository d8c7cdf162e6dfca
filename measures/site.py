"""The publication as a static web page (issue 13): OIT evidence is judged by URL, and a
.docx or a scanned PDF is not a page an assessor can read or link into.

`build/<office>/site/` is a folder the office uploads as it is: index.html (made from the same
resolved model and context as the .docx), site.css, the Sarabun font with its licence, the
chart, the .docx (and the PDF when it is current), and itas.txt, the explanation an officer
pastes into the ITA system beside each URL. No JavaScript, and nothing is fetched from outside
the folder (the page's Content-Security-Policy says so to the browser).

One function per file made; the markup and the fixed wording are in templates/site/.
"""
from __future__ import annotations

import contextlib
import html
import os
import re
import shutil
import struct
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup, escape

from .context import context
from .fonts import sarabun_dir
from .layout.preface import PREFACE
from .load import Content
from .pipeline import REFERENCE, document, prepare
from .problems import ContentError, Problem, shown_path
from .project import package_file
from .resolve import Resolved
from .thai import thai_digits
from .write import OutputError, copy_atomic, locked, write_atomic

if TYPE_CHECKING:
    from pythainlp.util import Trie

SITE = "site"
CHART = "chart-indicators.png"
FONT_FACES = ("Regular", "Bold")  # what site.css declares; the page has no italics


@dataclass(frozen=True)
class Site:
    path: Path
    warnings: list[Problem]
    files: list[str]


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str


@dataclass(frozen=True)
class Page:
    """A page of the site, for the links between pages and for itas.txt."""
    href: str
    title: str


def pages(model: Resolved) -> list[Page]:
    """The site's pages. The progress report (O39, another issue) becomes report.html by one
    more entry here when the publication has one, and a function and template like index's:
    every page's navigation (page.html) lists them all, and itas.txt then gives its address."""
    return [Page("index.html", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")]


def build_site(office: str, year: int | None = None, out_dir: Path | None = None,
               content: Content | None = None) -> Site:
    """Check, make every file in memory, then write the folder all at once (`write_folder`)."""
    content = content or Content()
    model = prepare(office, year, content)  # refuses bad content before anything is written
    out_dir = Path(out_dir) if out_dir else content.project.output_dir(office)
    files, warnings = documents(model, content, out_dir)
    from .chart import indicator_chart  # matplotlib only when a site is built
    files[CHART] = indicator_chart(model.analysis, model.thai_digits)
    files.update(font_files())
    files["site.css"] = package_file("measures.templates", "site/site.css")
    ctx = context(model)
    index, headings = index_html(model, ctx, files, pages(model))
    files["index.html"] = index.encode("utf-8")
    pdf = f"measures-{model.publication.year}.pdf" in files
    files["itas.txt"] = itas_txt(model, ctx, headings, pages(model), pdf).encode("utf-8")
    folder = write_folder(out_dir / SITE, files)
    return Site(folder, model.warnings + warnings, sorted(files))


# --------------------------------------------------------------------------- the files

def documents(model: Resolved, content: Content, out_dir: Path) -> tuple[dict[str, bytes | Path], list[Problem]]:
    """The .docx beside the page, made from the same model as the page, so the two cannot differ.

    A .docx already in build/ may be older than the content, so it is not copied: the fresh
    bytes are the same as a current one (builds are byte-identical). The PDF cannot be made
    here (LibreOffice); it is copied only when it was made from exactly this document."""
    name = f"measures-{model.publication.year}"
    fresh = document("measures", model, content.project.template(REFERENCE))
    files: dict[str, bytes | Path] = {f"{name}.docx": fresh}
    docx, pdf = out_dir / f"{name}.docx", out_dir / f"{name}.pdf"
    warnings = []
    if pdf.is_file():
        if docx.is_file() and docx.read_bytes() == fresh and pdf.stat().st_mtime >= docx.stat().st_mtime:
            files[pdf.name] = pdf
        else:
            warnings.append(Problem(shown_path(pdf), None, "", "ไฟล์ PDF นี้สร้างจากข้อมูลรุ่นก่อน จึงไม่ได้ใส่ไว้ในเว็บ: "
                                    "สั่ง measures pdf แล้วสั่ง measures site อีกครั้ง", "warning"))
    return files, warnings


def font_files() -> dict[str, bytes | Path]:
    """Sarabun (OFL) and its licence: the page's Thai never depends on the reader's fonts."""
    folder = sarabun_dir()
    faces = {f"fonts/Sarabun-{face}.ttf": folder / f"Sarabun-{face}.ttf" for face in FONT_FACES} if folder else {}
    if folder is None or not all(p.is_file() for p in faces.values()):
        raise ContentError([Problem("fontpkg-sarabun", None, "", "ไม่พบแบบอักษร Sarabun ที่เว็บใช้: "
                                    "ติดตั้งด้วย pip install fontpkg-sarabun")])
    licence = folder.parent / "LICENSE"
    return {**faces, **({"fonts/OFL.txt": licence} if licence.is_file() else {})}


def index_html(model: Resolved, ctx: dict[str, object], files: dict[str, bytes | Path],
               pages: list[Page]) -> tuple[str, list[Heading]]:
    """index.html: the publication. Its contents list is made from its own headings
    (rendered once to find them), as the .docx's contents come from its real headings."""
    name = f"measures-{model.publication.year}"
    downloads = [{"href": f"{name}.{ext}", "label": label, "ext": ext,
                  "kb": max(1, round(_size(files[f"{name}.{ext}"]) / 1024))}
                 for ext, label in (("pdf", "PDF"), ("docx", "Word")) if f"{name}.{ext}" in files]
    chart = files[CHART]
    assert isinstance(chart, bytes)
    width, height = struct.unpack(">II", chart[16:24])  # the PNG's IHDR: the page keeps its room
    data = dict(ctx, downloads=downloads, pages=pages, current="index.html", chart={"src": CHART, "width": width,
                "height": height}, measure_ids={m.number: m.id.replace("_", "-") for m in model.measures},
                preface_default=[_render_string(text, ctx) for text in PREFACE], licence="fonts/OFL.txt" in files)
    tpl = _template("index.html", model.thai_digits)
    headings = page_headings(tpl.render(data, toc=[]))
    page = tpl.render(data, toc=_nest([h for h in headings if h.id != "contents"]))
    return page_text(page, model.thai_digits), headings


def itas_txt(model: Resolved, ctx: dict[str, object], headings: list[Heading], pages: list[Page],
             pdf: bool) -> str:
    """itas.txt: per OIT item this publication serves, what is at which address of the site."""
    text = _template("itas.txt", model.thai_digits).render(
        ctx, items=model.framework.oit_items, heading={h.id: h.text for h in headings}, pdf=pdf,
        framework_year=model.framework.year, report=next((p for p in pages if p.href == "report.html"), None))
    return digits(text) if model.thai_digits else text


# --------------------------------------------------------------------------- templates and digits

@lru_cache(maxsize=2)
def _environment(thai: bool) -> Environment:
    # Autoescape for HTML (a `&` or `<` in content is text); itas.txt is plain text pasted
    # into a form, where an escaped `&amp;` would be wrong. StrictUndefined: a name the
    # context lacks is an error, never an empty string.
    env = Environment(loader=FileSystemLoader(str(package_file("measures.templates", "site"))),
                      autoescape=select_autoescape(enabled_extensions=("html",), disabled_extensions=("txt",),
                                                   default_for_string=True, default=True),
                      undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["digits"] = digits if thai else (lambda s: s)  # for attributes (alt): the text pass skips tags
    return env


def _template(name: str, thai: bool) -> Template:
    return _environment(thai).get_template(name)


def _render_string(text: str, ctx: dict[str, object]) -> Markup:
    """A sentence of the .docx layout (preface.PREFACE) filled the same way: one wording for both."""
    return Markup(_environment(False).from_string(text).render(ctx))


# File names and anchors a reader types keep their digits (thai.py keeps URLs, e-mails, item codes).
_FILE = re.compile(r"[\w./-]+\.(?:html|pdf|docx|txt|png|css)(?:#[\w-]+)?")


def digits(text: str) -> str:
    """Every digit Thai except in URLs, e-mail addresses, item codes and the site's file names."""
    out, last = [], 0
    for m in _FILE.finditer(text):
        out += [thai_digits(text[last:m.start()]), m.group(0)]
        last = m.end()
    return "".join(out) + thai_digits(text[last:])


_TAG = re.compile(r"(<[^>]*>)")


def page_text(page: str, thai: bool) -> str:
    """The page's text made ready to read; tags (ids, hrefs, classes) are never touched.

    Thai digits where the office asks, as finish.to_thai_digits does in the .docx. In the body,
    Thai words kept whole at line ends (`glue`; not in <title>, which shows text only). Safe
    by construction: the page has no <script> or <style>, and autoescape leaves no `<` in
    content, so every `<` opens a tag."""
    head, _, body = page.partition("<body>")
    out = []
    for part, in_body in ((head, False), ("<body>" + body, True)):
        for n, p in enumerate(_TAG.split(part)):
            if n % 2:
                out.append(p)
                continue
            text = html.unescape(p)
            text = digits(text) if thai else text
            out.append(glue(text) if in_body else str(escape(text)))
    return "".join(out)


_THAI = re.compile("[\u0e01-\u0e4e]")
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")  # above and below a letter: no width of their own
GLUE_MAX = 12  # letters: a longer entry of the dictionary is a phrase (ทรัพยากรบุคคล), broken into its words
# Words of the ITA that PyThaiNLP's dictionary lacks (it would cut ตัว|ชี้|วัด, ส|พป.).
TERMS = ("ตัวชี้วัด", "ตัวชี้วัดย่อย", "แบบวัด", "แบบสำรวจ", "ข้อคำถาม", "ตรวจประเมิน", "สพป.", "สพม.")


def glue(text: str) -> str:
    """`text` escaped, with each Thai word of more than three characters in a span that does not wrap.

    Chromium breaks Thai lines by ICU's dictionary, which cuts words into their parts (ผู้|ตอบ,
    ขั้น|ตอน, งบ|ประมาณ, ราย|ละเอียด: seen in narrow table cells), and ignores word-break:
    keep-all for Thai. PyThaiNLP's dictionary knows them as words; the browser still breaks
    between words. Short words (ที่, และ) are never cut, and a glued word fits a phone's line."""
    out = []
    for token in words(text):
        escaped = str(escape(token))
        out.append(f'<span class="w">{escaped}</span>' if len(token) > 3 and _THAI.search(token) else escaped)
    return "".join(out)


def words(text: str) -> list[str]:
    """`text` cut into words (PyThaiNLP newmm, its dictionary without phrases longer than GLUE_MAX)."""
    from pythainlp.tokenize import word_tokenize
    return list(word_tokenize(text, custom_dict=_dictionary(), engine="newmm", keep_whitespace=True))


def letters(word: str) -> int:
    return len(_MARKS.sub("", word))


@lru_cache(maxsize=1)
def _dictionary() -> Trie:
    from pythainlp.corpus import thai_words
    from pythainlp.util import dict_trie
    return dict_trie([w for w in thai_words() if letters(w) <= GLUE_MAX] + list(TERMS))


_HEADING = re.compile(r'<h([2-4]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


def page_headings(page: str) -> list[Heading]:
    """The headings with an anchor, in page order."""
    return [Heading(int(level), id_, " ".join(Markup(inner).striptags().split()))
            for level, id_, inner in _HEADING.findall(page)]


def _nest(headings: list[Heading]) -> list[dict[str, object]]:
    """Flat headings -> a tree for the contents list (each entry with its `children`)."""
    root: list[dict[str, object]] = []
    stack: list[tuple[int, list[dict[str, object]]]] = [(0, root)]
    for h in headings:
        while stack[-1][0] >= h.level:
            stack.pop()
        entry: dict[str, object] = {"id": h.id, "text": h.text, "children": []}
        stack[-1][1].append(entry)
        stack.append((h.level, entry["children"]))  # type: ignore[arg-type]
    return root


def _size(data: bytes | Path) -> int:
    return len(data) if isinstance(data, bytes) else data.stat().st_size


# --------------------------------------------------------------------------- the folder, all or nothing

def write_folder(folder: Path, files: dict[str, bytes | Path]) -> Path:
    """Write `files` as the folder `folder`, all or nothing.

    A folder cannot be replaced in one rename (os.replace refuses a non-empty target), and a
    symlink swap would upload badly (Windows shares, FTP clients, zip). So the new site is
    written whole into a hidden sibling, then two renames, old aside and new in, under the lock
    that write.py's writers of this folder take: a failure before them leaves the last good
    site as it was; the moment between them is two system calls long, and if the second
    fails the first is undone. Leftovers of a killed build are removed by the next one."""
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        with locked(parent):
            for stale in parent.glob(f".{folder.name}.*.tmp"):
                shutil.rmtree(stale, ignore_errors=True)
            new = Path(tempfile.mkdtemp(prefix=f".{folder.name}.new.", suffix=".tmp", dir=parent))
            old = new.with_name(new.name.replace(".new.", ".old."))
            try:
                for name, data in sorted(files.items()):
                    if isinstance(data, bytes):
                        write_atomic(new / name, data)
                    else:
                        copy_atomic(data, new / name)
                mask = os.umask(0)
                os.umask(mask)
                os.chmod(new, 0o777 & ~mask)  # mkdtemp makes it private; a site is not
                moved = folder.exists()
                if moved:
                    os.rename(folder, old)
                try:
                    os.rename(new, folder)
                except BaseException:
                    if moved:
                        os.rename(old, folder)
                    raise
            except BaseException:
                shutil.rmtree(new, ignore_errors=True)
                raise
            with contextlib.suppress(OSError):
                shutil.rmtree(old)
    except OSError as exc:
        raise OutputError(folder, exc) from None
    return folder
