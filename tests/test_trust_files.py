"""Structure the files cannot hold, and folders that are not what they are named: each reported
where it is, once, with nothing that does not exist named and nothing left out silently."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from measures.cli import main

KK = "offices/kksec"
DISCRETION = "measures/7-discretion.yaml"


@pytest.fixture
def content(warm_content: Path) -> Path:
    return warm_content


def check(content: Path, *args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check", *args], env={"MEASURES_CONTENT": str(content)})
    assert "Traceback" not in result.stderr
    return result.exit_code, [line for line in result.stderr.splitlines() if not line.startswith("ตรวจแล้ว")]


def edit(content: Path, rel: str, old: str, new: str) -> None:
    f = content / rel
    text = f.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    f.write_text(text.replace(old, new, 1), encoding="utf-8")


def nested(depth: int, indent: str = "  ", plain_at: int | None = None) -> str:
    """A guideline item with `depth` levels of items, each level one item."""
    lines = []
    for level in range(1, depth + 1):
        pad = indent * (2 * (level - 1))
        lines.append(f"{pad}- text: ข้อชั้นที่ {level}")
        if level == plain_at:
            lines.append(f"{pad}  plain: true")
        if level < depth:
            lines.append(f"{pad}  items:")
    return "\n".join("  " + line for line in lines) + "\n"


# ------------------------------------------------------------------------ guidelines deeper than numbering
def _line_of(content: Path, rel: str, text: str) -> int:
    return next(n for n, line in enumerate((content / rel).read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize("depth", [5, 7, 9])
def test_a_standard_guideline_past_the_last_level_is_refused(content, depth):
    edit(content, DISCRETION, "followup:\n", nested(depth) + "followup:\n")  # after the numbered items
    code, lines = check(content)
    assert code == 1 and len(lines) == 1, lines  # one message for the branch, not one per level
    (line,) = lines
    assert f"{DISCRETION}:{_line_of(content, DISCRETION, 'ข้อชั้นที่ 5')} " in line  # the fifth level, where typed
    assert "มาตรการที่ 7" in line and "ชั้นที่ 5" in line and "4 ชั้น" in line


def test_four_levels_and_a_plain_paragraph_between_them_are_fine(content):
    edit(content, DISCRETION, "followup:\n", nested(5, plain_at=2) + "followup:\n")
    assert check(content) == (0, [])


def test_an_office_own_measure_and_an_addition_past_the_last_level_are_refused(content):
    pub = f"{KK}/2565/publication.yaml"
    text = (content / pub).read_text(encoding="utf-8")
    own = ("own_measures:\n  - id: own_deep\n    title: มาตรการของหน่วยงาน\n    responsible: [legal]\n"
           "    guideline:\n" + "\n".join("  " + x for x in nested(6).splitlines()) + "\n")
    add = ("measures:\n  bribery:\n    add:\n" + "\n".join("    " + x for x in nested(5).splitlines()) + "\n")
    assert "\nmeasures: {}\n" in text and "own_measures:" not in text
    (content / pub).write_text(text.replace("\nmeasures: {}\n", "\n", 1) + own + add, encoding="utf-8")
    code, lines = check(content, "--office", "kksec")
    assert code == 1 and len(lines) == 2, lines
    assert any("own_deep" in x and "own_measures[0].guideline" in x for x in lines), lines
    assert any("bribery" in x and "measures.bribery.add" in x for x in lines), lines


def test_complaint_channels_expanded_past_the_last_level_are_refused(content):
    deep = nested(4) + " " * 16 + "expand: complaint_channels\n"
    edit(content, DISCRETION, "followup:\n", deep + "followup:\n")
    code, lines = check(content)
    assert code == 1 and len(lines) == 1 and "expand" in lines[0] and "ชั้นที่ 5" in lines[0], lines


# ------------------------------------------------------------------------ folders
@pytest.mark.parametrize("name", ["nan1", "kksec"])
def test_an_office_folder_replaced_by_a_file_is_reported(content, name):
    shutil.rmtree(content / "offices" / name)
    (content / "offices" / name).write_text("x\n", encoding="utf-8")
    code, lines = check(content)
    assert code == 1 and any(f"offices/{name}" in x and "เป็นไฟล์ ไม่ใช่โฟลเดอร์" in x for x in lines), lines


def test_a_stray_office_file_is_not_another_office_s_problem(content):
    shutil.rmtree(content / "offices" / "nan1")
    (content / "offices" / "nan1").symlink_to(content / "offices" / "kksec" / "office.yaml")
    assert check(content, "--office", "kksec") == (0, [])  # told as nan1's, never as kksec's


def _replace_by_a_file(content: Path, rel: str, how: str) -> None:
    path = content / rel
    shutil.rmtree(path)
    if how == "link":
        path.symlink_to(content / "offices" / "kksec" / "office.yaml")
    else:
        path.write_text("" if how == "empty" else "x\n", encoding="utf-8")


@pytest.mark.parametrize("name, how", [("nan1", "file"), ("nan1", "link"), ("nan1", "empty"), ("kksec", "empty")])
def test_an_office_replaced_by_a_file_is_told_once_by_its_own_name(content, name, how):
    _replace_by_a_file(content, f"offices/{name}", how)
    code, lines = check(content)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"offices/{name}:") or f"/offices/{name}:" in lines[0], lines
    assert f"'{name}' เป็น" in lines[0] and "ไม่ใช่โฟลเดอร์ของหน่วยงาน" in lines[0] and f"ให้นำโฟลเดอร์ {name}" in lines[0]
    code, alone = check(content, "--office", name)
    assert code == 1 and alone == lines, alone  # not "ไม่พบหน่วยงาน": it is there, as a file


@pytest.mark.parametrize("how", ["file", "link", "empty"])
def test_build_all_fails_for_the_office_that_is_a_file_and_only_for_it(content, how):
    _replace_by_a_file(content, "offices/nan1", how)
    result = CliRunner().invoke(main, ["build", "--all", "--jobs", "1", "--out", str(content.parent / "out")],
                                env={"MEASURES_CONTENT": str(content)})
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "✗ nan1:" in result.stderr and result.stderr.count("'nan1' เป็น") == 1, result.stderr
    assert "✗ kksec" not in result.stderr and "คำเตือน" not in result.stderr, result.stderr  # nothing credited to kksec
    assert (content.parent / "out" / "kksec" / "measures-2565.docx").exists()


@pytest.mark.parametrize("rel, how", [(f"{KK}/2565", "file"), (f"{KK}/2565", "empty"), (f"{KK}/2565", "link"),
                                      ("offices/nan1/2566", "file")])
def test_a_year_folder_replaced_by_a_file_is_reported(content, rel, how):
    _replace_by_a_file(content, rel, how)
    office, year = rel.split("/")[1:]
    code, lines = check(content, "--office", office)
    assert code == 1 and len(lines) == 1, lines
    assert rel in lines[0] and f"'{year}' เป็น" in lines[0] and "ไม่ใช่โฟลเดอร์ปี" in lines[0], lines
    assert f"ให้นำโฟลเดอร์ {year}" in lines[0]


@pytest.mark.parametrize("name", ["2566 copy", "ปี 2566", "2566 (1)", "สำรอง 2566", "2566-old", "๒๕๖๖ เดิม", "2567 ร่าง"])
def test_a_folder_named_as_a_year_and_more_is_reported_by_its_own_name(content, name):
    shutil.copytree(content / "offices/nan1/2566", content / "offices/nan1" / name)
    code, lines = check(content)
    assert code == 1 and len(lines) == 1, lines
    assert f"offices/nan1/{name}" in lines[0] and f"'{name}'" in lines[0] and "ไม่ถูกอ่าน" in lines[0], lines
    year = "2567" if "2567" in name else "2566"
    assert "เปลี่ยนชื่อ" in lines[0] and year in lines[0].split("ไม่ถูกอ่าน")[1], lines
    if year == "2566":  # beside the real one: a copy is moved out, never built instead
        assert "มีโฟลเดอร์ 2566 อยู่แล้ว" in lines[0] and "นอกโฟลเดอร์ content" in lines[0]
    result = CliRunner().invoke(main, ["build", "--all", "--jobs", "1", "--out", str(content.parent / "out")],
                                env={"MEASURES_CONTENT": str(content)})
    assert result.exit_code == 1 and "✗ nan1:" in result.stderr and "✗ kksec" not in result.stderr, result.stderr


@pytest.mark.parametrize("name", ["images", "เอกสารประกอบ", "old"])
def test_a_folder_that_is_no_year_is_left_alone(content, name):
    (content / "offices/nan1" / name).mkdir()
    assert check(content) == (0, [])


def test_notes_and_hidden_files_beside_the_offices_are_not_offices(content):
    (content / "offices" / "README.md").write_text("x\n", encoding="utf-8")
    (content / "offices" / ".DS_Store").write_bytes(b"\0")
    assert check(content) == (0, [])


@pytest.mark.parametrize("name", ["99999", "0999", "999", "25650", "02566", "0"])
def test_a_year_folder_that_is_no_year_is_reported_by_its_own_name(content, name):
    shutil.copytree(content / KK / "2565", content / KK / name)
    code, lines = check(content, "--office", "kksec")
    assert code == 1 and len(lines) == 1, lines
    assert f"{KK}/{name}" in lines[0] and f"'{name}'" in lines[0], lines
    shown = lines[0].split(":")[0]
    assert (content.parent / shown).exists() or Path(shown).exists(), shown  # a path that exists
    build = CliRunner().invoke(main, ["build", "--office", "kksec", "--out", str(content.parent / "out")],
                               env={"MEASURES_CONTENT": str(content)})
    assert build.exit_code == 1 and f"'{name}'" in build.stderr  # never the latest year instead, silently


# ------------------------------------------------------------------------ one cause, one message
@pytest.mark.parametrize("rel", [DISCRETION, "measures/3-procurement.yaml", "measures/1-disclosure.yaml"])
@pytest.mark.parametrize("broken", ["x: " + "[" * 200 + "]" * 200 + "\n", "x: " + "{a: " * 200 + "1" + "}" * 200 + "\n",
                                    "id: discretion\nnumber: [\n", "\0"])
def test_a_measure_file_that_cannot_be_read_gives_one_message(content, rel, broken):
    (content / rel).write_text(broken, encoding="utf-8")
    code, lines = check(content)
    assert code == 1 and len(lines) == 1 and rel in lines[0], lines
    assert "ลำดับมาตรการ" not in lines[0]


def test_measures_numbered_wrongly_are_still_reported(content):
    edit(content, DISCRETION, "number: 7", "number: 8")
    code, lines = check(content)
    assert code == 1 and any("ลำดับมาตรการ" in x for x in lines), lines


# ------------------------------------------------------------------------ an empty strengths list
def _strengths(content: Path, code: str, written: str) -> list[str]:
    """check's lines once every tool fails (every indicator at 50) and the strengths are `code: written`."""
    import re
    res = f"{KK}/2565/ita-2564.yaml"
    text = (content / res).read_text(encoding="utf-8")
    (content / res).write_text(re.sub(r"(?m)^(  \d+): [0-9.]+$", r"\1: 50.00", text), encoding="utf-8")
    pub = f"{KK}/2565/publication.yaml"
    ptext = (content / pub).read_text(encoding="utf-8")
    start = ptext.index("  strengths:\n")
    end = start + len("  strengths:\n")
    while ptext[end:].startswith("    "):
        end = ptext.index("\n", end) + 1
    (content / pub).write_text(ptext[:start] + f"  strengths:\n    {code}: {written}\n" + ptext[end:], encoding="utf-8")
    return check(content, "--office", "kksec")[1]


@pytest.mark.parametrize("code", ["OIT", "IIT", "EIT"])
def test_an_empty_strengths_list_is_no_strength(content, code):
    lines = _strengths(content, code, "[]")
    assert not any("จุดแข็ง" in x and code in x for x in lines), lines


# Nothing written, whatever its shape: an empty paragraph, spaces, several of them, an invisible one.
@pytest.mark.parametrize("written", ['[""]', '["   "]', '["", ""]', '["\\u200b"]', '[" ", "\\t"]', '["\\u00a0\\u2060"]',
                                     '\n      - ""\n      - " "'])
def test_a_strength_of_blank_paragraphs_is_no_strength(content, written):
    lines = _strengths(content, "OIT", written)
    assert not any("แต่ถูกเขียนเป็นจุดแข็ง" in x for x in lines), lines


@pytest.mark.parametrize("written", ['["ผู้รับบริการพึงพอใจ"]', '["", "ผู้รับบริการพึงพอใจ"]', '["  ", "ข้อมูลครบถ้วน"]'])
def test_a_strength_written_for_a_failing_tool_is_still_refused(content, written):
    lines = _strengths(content, "OIT", written)
    assert sum("เครื่องมือ OIT" in x and "แต่ถูกเขียนเป็นจุดแข็ง" in x for x in lines) == 1, lines
