"""Structure the files cannot hold, and folders that are not what they are named: each reported
where it is, once, with nothing that does not exist named and nothing left out silently."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from measures.cli import main

from .conftest import CONTENT

KK = "offices/kksec"
DISCRETION = "measures/7-discretion.yaml"


@pytest.fixture(scope="module")
def warm(tmp_path_factory) -> Path:
    """A project whose cache has read the shipped files once: each test copies it."""
    root = tmp_path_factory.mktemp("warm") / "project"
    shutil.copytree(CONTENT, root / "content")
    assert CliRunner().invoke(main, ["check"], env={"MEASURES_CONTENT": str(root / "content")}).exit_code == 0
    return root


@pytest.fixture
def content(warm, tmp_path) -> Path:
    shutil.copytree(warm, tmp_path / "project")
    return tmp_path / "project" / "content"


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


def test_a_stray_office_file_is_a_warning_when_another_office_is_checked(content):
    shutil.rmtree(content / "offices" / "nan1")
    (content / "offices" / "nan1").symlink_to(content / "offices" / "kksec" / "office.yaml")
    code, lines = check(content, "--office", "kksec")
    assert code == 0 and len(lines) == 1 and "offices/nan1" in lines[0] and "ไม่ใช่โฟลเดอร์" in lines[0], lines


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
@pytest.mark.parametrize("code", ["OIT", "IIT", "EIT"])
def test_an_empty_strengths_list_is_no_strength(content, code):
    res = f"{KK}/2565/ita-2564.yaml"
    text = (content / res).read_text(encoding="utf-8")
    # every indicator of every tool at 50: each tool fails, so a strength written for it is refused
    import re
    (content / res).write_text(re.sub(r"(?m)^(  \d+): [0-9.]+$", r"\1: 50.00", text), encoding="utf-8")
    pub = f"{KK}/2565/publication.yaml"
    ptext = (content / pub).read_text(encoding="utf-8")
    start = ptext.index("  strengths:\n")
    end = start + len("  strengths:\n")
    while ptext[end:].startswith("    "):
        end = ptext.index("\n", end) + 1
    (content / pub).write_text(ptext[:start] + f"  strengths:\n    {code}: []\n" + ptext[end:], encoding="utf-8")
    _, lines = check(content, "--office", "kksec")
    assert not any("จุดแข็ง" in x and code in x for x in lines), lines
