"""Shared fixtures: a private copy of the shipped content that a test may break."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from measures.load import Content

PROJECT = Path(__file__).resolve().parent.parent  # the checkout: its content/ is the example project
CONTENT = PROJECT / "content"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A copy of content/ in tmp_path; the returned path is the copy's content folder."""
    dst = tmp_path / "project" / "content"
    shutil.copytree(CONTENT, dst)
    return dst


@pytest.fixture
def content(content_copy: Path) -> Content:
    return Content(content_copy)


@pytest.fixture(scope="module")
def warm_project(tmp_path_factory) -> Path:
    """A project whose cache has read the shipped files once (`measures check`): a module's
    tests copy it (`warm_content`) instead of reading every file afresh."""
    from click.testing import CliRunner

    from measures.cli import main
    root = tmp_path_factory.mktemp("warm") / "project"
    shutil.copytree(CONTENT, root / "content")
    assert CliRunner().invoke(main, ["check"], env={"MEASURES_CONTENT": str(root / "content")}).exit_code == 0
    return root


@pytest.fixture
def warm_content(warm_project: Path, tmp_path: Path) -> Path:
    """A copy of the warm project's content folder (its cache beside it), for one test to break."""
    shutil.copytree(warm_project, tmp_path / "project")
    return tmp_path / "project" / "content"


def edit_yaml(path: Path, change) -> None:
    """Load a YAML file, let `change` mutate the data, write it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def replace_text(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
