"""Timings of the main job (`make bench`); kept out of `make test`: speed is measured, not asserted."""
from __future__ import annotations

import shutil

import pytest

from measures.analyse import analyse
from measures.load import Content
from measures.pipeline import build, document, prepare


def test_load_and_check_kksec(benchmark):
    benchmark(prepare, "kksec", 2565)


def test_analysis(benchmark):
    loaded = Content().load("kksec", 2565)
    benchmark(analyse, loaded.framework, loaded.results)


def test_render_measures_docx(benchmark):
    content = Content()
    model = prepare("kksec", 2565, content)
    benchmark(document, "measures", model, content.project.template("reference.docx"))


def test_whole_build(benchmark, tmp_path):
    benchmark(build, "kksec", 2565, "measures", tmp_path)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_conversion(benchmark, tmp_path):
    from measures.pdf import convert
    docx = build("kksec", 2565, "measures", tmp_path).path
    benchmark.pedantic(convert, args=(docx, tmp_path / "m.pdf"), rounds=3, iterations=1)
