"""Property: any text in a content text field gives a clear error or a document
that contains it, opened by python-docx (and, for a sample, by LibreOffice)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from measures.load import Content
from measures.ooxml.read import all_text, open_docx
from measures.pipeline import build
from measures.problems import ContentError

from .conftest import PROJECT

# (file, path to a text field, document) — fields of each kind an officer fills in.
FIELDS = [
    ("measures/7-discretion.yaml", ("guideline", 0, "items", 1), "measures"),
    ("measures/2-participation.yaml", ("followup", 0), "measures"),
    ("offices/kksec/office.yaml", ("complaint_channels", 2), "measures"),
    ("offices/kksec/2565/publication.yaml", ("analysis", "weaknesses", 0), "measures"),
    ("offices/kksec/2565/publication.yaml", ("motto", 0), "preface"),
]
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("pristine")
    shutil.copytree(PROJECT / "content", root / "content")
    return root / "content"


def put(content: Path, file: str, loc: tuple, text: str) -> None:
    path = content / file
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    node = data
    for key in loc[:-1]:
        node = node[key]
    if isinstance(node[loc[-1]], dict):
        node[loc[-1]]["text"] = text
    else:
        node[loc[-1]] = text
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def attempt(tmp: Path, pristine: Path, field, text: str):
    """(document path, None, the text as the content file holds it) or (None, ContentError, …)."""
    content = tmp / "content"
    if content.exists():
        shutil.rmtree(content)
    shutil.copytree(pristine, content)
    file, loc, kind = field
    # The motto lives on the cover of the measures document; the preface does not show it.
    kind = "measures" if loc[0] == "motto" else kind
    put(content, file, loc, text)
    # What the file now says: YAML itself folds some characters (U+0085 is a line break to it).
    node = yaml.safe_load((content / file).read_text(encoding="utf-8"))
    for key in loc:
        node = node[key]
    held = node["text"] if isinstance(node, dict) else node
    try:
        return build("kksec", 2565, kind, out_dir=tmp / "out", content=Content(content)).path, None, held
    except ContentError as exc:
        return None, exc, held


def expected(text: str) -> str:
    # XML has no carriage return of its own: a CR reads back as a line feed.
    return text.replace("\r\n", "\n").replace("\r", "\n")


@SETTINGS
@given(text=st.text(min_size=1, max_size=120), field=st.sampled_from(FIELDS))
def test_any_text_gives_a_clear_error_or_a_document_with_it(tmp_path_factory, pristine, text, field):
    tmp = tmp_path_factory.mktemp("p")
    path, error, held = attempt(tmp, pristine, field, text)
    if error is not None:
        event("refused with a message")
        assert error.problems
        for p in error.problems:
            assert p.file and (p.line or p.field) and p.message
        return
    event("built")
    doc_text = all_text(open_docx(path))
    assert expected(held).strip() in doc_text


NASTY = ["R&D <tag> \"q\" 'a' 7*7 % x", "ก\u200bข\u200dค\u200f", "🙂👨‍👩‍👧 emoji",
         "ข้อความ\nสองบรรทัด\tแท็บ", "ก" * 3000, "\\ backslash ]]> <![CDATA[ x ]]>"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("text", NASTY)
def test_libreoffice_opens_documents_with_awkward_text(tmp_path, pristine, text):
    from measures import pdfcheck
    from measures.pdf import convert
    path, error, _ = attempt(tmp_path, pristine, FIELDS[0], text)
    assert error is None, error
    pdf = convert(path, path.with_suffix(".pdf"))
    assert pdfcheck.page_count(pdf) > 20
    # Compare letters only: joiners and marks stay in the PDF's text layer or not, as
    # poppler pleases, and this machine has no emoji font (LibreOffice draws them blank).
    letters = lambda s: "".join(c for c in pdfcheck.squash(s) if c.isalnum() or c in "&<>{}%*")  # noqa: E731
    assert letters(text)[:20] in letters(pdfcheck.text(pdf))
