"""The `measures` command: score, check, build, preface, pdf."""
from __future__ import annotations

import json
from pathlib import Path

import click

from . import __version__
from .analysis import IncompleteResults, analyse, r2, to_json
from .content import Content
from .problems import ContentError, Problem


def _report(problems: list[Problem]) -> int:
    """Print problems to stderr; the number of errors among them."""
    errors = [p for p in problems if p.severity == "error"]
    for p in problems:
        click.echo(str(p), err=True)
    return len(errors)


def _fail(problems: list[Problem]) -> None:
    _report(problems)
    raise SystemExit(1)


@click.group()
@click.version_option(__version__)
def main() -> None:
    """มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน: from content to Word."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="print the analysis as one JSON object")
def score(file: Path, as_json: bool) -> None:
    """The analysis of one ITA results FILE."""
    content = Content()
    problems: list[Problem] = []
    doc, results, framework = content.load_results(file, problems)
    if results is None or framework is None:
        _fail(problems)
    try:
        a = analyse(framework, results)
    except IncompleteResults as exc:
        _fail(problems + [doc.problem(("scores",), p) for p in exc.problems])
    data = to_json(a)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print_analysis(a)
    if a.all_problems:
        for p in a.all_problems:
            click.echo(f"{doc.shown}: {p}", err=True)
        raise SystemExit(1)


def _print_analysis(a) -> None:
    click.echo(f"ITA {a.year} ({a.framework.id})")
    click.echo(f"คะแนนรวม {r2(a.total)}  ระดับ {a.level.code} ({a.level.name})  "
               f"{'ผ่าน' if a.passed else 'ไม่ผ่าน'}")
    if a.national is not None:
        click.echo(f"อันดับที่ {a.national.rank} จาก {a.national.of}  ค่าเฉลี่ยประเทศ {r2(a.national.average)}")
    for t in a.tools:
        click.echo(f"  {t.code}  เฉลี่ย {r2(t.average):>6}  x {t.weight}%  = {r2(t.weighted)}")
    for i in a.indicators:
        click.echo(f"  {i.number:>2}  {r2(i.score):>6}  {i.level.code:<2} {'ผ่าน' if i.passed else 'ไม่ผ่าน':<6} {i.name}")
    for h in a.history:
        delta = "" if h.delta is None else f"{h.delta:+}  {h.direction}"
        click.echo(f"  {h.year}  {r2(h.total):>6}  {delta}")
    click.echo("ควรแก้ไขเร่งด่วน/ควรพัฒนา: " + ", ".join(str(i.number) for i in a.weakest))


@main.command()
@click.option("--office", help="check one office only (and the shared content it uses)")
def check(office: str | None) -> None:
    """Validate all content: shapes, references, numbering, names, figures, Thai text."""
    from .checks import check_all
    content = Content()
    try:
        problems = check_all(content, office)
    except ContentError as exc:
        problems = exc.problems
    errors = _report(problems)
    warnings = len(problems) - errors
    click.echo(f"ตรวจแล้ว: ข้อผิดพลาด {errors} รายการ, คำเตือน {warnings} รายการ", err=True)
    raise SystemExit(1 if errors else 0)


DEFAULT_OFFICE = "kksec"


def publication_options(f):
    """--office, --year, --out: which publication, and where it goes."""
    f = click.option("--out", type=click.Path(file_okay=False, path_type=Path),
                     help="output folder (default build/<office>)")(f)
    f = click.option("--year", type=int, help="fiscal year of the publication (default: the latest)")(f)
    return click.option("--office", default=DEFAULT_OFFICE, show_default=True,
                        help="office id, a folder in content/offices")(f)


def _build(kind: str, office: str, year: int | None, out: Path | None, then=None) -> None:
    """Build one document (and pass it to `then`); every failure is a message and exit 1."""
    from .document.build import OutputError, build
    from .pdf import PdfError
    try:
        built = build(office, year, kind, out_dir=out)
        _report(built.warnings)
        click.echo(_shown(built.path))
        if then is not None:
            click.echo(_shown(then(built.path)))
    except ContentError as exc:
        _report(exc.problems)
        click.echo("สร้างเอกสารไม่สำเร็จ: แก้ไขข้อผิดพลาดข้างต้นแล้วสั่งใหม่ (ไฟล์เดิมใน build/ ไม่ถูกแก้ไข)", err=True)
        raise SystemExit(1)
    except (OutputError, PdfError) as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(1)


@main.command("build")
@publication_options
def build_cmd(office: str, year: int | None, out: Path | None) -> None:
    """Build build/<office>/measures-<year>.docx."""
    _build("measures", office, year, out)


@main.command("preface")
@publication_options
def preface_cmd(office: str, year: int | None, out: Path | None) -> None:
    """Build build/<office>/preface-<year>.docx, the preface alone."""
    _build("preface", office, year, out)


@main.command("pdf")
@publication_options
def pdf_cmd(office: str, year: int | None, out: Path | None) -> None:
    """Build the measures and the preface, then convert both to PDF with LibreOffice
    (the contents page gets its page numbers)."""
    from .pdf import convert
    for kind in ("measures", "preface"):
        _build(kind, office, year, out, then=lambda docx: convert(docx, docx.with_suffix(".pdf")))


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":  # pragma: no cover
    main()
