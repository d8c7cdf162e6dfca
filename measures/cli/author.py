"""Commands that read and start content: score, check, schema, new-year, new-office, new-framework."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..clithai import Int, option
from ..problems import ContentError, Problem, shown_path
from .app import (
    EXIT_CONTENT,
    OFFICE_HELP,
    _content,
    _fail,
    _made,
    _office_id,
    _report,
    main,
    which_office,
)

if TYPE_CHECKING:
    from ..pipeline import DocKind
else:
    DocKind = str


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
    from ..analyse import IncompleteResults, analyse, to_json
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
    from ..analyse import r2
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
    from ..check import check_all
    problems = check_all(_content(), office)
    found = _report(problems)
    click.echo(f"ตรวจแล้ว: ข้อผิดพลาด {found} รายการ, คำเตือน {len(problems) - found} รายการ", err=True)
    raise SystemExit(EXIT_CONTENT if found else 0)


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
    from ..editor_schema import write_all
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
    from ..scaffold import new_year
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

    from ..scaffold import new_office
    from ..thai import fiscal_year
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
    from ..editor_schema import FOLDER, write_all
    from ..newframework import new_framework
    content = _content()
    click.echo(shown_path(_made(lambda: new_framework(content, source, year))))
    if (content.project.root / FOLDER).is_dir():  # the editor knows the new framework's id at once
        _made(lambda: write_all(content.project.root, content.project.content))
    click.echo("กรอกทุกช่อง <กรอก: …> ตามคู่มือการประเมินปีนั้น แล้วสั่ง measures check", err=True)


