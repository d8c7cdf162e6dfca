"""A build whose inputs are all as they were at the last build of the same file stands as it
is (measures/uptodate.py); any change to any input builds it again."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from measures import pipeline
from measures.batch import build_all
from measures.load import Content
from measures.pipeline import build

from .conftest import replace_text

KKSEC_PUB = "offices/kksec/2565/publication.yaml"


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """The offices actually prepared (not skipped)."""
    seen: list[str] = []
    prepare = pipeline.prepare

    def noted(office, year=None, content=None):
        seen.append(office)
        return prepare(office, year, content)
    monkeypatch.setattr(pipeline, "prepare", noted)
    return seen


def test_nothing_changed_is_not_built_again(warm_content, counted):
    content = Content(warm_content)
    first = build("kksec", content=content)
    data, mtime = first.path.read_bytes(), first.path.stat().st_mtime_ns
    again = build("kksec", content=content)
    assert counted == ["kksec"]
    assert again.path == first.path and again.path.read_bytes() == data and again.path.stat().st_mtime_ns == mtime
    assert again.warnings == first.warnings and again.thai_digits == first.thai_digits


def _symlinked_measure(c: Path) -> None:
    target = c.parent / "elsewhere.yaml"
    shutil.copy(c / "measures/1-disclosure.yaml", target)
    os.unlink(c / "measures/1-disclosure.yaml")
    os.symlink(target, c / "measures/1-disclosure.yaml")


def _own_reference(c: Path) -> None:
    """The project's own reference: the shipped one with a zip comment (other bytes, same look)."""
    import zipfile
    (c.parent / "templates").mkdir()
    own = c.parent / "templates/reference.docx"
    shutil.copy(Path(pipeline.__file__).parent.parent / "templates/reference.docx", own)
    with zipfile.ZipFile(own, "a") as z:
        z.comment = b"the office's own"


CHANGES = {
    "the office's own text": lambda c: replace_text(c / KKSEC_PUB, "motto:\n  - ", "motto:\n  - ใหม่ "),
    "a shared measure": lambda c: replace_text(c / "measures/2-participation.yaml", "title: ", "title: ใหม่"),
    "a framework": lambda c: (c / "frameworks/ita-2564.yaml").write_text(
        (c / "frameworks/ita-2564.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"),
    "another office's contacts": lambda c: replace_text(c / "offices/nan1/office.yaml", "phone: ", "phone: 0"),
    "a new office": lambda c: shutil.copytree(c / "offices/nan1", c / "offices/nan2"),
    "a file beside the year's": lambda c: (c / "offices/kksec/2565/publication.yml").write_text("year: 2565\n"),
    "a measure made a link": _symlinked_measure,
    "the reference": lambda c: _own_reference(c),
    "the document itself": lambda c: (c.parent / "build/kksec/measures-2565.docx").write_bytes(b"changed by hand"),
    "the document deleted": lambda c: (c.parent / "build/kksec/measures-2565.docx").unlink(),
}


@pytest.mark.parametrize("change", CHANGES)
def test_any_change_builds_again(warm_content, counted, change):
    content = Content(warm_content)
    build("kksec", content=content)
    CHANGES[change](warm_content)
    try:
        built = build("kksec", content=Content(warm_content))
    except Exception:  # noqa: BLE001 - a change may make the content wrong: refused, so built again
        built = None
    assert counted == ["kksec", "kksec"], change
    if built is not None:
        from docx import Document
        Document(str(built.path))  # a real document, whatever was there before


def test_source_date_epoch_is_an_input(warm_content, counted, monkeypatch):
    content = Content(warm_content)
    build("kksec", content=content)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build("kksec", content=content)
    assert counted == ["kksec", "kksec"]


def test_another_output_folder_is_built(warm_content, counted, tmp_path):
    content = Content(warm_content)
    build("kksec", content=content)
    other = build("kksec", content=content, out_dir=tmp_path / "elsewhere")
    assert counted == ["kksec", "kksec"] and other.path.parent == tmp_path / "elsewhere"


def test_every_office_after_one_office_edit_builds_that_office(warm_content, counted):
    content = Content(warm_content)
    build_all(content, ["kksec", "nan1"], ["measures"], jobs=1)
    replace_text(warm_content / "offices/nan1/2566/publication.yaml", "motto:\n  - ", "motto:\n  - ใหม่ ")
    outcomes = build_all(Content(warm_content), ["kksec", "nan1"], ["measures"], jobs=1)
    assert counted == ["kksec", "nan1", "nan1"]
    assert all(o.ok for o in outcomes)
