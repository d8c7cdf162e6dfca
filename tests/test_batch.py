"""`measures build --all`: every office in worker processes; one office's bad content fails that
office alone, with its message, and the exit code says so."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import replace_text

MEASURES = [sys.executable, "-m", "measures.cli"]


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*MEASURES, *args], cwd=project, capture_output=True, text=True, timeout=300)


@pytest.fixture
def three_offices(content_copy: Path) -> Path:
    """kksec and nan1 as shipped, and nan9: nan1's content under another id with one score unreadable."""
    bad = content_copy / "offices" / "nan9"
    shutil.copytree(content_copy / "offices" / "nan1", bad)
    replace_text(bad / "office.yaml", "id: nan1", "id: nan9")
    replace_text(bad / "office.yaml", "น่าน เขต 1", "น่าน เขต 9", count=2)
    results = next(bad.glob("*/ita-*.yaml"))
    text = results.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("  1: "))
    results.write_text(text.replace(first, "  1: เก้าสิบ", 1), encoding="utf-8")
    return content_copy.parent


def test_a_bad_office_fails_alone(three_offices):
    done = run(three_offices, "build", "--all", "--jobs", "2")
    assert done.returncode == 1, done.stderr
    out = three_offices / "build"
    built = sorted(p.relative_to(out).as_posix() for p in out.glob("*/*.docx"))
    assert built == ["kksec/measures-2565.docx", "nan1/measures-2566.docx"]
    assert done.stdout.split() == ["build/kksec/measures-2565.docx", "build/nan1/measures-2566.docx"]
    assert "✗ nan9:" in done.stderr and "ita-2566.yaml" in done.stderr  # its own message, naming its file
    assert "สร้างเอกสารแล้ว 2 จาก 3 ฉบับ (3 หน่วยงาน)" in done.stderr
    assert "ไม่สำเร็จ 1 หน่วยงาน: nan9" in done.stderr and "Traceback" not in done.stderr


def test_workers_build_the_same_bytes_as_one_process(content_copy):
    project = content_copy.parent
    assert run(project, "build", "--all", "--jobs", "2").returncode == 0
    one = run(project, "build", "--all", "--jobs", "1", "--out", "single")
    assert one.returncode == 0, one.stderr
    for office, name in (("kksec", "measures-2565.docx"), ("nan1", "measures-2566.docx")):
        assert (project / "build" / office / name).read_bytes() == (project / "single" / office / name).read_bytes()


@pytest.mark.parametrize("args", [["--all", "--office", "kksec"], ["--all", "--jobs", "0"]])
def test_usage_mistakes_are_refused(content_copy, args):
    done = run(content_copy.parent, "build", *args)
    assert done.returncode == 2 and "คำสั่งไม่ถูกต้อง" in done.stderr and not (content_copy.parent / "build").exists()
