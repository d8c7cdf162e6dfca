"""The progress report (O39): built for both example offices and both rounds, its summary read
back from the .docx and compared with figures worked out by hand from the progress files."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from measures.check import check_all
from measures.cli import main
from measures.load import Content
from measures.ooxml.read import all_text, open_docx
from measures.pipeline import build
from measures.thai import arabic_digits

from .conftest import CONTENT

# Worked out by hand from content/offices/*/progress.yaml: per measure (1-7) and in all,
# activities, not yet due, due and not begun, in progress, done, % done, budget, spent, % spent
# ("–": nothing to divide by). Every planned activity is in both rounds; one starting after
# 31 March is not yet due in the six-month round, its budget counted, its spending not.
HAND = {
    ("kksec", "6m"): [
        (3, 1, 0, 0, 2, "66.67", "23,000.00", "14,200.00", "61.74"),
        (2, 1, 0, 0, 1, "50.00", "35,000.00", "3,650.00", "10.43"),
        (4, 2, 0, 0, 2, "50.00", "12,000.00", "0.00", "0.00"),
        (2, 1, 0, 0, 1, "50.00", "6,000.00", "5,400.00", "90.00"),
        (3, 1, 1, 0, 1, "33.33", "28,000.00", "2,850.00", "10.18"),
        (2, 1, 0, 1, 0, "0.00", "10,000.00", "0.00", "0.00"),
        (3, 2, 1, 0, 0, "0.00", "40,000.00", "0.00", "0.00"),
        (19, 9, 2, 1, 7, "36.84", "154,000.00", "26,100.00", "16.95")],
    ("kksec", "12m"): [
        (3, 0, 0, 0, 3, "100.00", "23,000.00", "21,690.00", "94.30"),
        (2, 0, 0, 0, 2, "100.00", "35,000.00", "38,470.00", "109.91"),
        (4, 0, 0, 1, 3, "75.00", "12,000.00", "11,760.00", "98.00"),
        (2, 0, 0, 0, 2, "100.00", "6,000.00", "5,400.00", "90.00"),
        (3, 0, 1, 0, 2, "66.67", "28,000.00", "26,265.50", "93.81"),
        (2, 0, 0, 1, 1, "50.00", "10,000.00", "9,600.00", "96.00"),
        (3, 0, 1, 1, 1, "33.33", "40,000.00", "19,950.50", "49.88"),
        (19, 0, 2, 3, 14, "73.68", "154,000.00", "133,136.00", "86.45")],
    ("nan1", "6m"): [
        (2, 1, 0, 0, 1, "50.00", "0.00", "0.00", "–"),
        (2, 1, 0, 0, 1, "50.00", "53,500.00", "8,120.00", "15.18"),
        (2, 0, 0, 1, 1, "50.00", "0.00", "0.00", "–"),
        (2, 1, 0, 0, 1, "50.00", "21,000.00", "12,000.00", "57.14"),
        (2, 1, 0, 0, 1, "50.00", "2,000.00", "0.00", "0.00"),
        (2, 0, 1, 0, 1, "50.00", "4,000.00", "3,985.00", "99.63"),
        (2, 2, 0, 0, 0, "0.00", "30,000.00", "-", "–"),
        (14, 6, 1, 1, 6, "42.86", "110,500.00", "24,105.00", "21.81")],
    ("nan1", "12m"): [
        (2, 0, 0, 0, 2, "100.00", "0.00", "0.00", "–"),
        (2, 0, 0, 1, 1, "50.00", "53,500.00", "35,480.75", "66.32"),
        (2, 0, 0, 1, 1, "50.00", "0.00", "0.00", "–"),
        (2, 0, 0, 0, 2, "100.00", "21,000.00", "21,875.00", "104.17"),
        (2, 0, 0, 1, 1, "50.00", "2,000.00", "0.00", "0.00"),
        (2, 0, 1, 0, 1, "50.00", "4,000.00", "3,985.00", "99.63"),
        (2, 0, 0, 1, 1, "50.00", "30,000.00", "18,600.00", "62.00"),
        (14, 0, 1, 4, 9, "64.29", "110,500.00", "79,940.75", "72.34")],
}
YEARS = {"kksec": 2565, "nan1": 2566}


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("reports")
    return {(office, rnd): build(office, YEARS[office], "report", out_dir=out / office, round_kind=rnd).path
            for office, rnd in HAND}


def summary(path: Path) -> list[tuple]:
    doc = open_docx(path)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "มาตรการ" and len(t.columns) == 10)
    rows = []
    for row in table.rows[1:]:
        cells = [arabic_digits(c.text) for c in row.cells[1:]]
        rows.append((*map(int, cells[:5]), *cells[5:]))
    return rows


@pytest.mark.parametrize("key", list(HAND))
def test_summary_matches_the_hand_figures(reports, key):
    assert summary(reports[key]) == HAND[key]


@pytest.mark.parametrize("key", list(HAND))
def test_summary_sentences_say_the_table(reports, key):
    count, _, _, _, done, done_share, budget, spent, spent_share = HAND[key][-1]
    text = arabic_digits(all_text(open_docx(reports[key])))
    assert f"รวม {count} กิจกรรม ดำเนินการแล้วเสร็จ {done} กิจกรรม (ร้อยละ {done_share})" in text
    assert f"ใช้งบประมาณรวม {spent} บาท จากงบประมาณที่ได้รับ {budget} บาท คิดเป็นร้อยละ {spent_share}" in text


def activity_rows(path: Path) -> list[list[str]]:
    """Every activity row of the report's activity tables, cell texts (digits Arabic)."""
    doc = open_docx(path)
    return [[arabic_digits(" ".join(c.text.split())) for c in row.cells] for t in doc.tables
            if t.rows[0].cells[0].text == "ที่" for row in t.rows[1:]]


def test_six_months_lists_later_activities_as_not_yet_due(reports):
    text = all_text(open_docx(reports["kksec", "6m"]))
    assert "รอบ 6 เดือน ประจำปีงบประมาณ พ.ศ. 2565 (1 ตุลาคม 2564 – 31 มีนาคม 2565)" in text
    rows = activity_rows(reports["kksec", "6m"])
    assert [r[0] for r in rows] == [str(n) for n in range(1, 20)]  # numbered through the table
    # An activity of May: in the year's plan, not yet due on 31 March: ticked so, its budget
    # printed, nothing spent, no result yet; on 30 September it is done.
    may = next(r for r in rows if "2 พฤษภาคม พ.ศ. 2565" in r[1])
    assert may[2:8] == ["8,000.00", "-", "√", "", "", ""] and may[8] == ""
    done = next(r for r in activity_rows(reports["kksec", "12m"]) if "2 พฤษภาคม พ.ศ. 2565" in r[1])
    # At the year's end nothing can be not yet due: that column is left out of the 12-month report.
    assert done[2:7] == ["8,000.00", "7,490.00", "", "", "√"] and done[7]
    assert "มาตรการที่ 7 มาตรการตรวจสอบการใช้ดุลพินิจ" in text
    assert "ยังไม่ถึงกำหนด 9 กิจกรรม" in text


def test_status_is_as_it_stood_at_the_end_of_the_round(tmp_path):
    """Completed in May: in the six-month report it was still under way on 31 March."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    path = content / "offices/kksec/2565/progress.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["activities"][1]["end"] = "2565-05-31"  # started in November, now finished after the round
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = build("kksec", 2565, "report", out_dir=tmp_path / "out", content=Content(content), round_kind="6m")
    assert summary(out.path)[0][:5] == (3, 1, 0, 1, 1)


def test_problems_and_suggestions_are_gathered(reports):
    text = all_text(open_docx(reports["kksec", "12m"]))
    assert "ผู้แทนบางกลุ่มส่งข่าวล่าช้าในช่วงที่มีการประชุมหรืออบรมต่อเนื่อง (มาตรการที่ 1:" in text
    assert "กำหนดผู้แทนสำรองของแต่ละกลุ่มไว้ในคำสั่ง (มาตรการที่ 1:" in text


def test_thai_digits_and_ticks(reports):
    text = all_text(open_docx(reports["nan1", "12m"]))
    assert "๕๓,๕๐๐.๐๐" in text and "53,500" not in text and "√" in text


# --------------------------------------------------------------------------- the tables fit the paper

def _grid_cm(table) -> list[float]:
    from docx.oxml.ns import qn
    return [int(g.get(qn("w:w"))) / 567 for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def _lines(cell) -> list[str]:
    return [line for p in cell.paragraphs for line in p.text.split("\n")]


@pytest.mark.parametrize("key", [("kksec", "6m"), ("nan1", "12m")])
def test_tables_fit_the_digits_the_office_prints(reports, key):
    """A figure's column holds the widest figure whole in the digits the office prints (a Thai
    digit is a quarter wider than an Arabic one: nan1's "๑๑๐,๕๐๐.๐๐" wrapped in a column made
    for "110,500.00"), and its cell's margins."""
    from measures.writers.fit import text_cm
    doc = open_docx(reports[key])
    thai = key[0] == "nan1"
    checked = 0
    for table in doc.tables:
        if table.rows[0].cells[0].text not in ("ที่", "มาตรการ"):
            continue
        widths = _grid_cm(table)
        for k, head in enumerate(table.rows[0].cells):
            if "(บาท)" not in head.text:
                continue
            for n, row in enumerate(table.rows[1:], 1):
                text = row.cells[k].text
                assert any("๐" <= ch <= "๙" for ch in text) == thai or text in ("", "-")
                bold = n == len(table.rows) - 1 and table.rows[0].cells[0].text == "มาตรการ"  # the totals
                assert text_cm(text, bold) + 0.2 <= widths[k], (text, widths[k])
                checked += 1
    assert checked > 30


@pytest.mark.parametrize("key", list(HAND))
def test_headers_break_between_words_and_rows_stay_whole(reports, key):
    """Each header is printed in lines the writer chose (between the words of the project's
    dictionary, each within its column), and every activity row is kept on one page: none of
    these reports has a row taller than a page."""
    from measures.typography import words
    from measures.writers.fit import PAD_CM, text_cm
    doc = open_docx(reports[key])
    tables = [t for t in doc.tables if t.rows[0].cells[0].text in ("ที่", "มาตรการ")]
    broken = 0
    for table in tables:
        for head, width in zip(table.rows[0].cells, _grid_cm(table)):
            lines = _lines(head)
            ends, at = set(), 0
            for w in words("".join(lines)):
                at += len(w)
                ends.add(at)
            cuts = [sum(len(x) for x in lines[:k]) for k in range(1, len(lines))]
            assert all(c in ends for c in cuts), lines
            assert all(text_cm(x.strip(), bold=True) <= width - PAD_CM + 0.01 for x in lines), (lines, width)
            broken += len(lines) > 1
    assert broken >= 4  # the status headers at least: ยังไม่|ดำเนินการ
    activities = [t for t in tables if t.rows[0].cells[0].text == "ที่"]
    rows = sum(len(t.rows) - 1 for t in activities)
    whole = sum(1 for t in activities for r in t.rows[1:] if r._tr.trPr is not None and
                r._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit") is not None)
    assert whole == rows >= 14


def test_reports_are_byte_identical(tmp_path):
    a = build("nan1", 2566, "report", out_dir=tmp_path / "a", round_kind="6m").path.read_bytes()
    b = build("nan1", 2566, "report", out_dir=tmp_path / "b", round_kind="6m").path.read_bytes()
    assert a == b


def test_report_command_and_the_file_name(tmp_path):
    out = CliRunner().invoke(main, ["report", "--office", "kksec", "--round", "6", "--out", str(tmp_path)])
    assert out.exit_code == 0, out.output
    assert (tmp_path / "report-2565-6m.docx").is_file()


def test_no_progress_file_is_a_message(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "offices/kksec/2565/progress.yaml").unlink()
    out = CliRunner().invoke(main, ["report", "--office", "kksec", "--out", str(tmp_path / "out")],
                             env={"MEASURES_CONTENT": str(content)})
    assert isinstance(out.exception, SystemExit) and out.exit_code == 1
    assert "progress.yaml" in out.stderr and not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- checks on the activities

def _plant(tmp_path: Path, change) -> list:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    path = content / "offices/kksec/2565/progress.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["activities"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return [p for p in check_all(Content(content), "kksec") if p.file.endswith("progress.yaml")]


@pytest.mark.parametrize("change,field,words", [
    (lambda a: a[1].update(start="2564-09-30"), "activities[1].start", "นอกปีงบประมาณ 2565"),
    (lambda a: a[1].update(end="2565-10-01"), "activities[1].end", "นอกปีงบประมาณ 2565"),
    (lambda a: a[1].update(spent=15000.01), "activities[1].spent", "over_budget_reason"),
    (lambda a: a[1].update(spent=-5), "activities[1].spent", "ไม่ติดลบ"),
    (lambda a: a[1].update(budget=1000.005), "activities[1].budget", "ทศนิยมเกิน 2 ตำแหน่ง"),
    (lambda a: a[1].pop("end"), "activities[1].status", "ต้องมีวันที่สิ้นสุด"),
    (lambda a: a[13].update(budget=500, spent=100), "activities[13].spent", "ยังไม่ดำเนินการมีการเบิกจ่าย 100"),
    (lambda a: a[13].update(end="2565-09-01"), "activities[13].end", "ยังไม่ดำเนินการมีวันที่สิ้นสุด 2565-09-01"),
    (lambda a: a[13].update(status="not_due", start=None), "activities[13].start", "ต้องมีวันที่เริ่มตามแผน"),
    (lambda a: a[1].update(budget=1e15), "activities[1].budget", "ไม่เกิน 999,999,999.99 บาท"),
    (lambda a: a[1].update(spent="1,000"), "activities[1].spent", "ใช้จุดเป็นทศนิยม"),
    (lambda a: a[1].pop("measure"), "activities[1]", "ขาด measure: เขียนรหัสมาตรการ"),
    (lambda a: a[1].update(project="ita"), "activities[1].project", "ไม่มี plan"),
    (lambda a: a[1].update(parts=[{"title": "ย่อย", "status": "done"}]), "activities[1].parts[0].status",
     "ต้องมีวันที่สิ้นสุด"),
    (lambda a: a[1].update(end="2564-10-01"), "activities[1]", "มาก่อนวันที่เริ่ม"),
    (lambda a: a[1].update(step="9.9"), "activities[1].step", "ไม่มีข้อ 9.9"),
    (lambda a: a[1].update(measure="bribes"), "activities[1].measure", "ไม่มีมาตรการ 'bribes'"),
    (lambda a: a[1].update(responsible=["webmaster"]), "activities[1].responsible[0]", "'webmaster'"),
    (lambda a: a[1].update(evidence=["www.kksec.go.th/x.pdf"]), "activities[1].evidence[0]", "http://"),
    (lambda a: a[1].update(status="เสร็จแล้ว"), "activities[1].status", "'เสร็จแล้ว' ใช้ไม่ได้"),
    (lambda a: a[1].update(start="2565-02-30"), "activities[1].start", "ไม่มีวันที่ 30 กุมภาพันธ์"),
])
def test_activity_mistakes_are_named(tmp_path, change, field, words):
    found = [p for p in _plant(tmp_path, change) if p.is_error]
    assert [p.field for p in found] == [field], found
    assert words in found[0].message


def test_status_in_thai_words_is_accepted(tmp_path):
    found = _plant(tmp_path, lambda a: a[1].update(status="ดำเนินการแล้วเสร็จ"))
    assert [p for p in found if p.is_error] == []


def test_an_ambiguous_step_asks_for_the_full_number(tmp_path):
    # The bribery measure restarts its numbering after each sub-heading: "1." is several items.
    found = _plant(tmp_path, lambda a: a[11].update(step="1."))
    assert [p.field for p in found] == ["activities[11].step"] and "หลายข้อ" in found[0].message
