"""`measures score`: the reference's part 2, reproduced from the results file."""
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from measures.cli import main

from .conftest import PROJECT

RESULTS = PROJECT / "content/offices/kksec/2565/ita-2564.yaml"


def test_score_json_reproduces_the_reference_part_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # frameworks are found whatever the working directory
    out = CliRunner().invoke(main, ["score", str(RESULTS), "--json"])
    assert out.exception is None and out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert (data["total"], data["level"], data["level_name"], data["passed"]) == (91.5, "A", "Very Good", True)
    assert {k: v["weighted"] for k, v in data["tools"].items()} == {"IIT": 28.38, "EIT": 29.19, "OIT": 33.93}
    assert {k: v["weight"] for k, v in data["tools"].items()} == {"IIT": 30, "EIT": 30, "OIT": 40}
    table = {i["number"]: (i["score"], i["level_name"], i["passed"]) for i in data["indicators"]}
    assert table["1"] == (99.13, "Excellence", True) and table["4"] == (95.0, "Excellence", True)
    assert table["9"] == (75.92, "Good", False) and table["10"] == (93.75, "Very Good", True)
    assert [(h["year"], h["total"], h["delta"], h["direction"]) for h in data["history"]][1:] == [
        (2559, 80.96, 0.71, "เพิ่มขึ้น"), (2560, 75.54, -5.42, "ลดลง"), (2561, 66.57, -8.97, "ลดลง"),
        (2562, 86.82, 20.25, "เพิ่มขึ้น"), (2563, 87.67, 0.85, "เพิ่มขึ้น"), (2564, 91.5, 3.83, "เพิ่มขึ้น")]
    assert data["national"] == {"average": 91.5, "rank": 154, "of": 225}
    assert data["weakest"] == ["9", "2", "5"]
    assert data["problems"] == []


def test_score_reports_disagreeing_stated_figures(tmp_path):
    bad = tmp_path / "ita.yaml"
    bad.write_text(RESULTS.read_text(encoding="utf-8").replace("total: 91.50", "total: 91.51"), encoding="utf-8")
    out = CliRunner().invoke(main, ["score", str(bad), "--json"])
    assert isinstance(out.exception, SystemExit) and out.exit_code == 1
    assert json.loads(out.stdout)["problems"] == ["คะแนนรวม ที่ประกาศไว้ 91.51 ไม่ตรงกับที่คำนวณได้ 91.50"]


def test_score_unknown_framework_names_the_file_and_line(tmp_path):
    bad = tmp_path / "ita.yaml"
    bad.write_text(RESULTS.read_text(encoding="utf-8").replace("framework: ita-2564", "framework: ita-2599"),
                   encoding="utf-8")
    out = CliRunner().invoke(main, ["score", str(bad)])
    assert isinstance(out.exception, SystemExit) and out.exit_code == 1
    assert f"{bad}:" in out.stderr and "ita-2599" in out.stderr and "ita-2564" in out.stderr


def test_installed_command_runs():
    """The `measures` script pip wrote for this environment (not python -m)."""
    command = Path(sys.executable).parent / "measures"
    out = subprocess.run([str(command), "score", str(RESULTS)], capture_output=True, text=True)
    assert out.returncode == 0 and "91.50" in out.stdout
