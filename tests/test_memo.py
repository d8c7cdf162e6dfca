"""Blocks put back as an earlier build wrote them (measures/writers/memo.py) never change what
a build produces: after each kind of edit, a build that put blocks back, from memory and from
build/.cache, gives the bytes of one that wrote every block afresh; and an edit to one measure
writes only the blocks that hold it."""
from __future__ import annotations

import json

import pytest

from measures.cache import Cache
from measures.load import Content
from measures.pipeline import REFERENCE, document, prepare
from measures.writers import memo

from .conftest import edit_yaml, replace_text

KKSEC = "offices/kksec/2565/publication.yaml"
NAN1 = "offices/nan1/2566/publication.yaml"


def fresh(kind: str, office: str, content: Content, round_kind: str = "12m") -> bytes:
    """Every block written: nothing in memory, no cache."""
    saved = dict(memo._MEMORY)
    memo._MEMORY.clear()
    try:
        return document(kind, prepare(office, None, content), content.project.template(REFERENCE), round_kind,
                        Cache(None))
    finally:
        memo._MEMORY.clear()
        memo._MEMORY.update(saved)


def kept(kind: str, office: str, content: Content, round_kind: str = "12m", memory: bool = True) -> bytes:
    """Blocks put back from memory, or (memory=False) from build/.cache alone."""
    if not memory:
        memo._MEMORY.clear()
    return document(kind, prepare(office, None, content), content.project.template(REFERENCE), round_kind,
                    Cache(content.project.cache))


def _signatories(n: int):
    def change(data):
        data["signatories"] = [{"name": f"นายทดสอบ คนที่{k}", "position": "ผู้อำนวยการ"} for k in range(1, n + 1)]
    return change


EDITS = {
    # a shared measure's text: one measure's blocks change, in every office
    "measure text": lambda c: replace_text(c / "measures/1-disclosure.yaml", "title: มาตรการเผยแพร่ข้อมูลต่อสาธารณะ",
                                           "title: มาตรการเผยแพร่ข้อมูลต่อสาธารณะอย่างทั่วถึง"),
    # the digits every block prints
    "digits": lambda c: replace_text(c / "offices/kksec/office.yaml", "digits: arabic", "digits: thai"),
    # a font of the office's own, finishing every run
    "font": lambda c: replace_text(c / "offices/kksec/office.yaml", "digits: arabic",
                                   "digits: arabic\n  font: TH Sarabun New"),
    # signatures keep the paragraph before them on their page: that block is changed by a later one
    "one signatory": lambda c: edit_yaml(c / KKSEC, _signatories(1)),
    "three signatories": lambda c: edit_yaml(c / KKSEC, _signatories(3)),
    # a report's fitted widths: a longer figure widens a column of every table of its shape
    "report figure": lambda c: replace_text(c / "offices/kksec/2565/progress.yaml", "budget: 0\n",
                                            "budget: 1234567.5\n"),
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_build_putting_blocks_back_is_the_same_bytes_as_a_fresh_one(content_copy, edit):
    content = Content(content_copy)
    docs = [("measures", "12m"), ("preface", "12m"), ("report", "6m")]
    for kind, rk in docs:  # what the build before the edit kept
        kept(kind, "kksec", content, rk)
    EDITS[edit](content_copy)
    for kind, rk in docs:
        expected = fresh(kind, "kksec", content, rk)
        assert kept(kind, "kksec", content, rk) == expected, f"{kind} {rk}: from memory"
        assert kept(kind, "kksec", content, rk, memory=False) == expected, f"{kind} {rk}: from build/.cache"


def test_thai_digits_and_signatures_of_another_office(content_copy):
    """nan1: Thai digits, two signatories; its measures built after kksec's in one process."""
    content = Content(content_copy)
    kept("measures", "kksec", content)
    kept("measures", "nan1", content)
    edit_yaml(content_copy / NAN1, _signatories(1))
    assert kept("measures", "nan1", content) == fresh("measures", "nan1", content)


def test_an_edit_to_one_measure_writes_only_the_blocks_holding_it(content_copy, monkeypatch):
    content = Content(content_copy)
    kept("measures", "kksec", content)
    written: list[list[str]] = []
    keep = memo.Memo.keep

    def noted(self):
        written.append([k for k, _, _ in self.written])
        keep(self)
    monkeypatch.setattr(memo.Memo, "keep", noted)
    kept("measures", "kksec", content)
    assert written == [[]], "nothing edited: every block put back"
    replace_text(content_copy / "measures/3-procurement.yaml", "title: มาตรการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง",
                 "title: มาตรการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้างทุกขั้นตอน")
    data = kept("measures", "kksec", content)
    # the preface and the lists and tables that name the measure, and the sections holding them: 6 of 61
    assert 1 <= len(written[-1]) <= 8, written[-1]
    from io import BytesIO

    from docx import Document
    assert any("จัดซื้อจัดจ้างทุกขั้นตอน" in p.text for p in Document(BytesIO(data)).paragraphs)


@pytest.mark.parametrize("damage", [
    {"k": "not a list"},
    {"k": [1, 2]},
    {"k": {"xml": "<w:p/>", "in": []}},
    {"k": {"xml": ["<w:p/>"], "in": "k"}},
    [],
])
def test_a_blocks_file_of_the_wrong_shape_is_not_used(content_copy, damage):
    content = Content(content_copy)
    expected = fresh("measures", "kksec", content)
    kept("measures", "kksec", content)
    (f,) = (content_copy.parent / "build" / ".cache" / "blocks").iterdir()
    cache = Cache(f.parent.parent)
    stored = json.loads(cache.get("blocks", f.name) or b"{}")
    assert stored
    if isinstance(damage, dict):  # every kept block's fragments replaced by the damaged value
        damage = {k: damage["k"] for k in stored}
    cache.put("blocks", f.name, json.dumps(damage).encode())
    assert kept("measures", "kksec", content, memory=False) == expected


def test_a_fragment_that_does_not_parse_is_written_afresh(content_copy):
    content = Content(content_copy)
    expected = fresh("measures", "kksec", content)
    kept("measures", "kksec", content)
    (f,) = (content_copy.parent / "build" / ".cache" / "blocks").iterdir()  # the measures document's
    cache = Cache(f.parent.parent)
    stored = json.loads(cache.get("blocks", f.name) or b"{}")
    cache.put("blocks", f.name, json.dumps({k: {"xml": ["<w:p><unclosed"], "in": []} for k in stored}).encode())
    assert kept("measures", "kksec", content, memory=False) == expected


def test_two_threads_building_at_once_share_the_memory(content_copy):
    """serve builds in two threads at once (an edit's rebuild, the PDFs' turn): each gets its
    own document's bytes, however the other thread changes what is kept in memory."""
    import threading
    content = Content(content_copy)
    model = prepare("kksec", None, content)
    reference = content.project.template(REFERENCE)
    jobs = [("measures", "12m"), ("report", "6m"), ("report", "12m"), ("preface", "12m")]
    expected = {job: fresh(job[0], "kksec", content, job[1]) for job in jobs}
    memo._MEMORY.clear()
    failures: list[BaseException] = []

    def run(job: tuple[str, str]) -> None:
        try:
            for _ in range(4):
                data = document(job[0], model, reference, job[1], Cache(content.project.cache))
                assert data == expected[job], job
        except BaseException as exc:  # noqa: BLE001 - reported by the test's thread
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures
