"""`measures check`: the shipped content passes, and each mistake the reference
documents carry is caught when planted in a copy of the kksec content."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from measures.check import check_all
from measures.cli import main
from measures.load import Content

from .conftest import replace_text

KK = Path("offices/kksec")
PUB = KK / "2565/publication.yaml"
RES = KK / "2565/ita-2564.yaml"
OFFICE = KK / "office.yaml"
M2 = Path("measures/2-participation.yaml")
M3 = Path("measures/3-procurement.yaml")


def errors(content: Content, office: str | None = None):
    return [p for p in check_all(content, office) if p.severity == "error"]


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def only(problems, file: str):
    assert len(problems) == 1, "\n".join(map(str, problems))
    p = problems[0]
    assert p.file.endswith(file), p
    return p


def test_shipped_content_passes():
    out = CliRunner().invoke(main, ["check"])
    assert out.exception is None and out.exit_code == 0, out.stderr
    assert "ข้อผิดพลาด 0 รายการ" in out.stderr


# --------------------------------------------------------------------------- the reference's mistakes

def test_another_offices_name(content_copy, content):
    f = content_copy / PUB
    replace_text(f, "text: \"{office.name} จะต้องชี้แจง", "text: \"สำนักงานศึกษาธิการจังหวัดกาญจนบุรี จะต้องชี้แจง")
    p = only(errors(content), str(PUB))
    assert p.line == line_of(f, "กาญจนบุรี")
    assert p.field == "analysis.weaknesses[1].text"
    assert "สำนักงานศึกษาธิการจังหวัดกาญจนบุรี" in p.message and "หน่วยงานอื่น" in p.message


def test_an_office_name_typed_into_shared_text(content_copy, content):
    f = content_copy / M2
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("{office.name}", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาขอนแก่น", 1), encoding="utf-8")
    p = only(errors(content), str(M2))
    assert "{office.name}" in p.message and p.line == line_of(f, "มัธยมศึกษาขอนแก่น")


@pytest.mark.parametrize("typed", ["3. ", "337) ", "(4) ", "๓๓๗. ", "2.1 "])
def test_numbering_typed_by_hand(content_copy, content, typed):
    f = content_copy / M3
    replace_text(f, "  - text: ให้ฝ่ายพัสดุ", f"  - text: {typed}ให้ฝ่ายพัสดุ")
    p = only(errors(content), str(M3))
    assert p.field == "guideline[1].text" and p.line == line_of(f, typed.strip())
    assert typed.strip() in p.message and "อัตโนมัติ" in p.message


def test_count_in_prose_typed_by_hand(content_copy, content):
    f = content_copy / PUB
    replace_text(f, "text: การวัดการเปิดเผยข้อมูลสาธารณะ", "text: ตัวชี้วัดที่ไม่ผ่าน จำนวน 2 ตัวชี้วัด การวัดการเปิดเผยข้อมูลสาธารณะ")
    p = only(errors(content), str(PUB))
    assert "2 ตัวชี้วัด" in p.message and p.line == line_of(f, "จำนวน 2 ตัวชี้วัด")


def test_fiscal_year_typed_by_hand(content_copy, content):
    replace_text(content_copy / PUB, "{year.publication}", "2564")
    p = only(errors(content), str(PUB))
    assert "2564" in p.message and "{year.publication}" in p.message
    assert p.field.startswith("analysis.actions[0]")


def test_doubled_vowel(content_copy, content):
    f = content_copy / M3
    replace_text(f, "งานนั้น", "งาานนั้น")
    p = only(errors(content), str(M3))
    assert "งาาน" in p.message and p.line == line_of(f, "งาานนั้น")


def test_stray_character_is_warned(content_copy, content):
    f = content_copy / M2
    replace_text(f, "ติดประกาศ", "ติตประกาศ")
    found = [p for p in check_all(content) if "ติต" in p.message]
    assert len(found) == 1 and found[0].severity == "warning" and found[0].line == line_of(f, "ติตประกาศ")


def test_stated_figure_that_disagrees(content_copy, content):
    f = content_copy / RES
    replace_text(f, "  OIT: 33.93", "  OIT: 33.94")
    p = only(errors(content), str(RES))
    assert p.field == "stated.OIT" and p.line == line_of(f, "OIT: 33.94")
    assert "33.94" in p.message and "33.93" in p.message


# --------------------------------------------------------------------------- references and shapes

def test_reference_to_office_data_that_does_not_exist(content_copy, content):
    f = content_copy / M2
    replace_text(f, "{office.name}", "{office.nmae}")
    p = only(errors(content), str(M2))
    assert "{office.nmae}" in p.message


def test_reference_to_empty_office_field(content_copy, content):
    f = content_copy / OFFICE
    replace_text(f, "hotline: 09-2779-9098", "hotline: ''")
    p = only(errors(content), str(KK / "office.yaml"))
    assert "{office.hotline}" in p.message and "ว่าง" in p.message


def test_unknown_unit(content_copy, content):
    f = content_copy / M3
    replace_text(f, "- procurement", "- purchasing")
    found = [p for p in errors(content) if p.file.endswith(str(M3))]
    # A shared measure is checked against every office: each one that lacks the unit is named.
    assert sorted(p.message.split(" ")[0] for p in found) == ["สพป.น่าน", "สพม.ขอนแก่น"]
    assert all("purchasing" in p.message and p.field.startswith("responsible") for p in found)


def test_unknown_key_suggests_the_nearest(content_copy, content):
    f = content_copy / OFFICE
    replace_text(f, "short_name:", "shortname:")
    msgs = [p for p in errors(content) if p.file.endswith("office.yaml")]
    assert any("shortname" in p.message and "short_name" in p.message for p in msgs)
    assert any("short_name" in p.message and "ขาด" in p.message for p in msgs)


def test_wrong_type(content_copy, content):
    f = content_copy / RES
    replace_text(f, "  rank: 154", "  rank: หนึ่งร้อย")
    p = only(errors(content), str(RES))
    assert p.field == "national.rank" and p.line == line_of(f, "rank:")


def test_decimal_comma(content_copy, content):
    f = content_copy / RES
    replace_text(f, "  9: 75.92", '  9: "75,92"')
    p = only(errors(content), str(RES))
    assert p.field == "scores.9" and "75.92" in p.message and "จุลภาค" in p.message


def test_not_yaml(content_copy, content):
    f = content_copy / PUB
    replace_text(f, "results: ita-2564.yaml", "results: [ita-2564.yaml")
    p = only(errors(content), str(PUB))
    assert "YAML" in p.message and p.line is not None


def test_duplicate_key(content_copy, content):
    f = content_copy / RES
    replace_text(f, "  2: 90.34", "  2: 90.34\n  2: 91.34")
    p = only(errors(content), str(RES))
    assert "ซ้ำ" in p.message and p.line == line_of(f, "2: 91.34")


def test_unknown_office():
    out = CliRunner().invoke(main, ["check", "--office", "nosuch"])
    assert isinstance(out.exception, SystemExit) and out.exit_code == 1
    assert "nosuch" in out.stderr and "kksec" in out.stderr


@pytest.mark.parametrize("bad", ["../../etc", "KKSEC", "kk sec", "", "a/b"])
def test_office_id_must_be_a_plain_name(bad):
    out = CliRunner().invoke(main, ["check", "--office", bad])
    assert isinstance(out.exception, SystemExit) and out.exit_code == 1
    assert f"'{bad}' ไม่ใช่รหัสหน่วยงาน" in out.stderr and "Traceback" not in out.output


def test_a_new_prose_field_is_checked_and_resolved_by_its_declaration_alone(content):
    """Declaring a field `Prose` is all it takes: every rule sees it, references resolve in it."""
    from measures.check import check, problems_of
    from measures.resolve import resolve
    from measures.schema import Prose, Publication

    class WithForeword(Publication):
        foreword: Prose = ""

    loaded = content.load("kksec", 2565)
    data = dict(loaded.docs["publication"].data)
    loaded.publication = WithForeword.model_validate(dict(data, foreword="ข้อความของสพม.ชัยภูมิ {office.nmae}"))
    found = [p for p in problems_of(loaded)[0] if p.field == "foreword"]
    assert any("สพม.ชัยภูมิ" in p.message for p in found), found
    assert any("{office.nmae}" in p.message and "{office.name}" in p.message for p in found), found

    loaded.publication = WithForeword.model_validate(dict(data, foreword="คำนำของ{office.short_name}"))
    assert resolve(check(loaded)).publication.foreword == "คำนำของสพม.ขอนแก่น"
