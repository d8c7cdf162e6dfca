"""Commands that build publications: build, preface, report (one body from a table), pdf, site,
serve; --all for every office in worker processes."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..clithai import Choice, Int, option
from ..problems import Problem, shown_path
from .app import (
    EXIT_CONTENT,
    OFFICE_HELP,
    _content,
    _exit_if_any_failed,
    _fail,
    _made,
    _office_id,
    _report,
    main,
    publication_options,
    which_office,
)

if TYPE_CHECKING:
    from ..pipeline import DocKind
else:
    DocKind = str


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

    from ..batch import Outcome, build_all
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


def _build(kind: DocKind, office: str | None, year: int | None, out: Path | None, round_kind: str = "12m") -> Any:
    """Build one document; every failure is a message and exit 1."""
    from ..pipeline import build
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
    from ..pdf import Job, PdfError, convert_many
    from ..write import OutputError
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
    from ..site import build_site
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
    from ..problems import errors as errors_of
    from ..serve import serve
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


