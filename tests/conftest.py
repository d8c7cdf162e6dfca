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


def edit_yaml(path: Path, change) -> None:
    """Load a YAML file, let `change` mutate the data, write it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def replace_text(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
