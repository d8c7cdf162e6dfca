"""The progress report as offices write it (tests/data/plan-progress.yaml): grouped by the office's
own plan (strategy → project → activity, sub-activities), ten chosen columns, every planned
activity in both rounds with its status at the round's end, unknown amounts; built as .docx and
web page, each column and every sum read back and compared with figures worked out by hand."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from measures.check import check_all
from measures.document import phrases as P
from measures.load import Content
from measures.ooxml.read import open_docx
from measures.pipeline import build
from measures.schema.progress import COLUMN_KEYS
from measures.site import build_site
from measures.thai import arabic_digits

from .conftest import CONTENT
from .test_site import Page

PLAN = Path(__file__).parent / "data" / "plan-progress.yaml"
COLUMNS = ["no", "activity", "objective", "target", "period", "steps", "budget", "status", "summary", "notes"]

# Worked out by hand from the plan file. Rows: each strategy, then its projects, then the
# whole: activities, not yet due, due and not begun, in progress, done, % done, budget, spent,
# % spent. The six-month round (to 31 March 2565): activities 11 and 12 start in May and June,
# not yet due (47,000 + 7,000 budgeted, their spending not counted); 13 is due and not begun;
# 2 and 6 end in June and August, so were under way. Unknown amounts ("-") add nothing; a sum
# with no known amount is "-": budget 10,000 + 6,000 + 0 + 5,000 + 5,000 + 0 + 47,000 + 7,000
# = 80,000; spent 4,000 + 5,500 + 0 + 1,500 + 2,000 = 13,000, 13,000 / 80,000 = 16.25 %.
# Twelve months: 2, 6 and 11 done; 11 spent 45,000, so 58,000 / 80,000 = 72.50 %.
HAND = {
    "6m": [
        ("ยุทธศาสตร์ที่ 1", 7, 0, 0, 3, 4, "57.14", "26,000.00", "13,000.00", "50.00"),
        ("โครงการยกระดับ", 4, 0, 0, 2, 2, "50.00", "16,000.00", "9,500.00", "59.38"),
        ("โครงการเสริมสร้าง", 3, 0, 0, 1, 2, "66.67", "10,000.00", "3,500.00", "35.00"),
        ("ยุทธศาสตร์ที่ 4", 6, 2, 1, 2, 1, "16.67", "54,000.00", "-", "–"),
        ("โครงการยกระดับ", 3, 0, 0, 2, 1, "33.33", "0.00", "-", "–"),
        ("โครงการพัฒนา", 3, 2, 1, 0, 0, "0.00", "54,000.00", "-", "–"),
        ("รวม", 13, 2, 1, 5, 5, "38.46", "80,000.00", "13,000.00", "16.25")],
    "12m": [
        ("ยุทธศาสตร์ที่ 1", 7, 0, 0, 1, 6, "85.71", "26,000.00", "13,000.00", "50.00"),
        ("โครงการยกระดับ", 4, 0, 0, 1, 3, "75.00", "16,000.00", "9,500.00", "59.38"),
        ("โครงการเสริมสร้าง", 3, 0, 0, 0, 3, "100.00", "10,000.00", "3,500.00", "35.00"),
        ("ยุทธศาสตร์ที่ 4", 6, 0, 1, 3, 2, "33.33", "54,000.00", "45,000.00", "83.33"),
        ("โครงการยกระดับ", 3, 0, 0, 2, 1, "33.33", "0.00", "-", "–"),
        ("โครงการพัฒนา", 3, 0, 1, 1, 1, "33.33", "54,000.00", "45,000.00", "83.33"),
        ("รวม", 13, 0, 1, 4, 8, "61.54", "80,000.00", "58,000.00", "72.50")],
}


def content_with(tmp: Path, data: dict | None = None) -> Path:
    """A copy of the content with the plan (or `data`) as the example office's progress.yaml."""
    content = tmp / "content"
    if not content.exists():
        shutil.copytree(CONTENT, content)
    target = content / "offices/kksec/2565/progress.yaml"
    if data is None:
        shutil.copy(PLAN, target)
    else:
        target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("plan")
    content = Content(content_with(tmp))
    out = {r: build("kksec", 2565, "report", out_dir=tmp / "out", content=content, round_kind=r).path
           for r in HAND}
    out["site"] = build_site("kksec", out_dir=tmp / "site", content=content).path
    return out


def cell_text(cell) -> str:
    """A cell's text as read back: its paragraphs apart by a space, the lines the writer broke a
    header or a short phrase into joined again (a break between Thai words adds no space; one at
    a space keeps it), digits Arabic, spaces collapsed."""
    return arabic_digits(" ".join(" ".join(p.text.replace("\n", "") for p in cell.paragraphs).split()))


def cells(path: Path) -> list[list[list[str]]]:
    """Every table of the .docx, each cell's text (cell_text)."""
    return [[[cell_text(c) for c in row.cells] for row in t.rows] for t in open_docx(path).tables]


def test_the_plan_builds_without_a_problem(tmp_path):
    found = check_all(Content(content_with(tmp_path)), "kksec")
    assert [str(p) for p in found if p.file.endswith("progress.yaml")] == []


@pytest.mark.parametrize("rnd", HAND)
def test_sums_per_strategy_project_and_in_all(built, rnd):
    summary = next(t for t in cells(built[rnd]) if t[0][0] == P.REPORT_GROUP_PLAN)
    got = [(label, *map(int, row[:5]), *row[5:]) for label, *row in summary[1:]]
    assert [(g[0].startswith(h[0]), *g[1:]) for g, h in zip(got, HAND[rnd])] == [(True, *h[1:]) for h in HAND[rnd]]
    assert len(got) == len(HAND[rnd])


def test_ten_columns_read_back(built):
    tables = [t for t in cells(built["6m"]) if t[0][0] == "ที่"]
    assert len(tables) == 4  # one per project
    assert all(t[0] == [P.REPORT_COLUMNS[k] for k in COLUMNS] for t in tables)
    rows = {r[0]: r for t in tables for r in t[1:]}
    assert list(rows) == ["1", "2", "3", "4", "5", "6", "6.1", "6.2", "7", "8", "9", "10", "11", "12", "13"]
    assert rows["1"] == ["1", "ประกาศเจตจำนงการบริหารงานด้วยความซื่อสัตย์สุจริต",
                         "เพื่อให้บุคลากรทุกระดับแยกแยะผลประโยชน์ส่วนตนและผลประโยชน์ส่วนรวมได้", "บุคลากร 59 คน",
                         "ไตรมาส 1", "1) จัดทำร่างประกาศเจตจำนงสุจริต 2) เสนอผู้อำนวยการลงนาม และเผยแพร่บนเว็บไซต์",
                         "-", "ดำเนินการแล้วเสร็จ", "ผู้อำนวยการลงนามประกาศเจตจำนงสุจริต และเผยแพร่บนเว็บไซต์แล้ว", ""]
    # Ended in June: under way on 31 March; its problem and suggestion in the row.
    assert rows["2"][6:] == ["10,000.00", "อยู่ระหว่างดำเนินการ", "อบรมครูแกนนำครบตามเป้าหมาย",
                             "- ครูบางส่วนติดภารกิจสอน - จัดอบรมทางไกลเพิ่มเติม"]
    # A sub-activity shares its activity's budget; one starting in April was not yet due, no result yet.
    assert rows["6.1"][6:8] == ["", "ดำเนินการแล้วเสร็จ"] and rows["6.2"][6:9] == ["", "ยังไม่ถึงกำหนด", ""]
    assert rows["11"][6:9] == ["47,000.00", "ยังไม่ถึงกำหนด", ""]
    assert rows["13"][4:8] == ["ไตรมาส 2", "", "-", "ยังไม่ดำเนินการ"]
    whole = [r for t in cells(built["12m"]) if t[0][0] == "ที่" for r in t[1:]]
    assert [r[7] for r in whole if r[0] in ("2", "6.2", "11")] == ["ดำเนินการแล้วเสร็จ"] * 3


def test_headings_follow_the_plan(built):
    doc = open_docx(built["6m"])
    heads = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name in ("Heading 2", "Heading 3")]
    assert heads[:3] == [("Heading 2", "ยุทธศาสตร์ที่ 1 สร้างสังคมที่ไม่ทนต่อการทุจริต"),
                         ("Heading 3", "โครงการยกระดับการทำงานให้สอดคล้องกับการประเมินคุณธรรมและความโปร่งใส"),
                         ("Heading 3", "โครงการเสริมสร้างคุณธรรมและจริยธรรมของบุคลากร")]
    assert ("Heading 2", "ยุทธศาสตร์ที่ 4 พัฒนาระบบป้องกันการทุจริตเชิงรุก") in heads


def _flat(text: str) -> str:
    """A cell's text compared between the outputs: digits Arabic, no spaces (a list's items are
    paragraphs in the .docx and list items on the page)."""
    return "".join(arabic_digits(text).split())


def docx_cells(path: Path) -> list[list[list[str]]]:
    """The activity tables of the .docx, each cell's paragraphs without their bullets ("-\t")."""
    def text(cell) -> str:
        return _flat("".join(p.text.replace("\n", "").removeprefix("-\t") for p in cell.paragraphs))
    return [[[text(c) for c in row.cells] for row in t.rows] for t in open_docx(path).tables
            if t.rows[0].cells[0].text == "ที่"]


def test_the_page_has_the_same_table(built):
    """Every cell of the ten columns, header and rows, the same on the page as in the .docx."""
    site = built["site"]
    page = Page((site / "report-6m.html").read_text(encoding="utf-8"))
    groups = [[[_flat(c) for c in r] for r in rows] for key, rows in page.tables.items() if key.startswith("t-group-")]
    docx = docx_cells(built["6m"])
    assert len(groups) == len(docx) == 4 and all(len(r) == len(COLUMNS) for g in groups for r in g)
    assert groups[0][0] == [_flat(P.REPORT_COLUMNS[k]) for k in COLUMNS]
    for g, t in zip(groups, docx):
        for page_row, docx_row in zip(g, t, strict=True):
            assert page_row == docx_row, (page_row, docx_row)
    summary = [[arabic_digits(c) for c in row] for row in page.tables["summary"]]
    assert summary[-1] == [P.REPORT_TOTAL, "13", "2", "1", "5", "5", "38.46", "80,000.00", "13,000.00", "16.25"]


def test_projects_are_indented_under_their_strategy(built):
    """In the summary a project's row stands in from its strategy's, in both outputs."""
    from docx.shared import Cm
    doc = open_docx(built["6m"])
    summary = next(t for t in doc.tables if t.rows[0].cells[0].text == P.REPORT_GROUP_PLAN)
    indents = [(row.cells[0].paragraphs[0].paragraph_format.left_indent or 0) for row in summary.rows[1:]]
    assert [i > Cm(0.3) for i in indents] == [False, True, True, False, True, True, False]
    html = (built["site"] / "report-6m.html").read_text(encoding="utf-8")
    table = html[html.index('id="summary"'):]
    assert table.count('<tr class="sub"><th scope="row" class="name">') == 4


def test_responsible_does_not_repeat_the_people(tmp_path):
    """With both columns chosen, the people are named in their own column only; without it,
    after their unit."""
    data = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    data["columns"] = ["no", "activity", "responsible", "people"]
    out = build("kksec", 2565, "report", out_dir=tmp_path / "both", content=Content(content_with(tmp_path, data)),
                round_kind="6m").path
    first = next(t for t in cells(out) if t[0][0] == "ที่")[1]
    assert first[2:] == ["- ผู้รับผิดชอบงานการประเมิน ITA", "- นางสาวมาลี ใจดี"]
    data["columns"] = ["no", "activity", "responsible"]
    out = build("kksec", 2565, "report", out_dir=tmp_path / "one", content=Content(content_with(tmp_path, data)),
                round_kind="6m").path
    first = next(t for t in cells(out) if t[0][0] == "ที่")[1]
    assert first[2:] == ["- ผู้รับผิดชอบงานการประเมิน ITA - นางสาวมาลี ใจดี"]


# --------------------------------------------------------------------------- what an officer may get wrong

def problems(tmp: Path, change) -> list:
    data = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    data["columns"] = list(COLUMNS)  # PyYAML reads `no` as false; the program's reader does not
    change(data)
    found = check_all(Content(content_with(tmp, data)), "kksec")
    return [p for p in found if p.file.endswith("progress.yaml") and p.is_error]


def _same_key(data: dict, key: str) -> None:
    """The first project of the second strategy given a key the first strategy uses already."""
    data["plan"][1]["projects"][0]["key"] = key
    for a in data["activities"][7:10]:
        a["project"] = key


@pytest.mark.parametrize("change,field,words", [
    (lambda d: d["columns"].append("budjet"), "columns[10]", "ชื่อคอลัมน์ที่ใช้ได้: " + ", ".join(COLUMN_KEYS)),
    (lambda d: d["columns"].append("target"), "columns[10]", "คอลัมน์ 'target' ซ้ำ"),
    (lambda d: d["columns"].remove("activity"), "columns", "ต้องมีคอลัมน์ activity"),
    (lambda d: d["activities"][0].update(project="ita"), "activities[0].project",
     "ไม่มีโครงการ 'ita' ใน plan (ที่มี: ita_culture, integrity, ita_system, prevention)"),
    (lambda d: d["activities"][0].pop("project"), "activities[0]", "ขาด project"),
    (lambda d: _same_key(d, "integrity"),
     "plan[1].projects[0].key", "รหัสโครงการ 'integrity' ซ้ำ"),
    (lambda d: d["plan"][0]["projects"][0].update(key="ITA 1"), "plan[0].projects[0].key", "อักษรอังกฤษตัวเล็ก"),
    (lambda d: d["activities"][5]["parts"][1].update(start="2564-09-01"), "activities[5].parts[1].start",
     "นอกปีงบประมาณ"),
    (lambda d: d["activities"][12].update(spent=500), "activities[12].spent", "ยังไม่ดำเนินการมีการเบิกจ่าย 500"),
    (lambda d: d["activities"][12].update(budget="ไม่ทราบ"), "activities[12].budget", "'ไม่ทราบ' ไม่ใช่ตัวเลข"),
    (lambda d: d["activities"][10].update(spent=1e15), "activities[10].spent", "ไม่เกิน 999,999,999.99 บาท"),
])
def test_mistakes_name_the_field_line_and_what_to_write(tmp_path, change, field, words):
    found = problems(tmp_path, change)
    assert [p.field for p in found] == [field], [str(p) for p in found]
    assert words in found[0].message and found[0].line, str(found[0])
