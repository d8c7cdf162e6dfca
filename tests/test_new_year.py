"""measures new-year: the next publication started from the office's last one — its own texts
carried, the new scores and the year's notes blank, the history of totals filled in."""
from __future__ import annotations

import shutil
from decimal import Decimal

from click.testing import CliRunner

from measures.blanks import blanks_in
from measures.cli import main
from measures.load import Content
from measures.pipeline import build
from measures.yamlfile import read_yaml

from .conftest import CONTENT


def start(tmp_path, *args):
    content = tmp_path / "project" / "content"
    shutil.copytree(CONTENT, content)
    env = {"MEASURES_CONTENT": str(content)}
    return content, env, CliRunner().invoke(main, ["new-year", *args], env=env)


def test_kksec_2566_carries_the_history_and_blanks_the_year(tmp_path):
    content, env, out = start(tmp_path, "--office", "kksec", "--year", "2566")
    assert out.exit_code == 0, out.output
    year = content / "offices/kksec/2566"
    results = read_yaml(year / "ita-2565.yaml").data  # kksec analyses the year before, as it did
    assert (results["framework"], results["year"]) == ("ita-2565", 2565)
    # 2558–2563 as kksec's 2564 file gave them, then 2564 computed from its scores (91.5002 → 91.50).
    assert results["history"] == {2558: Decimal("80.25"), 2559: Decimal("80.96"), 2560: Decimal("75.54"),
                                  2561: Decimal("66.57"), 2562: Decimal("86.82"), 2563: Decimal("87.67"),
                                  2564: Decimal("91.50")}
    assert all(k in str(v) for k, v in [("กรอก", results["scores"][1]), ("กรอก", results["subscores"]["9.5"])])
    pub = read_yaml(year / "publication.yaml").data
    assert pub["year"] == 2566 and pub["results"] == "ita-2565.yaml"
    assert pub["motto"] == ["เสริมสร้างสังคมไม่ทนต่อการทุจริต"]  # the office's own, carried
    assert "จะต้องชี้แจง" not in (year / "publication.yaml").read_text(encoding="utf-8")  # last year's notes are not
    blanks = [loc for loc, _ in blanks_in(pub)]
    assert ("analysis", "weaknesses", 0, "text") in blanks and ("analysis", "actions", 0, "text") in blanks
    # check lists what is left to fill; the new year does not build; the earlier one is untouched.
    out = CliRunner().invoke(main, ["check", "--office", "kksec"], env=env)
    assert out.exit_code == 1 and out.stderr.count("ยังไม่ได้กรอก") >= 20
    assert CliRunner().invoke(main, ["build", "--office", "kksec", "--year", "2566", "--out", str(tmp_path / "o")],
                              env=env).exit_code == 1


def test_earlier_years_build_the_same_bytes(tmp_path):
    before = build("kksec", 2565, "measures", out_dir=tmp_path / "before").path.read_bytes()
    content, _, out = start(tmp_path, "--office", "kksec", "--year", "2566")
    assert out.exit_code == 0
    after = build("kksec", 2565, "measures", out_dir=tmp_path / "after", content=Content(content)).path.read_bytes()
    assert after == before


def test_a_same_year_office_keeps_its_habit_and_its_sections(tmp_path):
    content, _, out = start(tmp_path, "--office", "nan1", "--year", "2567")
    assert out.exit_code == 0, out.output
    year = content / "offices/nan1/2567"
    assert read_yaml(year / "ita-2567.yaml").data["history"][2566] == Decimal("93.88")
    pub = read_yaml(year / "publication.yaml").data
    assert [s["heading"] for s in pub["sections"]] == ["ข้อจำกัดและความต้องการการสนับสนุน", "ข้อเสนอแนะเชิงนโยบาย"]
    assert [s["caption"] for s in pub["signatories"]] == ["ผู้เสนอ", "ผู้อนุมัติและประกาศ"]
    assert "focus" not in pub["analysis"]  # a focus belongs to one year's result


def test_refusals_are_messages(tmp_path):
    _, env, out = start(tmp_path, "--office", "kksec", "--year", "2565")
    assert out.exit_code == 1 and "ยังไม่มีเอกสารปีก่อน 2565" in out.stderr
    out = CliRunner().invoke(main, ["new-year", "--office", "kksec", "--year", "2571"], env=env)
    assert out.exit_code == 1 and "ita-2570" in out.stderr and "ita-2567" in out.stderr
    assert CliRunner().invoke(main, ["new-year", "--office", "kksec", "--year", "2566"], env=env).exit_code == 0
    out = CliRunner().invoke(main, ["new-year", "--office", "kksec", "--year", "2566"], env=env)
    assert out.exit_code == 1 and "มีโฟลเดอร์ของปีนี้อยู่แล้ว" in out.stderr
