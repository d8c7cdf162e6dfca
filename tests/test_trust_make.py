"""What `make` passes to the shell: OFFICE, YEAR and ROUND are refused before any recipe
runs unless each is plainly an office id, a year or a round; a failed build fails make;
an up-to-date document is not rebuilt. Run in a copy of the project whose `.venv` points at
this one's programs, so nothing here can touch the checkout."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import PROJECT

BIN = PROJECT / ".venv" / "bin"
pytestmark = pytest.mark.skipif(shutil.which("make") is None or not (BIN / "measures").exists(),
                                reason="needs make and the project's .venv")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("make")
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(PROJECT / name, root / name)
    for name in ("content", "templates"):
        shutil.copytree(PROJECT / name, root / name)
    (root / ".venv").mkdir()
    (root / ".venv" / "bin").symlink_to(BIN)
    (root / ".venv" / ".installed").touch()  # newer than the copied pyproject.toml: no reinstall
    return root


def make(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("OFFICE", "YEAR", "ROUND", "MEASURES_CONTENT",
                                                            "SOURCE_DATE_EPOCH", "MAKEFLAGS")}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=120)


def _files(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*") if ".venv" not in p.parts}


# What a shell would run, split a value in two, or leave a quote open: the three and
# others of the same kind (command substitution, backticks, quotes, a second option, a path).
HOSTILE_OFFICES = [
    "x;touch {pwned}", "$(id)", "kksec --out {pwned}", "kksec && touch {pwned}", "`touch {pwned}`",
    "$$(touch {pwned})", "kksec'; touch {pwned}; '", 'kksec" "--out', "kksec|touch {pwned}", "../kksec",
    "kksec\ntouch {pwned}", "KKSEC", "-kksec", "",
]


@pytest.mark.parametrize("value", HOSTILE_OFFICES)
@pytest.mark.parametrize("target", ["measures", "report", "score"])
def test_an_unsafe_office_runs_nothing(project, tmp_path, value, target):
    pwned = tmp_path / "pwned"
    before = _files(project)
    r = make(project, target, "OFFICE=" + value.format(pwned=pwned))
    assert r.returncode != 0
    assert "รหัสหน่วยงาน" in r.stderr and "ภาษาอังกฤษตัวเล็ก" in r.stderr and "OFFICE=kksec" in r.stderr
    assert r.stdout == ""  # no recipe line printed, none run
    assert not pwned.exists() and _files(project) == before


@pytest.mark.parametrize("variable, value, words", [
    ("YEAR", "2565;touch {pwned}", "4 หลัก"), ("YEAR", "$(touch {pwned})", "4 หลัก"), ("YEAR", "256", "4 หลัก"),
    ("YEAR", "25650", "4 หลัก"), ("YEAR", "2565 --out {pwned}", "4 หลัก"), ("YEAR", "๒๕๖๕", "4 หลัก"),
    ("ROUND", "6;touch {pwned}", "6 (ครึ่งปี) หรือ 12"), ("ROUND", "7", "6 (ครึ่งปี) หรือ 12"),
    ("ROUND", "6 12", "6 (ครึ่งปี) หรือ 12"), ("ROUND", "`touch {pwned}`", "6 (ครึ่งปี) หรือ 12"),
])
def test_an_unsafe_year_or_round_runs_nothing(project, tmp_path, variable, value, words):
    pwned = tmp_path / "pwned"
    r = make(project, "report", f"{variable}={value.format(pwned=pwned)}")
    assert r.returncode != 0 and words in r.stderr and variable in r.stderr and r.stdout == ""
    assert not pwned.exists()


def test_an_unsafe_office_from_the_environment_is_refused_too(project, tmp_path):
    pwned = tmp_path / "pwned"
    env = dict(os.environ, OFFICE=f"x;touch {pwned}")
    r = subprocess.run(["make", "-n", "measures"], cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode != 0 and "รหัสหน่วยงาน" in r.stderr and not pwned.exists()


def test_plain_values_reach_measures_as_one_argument_each(project):
    r = make(project, "-n", "report", "OFFICE=nan1", "YEAR=2566", "ROUND=12")
    assert r.returncode == 0, r.stderr
    assert "measures report --office nan1 --year 2566 --round 12" in " ".join(r.stdout.split())


@pytest.mark.parametrize("name, word", [("ita-x;touch${IFS}pwned.yaml", "ita-x;touch${IFS}pwned.yaml"),
                                        ("ita-$(touch${IFS}pwned).yaml", "ita-$(touch${IFS}pwned).yaml"),
                                        ("ita-it's.yaml", "ita-it'\\''s.yaml")])
def test_a_results_file_name_reaches_the_shell_quoted(project, name, word):
    office = project / "content" / "offices" / "quoted"
    (office / "2565").mkdir(parents=True)
    (office / "2565" / name).write_text("x: 1\n", encoding="utf-8")
    try:
        shown = make(project, "-n", "score", "OFFICE=quoted").stdout.strip()
        assert shown == f".venv/bin/measures score 'content/offices/quoted/2565/{word}'", shown
        ran = make(project, "score", "OFFICE=quoted")  # the file is no results file: refused, by measures
        assert ran.returncode != 0 and not (project / "pwned").exists()
    finally:
        shutil.rmtree(office)


def test_build_once_then_nothing_to_do_then_a_failed_build_fails_make(project):
    doc = project / "build" / "kksec" / "measures-2565.docx"
    first = make(project, "measures")  # no OFFICE: the bundled example
    assert first.returncode == 0, first.stderr
    assert "measures build --office kksec" in first.stdout and doc.exists()
    assert first.stdout.splitlines()[-1] == "build/kksec/measures-2565.docx"
    built, stamp = doc.read_bytes(), doc.stat().st_mtime_ns
    again = make(project, "measures")
    assert again.returncode == 0 and again.stdout.strip() == "build/kksec/measures-2565.docx"
    assert doc.stat().st_mtime_ns == stamp  # not rebuilt
    pub = project / "content" / "offices" / "kksec" / "2565" / "publication.yaml"
    good = pub.read_text(encoding="utf-8")
    try:
        pub.write_text(good.replace("year: 2565", "year: 2565\nnot_a_field: 1", 1), encoding="utf-8")
        failed = make(project, "measures")
        assert failed.returncode != 0 and "not_a_field" in failed.stdout + failed.stderr
        assert doc.read_bytes() == built  # the earlier document as it was
        missing = make(project, "measures", "OFFICE=nosuchoffice")
        assert missing.returncode != 0 and "nosuchoffice" in missing.stdout + missing.stderr
    finally:
        pub.write_text(good, encoding="utf-8")
