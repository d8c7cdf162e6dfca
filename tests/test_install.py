"""The package as a user installs it: a wheel in a fresh virtual environment, run from a
folder that is not the checkout, on a content project of its own."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from .conftest import CONTENT, PROJECT


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed; its dependencies are this environment's
    (a .pth line adds our site-packages, whose own .pth files, the editable install of
    the checkout among them, are not run)."""
    tmp = tmp_path_factory.mktemp("install")
    # From a copy: setuptools writes build/lib into the tree it builds, which is the checkout's build/.
    source = tmp / "source"
    shutil.copytree(PROJECT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "node_modules", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"), str(source)],
                   check=True, capture_output=True)
    [wheel] = (tmp / "dist").glob("measures-*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    where = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = Path(subprocess.run([str(venv / "bin/python"), "-c", where],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    # pip installs into the other venv (--python), writing its real `measures` script.
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin/python"), "install", "-q",
                    "--no-deps", "--no-index", str(wheel)], check=True, capture_output=True)
    return venv


def test_wheel_ships_templates_and_data(installed):
    out = subprocess.run([str(installed / "bin/python"), "-c",
                          "import measures, measures.project as p;"
                          "print(measures.__file__);"
                          "print(p.package_file('measures.templates', 'reference.docx').is_file());"
                          "print(p.package_file('measures.data', 'fonts.conf').is_file());"
                          "import measures.fonts as f; print(len(f.sarabun_files()), f.sarabun_licence().is_file())"],
                         check=True, capture_output=True, text=True, cwd="/").stdout.split()
    assert not out[0].startswith(str(PROJECT)), out[0]  # the wheel's copy, not the checkout
    assert out[1:] == ["True", "True", "2", "True"]  # Sarabun Regular and Bold, and their licence


def test_installed_command_builds_a_project_elsewhere(installed, tmp_path):
    project = tmp_path / "my-office"
    shutil.copytree(CONTENT, project / "content")
    work = project / "notes"  # run from a subfolder: the project is found upwards
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "MEASURES_CONTENT"}
    checkout_build = _state(PROJECT / "build")
    out = subprocess.run([str(installed / "bin/measures"), "build", "--office", "kksec"],
                         cwd=work, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    built = project / "build/kksec/measures-2565.docx"
    assert built.is_file() and zipfile.ZipFile(built).testzip() is None
    assert _state(PROJECT / "build") == checkout_build  # nothing went into the checkout's build/


def _state(folder: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in folder.rglob("*")} if folder.exists() else {}


def test_installed_command_outside_any_project_says_so(installed, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "MEASURES_CONTENT"}
    out = subprocess.run([str(installed / "bin/measures"), "check"], cwd=tmp_path, env=env,
                         capture_output=True, text=True)
    assert out.returncode == 1 and "ไม่พบโฟลเดอร์ content/" in out.stderr and "Traceback" not in out.stderr


def test_readme_names_everything_ci_installs():
    """What .ci/run installs for the tests (Debian packages, npm's axe-core) is in the README's
    set-up, and every runtime dependency in pyproject.toml is in its table of reasons."""
    import re
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    ci = (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    packages = re.search(r"packages=\(([^)]*)\)", ci).group(1).split()
    setup = readme.split("```sh", 2)[2].split("```")[0]  # the second shell block: the set-up
    assert packages and all(p in setup.split() for p in packages), packages
    assert "npm ci" in ci and "npm ci" in setup
    reasons = readme.split("### Why each dependency is there")[1].split("\n## ")[0]
    deps = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = [re.split(r"[<>=~!\s]", d)[0].lower() for d in deps]
    assert all(n in reasons.lower() for n in names), [n for n in names if n not in reasons.lower()]
    assert "fontpkg" not in readme and "fontpkg" not in str(deps)
