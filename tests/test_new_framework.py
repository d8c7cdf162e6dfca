"""`measures new-framework`: the next year's framework from an earlier one, every figure and rule
to confirm a blank; a build refuses it naming each blank, and builds once they are filled."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from measures.check import check_all
from measures.cli import main
from measures.load import Content
from measures.pipeline import build
from measures.problems import ContentError

from .conftest import CONTENT

BLANKED = {"method", "pass_mark", "tools[0].weight", "tools[1].weight", "tools[2].weight", "levels[0].min",
           "levels[1].min", "levels[2].min", "levels[3].min", "levels[4].min", "levels[5].min",
           "oit_items.measures", "oit_items.implementation", "note"}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    content = tmp_path / "project" / "content"
    shutil.copytree(CONTENT, content)
    return content


def run(content: Path, *args: str):
    return CliRunner().invoke(main, ["new-framework", *args], env={"MEASURES_CONTENT": str(content)})


def test_writes_the_next_year_with_blanks_and_never_over_a_file(project):
    out = run(project, "--from", "ita-2567", "--year", "2568")
    assert out.exit_code == 0, out.output
    path = project / "frameworks/ita-2568.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/framework.schema.json\n")
    assert "id: ita-2568\nyear: 2568\n" in text and "(ปี 2567: 85.00)" in text and "(ปี 2567: 40)" in text
    problems = [p for p in check_all(Content(project)) if p.file.endswith("ita-2568.yaml")]
    # Only the blanks, each named by its field; nothing else of the file is wrong.
    assert {p.field for p in problems} == BLANKED and all("ยังไม่ได้กรอก" in p.message for p in problems)
    again = run(project, "--from", "ita-2566", "--year", "2568")
    assert again.exit_code != 0 and "ไม่เขียนทับ" in again.output and path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("args,words", [
    (("--from", "ita-2599", "--year", "2600"), "ไม่พบกรอบการประเมิน 'ita-2599'"),
    (("--from", "ita-2567", "--year", "2567"), "มีกรอบการประเมินของปีนี้อยู่แล้ว"),
    (("--from", "ita-2567", "--year", "2565"), "มีกรอบการประเมินของปีนี้อยู่แล้ว"),
])
def test_refused(project, args, words):
    before = sorted(p.name for p in (project / "frameworks").iterdir())
    out = run(project, *args)
    assert out.exit_code != 0 and words in out.output and "Traceback" not in out.output
    assert sorted(p.name for p in (project / "frameworks").iterdir()) == before


def test_a_year_before_its_source_is_refused(project):
    (project / "frameworks/ita-2563.yaml").unlink()
    out = run(project, "--from", "ita-2567", "--year", "2563")
    assert out.exit_code != 0 and "ต้องหลังปีของกรอบที่ยกมา (2567)" in out.output


def test_a_build_refuses_the_blanks_then_builds_once_filled(project, tmp_path):
    """nan1 analyses ITA 2566: its framework made afresh from 2565's."""
    (project / "frameworks/ita-2566.yaml").unlink()
    assert run(project, "--from", "ita-2565", "--year", "2566").exit_code == 0
    path = project / "frameworks/ita-2566.yaml"
    out = tmp_path / "out"
    with pytest.raises(ContentError) as refused:
        build("nan1", 2566, "measures", out_dir=out, content=Content(project))
    named = {p.field for p in refused.value.problems if p.file.endswith("ita-2566.yaml")}
    assert named == BLANKED and not out.exists()
    # Filled as the ministry would from the manual (here: 2565's figures, which the blanks quote).
    text = re.sub(r'"<กรอก: [^>]*\(ปี 2565: ([^)]*)\)>"', r"\1", path.read_text(encoding="utf-8"))
    text = re.sub(r"\n  (measures|implementation): ไม่ระบุ", "", text).replace("oit_items:\n", "")
    text = re.sub(r'note: "<กรอก: [^>]*>"', "note: ยืนยันจากคู่มือ", text)
    path.write_text(text, encoding="utf-8")
    built = build("nan1", 2566, "measures", out_dir=out, content=Content(project))
    assert built.path.is_file()
