"""Every validation message, each planted once in a copy of the kksec content: the
problem names the right file and line, and says what is wrong in the officer's words."""
from __future__ import annotations

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
    "weights": (FW, "    weight: 40", "    weight: 45", "id: ita-2564", "รวมกันต้องได้ 100"),
    "indicator numbers": (FW, "  - number: 10\n", "  - number: 11\n", "id: ita-2564", "ไม่ข้ามและไม่ซ้ำ"),
    "indicator's tool": (FW, "name: การป้องกันการทุจริต\n    tool: OIT", "name: การป้องกันการทุจริต\n    tool: XIT", "id: ita-2564", "XIT"),
    "levels order": (FW, "{code: B, name: Good, min: 75.00}", "{code: B, name: Good, min: 90.00}", "id: ita-2564", "เรียงจากสูงไปต่ำ"),
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


def test_missing_file_is_named(content_copy, content):
    (content_copy / RES).unlink()
    [p] = [p for p in check_all(content) if p.severity == "error"]
    assert p.file.endswith(RES) and "ไม่พบไฟล์" in p.message
