"""What an officer reads on the command line is Thai: `measures` alone, every command's --help
(its summary, every option's help, click's own headings), usage mistakes, and the office chosen
without --office (the only one, or a message listing them)."""
from __future__ import annotations

import re
import shutil

import click
import pytest
from click.testing import CliRunner

from measures.cli import main
from measures.clithai import Choice

THAI = re.compile("[\u0e01-\u0e5b]")
# click's own English, which must never reach the officer.
ENGLISH = ("Usage:", "Options:", "Commands:", "Show this message", "Show the version", "[default", "[required]",
           "Error:", "Missing option", "No such option", "No such command", "Invalid value", "TEXT", "INTEGER",
           "PATH", "[OPTIONS]", "COMMAND", "...\n", "Example:")
COMMANDS = sorted(main.commands)


def help_of(*args: str) -> str:
    out = CliRunner().invoke(main, [*args, "--help"], prog_name="measures")
    assert out.exit_code == 0, out.output
    return out.output


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_thai_with_an_example(command):
    text = help_of(*([command] if command else []))
    assert text.startswith("วิธีใช้: measures") and "ตัวเลือก:" in text and "แสดงวิธีใช้นี้แล้วจบ" in text
    assert not [e for e in ENGLISH if e in text], text
    example = text.split("ตัวอย่าง:")[1]
    assert f"measures {command or ''}".strip() in example
    cmd = main.commands[command] if command else main
    # Every option's own line says what it is in Thai, with a Thai name for its value.
    ctx = click.Context(cmd, info_name=command)
    for param in cmd.get_params(ctx):
        record = param.get_help_record(ctx)
        if isinstance(param, click.Option) and record is not None:
            names, help_ = record
            assert THAI.search(help_), (command, names)
            assert names.split()[0] in text and help_.split()[0] in text
            if not param.is_flag and not isinstance(param.type, Choice):  # a choice shows its values
                assert THAI.search(names), names  # --office รหัส, not --office TEXT


def test_no_arguments_shows_the_thai_help_with_every_command_summary_whole():
    out = CliRunner().invoke(main, [], prog_name="measures")
    assert out.exit_code == 0 and out.output.startswith("วิธีใช้: measures") and "คำสั่งไม่ถูกต้อง" not in out.output
    listing = out.output.split("คำสั่ง:\n")[1]
    for name in COMMANDS:
        first = main.commands[name].help.split("\n\n")[0]
        assert " ".join(first.split()) in " ".join(listing.split()), name  # whole, never cut at "…"
    assert "…" not in listing.replace("<กรอก: …>", "")


@pytest.mark.parametrize("args, says", [
    (["new-year"], "ขาดตัวเลือก --year ปี"),
    (["build", "--ofice", "nan1"], "ไม่มีตัวเลือก --ofice ในคำสั่งนี้ หมายถึง --office หรือไม่"),
    (["report", "--office"], "ตัวเลือก --office ต้องมีค่าตามหลัง เช่น --office kksec"),
    (["report", "--round", "7"], "--round '7' ใช้ไม่ได้: เขียนค่าใดค่าหนึ่งต่อไปนี้ 6 หรือ 12"),
    (["build", "--all", "--jobs", "0"], "--jobs 0 อยู่นอกช่วงที่ใช้ได้: เขียนจำนวนตั้งแต่ 1 ถึง 64"),
    (["site", "--year", "๒๕๖๖x"], "--year '๒๕๖๖x' ไม่ใช่จำนวนเต็ม: เขียนเป็นตัวเลขอารบิก เช่น 2566"),
    (["build", "--all=yes"], "ตัวเลือก --all ใช้ได้โดยไม่ต้องมีค่าตามหลัง"),
    (["bulid"], "ไม่มีคำสั่ง 'bulid': หมายถึง build หรือไม่"),
    (["score"], "ขาดไฟล์ที่ต้องเขียนหลังชื่อคำสั่ง"),
    (["score", "a.yaml", "b.yaml"], "มีคำเกินมา: b.yaml"),
    (["build", "--all", "--office", "kksec"], "--all กับ --office ใช้พร้อมกันไม่ได้"),
])
def test_usage_mistakes_are_told_in_thai(args, says, tmp_path):
    out = CliRunner().invoke(main, args, prog_name="measures")
    assert out.exit_code == 2, out.output
    command = args[0] if args[0] in main.commands else ""
    assert out.stderr.startswith(f"คำสั่งไม่ถูกต้อง: {says}")
    assert f"(ดูวิธีใช้ด้วย measures {command} --help)".replace("  ", " ") in out.stderr
    assert not [e for e in ENGLISH if e in out.stderr], out.stderr


@pytest.mark.parametrize("command", ["build", "preface", "report", "site", "pdf", "new-year"])
def test_several_offices_and_no_office_named_is_refused_with_the_list(command, content_copy, tmp_path):
    shutil.copytree(content_copy / "offices" / "nan1", content_copy / "offices" / "lampang1")  # three offices
    args = [command, "--year", "2567"] if command == "new-year" else [command]
    out = CliRunner().invoke(main, args, env={"MEASURES_CONTENT": str(content_copy)}, prog_name="measures")
    assert out.exit_code == 1 and "มี 3 หน่วยงาน (kksec, lampang1, nan1)" in out.stderr
    assert f"เพิ่ม --office <รหัส> เช่น measures {command} --office kksec" in out.stderr
    assert not (content_copy.parent / "build").exists()  # nothing built for anyone


def test_the_only_office_is_used_without_office(content_copy):
    shutil.rmtree(content_copy / "offices" / "kksec")
    env = {"MEASURES_CONTENT": str(content_copy)}
    out = CliRunner().invoke(main, ["build"], env=env, prog_name="measures")
    assert out.exit_code == 0, out.output
    assert out.stdout.strip().endswith("build/nan1/measures-2566.docx")
    assert (content_copy.parent / "build" / "nan1" / "measures-2566.docx").is_file()
    shutil.rmtree(content_copy / "offices" / "nan1")
    out = CliRunner().invoke(main, ["build"], env=env, prog_name="measures")
    assert out.exit_code == 1 and "ยังไม่มีหน่วยงานในโฟลเดอร์นี้" in out.stderr and "measures new-office" in out.stderr
