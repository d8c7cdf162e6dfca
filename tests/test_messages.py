"""Every validation message, each planted once in a copy of the kksec content: the
problem names the right file and line, and says what is wrong in the officer's words."""
from __future__ import annotations

from pathlib import Path

import pytest

from measures.check import check_all

from .conftest import replace_text

OFFICE = "offices/kksec/office.yaml"
PUB = "offices/kksec/2565/publication.yaml"
RES = "offices/kksec/2565/ita-2564.yaml"
FW = "frameworks/ita-2564.yaml"
M6 = "measures/6-conflict-of-interest.yaml"

# (file, text to replace, replacement, the line the problem must name, words the message must hold)
CASES = {
    "text expected": (OFFICE, "short_name: สพม.ขอนแก่น", "short_name: [สพม]", "short_name:", "ข้อความ"),
    "list expected": (OFFICE, "parents:\n", "parents: กระทรวง\nold_parents:\n", "parents:", "รายการ"),
    "mapping expected": (OFFICE, "style:\n  digits: arabic", "style: thai", "style:", "ชื่อ: ค่า"),
    "yes/no expected": ("measures/2-participation.yaml", "    plain: true", "    plain: perhaps", "plain:", "true หรือ false"),
    "one of a list": (OFFICE, "digits: arabic", "digits: roman", "digits:", "'roman' ใช้ไม่ได้"),
    "rank below 1": (RES, "rank: 154", "rank: 0", "rank:", "ไม่น้อยกว่า 1"),
    "rank beyond the count": (RES, "rank: 154", "rank: 254", "national:", "มากกว่าจำนวนเขตทั้งหมด"),
    "weights": (FW, "    weight: 40", "    weight: 45", "tools:", "รวมกันได้ 105 ต้องรวมกันได้ 100"),
    "indicator ids repeated": (FW, '  - number: "10"\n', '  - number: "9"\n', "indicators:", "รหัสตัวชี้วัดซ้ำกัน (9)"),
    "sub-indicator id repeating an indicator's": (FW, '{number: "9.1",', '{number: "8",', "indicators:", "ซ้ำกัน (8)"),
    "tool codes repeated": (FW, "  - code: EIT", "  - code: IIT", "tools:", "รหัสเครื่องมือซ้ำกัน (IIT)"),
    "indicator's tool": (FW, "name: การป้องกันการทุจริต\n    tool: OIT", "name: การป้องกันการทุจริต\n    tool: XIT", "indicators:", "XIT"),
    "levels order": (FW, "{code: B, name: Good, min: 75.00}", "{code: B, name: Good, min: 90.00}", "levels:", "เรียงจากสูงไปต่ำ"),
    "level threshold repeated": (FW, "{code: B, name: Good, min: 75.00}", "{code: B, name: Good, min: 85.00}", "levels:",
                                 "ระดับ B เริ่มที่ 85.00 เท่ากับระดับ A"),
    "last level above 0": (FW, "{code: F, name: Fail, min: 0}", "{code: F, name: Fail, min: 10}", "levels:", "ต้องเริ่มที่ 0"),
    "pass mark in a gap": (FW, "{code: A, name: Very Good, min: 85.00}", "{code: A, name: Very Good, min: 86.00}",
                           "levels:", "ไม่มีระดับใดเริ่มที่คะแนนผ่านเกณฑ์ (pass_mark 85.00)"),
    "pass mark above 100": (FW, "pass_mark: 85.00", "pass_mark: 150", "pass_mark:", "pass_mark 150 ใช้ไม่ได้"),
    "pass mark negative": (FW, "pass_mark: 85.00", "pass_mark: -5", "pass_mark:", "ระหว่าง 0 ถึง 100"),
    "level above 100": (FW, "{code: AA, name: Excellence, min: 95.00}", "{code: AA, name: Excellence, min: 101}",
                        "levels:", "min ของระดับ AA 101"),
    "unknown method": (FW, "method: mean-weighted", "method: median", "method:", "'median' ใช้ไม่ได้"),
    "capped without a cap": (FW, "method: mean-weighted", "method: capped", None, "ต้องมี cap"),
    "cap to an unknown level": (FW, "method: mean-weighted", "method: capped\ncap: {below: 85, to: Z}", "cap:",
                                "ไม่มีระดับ Z"),
    "cap with the other method": (FW, "pass_mark: 85.00", "pass_mark: 85.00\ncap: {below: 85, lower_by: 1}", "cap:",
                                  "ใช้ได้เฉพาะ method: capped"),
    "history after the assessed year": (RES, "history:", "history:\n  2570: 90.00", "2570: 90.00", "ปี 2570 อยู่หลังปีที่ประเมิน (2564)"),
    "history the year after": (RES, "history:", "history:\n  2565: 90.00\n  2566: 91.00", "2565: 90.00", "ปี 2565, 2566"),
    # round three: more of each class, each told at its own line
    "history later, among earlier years": (RES, "  2563: 87.67", "  2563: 87.67\n  2600: 90.00", "2600: 90.00",
                                           "ปี 2600 อยู่หลังปีที่ประเมิน"),
    "history year in the Christian era": (RES, "  2563: 87.67", "  2563: 87.67\n  2021: 90.00", "2021: 90.00",
                                          "ให้ใช้ปีพุทธศักราช (2564)"),
    "history score above 100": (RES, "  2563: 87.67", "  2563: 187.67", "2563: 187.67", "นอกช่วง 0–100"),
    "history year as a word": (RES, "  2563: 87.67", "  2563: 87.67\n  ปีก่อน: 80.00", "ปีก่อน: 80.00", "ปีพุทธศักราช 4 หลัก"),
    "pass mark zero": (FW, "pass_mark: 85.00", "pass_mark: 0", "pass_mark:", "pass_mark 0 ใช้ไม่ได้: เป็นคะแนนเริ่มต้นของระดับต่ำสุด"),
    "pass mark zero with decimals": (FW, "pass_mark: 85.00", "pass_mark: 0.00", "pass_mark:", "ทุกคะแนนจึงผ่านเกณฑ์"),
    "pass mark in no level": (FW, "pass_mark: 85.00", "pass_mark: 80", "levels:", "ไม่มีระดับใดเริ่มที่คะแนนผ่านเกณฑ์ (pass_mark 80)"),
    "pass mark just above 100": (FW, "pass_mark: 85.00", "pass_mark: 100.01", "pass_mark:", "ระหว่าง 0 ถึง 100"),
    "pass mark with a decimal comma": (FW, "pass_mark: 85.00", 'pass_mark: "85,00"', "pass_mark:", "ใช้จุดเป็นทศนิยม ไม่ใช่จุลภาค: 85.00"),
    "level repeating the one above, lower down": (FW, "{code: C, name: Fair, min: 65.00}", "{code: C, name: Fair, min: 75.00}",
                                                  "levels:", "ระดับ C เริ่มที่ 75.00 เท่ากับระดับ B"),
    "level code repeated": (FW, "{code: D, name: Poor", "{code: C, name: Poor", "levels:", "รหัสระดับซ้ำกัน"),
    "level below 0": (FW, "{code: E, name: Extremely Poor, min: 50.00}", "{code: E, name: Extremely Poor, min: -1}",
                      "levels:", "min ของระดับ E -1 ใช้ไม่ได้"),
    "level above the one before": (FW, "{code: D, name: Poor, min: 55.00}", "{code: D, name: Poor, min: 70.00}",
                                   "levels:", "ระดับ D เริ่มที่ 70.00 สูงกว่าระดับ C"),
    "stated for a tool the framework lacks": (RES, "stated:", "stated:\n  XIT: 10", "scores:", "ไม่มีเครื่องมือ XIT"),
    "framework id": (FW, "id: ita-2564", "id: ita-2563b", "id: ita-2563b", "ไม่ตรงกับชื่อไฟล์"),
    "office id": (OFFICE, "id: kksec", "id: kksec2", "id: kksec2", "ไม่ตรงกับชื่อโฟลเดอร์"),
    "publication year": (PUB, "year: 2565", "year: 2566", "year: 2566", "ไม่ตรงกับชื่อโฟลเดอร์"),
    "results year": (RES, "year: 2564", "year: 2563", "scores:", "ไม่ตรงกับกรอบการประเมิน"),
    "unknown measure override": (PUB, "measures: {}", "measures: {bribes: {add: [x]}}", "measures:", "ไม่มีมาตรการ 'bribes'"),
    "unknown sub-indicator": (PUB, 'indicator: "9.1"', 'indicator: "9.9"', 'indicator: "9.9"', "ไม่มีตัวชี้วัด 9.9"),
    "unknown tool": (PUB, "    IIT:", "    XIT:", "    XIT:", "ไม่มีเครื่องมือ 'XIT'"),
    "measure numbers": (M6, "number: 6", "number: 8", None, "ลำดับมาตรการต้องเป็น 1 ถึง 7"),
    "duplicate measure id": (M6, "id: conflict_of_interest", "id: bribery", "id: bribery", "ซ้ำกับไฟล์"),
    "missing indicator": (RES, "  4: 95.00\n", "", "scores:", "ไม่มีคะแนนของตัวชี้วัดที่ 4"),
    "unknown indicator": (RES, "  10: 93.75\n", "  10: 93.75\n  11: 90\n", "scores:", "ตัวชี้วัดที่ 11 ไม่มีในกรอบ"),
    "empty item": (M6, "followup:", "  - plain: true\nfollowup:", "- plain: true", "รายการว่าง"),
    "signatory key unknown": (PUB, "signatories: []", "signatories:\n  - name: ก\n    position: ข\n    title: ค", "title:", "(ที่ใช้ได้: name, position, caption)"),
    "signatory key misspelt": (PUB, "signatories: []", "signatories:\n  - name: ก\n    position: ข\n    captoin: ค", "captoin:", "หมายถึง 'caption' หรือไม่?"),
    "weakness without about": (PUB, "    - about: \"9\"\n      text: การวัด", "    - การวัด", "- การวัด", "ต้องระบุว่าเกี่ยวกับอะไร"),
    "practice row without about": (PUB, "    - about: \"5\"\n      measure: การให้ความรู้", "    - measure: การให้ความรู้",
                                   "- measure: การให้ความรู้", "เลขตัวชี้วัดย่อย (เช่น \"9.5\")"),
    "second practice row without about": (PUB, "    - about: \"9\"\n      measure: การเปิดเผยข้อมูล",
                                          "    - measure: การเปิดเผยข้อมูล",
                                          "- measure: การเปิดเผยข้อมูล", "เพิ่มบรรทัด about:"),
    "bad date": (PUB, "signatories: []", "signatories: []\ndate: 2565-02-30", "date:", "ไม่มีวันที่ 30 กุมภาพันธ์ 2565 ในปฏิทิน"),
    "date not Buddhist era": (PUB, "signatories: []", "signatories: []\ndate: 2022-03-01", "date:", "พุทธศักราช"),
}


@pytest.mark.parametrize("case", CASES)
def test_message(content_copy, content, case):
    file, old, new, line_text, words = CASES[case]
    path = content_copy / file
    replace_text(path, old, new)
    errors = [p for p in check_all(content) if p.severity == "error"]
    assert errors, case
    hit = [p for p in errors if words in p.message]
    assert hit, "\n".join(map(str, errors))
    p = hit[0]
    if line_text is not None:
        assert p.file.endswith(file)
        expected = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line_text in text)
        assert p.line == expected, str(p)


# A rule's message does not name its field again after the field in brackets.
@pytest.mark.parametrize("case", ["level threshold repeated", "levels order", "history after the assessed year",
                                  "weights", "indicator ids repeated", "level code repeated"])
def test_a_message_names_its_field_once(content_copy, content, case):
    file, old, new, _, words = CASES[case]
    replace_text(content_copy / file, old, new)
    [p] = [p for p in check_all(content) if p.severity == "error" and words in p.message]
    top = p.field.split(".")[0].split("[")[0]
    assert not p.message.startswith(top + ":") and f"[{p.field}]: {top}:" not in str(p), str(p)


@pytest.mark.parametrize("mark", ["0", "0.00", "0.0"])
def test_a_pass_mark_nothing_can_fail_is_the_only_message(content_copy, content, mark):
    """Refused where it is typed, and nothing else blamed for it (the notes least of all)."""
    replace_text(content_copy / FW, "pass_mark: 85.00", f"pass_mark: {mark}")
    errors = [p for p in check_all(content) if p.severity == "error"]
    assert len(errors) == 1 and errors[0].file.endswith(FW) and errors[0].field == "pass_mark", errors


def results_line(path) -> int:
    return next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("results:"))


# A results file that publication.yaml names but the folder lacks: told at publication.yaml's
# `results:` line, with what to do (how it is missing, the folder, the message's remedy).
@pytest.mark.parametrize("office, missing, how, remedy", [
    ("kksec", "ita-2564.yaml", "deleted", "ยังไม่มีไฟล์ผลคะแนนในโฟลเดอร์นี้ ให้สร้างไฟล์นี้"),
    ("kksec", "ita-2564.yaml", "renamed", "แก้ชื่อให้ตรงกับไฟล์ที่มี (ita2564.yaml) หรือเปลี่ยนชื่อไฟล์เป็น ita-2564.yaml"),
    ("nan1", "ita-2566.yaml", "renamed", "แก้ชื่อให้ตรงกับไฟล์ที่มี (ita2564.yaml) หรือเปลี่ยนชื่อไฟล์เป็น ita-2566.yaml"),
    ("nan1", "ita-2565.yaml", "misnamed", "แก้ชื่อให้ตรงกับไฟล์ที่มี (ita-2566.yaml)"),
])
def test_missing_results_file_is_told_where_it_is_named(content_copy, content, office, missing, how, remedy):
    [year] = [p for p in (content_copy / "offices" / office).iterdir() if p.name.isdigit()]
    pub = year / "publication.yaml"
    [results] = year.glob("ita-*.yaml")
    if how == "deleted":
        results.unlink()
    elif how == "renamed":
        results.rename(year / "ita2564.yaml")
    else:
        replace_text(pub, f"results: {results.name}", f"results: {missing}")
    [p] = [p for p in check_all(content, office) if p.severity == "error"]
    assert p.file.endswith(f"offices/{office}/{year.name}/publication.yaml") and p.line == results_line(pub)
    assert p.field == "results" and f"ไม่พบไฟล์ผลคะแนน '{missing}'" in p.message and remedy in p.message
    assert f"offices/{office}/{year.name}" in p.message  # the folder it was looked for in


@pytest.mark.parametrize("without", [["kksec"], ["nan1"], ["kksec", "nan1"]])
def test_missing_progress_points_to_an_example_that_exists(content_copy, content, without):
    from measures.pipeline import build
    from measures.problems import ContentError
    for office in without:
        next((content_copy / "offices" / office).glob("*/progress.yaml")).unlink()
    with pytest.raises(ContentError) as e:
        build(without[0], kind="report", content=content, out_dir=content_copy.parent / "out")
    [p] = e.value.problems
    assert p.file.endswith("progress.yaml") and "สร้างไฟล์นี้" in p.message
    example = p.message.split("ดูตัวอย่างที่ ")[1].split()[0] if "ดูตัวอย่างที่" in p.message else None
    if len(without) == 2:
        assert example is None and "content/README.md" in p.message
    else:
        assert example is not None and example != p.file and Path(example).is_file()  # shown: cwd-relative or absolute
        assert "content/README.md" in p.message
