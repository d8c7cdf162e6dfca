"""What build/.cache keeps never changes what a build produces: the same bytes with or without
it, a changed input is seen at once, and a damaged or unwritable cache is simply not used."""
from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest
import yaml

from measures import jinjacache
from measures.cache import Cache, key
from measures.load import Content
from measures.pipeline import REFERENCE, build, document, prepare
from measures.rules.text import _dictionary, stray_letters
from measures.yamlfile import read_yaml

from .conftest import CONTENT, replace_text

PUB = "offices/kksec/2565/publication.yaml"


def cached_files(project: Path) -> list[Path]:
    return [p for p in (project / "build" / ".cache").rglob("*") if p.is_file()]


def test_cached_and_uncached_builds_are_the_same_bytes(content_copy, content, tmp_path, monkeypatch):
    monkeypatch.setattr(jinjacache, "_COMPILED", {})  # what earlier tests compiled in this process
    first = build("kksec", 2565, out_dir=tmp_path / "a", content=content).path.read_bytes()
    kinds = {p.parent.name for p in cached_files(content_copy.parent)}
    assert {"reference", "chart", "yaml", "text", "jinja", "patched"} <= kinds
    again = build("kksec", 2565, out_dir=tmp_path / "b", content=content).path.read_bytes()
    model = prepare("kksec", 2565, content)
    without = document("measures", model, content.project.template(REFERENCE), cache=Cache(None))
    assert first == again == without


def test_an_edited_text_is_checked_and_printed_at_once(content_copy, content, tmp_path):
    build("kksec", 2565, out_dir=tmp_path, content=content)
    pub = content_copy / PUB
    replace_text(pub, "motto:\n  - ", "motto:\n  - ติตประกาศใหม่ ")  # a typo: ติ|ต|ประกาศ
    built = build("kksec", 2565, out_dir=tmp_path, content=content)
    assert any("ติตประกาศ" in p.message for p in built.warnings)
    from docx import Document
    assert any("ติตประกาศใหม่" in p.text for p in Document(str(built.path)).paragraphs)


def test_a_changed_chart_input_draws_a_new_chart(content_copy, content, tmp_path):
    build("kksec", 2565, out_dir=tmp_path, content=content)
    charts = {p.name for p in (content_copy.parent / "build" / ".cache" / "chart").iterdir()}
    replace_text(content_copy / "offices/kksec/office.yaml", "digits: arabic", "digits: thai")  # its labels change
    build("kksec", 2565, out_dir=tmp_path, content=content)
    after = {p.name for p in (content_copy.parent / "build" / ".cache" / "chart").iterdir()}
    assert len(after - charts) == 1


@pytest.mark.parametrize("damage", [b"", b"\x00garbage{", b"{\"data\": 1}", "ไม่ใช่ JSON".encode()])
def test_damaged_cache_entries_are_ignored(content_copy, content, tmp_path, damage):
    good = build("kksec", 2565, out_dir=tmp_path / "a", content=content).path.read_bytes()
    files = cached_files(content_copy.parent)
    for f in files:
        f.write_bytes(damage)
    fresh = Content(content_copy)  # a new process's view: nothing in memory
    assert build("kksec", 2565, out_dir=tmp_path / "b", content=fresh).path.read_bytes() == good


def test_a_cache_that_cannot_be_written_is_not_used(content_copy, tmp_path):
    (content_copy.parent / "build").mkdir()
    (content_copy.parent / "build" / ".cache").write_text("not a folder")
    built = build("kksec", 2565, out_dir=tmp_path, content=Content(content_copy))
    assert built.path.stat().st_size > 50_000


def test_yaml_read_from_the_cache_is_what_the_file_says(tmp_path):
    cache = Cache(tmp_path)
    files = sorted(Path(p) for p in glob.glob(str(CONTENT / "**" / "*.yaml"), recursive=True))
    for path in files:
        plain = read_yaml(path)
        read_yaml(path, cache=cache)
        kept = read_yaml(path, cache=cache)
        assert kept.data == plain.data and kept.lines == plain.lines, path
        assert _types(kept.data) == _types(plain.data), path  # 99.13 stays a Decimal, 2558: stays an int key
    assert len(list((tmp_path / "yaml").iterdir())) == len(files)


def _types(value: object) -> object:
    if isinstance(value, dict):
        return [(type(k).__name__, _types(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value).__name__


def test_cache_keys_separate_their_parts():
    assert key("ab", "c") != key("a", "bc") and key("x") == key("x") and key("x") != key("y")
    assert key("ก\ud800") != key("ก")  # a lone surrogate (refused later) still makes a key


def test_the_dictionary_tokenizes_as_pythainlp_own_trie():
    from pythainlp.tokenize import word_tokenize
    texts = []

    def walk(v: object) -> None:
        if isinstance(v, str):
            texts.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    for path in glob.glob(str(CONTENT / "**" / "*.yaml"), recursive=True):
        walk(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
    texts += ["ติตประกาศ", "งาานนั้น", "การเปิดเผยข้อมูลสาธารณะะ", "ก", "ๆ", "สพฐ."]
    words = _dictionary()
    assert len(texts) > 500
    for t in texts:
        assert word_tokenize(t, engine="newmm") == word_tokenize(t, engine="newmm", custom_dict=words), t
    assert stray_letters("ติตประกาศ") and not stray_letters("ติดประกาศ")


def test_cache_folder_stays_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr("measures.cache.LIMITS", {"chart": 8})
    cache = Cache(tmp_path)
    for n in range(12):
        cache.put("chart", f"k{n}", b"x")
        os.utime(tmp_path / "chart" / f"k{n}", (n, n))  # oldest first
    kept = sorted(p.name for p in (tmp_path / "chart").iterdir())
    assert len(kept) == 8 and "k11" in kept and "k0" not in kept  # 9 allowed, then down to 8
