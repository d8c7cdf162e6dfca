"""The `measures` command's group, its shared options and how a failure reaches the officer: as a
message, never a traceback. The commands are in publish.py (documents, site, preview) and
author.py (checking and starting content)."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from .. import __version__
from ..clithai import Group, Int, Option, option, usage_message
from ..problems import ContentError, Problem, errors, shown_path

if TYPE_CHECKING:
    from ..pipeline import DocKind
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
        except BrokenPipeError:  # the reader went away (`measures score … | head`): nothing to tell
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(EXIT_CONTENT) from None
        except KeyboardInterrupt:
            click.echo("หยุดตามที่สั่ง (ไฟล์เดิมใน build/ ไม่ถูกแก้ไข)", err=True)
            raise SystemExit(130) from None
        except Exception as exc:
            if os.environ.get("MEASURES_DEBUG"):
                raise
            from ..crash import crash_log
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
    from ..load import Content
    from ..project import Project
    return Content(Project.find(start))


def _folder(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None and value.exists() and not value.is_dir():
        _fail([Problem(str(value), None, "", "--out ต้องเป็นโฟลเดอร์ แต่ที่อยู่นี้เป็นไฟล์ ให้เลือกโฟลเดอร์อื่น")])
    return value


def _office_id(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refused before any file is touched: an id is a folder name, never a path."""
    from ..load import OFFICE_ID
    if value is not None and not OFFICE_ID.match(value):
        _fail([Problem("--office", None, "", f"'{value}' ไม่ใช่รหัสหน่วยงาน: ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก "
                                              "ตัวเลข - และ _ เช่น kksec")])
    return value

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



def _exit_if_any_failed(outcomes: list[Any]) -> None:
    if not all(o.ok for o in outcomes):
        raise SystemExit(EXIT_CONTENT)


def _made(make: Callable[[], Any]) -> Any:
    """What `make` builds; a content, template or output failure is its message and exit 1."""
    from ..render import TemplateProblem
    from ..write import OutputError
    try:
        return make()
    except TemplateProblem as exc:
        _fail(exc.problems)
    except ContentError as exc:
        _fail(exc.problems, FAILED)
    except OutputError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(EXIT_CONTENT) from None


