"""The `measures` command. Every failure reaches the officer as a message, never a traceback."""
from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from . import __version__
from .clithai import Choice, Group, Int, Option, option, usage_message
from .problems import ContentError, Problem, errors, shown_path

if TYPE_CHECKING:
    from .pipeline import DocKind
else:
    DocKind = str

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


# click 8.2+: `measures` alone raises this; click 8.1 prints the help itself.
_NO_ARGS: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())


class _Group(Group):
    """Turns any exception a command did not expect into a short message and a log file, and
    a mistyped command line into a Thai message that says where the help is."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except _NO_ARGS as exc:
            click.echo(exc.ctx.get_help())
            sys.exit(0)
        except click.UsageError as exc:
            where = f"{exc.ctx.command_path} --help" if exc.ctx else "measures --help"
            click.echo(f"คำสั่งไม่ถูกต้อง: {usage_message(exc)} (ดูวิธีใช้ด้วย {where})", err=True)
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


# Every help text below is Thai: the officer reads it. (The code's comments serve maintainers.)
@click.group(cls=_Group, epilog="ดูวิธีใช้ของแต่ละคำสั่งด้วย measures <คำสั่ง> --help")
@click.version_option(__version__, cls=Option, message="measures รุ่น %(version)s",
                      help="แสดงรุ่นของโปรแกรมแล้วจบ")
def main() -> None:
    """สร้างเอกสารมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (ไฟล์ Word, PDF
    และหน้าเว็บ) จากไฟล์ข้อมูลในโฟลเดอร์ content

    \b
    ตัวอย่าง:
      measures check                       # ตรวจข้อมูลทั้งหมด
      measures build --office kksec        # สร้าง build/kksec/measures-<ปี>.docx
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
@click.argument("file", type=click.Path(path_type=Path), metavar="ไฟล์")
@option("--json", "as_json", is_flag=True, help="พิมพ์ผลการวิเคราะห์เป็น JSON ก้อนเดียว (ให้โปรแกรมอื่นอ่าน)")
def score(file: Path, as_json: bool) -> None:
    """วิเคราะห์ไฟล์ผลคะแนน ITA หนึ่งไฟล์

    คะแนนรวม ระดับ อันดับ และคะแนนย้อนหลัง

    ไฟล์ คือไฟล์ผลคะแนน เช่น content/offices/kksec/2565/ita-2564.yaml

    \b
    ตัวอย่าง:
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
@option("--office", callback=_office_id, metavar="รหัส",
        help="ตรวจเฉพาะหน่วยงานนี้ (และข้อมูลกลางที่หน่วยงานใช้) ถ้าไม่ระบุจะตรวจทุกหน่วยงาน")
def check(office: str | None) -> None:
    """ตรวจข้อมูลทั้งหมด (หรือของหน่วยงานเดียวด้วย --office)

    ตรวจรูปแบบไฟล์ การอ้างอิง ลำดับเลข ชื่อหน่วยงาน ตัวเลข และข้อความภาษาไทย

    \b
    ตัวอย่าง:
      measures check --office kksec
    """
    from .check import check_all
    problems = check_all(_content(), office)
    found = _report(problems)
    click.echo(f"ตรวจแล้ว: ข้อผิดพลาด {found} รายการ, คำเตือน {len(problems) - found} รายการ", err=True)
    raise SystemExit(EXIT_CONTENT if found else 0)


FAILED = "สร้างเอกสารไม่สำเร็จ: แก้ไขข้อผิดพลาดข้างต้นแล้วสั่งใหม่ (ไฟล์เดิมใน build/ ไม่ถูกแก้ไข)"


def publication_options(f: Callable[..., None]) -> Callable[..., None]:
    """--office, --year, --out: which publication, and where it goes."""
    f = option("--out", type=click.Path(path_type=Path), callback=_folder, metavar="โฟลเดอร์",
               help="โฟลเดอร์ที่จะเขียนผลลัพธ์ (ถ้าไม่ระบุคือ build/<รหัสหน่วยงาน>)")(f)
    f = option("--year", type=Int(2500, 2700, 2566), metavar="ปี",
               help="ปีงบประมาณ (พ.ศ.) ของเอกสาร ถ้าไม่ระบุคือปีล่าสุดที่มีข้อมูล")(f)
    return option("--office", callback=_office_id, metavar="รหัส", help=OFFICE_HELP)(f)


OFFICE_HELP = ("รหัสหน่วยงาน (ชื่อโฟลเดอร์ใน content/offices) ถ้าไม่ระบุและมีหน่วยงานเดียวจะใช้หน่วยงานนั้น "
               "ถ้ามีหลายหน่วยงานต้องระบุ")


def which_office(office: str | None) -> str:
    """The office asked for; without --office, the only one in the content, else a message
    that lists them (never another office's document silently)."""
    if office is not None:
        return office
    content = _content()
    ids = content.office_ids()
    if len(ids) == 1:
        return str(ids[0])
    command = click.get_current_context().command_path
    if not ids:
        _fail([Problem(shown_path(content.root / "offices"), None, "",
                       "ยังไม่มีหน่วยงานในโฟลเดอร์นี้: เริ่มหน่วยงานใหม่ด้วย measures new-office <รหัส>")])
    _fail([Problem("--office", None, "", f"ในโฟลเดอร์ content มี {len(ids)} หน่วยงาน ({', '.join(ids)}) "
                   f"จึงต้องระบุว่าเป็นเอกสารของหน่วยงานใด: เพิ่ม --office <รหัส> เช่น {command} --office {ids[0]}")])



def all_option(f: Callable[..., None]) -> Callable[..., None]:
    """--all: every office in content/offices, in worker processes; --jobs: how many."""
    f = option("--jobs", type=Int(1, 64, 2), metavar="จำนวน",
               help="ใช้กับ --all: จำนวนงานที่ทำพร้อมกัน (ถ้าไม่ระบุคือเท่ากับจำนวนแกนประมวลผล)")(f)
    return option("--all", "every", is_flag=True,
                  help="ทุกหน่วยงานใน content/offices (แต่ละหน่วยงานใช้ปีล่าสุด หรือปีตาม --year) "
                       "ถ้าระบุ --out ด้วย ผลลัพธ์อยู่ที่ <โฟลเดอร์>/<รหัสหน่วยงาน>/")(f)


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


def _build(kind: DocKind, office: str | None, year: int | None, out: Path | None, round_kind: str = "12m") -> Any:
    """Build one document; every failure is a message and exit 1."""
    from .pipeline import build
    office = which_office(office)
    built = _made(lambda: build(office, year, kind, out_dir=out, content=_content(),
                                round_kind=round_kind))  # type: ignore[arg-type]
    _report(built.warnings)
    click.echo(shown_path(built.path))
    return built


# The commands that build one publication, one body for all: (command, publication kind,
# one per round?, help). A kind with rounds takes --round; the others take --all.
PUBLICATION_COMMANDS: tuple[tuple[str, DocKind, bool, str], ...] = (
    ("build", "measures", False, """สร้างเอกสารมาตรการ build/<รหัส>/measures-<ปี>.docx (หรือของทุกหน่วยงานด้วย --all)

    ด้วย --all หน่วยงานที่ข้อมูลผิดจะไม่สำเร็จเฉพาะหน่วยงานนั้น และสรุปท้ายบอกว่าหน่วยงานใด

    \b
    ตัวอย่าง:
      measures build --office kksec --year 2565
      measures build --all
    """),
    ("preface", "preface", False, """สร้างคำนำอย่างเดียว build/<รหัส>/preface-<ปี>.docx หรือของทุกหน่วยงานด้วย --all

    \b
    ตัวอย่าง:
      measures preface --office kksec
    """),
    ("report", "report", True, """สร้างรายงานผลการดำเนินงานตามมาตรการ build/<รหัส>/report-<ปี>-<6m|12m>.docx (O39)

    จากกิจกรรมใน content/offices/<รหัส>/<ปี>/progress.yaml

    \b
    ตัวอย่าง:
      measures report --office kksec --year 2565 --round 6
    """),
)

ROUND_HELP = "6 คือรอบ 6 เดือน (1 ตุลาคม – 31 มีนาคม) 12 คือรอบ 12 เดือน (ทั้งปีงบประมาณ)"


def _publication_command(name: str, kind: DocKind, rounds: bool, help_text: str) -> None:
    def command(ctx: click.Context, office: str | None, year: int | None, out: Path | None, every: bool = False,
                jobs: int | None = None, round_kind: str = "12") -> None:
        _alone(ctx, every)
        if every:
            _exit_if_any_failed(_build_all([kind], year, out, jobs))
        else:
            _build(kind, office, year, out, round_kind=f"{round_kind}m")

    f: Callable[..., None] = click.pass_context(command)
    f = option("--round", "round_kind", type=Choice(["6", "12"]), default="12", show_default=True,
               help=ROUND_HELP)(f) if rounds else all_option(f)
    main.command(name, help=help_text)(publication_options(f))


for _command in PUBLICATION_COMMANDS:
    _publication_command(*_command)


@main.command("pdf")
@publication_options
@all_option
@click.pass_context
def pdf_cmd(ctx: click.Context, office: str | None, year: int | None, out: Path | None, every: bool,
            jobs: int | None) -> None:
    """สร้างเอกสารมาตรการและคำนำ แล้วแปลงทั้งสองเป็น PDF ด้วย LibreOffice

    สารบัญได้เลขหน้าด้วย ด้วย --all ทำของทุกหน่วยงาน แปลงใน LibreOffice รอบเดียว

    \b
    ตัวอย่าง:
      measures pdf --office kksec
      measures pdf --all
    """
    from .pdf import Job, PdfError, convert_many
    from .write import OutputError
    _alone(ctx, every)
    office = None if every else which_office(office)
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


@main.command("schema")
def schema_cmd() -> None:
    """เขียน schemas/<ชนิด>.schema.json ให้โปรแกรมแก้ไขข้อความตรวจไฟล์ข้อมูลขณะพิมพ์

    โปรแกรมแก้ไขข้อความ (เช่น VS Code กับส่วนขยาย YAML) จะเติมชื่อหัวข้อ แสดงคำอธิบายภาษาไทย
    และทำเครื่องหมายที่ผิดขณะพิมพ์ ในไฟล์ข้อมูลที่บรรทัดแรกเป็น
    # yaml-language-server: $schema=…

    \b
    ตัวอย่าง:
      measures schema
    """
    from .editor_schema import write_all
    project = _content().project
    for path in write_all(project.root, project.content):
        click.echo(shown_path(path))


@main.command("new-year")
@option("--office", callback=_office_id, metavar="รหัส", help=OFFICE_HELP)
@option("--year", type=Int(2500, 2700, 2566), required=True, metavar="ปี", help="ปีงบประมาณ (พ.ศ.) ของเอกสารฉบับใหม่")
@option("--assessed", type=Int(2500, 2700, 2566), metavar="ปี",
        help="ปีของผล ITA ที่วิเคราะห์ (ถ้าไม่ระบุคือห่างจากปีเอกสารเท่าฉบับก่อน)")
def new_year_cmd(office: str | None, year: int, assessed: int | None) -> None:
    """เริ่มเอกสารของปีถัดไปจากเอกสารปีล่าสุดของหน่วยงาน

    ยกข้อความของหน่วยงาน มาตรการที่ปรับ ส่วนของหน่วยงานเอง และผู้ลงนามมาให้
    ส่วนคะแนนใหม่และหมายเหตุของปีเป็นช่องว่าง <กรอก: …> ประวัติคะแนนเติมจากปีก่อน ๆ ให้

    \b
    ตัวอย่าง:
      measures new-year --office kksec --year 2566
    """
    from .scaffold import new_year
    office = which_office(office)
    for path in _made(lambda: new_year(_content(), office, year, assessed)):
        click.echo(shown_path(path))
    click.echo("กรอกคะแนนและข้อความของปีใหม่ทุกช่อง <กรอก: …> แล้วสั่ง measures check", err=True)


@main.command("new-office")
@click.argument("office_id", callback=lambda ctx, param, value: _office_id(ctx, param, value), metavar="รหัส")
@option("--year", type=Int(2500, 2700, 2566), metavar="ปี", help="ปีงบประมาณ (พ.ศ.) ของเอกสารฉบับแรก ถ้าไม่ระบุคือปีปัจจุบัน")
@option("--assessed", type=Int(2500, 2700, 2566), metavar="ปี", help="ปีของผล ITA ที่วิเคราะห์ ถ้าไม่ระบุคือปีก่อนหน้า")
def new_office_cmd(office_id: str, year: int | None, assessed: int | None) -> None:
    """เริ่มหน่วยงานใหม่ที่ content/offices/<รหัส>/ จากแบบเปล่า

    ข้อมูลและหมายเหตุทุกช่องเป็นช่องว่าง
    <กรอก: …> ให้กรอกเอง (ไม่ยกข้อความของหน่วยงานอื่นมา) แล้ว measures check จะบอกช่องที่ยังเหลือ

    \b
    ตัวอย่าง:
      measures new-office nan2 --year 2567 --assessed 2566
    """
    from datetime import date

    from .scaffold import new_office
    from .thai import fiscal_year
    content = _content()
    year = year or fiscal_year(date.today())
    for path in _made(lambda: new_office(content, office_id, year, assessed)):
        click.echo(shown_path(path))
    click.echo("กรอกข้อมูลทุกช่อง <กรอก: …> แล้วสั่ง measures check เพื่อดูรายการที่ยังเหลือ", err=True)


@main.command("new-framework")
@option("--from", "source", required=True, metavar="กรอบ",
        help="กรอบการประเมินปีก่อนที่ใช้เป็นต้นแบบ (ชื่อไฟล์ใน content/frameworks) เช่น ita-2567")
@option("--year", type=Int(2560, 2700, 2568), required=True, metavar="ปี",
        help="ปีการประเมิน ITA (พ.ศ.) ของกรอบใหม่")
def new_framework_cmd(source: str, year: int) -> None:
    """เริ่มกรอบการประเมิน ITA ของปีใหม่จากกรอบปีก่อน

    โครงสร้างเดิมคงไว้ ตัวเลขและเกณฑ์ทุกข้อที่ต้องยืนยันกับคู่มือการประเมินของปีนั้นเป็นช่องว่าง
    <กรอก: …> และจะสร้างเอกสารด้วยกรอบนี้ไม่ได้จนกว่าจะกรอกครบ

    \b
    ตัวอย่าง:
      measures new-framework --from ita-2567 --year 2568
    """
    from .editor_schema import FOLDER, write_all
    from .newframework import new_framework
    content = _content()
    click.echo(shown_path(_made(lambda: new_framework(content, source, year))))
    if (content.project.root / FOLDER).is_dir():  # the editor knows the new framework's id at once
        _made(lambda: write_all(content.project.root, content.project.content))
    click.echo("กรอกทุกช่อง <กรอก: …> ตามคู่มือการประเมินปีนั้น แล้วสั่ง measures check", err=True)


@main.command("site")
@publication_options
def site_cmd(office: str | None, year: int | None, out: Path | None) -> None:
    """สร้างหน้าเว็บ build/<รหัส>/site/ สำหรับอัปโหลดได้ทันที

    index.html พร้อมไฟล์ Word และ PDF
    ของเอกสาร และ itas.txt ข้อความที่กรอกในระบบ ITA คู่กับแต่ละ URL (ด้วย --out คือ <โฟลเดอร์>/site)

    \b
    ตัวอย่าง:
      measures site --office kksec --year 2565
    """
    from .site import build_site
    office = which_office(office)
    site = _made(lambda: build_site(office, year, out_dir=out, content=_content()))
    _report(site.warnings)
    click.echo(shown_path(site.path / "index.html"))
    click.echo(shown_path(site.path / "itas.txt"))


@main.command("serve")
@option("--office", callback=_office_id, metavar="รหัส", help=OFFICE_HELP)
@option("--year", type=Int(2500, 2700, 2566), metavar="ปี", help="ปีงบประมาณ (พ.ศ.) ของเอกสาร ถ้าไม่ระบุคือปีล่าสุดที่มีข้อมูล")
@option("--port", type=Int(0, 65535, 8000), default=8000, show_default=True, metavar="พอร์ต",
        help="พอร์ตของหน้าเว็บตัวอย่าง (0 คือให้ระบบเลือกพอร์ตที่ว่าง)")
@option("--host", default="127.0.0.1", show_default=True, metavar="ที่อยู่",
        help="ที่อยู่ที่รับการเชื่อมต่อ (ค่าเริ่มต้นเปิดให้เฉพาะเครื่องนี้)")
def serve_cmd(office: str | None, year: int | None, port: int, host: str) -> None:
    """ดูตัวอย่างเอกสารสด: แก้ไฟล์ข้อมูลแล้วบันทึก เอกสารและหน้าเว็บสร้างใหม่ทันที

    สร้างไฟล์ Word ใน build/<รหัส>/ ใหม่ทุกครั้งที่บันทึกไฟล์ใน content (ไฟล์เดียวกับ measures build)
    และแสดงหน้าเว็บที่ http://127.0.0.1:<พอร์ต>/ ซึ่งโหลดใหม่เอง ถ้าข้อมูลผิด หน้าเว็บบอกไฟล์ บรรทัด
    และสิ่งที่ต้องแก้ โดยยังแสดงฉบับที่สร้างได้ล่าสุด ไฟล์ PDF ตามมาภายหลัง (ใช้เวลาหลายวินาที)
    กด Ctrl+C เพื่อหยุด

    \b
    ตัวอย่าง:
      measures serve --office kksec
      measures serve --office nan1 --port 8001
    """
    from .problems import errors as errors_of
    from .serve import serve
    office = which_office(office)

    def report(state: Any) -> None:
        stamp = time.strftime("%H:%M:%S")
        if errors_of(state.problems):
            click.echo(f"[{stamp}] ข้อมูลมีข้อผิดพลาด ยังแสดงฉบับล่าสุดที่สร้างได้:", err=True)
            _report(state.problems)
        else:
            _report(state.problems)
            click.echo(f"[{stamp}] สร้างใหม่แล้วใน {state.seconds:.2f} วินาที: "
                       + ", ".join(shown_path(p) for p in state.built), err=True)

    def ready(address: tuple[str, int]) -> None:
        click.echo(f"หน้าเว็บตัวอย่าง: http://{address[0]}:{address[1]}/ (กด Ctrl+C เพื่อหยุด)", err=True)

    try:
        serve(office, year, _content(), host, port, report, ready)
    except OSError as exc:
        _fail([Problem(f"{host}:{port}", None, "", f"เปิดหน้าเว็บตัวอย่างไม่ได้: {exc.strerror or exc} "
                                                   "ลองพอร์ตอื่นด้วย --port")])
    except KeyboardInterrupt:
        click.echo("หยุดแล้ว", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
