"""bench/synthetic.py: the generated offices pass every check of the tool, and a seed always
writes the same files (the benchmark must measure the same work every time)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bench import synthetic
from bench.synthetic import generate, main
from measures.check import check_all
from measures.load import Content
from measures.rules.text import stray_letters

COUNT = 4


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic")
    generate(out, COUNT, seed=3)
    return out


def test_generated_offices_pass_the_checks(project: Path) -> None:
    offices = sorted(p.name for p in (project / "content" / "offices").iterdir())
    assert offices == [f"syn{i:04d}" for i in range(1, COUNT + 1)]
    problems = check_all(Content(project / "content"))
    assert [str(p) for p in problems if p.is_error] == []


def test_same_seed_same_bytes(project: Path, tmp_path: Path) -> None:
    generate(tmp_path, COUNT, seed=3)
    assert tree(tmp_path / "content") == tree(project / "content")


def test_another_seed_other_offices(project: Path, tmp_path: Path) -> None:
    generate(tmp_path, COUNT, seed=4)
    mine, other = tree(project / "content" / "offices"), tree(tmp_path / "content" / "offices")
    assert mine != other
    for name in ("office.yaml",):  # no office is the same office under another seed
        assert all(mine[f"syn{i:04d}/{name}"] != other[f"syn{i:04d}/{name}"] for i in range(1, COUNT + 1))


def test_refuses_to_write_over_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "notes.txt").write_text("someone's work", encoding="utf-8")
    assert main(["--count", "1", "--out", str(tmp_path)]) == 2
    assert "refused" in capsys.readouterr().err
    assert (tmp_path / "content" / "notes.txt").exists()
    assert main(["--count", "1", "--out", str(tmp_path), "--force"]) == 0
    assert not (tmp_path / "content" / "notes.txt").exists()
    assert (tmp_path / "content" / "offices" / "syn0001" / "office.yaml").is_file()


def _pool_texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [t for f in dataclasses.fields(value) for t in _pool_texts(getattr(value, f.name))]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _pool_texts(v)]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _pool_texts(v)]
    return []


def test_every_sentence_of_the_pools_is_typed_cleanly() -> None:
    """Also the sentences a small run does not happen to use: no word the tool's dictionary
    tokenizer cannot place (it would warn 'อาจพิมพ์ผิด' in some office of a large run)."""
    pools = [v for k, v in vars(synthetic).items() if k.isupper() and not k.startswith("_")]
    texts = sorted({t for pool in pools for t in _pool_texts(pool) if any("\u0e01" <= c <= "\u0e4e" for c in t)})
    assert len(texts) > 300
    assert {t: stray for t in texts if (stray := stray_letters(t))} == {}
