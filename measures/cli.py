"""The `measures` command. Every failure reaches the officer as a message, never a traceback."""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from . import __version__
from .problems import ContentError, Problem, errors, shown_path

if TYPE_CHECKING:
    from .pipeline import DocKind

EXIT_CONTENT = 1   # the content (or the environment) needs fixing: the message says what
EXIT_INTERNAL = 70  # a fault of the program itself (EX_SOFTWARE)


def _report(problems: list[Problem]) -> int:
    """Print problems to stderr; the number of errors among them."""
    for p in problems:
        click.echo(str(p), err=True)
    return len(errors(problems))


def _fail(problems: list[Problem], then: str = "") -> NoReturn:
    _report(problems)
    if then:
        click.echo(then, err=True)
    raise SystemExit(EXIT_CONTENT)


class _Group(click.Group):
    """Turns any exception a command did not expect into a short message and a log file, and
    a mistyped command line into a Thai message that says where the help is."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.UsageError as exc:
            where = f"{exc.ctx.command_path} --help" if exc.ctx else "measures --help"
            click.echo(f"คำสั่งไม่ถูกต้อง: {exc.format_message()} (ดูวิธีใช้ด้วย {where})", err=True)
            sys.exit(2)
        except click.exceptions.Abort:
            click.echo("หยุดตามที่สั่ง", err=True)
            sys.exit(130)
        if isinstance(code, int) and code:
            sys.exit(code)
        return code

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except ContentError as exc:
            _fail(exc.problems)
        except KeyboardInterrupt:
            click.echo("หยุดตามที่สั่ง (ไฟล์เดิมใน build/ ไม่ถูกแก้ไข)", err=True)
            raise SystemExit(130) from None
        except Exception as exc:
            if os.environ.get("MEASURES_DEBUG"):
                raise
            from .crash import crash_log
            log = crash_log()
            click.echo(f"เกิดข้อผิดพลาดภายในโปรแกรม measures ({type(exc).__name__}: {str(exc)[:200]}) "
                       "ซึ่งไม่ใช่ความผิดของข้อมูล: เอกสารเดิมใน build/ ไม่ถูกแก้ไข\n"
                       f"โปรดแจ้งผู้ดูแลโปรแกรม measures พร้อมไฟล์ {log} "
                       "(ตั้งค่า MEASURES_DEBUG=1 แล้วสั่งใหม่เพื่อดูรายละเอียดทั้งหมด)", err=True)
            raise SystemExit(EXIT_INTERNAL) from None


@click.group(cls=_Group)
@click.version_option(__version__)
def main() -> None:
    """มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน: from content to Word.

    \b
    Example:
      measures check                       # validate all content
      measures build --office kksec        # build/kksec/measures-<year>.docx
    """


def _content(start: Path | None = None) -> Any:
    from .load import Content
    from .project import Project
    return Content(Project.find(start))


def _folder(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None and value.exists() and not value.is_dir():
        _fail([Problem(str(value), None, "", "--out ต้องเป็นโฟลเดอร์ แต่ที่อยู่นี้เป็นไฟล์ ให้เลือกโฟลเดอร์อื่น")])
    return value


def _office_id(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refused before any file is touched: an id is a folder name, never a path."""
    from .load import OFFICE_ID
    if value is not None and not OFFICE_ID.match(value):
        _fail([Problem("--office", None, "", f"'{value}' ไม่ใช่รหัสหน่วยงาน: ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก "
                                              "ตัวเลข - และ _ เช่น kksec")])
    return value

@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="print the analysis as one JSON object")
def score(file: Path, as_json: bool) -> None:
    """The analysis of one ITA results FILE (totals, levels, ranking, history).

    \b
    Example:
      measures score content/offices/kksec/2565/ita-2564.yaml --json
    """
    from .analyse import IncompleteResults, analyse, to_json
    try:  # the frameworks of the project the file is in, else of the current one
        content = _content(file.absolute().parent)
    except ContentError:
        content = _content()
    problems: list[Problem] = []
    doc, results, framework = content.load_results(file, problems)
    if doc is None or results is None or framework is None:
        _fail(problems)
    try:
        a = analyse(framework, results)
    except IncompleteResults as exc:
        _fail(problems + [doc.problem(("scores",), p) for p in exc.problems])
    if as_json:
        click.echo(json.dumps(to_json(a), ensure_ascii=False, indent=2))
    else:
        _print_analysis(a)
    if a.all_problems:
        for p in a.all_problems:
            click.echo(f"{doc.shown}: {p}", err=True)
        raise SystemExit(EXIT_CONTENT)


def _print_analysis(a: Any) -> None:
    from .analyse import r2
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
    for s in a.subindicators:
        click.echo(f"  {s.number:>4}  {r2(s.score):>6}  {s.level.code:<2} {s.name}")
    click.echo("ควรแก้ไขเร่งด่วน/ควรพัฒนา: " + ", ".join(i.number for i in a.weakest_items()))


@main.command()
@click.option("--office", callback=_office_id, help="check one office only (and the shared content it uses)")
def check(office: str | None) -> None:
    """Validate all content: shapes, references, numbering, names, figures, Thai text.

    \b
    Example:
      measures check --office kksec
    """
    from .check import check_all
    problems = check_all(_content(), office)
    found = _report(problems)
    click.echo(f"ตรวจแล้ว: ข้อผิดพลาด {found} รายการ, คำเตือน {len(problems) - found} รายการ", err=True)
    raise SystemExit(EXIT_CONTENT if found else 0)


DEFAULT_OFFICE = "kksec"
FAILED = "สร้างเอกสารไม่สำเร็จ: แก้ไขข้อผิดพลาดข้างต้นแล้วสั่งใหม่ (ไฟล์เดิมใน build/ ไม่ถูกแก้ไข)"


def publication_options(f: Callable[..., None]) -> Callable[..., None]:
    """--office, --year, --out: which publication, and where it goes."""
    f = click.option("--out", type=click.Path(path_type=Path), callback=_folder,
                     help="output folder (default build/<office>)")(f)
    f = click.option("--year", type=int, help="fiscal year of the publication (default: the latest)")(f)
    return click.option("--office", default=DEFAULT_OFFICE, show_default=True, callback=_office_id,
                        help="office id, a folder in content/offices")(f)



def all_option(f: Callable[..., None]) -> Callable[..., None]:
    """--all: every office in content/offices, in worker processes; --jobs: how many."""
    f = click.option("--jobs", type=click.IntRange(1, 64),
                     help="with --all: processes at once (default: one per core)")(f)
    return click.option("--all", "every", is_flag=True,
                        help="every office in content/offices (each its latest year, or --year); "
                             "with --out, OUT/<office>/")(f)


def _alone(ctx: click.Context, every: bool) -> None:
    if every and ctx.get_parameter_source("office") == click.core.ParameterSource.COMMANDLINE:
        raise click.UsageError("--all กับ --office ใช้พร้อมกันไม่ได้: เลือกอย่างใดอย่างหนึ่ง", ctx)


def _build_all(kinds: list[DocKind], year: int | None, out: Path | None, jobs: int | None) -> list[Any]:
    """Every office's documents with a progress bar and a summary; exit 1 if any office failed."""
    import time

    from .batch import Outcome, build_all
    content = _content()
    offices = content.office_ids()
    if not offices:
        _fail([Problem(shown_path(content.root / "offices"), None, "", "ยังไม่มีหน่วยงานในโฟลเดอร์นี้")])
    start = time.monotonic()
    bar: Any  # click types a bar made with length= as one without items
    with click.progressbar(length=len(offices) * len(kinds), label="กำลังสร้างเอกสาร", file=sys.stderr,
                           show_pos=True, item_show_func=lambda o: o.office if o else "") as bar:
        outcomes = build_all(content, offices, kinds, year, out, jobs, done=lambda o: bar.update(1, o))
    failed: dict[str, list[Outcome]] = {}
    warned: dict[str, int] = {}
    for o in outcomes:
        if o.path is not None:
            click.echo(shown_path(o.path))
            if o.problems:
                warned[o.office] = warned.get(o.office, 0) + len(o.problems)
        else:
            failed.setdefault(o.office, []).append(o)
    for office, bad in failed.items():
        click.echo(f"\n✗ {office}:", err=True)
        for o in bad:
            _report(o.problems)
            if o.failure:
                click.echo(o.failure, err=True)
    done = sum(o.ok for o in outcomes)
    click.echo(f"\nสร้างเอกสารแล้ว {done} จาก {len(outcomes)} ฉบับ ({len(offices)} หน่วยงาน) "
               f"ใน {time.monotonic() - start:.1f} วินาที", err=True)
    if warned:
        click.echo(f"คำเตือน {sum(warned.values())} รายการใน {len(warned)} หน่วยงาน: "
                   + ", ".join(f"{k} ({v})" for k, v in warned.items())
                   + " — ดูรายละเอียดด้วย measures check --office <รหัส>", err=True)
    if failed:
        click.echo(f"ไม่สำเร็จ {len(failed)} หน่วยงาน: {', '.join(failed)} — แก้ไขตามข้อความข้างต้นแล้วสั่งใหม่ "
                   "(เอกสารเดิมของหน่วยงานเหล่านั้นใน build/ ไม่ถูกแก้ไข)", err=True)
    return outcomes


def _exit_if_any_failed(outcomes: list[Any]) -> None:
    if not all(o.ok for o in outcomes):
        raise SystemExit(EXIT_CONTENT)


def _made(make: Callable[[], Any]) -> Any:
    """What `make` builds; a content, template or output failure is its message and exit 1."""
    from .render import TemplateProblem
    from .write import OutputError
    try:
        return make()
    except TemplateProblem as exc:
        _fail(exc.problems)
    except ContentError as exc:
        _fail(exc.problems, FAILED)
    except OutputError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(EXIT_CONTENT) from None


def _build(kind: DocKind, office: str, year: int | None, out: Path | None, round_kind: str = "12m") -> Any:
    """Build one document; every failure is a message and exit 1."""
    from .pipeline import build
    built = _made(lambda: build(office, year, kind, out_dir=out, content=_content(),
                                round_kind=round_kind))  # type: ignore[arg-type]
    _report(built.warnings)
    click.echo(shown_path(built.path))
    return built


@main.command("build")
@publication_options
@all_option
@click.pass_context
def build_cmd(ctx: click.Context, office: str, year: int | None, out: Path | None, every: bool,
              jobs: int | None) -> None:
    """Build build/<office>/measures-<year>.docx, the measures document; with --all, every
    office's (a failing office fails alone; the summary says which).

    \b
    Example:
      measures build --office kksec --year 2565
      measures build --all
    """
    _alone(ctx, every)
    if every:
        _exit_if_any_failed(_build_all(["measures"], year, out, jobs))
    else:
        _build("measures", office, year, out)


@main.command("preface")
@publication_options
@all_option
@click.pass_context
def preface_cmd(ctx: click.Context, office: str, year: int | None, out: Path | None, every: bool,
                jobs: int | None) -> None:
    """Build build/<office>/preface-<year>.docx, the preface alone; with --all, every office's.

    \b
    Example:
      measures preface --office kksec
    """
    _alone(ctx, every)
    if every:
        _exit_if_any_failed(_build_all(["preface"], year, out, jobs))
    else:
        _build("preface", office, year, out)


@main.command("pdf")
@publication_options
@all_option
@click.pass_context
def pdf_cmd(ctx: click.Context, office: str, year: int | None, out: Path | None, every: bool,
            jobs: int | None) -> None:
    """Build the measures document and the preface, then convert both to PDF with LibreOffice
    (the contents page gets its page numbers). With --all, every office's, converted in one
    LibreOffice run.

    \b
    Example:
      measures pdf --office kksec
      measures pdf --all
    """
    from .pdf import Job, PdfError, convert_many
    from .write import OutputError
    _alone(ctx, every)
    kinds: list[DocKind] = ["measures", "preface"]
    outcomes = _build_all(kinds, year, out, jobs) if every else []
    built = [o for o in outcomes if o.ok] if every else [_build(kind, office, year, out) for kind in kinds]
    if every:
        click.echo(f"กำลังแปลงเป็น PDF {len(built)} ไฟล์ด้วย LibreOffice …", err=True)
    try:
        pdfs = convert_many([Job(b.path, b.path.with_suffix(".pdf"), b.thai_digits) for b in built])
    except (PdfError, OutputError) as exc:
        click.echo(str(exc), err=True)
        click.echo("ไฟล์ Word เป็นฉบับใหม่แล้ว แต่ไฟล์ PDF ที่มีอยู่ในโฟลเดอร์ (ถ้ามี) ยังเป็นฉบับก่อนการแก้ไขครั้งนี้", err=True)
        raise SystemExit(EXIT_CONTENT) from None
    for pdf in pdfs:
        click.echo(shown_path(pdf))
    _exit_if_any_failed(outcomes)


@main.command("report")
@publication_options
@click.option("--round", "round_kind", type=click.Choice(["6", "12"]), default="12", show_default=True,
              help="6: the six months 1 October – 31 March; 12: the whole fiscal year")
def report_cmd(office: str, year: int | None, out: Path | None, round_kind: str) -> None:
    """Build build/<office>/report-<year>-<6m|12m>.docx, the report on carrying the measures out
    (O39 in ITA 2564), from the activities in content/offices/<office>/<year>/progress.yaml.

    \b
    Example:
      measures report --office kksec --year 2565 --round 6
    """
    _build("report", office, year, out, round_kind=f"{round_kind}m")


@main.command("schema")
def schema_cmd() -> None:
    """Write schemas/<kind>.schema.json, the JSON Schemas of the content files, for editors:
    a content file whose first line is `# yaml-language-server: $schema=…` gets completion, the
    Thai description of each field and its mistakes flagged while it is typed (VS Code's YAML
    extension, or any editor with the YAML language server).

    \b
    Example:
      measures schema
    """
    from .editor_schema import write_all
    for path in write_all(_content().project.root):
        click.echo(shown_path(path))


@main.command("new-year")
@click.option("--office", required=True, callback=_office_id, help="office id, a folder in content/offices")
@click.option("--year", type=int, required=True, help="fiscal year of the new publication")
@click.option("--assessed", type=int, help="the ITA year it analyses (default: as the office's last one did)")
def new_year_cmd(office: str, year: int, assessed: int | None) -> None:
    """Start the next year's publication: the office's own texts, changed measures, own sections
    and signatories carried forward; the new scores and the year's notes as blanks <กรอก: …>;
    the results file's history filled from the earlier ones (the last total computed).

    \b
    Example:
      measures new-year --office kksec --year 2566
    """
    from .scaffold import new_year
    for path in new_year(_content(), office, year, assessed):
        click.echo(shown_path(path))
    click.echo("กรอกคะแนนและข้อความของปีใหม่ทุกช่อง <กรอก: …> แล้วสั่ง measures check", err=True)


@main.command("new-office")
@click.argument("office_id", callback=lambda ctx, param, value: _office_id(ctx, param, value))
@click.option("--year", type=int, help="fiscal year of the first publication (default: the current one)")
@click.option("--assessed", type=int, help="the ITA year it analyses (default: the year before)")
def new_office_cmd(office_id: str, year: int | None, assessed: int | None) -> None:
    """Start a new office: content/offices/OFFICE_ID/ with every fact and note a marked blank
    <กรอก: …> to fill in (never another office's words). `measures check` lists the blanks left.

    \b
    Example:
      measures new-office nan2 --year 2567 --assessed 2566
    """
    from datetime import date

    from .scaffold import new_office
    from .thai import fiscal_year
    content = _content()
    year = year or fiscal_year(date.today())
    for path in new_office(content, office_id, year, assessed):
        click.echo(shown_path(path))
    click.echo("กรอกข้อมูลทุกช่อง <กรอก: …> แล้วสั่ง measures check เพื่อดูรายการที่ยังเหลือ", err=True)


@main.command("site")
@publication_options
def site_cmd(office: str, year: int | None, out: Path | None) -> None:
    """Build build/<office>/site/, the publication as a web page to upload as it is: index.html
    with the .docx (and the PDF, when current) beside it, and itas.txt, the text to enter in the
    ITA system beside each URL. With --out, the folder is OUT/site.

    \b
    Example:
      measures site --office kksec --year 2565
    """
    from .site import build_site
    site = _made(lambda: build_site(office, year, out_dir=out, content=_content()))
    _report(site.warnings)
    click.echo(shown_path(site.path / "index.html"))
    click.echo(shown_path(site.path / "itas.txt"))


if __name__ == "__main__":  # pragma: no cover
    main()
