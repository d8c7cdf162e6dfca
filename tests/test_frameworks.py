"""Frameworks invented for the test, each built with no change to the program: two tools, four
tools with other codes, indicators "A1", "A2", "B1"…, and ratings capped when a tool is below a
mark. nan1's publication is built under each (its notes, written for ITA 2566, left out) and the
.docx and the page are read back: the scoring-method table has a column per tool, the tools and
indicators tables hold that framework's rows, and the total, rating and sentences are those
worked out by hand below (never with the package's own scoring)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from measures.check import check_all
from measures.load import Content
from measures.ooxml.read import all_text, images, open_docx
from measures.site import build_site

from .conftest import CONTENT
from .test_site import Page

NAN1 = "offices/nan1"
ITA_LEVELS = [{"code": "AA", "name": "Excellence", "min": 95}, {"code": "A", "name": "Very Good", "min": 85},
              {"code": "B", "name": "Good", "min": 75}, {"code": "C", "name": "Fair", "min": 65},
              {"code": "D", "name": "Poor", "min": 55}, {"code": "E", "name": "Extremely Poor", "min": 50},
              {"code": "F", "name": "Fail", "min": 0}]


def tool(code: str, name: str, weight: int, how: str) -> dict[str, Any]:
    return {"code": code, "name": name, "name_en": f"{code} Assessment", "weight": weight,
            "purpose": f"เพื่อทดสอบเครื่องมือ {code}",
            "scoring": {"question": f"ข้อคำถามของ {code} {how}", "subindicator": "-",
                        "indicator": f"ตัวชี้วัดของ {code} เฉลี่ยจากข้อคำถาม", "tool": f"{code} เฉลี่ยจากตัวชี้วัด"}}


def framework(fid: str, tools: list[dict[str, Any]], indicators: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    return {"id": fid, "year": 2566, "title": "การประเมินที่สร้างขึ้นเพื่อการทดสอบ", "method": "mean-weighted",
            "pass_mark": 85, "tools": tools, "indicators": indicators, "levels": ITA_LEVELS,
            "background": ["ความเป็นมาของการประเมินที่สร้างขึ้นเพื่อการทดสอบ"], **more}


def ind(number: str, name: str, tool_code: str, *subs: tuple[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {"number": number, "name": name, "tool": tool_code}
    if subs:
        out["subindicators"] = [{"number": n, "name": s} for n, s in subs]
    return out


TWO_TOOLS = framework(
    "test-two", [tool("SUR", "แบบสำรวจทดสอบ", 60, "จากผู้ตอบ"), tool("DOC", "แบบตรวจเอกสารทดสอบ", 40, "0 หรือ 100")],
    [ind("1", "ความรับผิดชอบ", "SUR"), ind("2", "ความเป็นธรรม", "SUR"), ind("3", "ความรวดเร็ว", "SUR"),
     ind("4", "เอกสารเผยแพร่", "DOC", ("4.1", "ประกาศ"), ("4.2", "รายงาน")), ind("5", "การจัดเก็บ", "DOC")],
    pass_mark=80, levels=[{"code": "A", "name": "ดีมาก", "min": 90}, {"code": "B", "name": "ดี", "min": 80},
                          {"code": "C", "name": "พอใช้", "min": 60}, {"code": "D", "name": "ปรับปรุง", "min": 0}])
FOUR_TOOLS = framework(
    "test-four", [tool("PIT", "แบบวัดพี", 25, "จากผู้ตอบ"), tool("QIT", "แบบวัดคิว", 25, "จากผู้ตอบ"),
                  tool("RIT", "แบบวัดอาร์", 30, "จากผู้ตอบ"), tool("SIT", "แบบวัดเอส", 20, "0 หรือ 100")],
    [ind("1", "หนึ่ง", "PIT"), ind("2", "สอง", "PIT"), ind("3", "สาม", "QIT"), ind("4", "สี่", "RIT"),
     ind("5", "ห้า", "RIT"), ind("6", "หก", "SIT"), ind("7", "เจ็ด", "SIT")])
LETTERS = framework(
    "test-letters", [tool("INT", "แบบวัดภายใน", 50, "จากผู้ตอบ"), tool("EXT", "แบบวัดภายนอก", 50, "จากผู้ตอบ")],
    [ind("A1", "การวางแผน", "INT"), ind("A2", "การกำกับ", "INT"), ind("B1", "การสื่อสาร", "EXT"),
     ind("B2", "การบริการ", "EXT"), ind("B3", "การเปิดเผย", "EXT", ("B3.a", "ข่าวสาร"), ("B3.b", "สถิติ"))])
THREE = [tool("X", "แบบวัดเอกซ์", 40, "จากผู้ตอบ"), tool("Y", "แบบวัดวาย", 30, "จากผู้ตอบ"),
         tool("Z", "แบบวัดแซด", 30, "0 หรือ 100")]
THREE_INDICATORS = [ind("1", "ความโปร่งใส", "X"), ind("2", "ความคุ้มค่า", "Y"), ind("3", "การเปิดเผย", "Z")]
CAPPED_LOWER = framework("test-lower", THREE, THREE_INDICATORS, method="capped", cap={"below": 85, "lower_by": 1})
CAPPED_TO = framework("test-to", THREE, THREE_INDICATORS, method="capped", cap={"below": 85, "to": "B"})


def build_under(tmp_path: Path, fw: dict[str, Any], scores: dict[str, float],
                subscores: dict[str, float] | None = None, weaknesses: list[dict[str, str]] | None = None
                ) -> tuple[Any, Page, str, Content]:
    """nan1 under `fw` with these scores: the site's .docx (read back), its page and the .docx's text."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / f"frameworks/{fw['id']}.yaml").write_text(yaml.safe_dump(fw, allow_unicode=True), encoding="utf-8")

    def edit(path: str, change: Any) -> None:
        f = content / path
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        change(data)
        f.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")

    edit(f"{NAN1}/office.yaml", lambda d: d["style"].update(digits="arabic"))
    edit(f"{NAN1}/2566/publication.yaml",
         lambda d: d.update(analysis={"weaknesses": weaknesses or []}, sections=[]))

    def results(d: dict[str, Any]) -> None:
        d.update(framework=fw["id"], scores=scores, subscores=subscores or {})
        d.pop("stated")
    edit(f"{NAN1}/2566/ita-2566.yaml", results)
    loaded = Content(content)
    site = build_site("nan1", out_dir=tmp_path / "site", content=loaded).path
    doc = open_docx(site / "measures-2566.docx")
    return doc, Page((site / "index.html").read_text(encoding="utf-8")), " ".join(all_text(doc).split()), loaded


def docx_table(doc: Any, first_cell: str) -> list[list[str]]:
    """The rows of the table whose header starts with `first_cell`, merged cells once."""
    for t in doc.tables:
        if t.rows[0].cells[0].text == first_cell:
            rows = []
            for r in t.rows:
                cells = []
                for c in r.cells:
                    if not cells or c._tc is not cells[-1][0]:
                        cells.append((c._tc, c.text))
                rows.append([text for _, text in cells])
            return rows
    raise AssertionError(f"no table headed {first_cell}")


def page_table(page: Page, caption: str) -> list[list[str]]:
    return page.tables[caption]


def assert_scoring_table(doc: Any, page: Page, fw: dict[str, Any], rule: str) -> None:
    codes = [t["code"] for t in fw["tools"]]
    expected = [["คะแนน", *(f"แบบ {c}" for c in codes)],
                ["คะแนนข้อคำถาม", *(t["scoring"]["question"] for t in fw["tools"])],
                ["คะแนนตัวชี้วัดย่อย", *("-" for _ in codes)],
                ["คะแนนตัวชี้วัด", *(t["scoring"]["indicator"] for t in fw["tools"])],
                ["คะแนนแบบสำรวจ", *(t["scoring"]["tool"] for t in fw["tools"])],
                ["น้ำหนักแบบสำรวจ", *(f"ร้อยละ {t['weight']}" for t in fw["tools"])],
                ["คะแนนรวม", rule]]
    assert docx_table(doc, "คะแนน") == expected
    assert page_table(page, "t-scoring") == expected
    grid = next(t for t in doc.tables if t.rows[0].cells[0].text == "คะแนน")._tbl.tblGrid
    # The grid has a column per tool, as the rows: 3.4 cm, then the 12.6 cm left shared by the tools.
    assert [int(c.w.twips) for c in grid.gridCol_lst] == [1927] + [7145 // len(codes)] * len(codes)


def assert_tables(doc: Any, page: Page, tools: list[list[str]], indicators: list[list[str]]) -> None:
    got = docx_table(doc, "เครื่องมือ")
    assert got[1:-1] == tools and page_table(page, "t-tools")[1:-1] == tools
    assert docx_table(doc, "ตัวชี้วัดที่")[1:] == indicators
    assert page_table(page, "t-indicators")[1:] == indicators
    # The chart's data table lists the same rows, in the same order.
    assert [r[0] for r in page_table(page, "t-chart")[1:]] == [f"{n} {name}" for n, name, *_ in indicators]


RULE = "ผลรวมของคะแนนแบบสำรวจที่ถ่วงน้ำหนัก"


def test_two_tools(tmp_path):
    doc, page, text, _ = build_under(tmp_path, TWO_TOOLS, {"1": 90, "2": 85, "3": 70, "5": 95},
                                     {"4.1": 100, "4.2": 50})
    # By hand: SUR (90 + 85 + 70) / 3 = 81.666…, x 0.6 = 49.00; indicator 4 = (100 + 50) / 2 = 75;
    # DOC (75 + 95) / 2 = 85, x 0.4 = 34.00; total 83.00: level B (80–89.99), passed (pass mark 80).
    assert_scoring_table(doc, page, TWO_TOOLS, RULE)
    assert_tables(doc, page,
                  [["แบบสำรวจทดสอบ (SUR)", "1–3", "81.67", "60", "49.00"],
                   ["แบบตรวจเอกสารทดสอบ (DOC)", "4, 5", "85.00", "40", "34.00"]],
                  [["1", "ความรับผิดชอบ", "90.00", "A (ดีมาก)", "ผ่าน"], ["2", "ความเป็นธรรม", "85.00", "B (ดี)", "ผ่าน"],
                   ["3", "ความรวดเร็ว", "70.00", "C (พอใช้)", "ไม่ผ่าน"],
                   ["4", "เอกสารเผยแพร่", "75.00", "C (พอใช้)", "ไม่ผ่าน"],
                   ["4.1", "ประกาศ", "100.00", "A (ดีมาก)", "–"], ["4.2", "รายงาน", "50.00", "D (ปรับปรุง)", "–"],
                   ["5", "การจัดเก็บ", "95.00", "A (ดีมาก)", "ผ่าน"]])
    assert docx_table(doc, "เครื่องมือ")[-1][-2:] == ["100", "83.00"]
    assert "ได้คะแนน 83.00 อันดับที่ 171 จาก 245 เขต อยู่ในระดับ B (ดี) ผ่านเกณฑ์ (ร้อยละ 80.00 ขึ้นไป)" in text
    assert "จำแนกออกเป็น 5 ตัวชี้วัด" in text and "จำแนกออกเป็น 2 เครื่องมือ ดังนี้" in text
    assert "มีตัวชี้วัดที่ผ่านเกณฑ์ (ร้อยละ 80.00 ขึ้นไป) จำนวน 3 ตัวชี้วัด จากทั้งหมด 5 ตัวชี้วัด" in text
    assert ("มีตัวชี้วัดที่ไม่ผ่านเกณฑ์ (ต่ำกว่าร้อยละ 80.00) จำนวน 2 ตัวชี้วัด ได้แก่ ตัวชี้วัดที่ 4 เอกสารเผยแพร่ "
            "คะแนน 75.00 ระดับ พอใช้ และตัวชี้วัดที่ 3 ความรวดเร็ว คะแนน 70.00 ระดับ พอใช้") in text
    assert ("ในตัวชี้วัดที่ 1–3 ได้คะแนนเฉลี่ย 81.67 คิดเป็น 49.00 คะแนน จาก 60 คะแนน "
            "ไม่ผ่านเกณฑ์ 1 ตัวชี้วัด จาก 3 ตัวชี้วัด") in text
    # The weakest at the finest level: 4.2 (50), then 3 (70), then 2 (85); 4.1 at full marks is not weak.
    assert ("ประเด็นที่ต้องแก้ไขโดยเร่งด่วน คือ ตัวชี้วัดย่อยที่ 4.2 รายงาน คะแนน 50.00 และประเด็นที่ควรพัฒนา"
            "ลำดับถัดไป คือ ตัวชี้วัดที่ 3 ความรวดเร็ว คะแนน 70.00 และตัวชี้วัดที่ 2 ความเป็นธรรม คะแนน 85.00") in text
    assert "แบบ IIT" not in text and "OIT" not in text and len(images(doc)) == 1
    assert "แบบ SUR" in page.all_text() and "แบบ IIT" not in page.all_text()


def test_four_tools_with_other_codes(tmp_path):
    doc, page, text, _ = build_under(tmp_path, FOUR_TOOLS, {"1": 96, "2": 90, "3": 88, "4": 80, "5": 84, "6": 99,
                                                           "7": 97})
    # By hand: PIT 93 x 0.25 = 23.25; QIT 88 x 0.25 = 22.00; RIT 82 x 0.30 = 24.60; SIT 98 x 0.20 = 19.60;
    # total 89.45: A (Very Good), passed; indicators 4 and 5 below 85.
    assert_scoring_table(doc, page, FOUR_TOOLS, RULE)
    assert_tables(doc, page,
                  [["แบบวัดพี (PIT)", "1, 2", "93.00", "25", "23.25"],
                   ["แบบวัดคิว (QIT)", "3", "88.00", "25", "22.00"],
                   ["แบบวัดอาร์ (RIT)", "4, 5", "82.00", "30", "24.60"],
                   ["แบบวัดเอส (SIT)", "6, 7", "98.00", "20", "19.60"]],
                  [["1", "หนึ่ง", "96.00", "AA (Excellence)", "ผ่าน"], ["2", "สอง", "90.00", "A (Very Good)", "ผ่าน"],
                   ["3", "สาม", "88.00", "A (Very Good)", "ผ่าน"], ["4", "สี่", "80.00", "B (Good)", "ไม่ผ่าน"],
                   ["5", "ห้า", "84.00", "B (Good)", "ไม่ผ่าน"], ["6", "หก", "99.00", "AA (Excellence)", "ผ่าน"],
                   ["7", "เจ็ด", "97.00", "AA (Excellence)", "ผ่าน"]])
    assert "ได้คะแนน 89.45 อันดับที่ 171 จาก 245 เขต อยู่ในระดับ A (Very Good) ผ่านเกณฑ์ (ร้อยละ 85.00 ขึ้นไป)" in text
    assert "จำแนกออกเป็น 4 เครื่องมือ ดังนี้" in text
    for code, summary in (("QIT", "ในตัวชี้วัดที่ 3 ได้คะแนนเฉลี่ย 88.00 คิดเป็น 22.00 คะแนน จาก 25 คะแนน ผ่านเกณฑ์ โดย"),
                          ("RIT", "ในตัวชี้วัดที่ 4, 5 ได้คะแนนเฉลี่ย 82.00 คิดเป็น 24.60 คะแนน จาก 30 คะแนน "
                                  "ไม่ผ่านเกณฑ์ทุกตัวชี้วัด")):
        assert f"({code} Assessment: {code}) {summary}" in text
    assert "แบบวัดเอส (SIT Assessment: SIT) มีวัตถุประสงค์เพื่อทดสอบเครื่องมือ SIT ในตัวชี้วัดหก เจ็ด น้ำหนักร้อยละ 20" in text


def test_indicators_with_letters(tmp_path):
    weak = [{"about": "B1", "text": "ตัวชี้วัดที่ B1 การสื่อสารยังไม่ทั่วถึงสถานศึกษา"}]
    doc, page, text, loaded = build_under(tmp_path, LETTERS, {"A1": 90, "A2": 100, "B1": 80, "B2": 86},
                                          {"B3.a": 100, "B3.b": 80}, weaknesses=weak)
    # By hand: INT (90 + 100) / 2 = 95 x 0.5 = 47.50; B3 = (100 + 80) / 2 = 90; EXT (80 + 86 + 90) / 3
    # = 85.333… x 0.5 = 42.666…; total 90.1666… = 90.17: A, passed; only B1 below 85.
    assert_scoring_table(doc, page, LETTERS, RULE)
    assert_tables(doc, page,
                  [["แบบวัดภายใน (INT)", "A1, A2", "95.00", "50", "47.50"],
                   ["แบบวัดภายนอก (EXT)", "B1–B3", "85.33", "50", "42.67"]],
                  [["A1", "การวางแผน", "90.00", "A (Very Good)", "ผ่าน"],
                   ["A2", "การกำกับ", "100.00", "AA (Excellence)", "ผ่าน"],
                   ["B1", "การสื่อสาร", "80.00", "B (Good)", "ไม่ผ่าน"],
                   ["B2", "การบริการ", "86.00", "A (Very Good)", "ผ่าน"],
                   ["B3", "การเปิดเผย", "90.00", "A (Very Good)", "ผ่าน"],
                   ["B3.a", "ข่าวสาร", "100.00", "AA (Excellence)", "–"],
                   ["B3.b", "สถิติ", "80.00", "B (Good)", "–"]])
    assert "ได้คะแนน 90.17 อันดับที่ 171 จาก 245 เขต อยู่ในระดับ A (Very Good) ผ่านเกณฑ์" in text
    assert "ตัวชี้วัดการประเมิน จำแนกออกเป็น 5 ตัวชี้วัด ได้แก่ A1) การวางแผน A2) การกำกับ B1) การสื่อสาร" in text
    assert ("โดยตัวชี้วัดที่ A2 การกำกับ ได้คะแนนสูงสุด 100.00 คะแนน และตัวชี้วัดที่ B1 การสื่อสาร "
            "ได้คะแนนต่ำสุด 80.00 คะแนน") in text
    # 80 (B1) before 80 (B3.b): a tie keeps the framework's order.
    assert ("ประเด็นที่ต้องแก้ไขโดยเร่งด่วน คือ ตัวชี้วัดที่ B1 การสื่อสาร คะแนน 80.00 และประเด็นที่ควรพัฒนาลำดับถัดไป "
            "คือ ตัวชี้วัดย่อยที่ B3.b สถิติ คะแนน 80.00 และตัวชี้วัดที่ B2 การบริการ คะแนน 86.00") in text
    assert "ตัวชี้วัดที่ B1 การสื่อสารยังไม่ทั่วถึงสถานศึกษา" in text
    # The checks on notes look ids up in this framework: A2 is at full marks, so a note naming it is
    # refused; an `about` naming an id of another framework is unknown.
    pub = loaded.root / NAN1 / "2566/publication.yaml"
    pub.write_text(pub.read_text(encoding="utf-8").replace("การสื่อสารยังไม่ทั่วถึง", "และตัวชี้วัดที่ A2 ยังไม่ทั่วถึง")
                   .replace("about: B1", "about: '9.5'"), encoding="utf-8")
    errors = [p.message for p in check_all(Content(loaded.root), "nan1") if p.is_error]
    assert any("ตัวชี้วัดที่ A2 การกำกับ ซึ่งได้คะแนนเต็ม" in m for m in errors), errors
    assert any("ไม่มี '9.5' ในกรอบการประเมิน test-letters" in m for m in errors), errors


@pytest.mark.parametrize("fw,scores,rated,verdict,explained", [
    # By hand: 100 x 0.4 + 100 x 0.3 + 84 x 0.3 = 95.20, AA by the total; Z (84) below 85 lowers it one
    # level, to A, which still passes.
    (CAPPED_LOWER, {"1": 100, "2": 100, "3": 84}, "95.20 อันดับที่ 171 จาก 245 เขต อยู่ในระดับ A (Very Good)",
     "ผ่านเกณฑ์ (ร้อยละ 85.00 ขึ้นไป) แต่ระดับผลการประเมินลดลงจากระดับ AA (Excellence) เนื่องจากคะแนนเฉลี่ยของ Z "
     "ต่ำกว่า 85.00 คะแนน", "ระดับผลการประเมินลดลง 1 ระดับ"),
    # By hand: 90 x 0.4 + 90 x 0.3 + 80 x 0.3 = 87.00, A by the total; Z (80) below 85 caps it at B:
    # not passed, though the total is above the pass mark.
    (CAPPED_TO, {"1": 90, "2": 90, "3": 80}, "87.00 อันดับที่ 171 จาก 245 เขต อยู่ในระดับ B (Good)",
     "ไม่ผ่านเกณฑ์ เนื่องจากคะแนนเฉลี่ยของ Z ต่ำกว่า 85.00 คะแนน ระดับผลการประเมินจึงลดลงจากระดับ A (Very Good) "
     "แม้คะแนนรวมจะถึงร้อยละ 85.00", "ระดับผลการประเมินสูงสุดคือระดับ B"),
], ids=["lowered-by-one", "capped-at-B"])
def test_capped_rating(tmp_path, fw, scores, rated, verdict, explained):
    doc, page, text, _ = build_under(tmp_path, fw, scores)
    rule = f"{RULE} หากคะแนนแบบสำรวจใดต่ำกว่า 85.00 คะแนน {explained}"
    assert_scoring_table(doc, page, fw, rule)
    assert f"ได้คะแนน {rated} {verdict}" in text
    assert re.search(r"ผลการประเมินด้วยแบบวัดแซด \(Z\) ได้คะแนนเฉลี่ย 8[04]\.00 ต่ำกว่า 85\.00 คะแนน "
                     r"ระดับผลการประเมินจึงลดลงจากระดับ A+ \(\w[\w ]*\) เป็นระดับ [AB] ", text)
    assert f"ได้คะแนน {rated} {verdict}" in page.all_text()


def test_capped_not_applied_when_every_tool_reaches_the_mark(tmp_path):
    _, _, text, _ = build_under(tmp_path, CAPPED_TO, {"1": 96, "2": 95, "3": 85})
    # By hand: 38.40 + 28.50 + 25.50 = 92.40, A; every tool at 85 or above: nothing lowered.
    assert "ได้คะแนน 92.40 อันดับที่ 171 จาก 245 เขต อยู่ในระดับ A (Very Good) ผ่านเกณฑ์ (ร้อยละ 85.00 ขึ้นไป) โดย" in text
    assert "ลดลงจากระดับ" not in text


def test_a_note_may_say_not_passed_when_the_cap_failed_the_result(tmp_path):
    """Every indicator passes (85 or more), but Z (88) is below this cap's mark (90): the rating is
    capped at B and the result did not pass, so a note saying so is true and builds."""
    fw = framework("test-high", THREE, THREE_INDICATORS, method="capped", cap={"below": 90, "to": "B"})
    note = [{"about": "3", "text": "ผลการประเมินปีนี้ไม่ผ่านเกณฑ์ เพราะการเปิดเผยข้อมูลยังได้คะแนนไม่ถึงเกณฑ์ของแบบวัด"}]
    _, _, text, _ = build_under(tmp_path, fw, {"1": 95, "2": 95, "3": 88}, weaknesses=note)
    # By hand: 38.00 + 28.50 + 26.40 = 92.90, A by the total, capped at B: not passed.
    assert ("ได้คะแนน 92.90 อันดับที่ 171 จาก 245 เขต อยู่ในระดับ B (Good) ไม่ผ่านเกณฑ์ เนื่องจากคะแนนเฉลี่ยของ Z "
            "ต่ำกว่า 90.00 คะแนน ระดับผลการประเมินจึงลดลงจากระดับ A (Very Good)") in text
    assert "ตัวชี้วัดทั้ง 3 ตัวชี้วัดผ่านเกณฑ์" in text and note[0]["text"] in text
