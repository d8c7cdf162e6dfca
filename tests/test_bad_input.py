"""Bad input: a clear message naming the file, line or field — never a corrupt document,
never a lost good one."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from measures.check import check_all
from measures.cli import main
from measures.load import Content
from measures.ooxml import read as inspect
from measures.pipeline import build
from measures.problems import ContentError
from measures.render import TemplateProblem

from .conftest import PROJECT, replace_text

KK = Path("offices/kksec")
PUB = KK / "2565/publication.yaml"
RES = KK / "2565/ita-2564.yaml"
M7 = Path("measures/7-discretion.yaml")
ITEM = "  - text: มาตรการป้องกันและแก้ไขปัญหาการใช้ดุลพินิจ"


def line_of(path: Path, text: str) -> int:
    """The number of the first line holding `text` (read with errors replaced: a planted
    encoding mistake must not stop the test from finding its line)."""
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def problems(content):
    return check_all(content)


def errors(content):
    return [p for p in problems(content) if p.severity == "error"]


# --------------------------------------------------------------------------- files

def test_tab_indented_file(content_copy, content):
    replace_text(content_copy / RES, "  1: 99.13", "\t1: 99.13")
    [p] = errors(content)
    assert p.file.endswith(str(RES)) and p.line == line_of(content_copy / RES, "\t1: 99.13") and "แท็บ" in p.message


def test_bom_is_a_warning_and_the_file_still_reads(content_copy, content):
    f = content_copy / RES
    f.write_bytes(b"\xef\xbb\xbf" + f.read_bytes())
    found = problems(content)
    assert [p.severity for p in found] == ["warning"] and "BOM" in found[0].message


def test_not_utf8(content_copy, content):
    f = content_copy / RES
    raw = f.read_text(encoding="utf-8").encode("utf-8")
    f.write_bytes(raw.replace(b"framework", "ไ".encode("cp874") + b"framework", 1))
    [p] = errors(content)
    assert "UTF-8" in p.message and p.line == line_of(content_copy / RES, "framework")


def test_empty_file(content_copy, content):
    (content_copy / RES).write_text("# nothing\n", encoding="utf-8")
    [p] = errors(content)
    assert "ว่าง" in p.message


@pytest.mark.parametrize("bad,words", [("101", "นอกช่วง"), ("-1", "นอกช่วง"), ('"91,5"', "จุลภาค"),
                                       (".nan", "ตัวเลข"), ("ninety", "ไม่ใช่ตัวเลข")])
def test_bad_scores(content_copy, content, bad, words):
    replace_text(content_copy / RES, "  5: 93.17", f"  5: {bad}")
    [p] = errors(content)
    assert p.field == "scores.5" and p.line == line_of(content_copy / RES, "  5: ") and words in p.message


def test_missing_required_field(content_copy, content):
    replace_text(content_copy / M7, "title: มาตรการตรวจสอบการใช้ดุลพินิจ\n", "")
    [p] = errors(content)
    assert p.file.endswith(str(M7)) and p.field == "title" and "ขาด" in p.message


def test_unknown_framework(content_copy, content):
    replace_text(content_copy / RES, "framework: ita-2564", "framework: ita-2599")
    [p] = errors(content)
    assert p.file.endswith(str(RES)) and p.line == line_of(content_copy / RES, "ita-2599") and "ita-2599" in p.message


def test_office_that_does_not_exist():
    with pytest.raises(ContentError, match="nosuch"):
        Content().load("nosuch")


@pytest.mark.parametrize("bad", ["../../etc", "..", "/etc", "kksec/../kksec", "KKSEC", "ก"])
def test_office_id_refused_before_any_file_is_touched(bad, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(main, ["build", "--office", bad])
    assert isinstance(out.exception, SystemExit) and out.exit_code == 1
    assert f"'{bad}' ไม่ใช่รหัสหน่วยงาน" in out.stderr and list(tmp_path.iterdir()) == []


def test_results_path_must_stay_in_the_year_folder(content_copy, content):
    replace_text(content_copy / PUB, "results: ita-2564.yaml", "results: ../../../frameworks/ita-2564.yaml")
    [p] = errors(content)
    assert p.field == "results"


# --------------------------------------------------------------------------- text

def _set_item(content_copy, text: str) -> None:
    replace_text(content_copy / M7, ITEM, "  - text: " + _yaml_str(text))


def _yaml_str(text: str) -> str:
    import json
    # JSON strings are YAML double-quoted strings; control characters travel as \u escapes.
    return json.dumps(text, ensure_ascii=False).encode("utf-8", "backslashreplace").decode("utf-8") \
        if all(not 0xD800 <= ord(c) <= 0xDFFF for c in text) else json.dumps(text)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\ufffe", "\ud800"])
def test_characters_xml_forbids_are_refused_with_the_field(content_copy, content, char):
    _set_item(content_copy, f"ก่อน{char}หลัง")
    [p] = errors(content)
    assert p.file.endswith(str(M7)) and p.line == line_of(content_copy / M7, '  - text: "') \
        and f"U+{ord(char):04X}" in p.message
    # The YAML reader itself stops at a raw U+FFFE: then the line, not the field, is named.
    assert p.field == ("" if char == "\ufffe" else "guideline[0].text")


def test_build_refuses_and_keeps_the_old_document(content_copy, content, tmp_path):
    tmp_path = tmp_path / "out"
    good = build("kksec", 2565, out_dir=tmp_path, content=content).path
    before = good.read_bytes()
    _set_item(content_copy, "ก\x0bข")
    with pytest.raises(ContentError, match="U\\+000B"):
        build("kksec", 2565, out_dir=tmp_path, content=content)
    assert good.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [good.name]


@pytest.mark.parametrize("text", ["ก\u200bข", "ก\u200dข", "\u200fก", "👨\u200d👩\u200d👧 🙂 ๑๒๓"])
def test_invisible_characters_warn_and_build(content_copy, content, tmp_path, text):
    _set_item(content_copy, text)
    found = [p for p in problems(content) if "มองไม่เห็น" in p.message]
    assert found and all(p.severity == "warning" for p in found)
    doc = inspect.open_docx(build("kksec", 2565, out_dir=tmp_path, content=content).path)
    assert text in inspect.all_text(doc)


def test_doubled_combining_mark_is_refused(content_copy, content):
    _set_item(content_copy, "การใช้ดุลพินิจจ\u0e34\u0e34")
    [p] = errors(content)
    assert "ซ้ำ" in p.message


def test_long_paragraph_and_many_items(content_copy, content, tmp_path):
    long = "ข้อความยาว " * 9_100  # 100,100 characters
    _set_item(content_copy, long.strip())
    f = content_copy / M7
    f.write_text(f.read_text(encoding="utf-8") + "".join(f"  - รายการที่เพิ่ม {n}\n" for n in range(5_000)),
                 encoding="utf-8")
    # The added lines follow `responsible:`; put them under guideline instead.
    text = f.read_text(encoding="utf-8")
    head, tail = text.split("followup:", 1)
    extra = "".join(f"  - รายการที่เพิ่ม {n}\n" for n in range(5_000))
    tail = tail.replace(extra, "")
    f.write_text(head + extra + "followup:" + tail, encoding="utf-8")
    path = build("kksec", 2565, out_dir=tmp_path, content=content).path
    doc = Document(str(path))
    text = inspect.all_text(doc)
    assert long.strip() in text and "รายการที่เพิ่ม 4999" in text


# --------------------------------------------------------------------------- templates

def _bad_template(tmp_path: Path, tag: str) -> Path:
    """The shipped reference document with `tag` typed into its footer (headers and footers
    of a project's own reference are rendered with the context, so they can hold Jinja)."""
    src = PROJECT / "templates/reference.docx"
    dst = tmp_path / "t.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/footer1.xml":
                run = f'<w:r><w:t xml:space="preserve"> {tag}</w:t></w:r></w:p>'.encode()
                assert b"</w:p>" in data
                data = data.replace(b"</w:p>", run, 1)
            zout.writestr(item, data)
    return dst


def test_template_missing(tmp_path):
    with pytest.raises(TemplateProblem, match="ไม่พบไฟล์แม่แบบ"):
        build("kksec", 2565, out_dir=tmp_path, reference=tmp_path / "none.docx")


def test_template_not_a_docx(tmp_path):
    bad = tmp_path / "t.docx"
    bad.write_text("not a zip")
    with pytest.raises(TemplateProblem, match="ไม่ใช่ไฟล์ Word") as e:
        build("kksec", 2565, out_dir=tmp_path, reference=bad)
    assert str(bad) in str(e.value)


def test_template_lacking_a_style_names_it(tmp_path):
    from docx import Document
    doc = Document(str(PROJECT / "templates/reference.docx"))
    doc.styles["Caption Thai"].delete()
    doc.styles["Bullet"].delete()
    doc.save(tmp_path / "t.docx")
    with pytest.raises(TemplateProblem) as e:
        build("kksec", 2565, out_dir=tmp_path / "out", reference=tmp_path / "t.docx")
    assert "Caption Thai" in str(e.value) and "Bullet" in str(e.value)
    assert not (tmp_path / "out").exists()


def test_template_jinja_syntax_error_names_file_and_tag(tmp_path):
    bad = _bad_template(tmp_path, "{{ office.name | }}")
    with pytest.raises(TemplateProblem) as e:
        build("kksec", 2565, out_dir=tmp_path / "out", reference=bad)
    assert str(bad) in str(e.value) and "office.name" in str(e.value)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_template_naming_missing_data_is_an_error_not_blank(tmp_path):
    bad = _bad_template(tmp_path, "{{ office.nickname }}")
    with pytest.raises(TemplateProblem, match="nickname"):
        build("kksec", 2565, out_dir=tmp_path / "out", reference=bad)


@pytest.mark.parametrize("tag", ["{{ office.__class__.__mro__ }}", "{{ 10**5000 }}",
                                 "{% for i in range(10**9) %}x{% endfor %}", "{{ 'x' * 10**4 * 10**4 }}"])
def test_template_runs_sandboxed_and_bounded(tmp_path, tag):
    bad = _bad_template(tmp_path, tag)
    with pytest.raises(TemplateProblem):
        build("kksec", 2565, out_dir=tmp_path / "out", reference=bad)
    assert not (tmp_path / "out").exists()


def test_project_template_restyles_the_document(tmp_path, content_copy, content):
    """A project's own templates/reference.docx is used instead of the package's."""
    from docx import Document
    from docx.shared import Pt
    doc = Document(str(PROJECT / "templates/reference.docx"))
    doc.styles["Heading 1"].font.size = Pt(24)
    (content_copy.parent / "templates").mkdir()
    doc.save(content_copy.parent / "templates/reference.docx")
    path = build("kksec", 2565, out_dir=tmp_path / "out", content=content).path
    sizes = {s.font.size for s in Document(str(path)).styles if s.name == "Heading 1"}
    assert sizes == {Pt(24)}
