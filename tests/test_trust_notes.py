"""What the officers' notes may claim about passing, judged against what each note is about.

The sentences are written here as an officer writes an analysis, not from the rule's list of
words: some state a verdict in another way (ไม่ถึง, ตกเกณฑ์, สูงกว่าเกณฑ์, ยังไม่ได้…), some use
the same words for something else (ผ่านเว็บไซต์, ที่ผ่านมา, ต่ำกว่าค่าเฉลี่ย). In nan1 every indicator
passed; sub-indicator 9.5 scored 75.00 (below the pass mark 85.00), 9.3 87.50, indicator 7 88.36,
indicator 9 92.50. In kksec indicator 9 scored 75.92 and tool OIT 84.84."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from measures.check import check_all
from measures.cli import main
from measures.load import Content
from measures.rules.verdicts import verdicts

from .conftest import CONTENT


@pytest.mark.parametrize("text, said", [
    ("ตัวชี้วัดย่อยที่ 9.5 ได้ 75 คะแนน ต่ำกว่าเกณฑ์ผ่าน", [False]),
    ("การเปิดเผยข้อมูลยังไม่ถึงเกณฑ์ที่กำหนด", [False]),
    ("ผลคะแนนยังไม่ได้ผ่านเกณฑ์ จึงต้องปรับปรุง", [False]),
    ("คะแนนตกเกณฑ์มาสองปีติดต่อกัน", [False]),
    ("ข้อมูลไม่ครบจึงมิได้ผ่านเกณฑ์การประเมิน", [False]),
    ("แม้คะแนนจะไม่ต่ำกว่าเกณฑ์ แต่ยังพัฒนาได้อีก", [True]),
    ("ได้คะแนนสูงกว่าเกณฑ์เล็กน้อย", [True]),
    ("ทุกข้อได้คะแนนเกินเกณฑ์ที่ตั้งไว้", [True]),
    ("ในปีนี้ไม่มีตัวชี้วัดใดที่ต่ำกว่าเกณฑ์", [True]),
    ("ไม่พบประเด็นที่ตกเกณฑ์", [True]),
    ("ไม่มีการเผยแพร่ข้อมูลครบถ้วนจึงต่ำกว่าเกณฑ์", [False]),
    ("ผลการประเมินตัวชี้วัดนี้ไม่ผ่าน, จึงต้องเร่งแก้ไข", [False]),
    ("ผลการประเมินผ่านเกณฑ์ทุกตัวชี้วัด", [True]),
    ("ตัวชี้วัดนี้ไม่ผ่าน", [False]),
    ("ข้อ 9.1 ผ่านเกณฑ์ แต่ข้อ 9.5 ยังไม่ผ่านเกณฑ์", [True, False]),
    # no verdict: the same words meaning something else
    ("เผยแพร่ข่าวสารผ่านเว็บไซต์และเพจเฟซบุ๊กของสำนักงาน", []),
    ("ในปีที่ผ่านมามีผู้ร้องเรียนน้อยลง", []),
    ("คะแนนต่ำกว่าค่าเฉลี่ยระดับประเทศ", []),
    ("ส่งเอกสารผ่าน ระบบสารบรรณอิเล็กทรอนิกส์", []),
    ("จำนวนผู้ตอบยังไม่ถึงร้อยละ 80 ของบุคลากร", []),
    ("กำหนดเกณฑ์ผ่านไว้ที่ 85 คะแนน", []),
    ("ตกลงร่วมกันว่าจะทบทวนคู่มือทุกไตรมาส", []),
    ("ผลงานเกินความคาดหมาย", []),
    ("ชี้แจงให้บุคลากรเข้าใจถึงเกณฑ์การประเมิน", []),  # ถึง is read only when negated: "about", as often
    ("ในปีนี้ถึงเกณฑ์แล้ว", []),
])
def test_a_verdict_is_read_from_words(text, said):
    assert [v.passed for v in verdicts(text)] == said


@pytest.fixture(scope="module")
def warm(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("notes") / "project"
    shutil.copytree(CONTENT, root / "content")
    assert CliRunner().invoke(main, ["check"], env={"MEASURES_CONTENT": str(root / "content")}).exit_code == 0
    return root


@pytest.fixture
def content(warm, tmp_path) -> Path:
    shutil.copytree(warm, tmp_path / "project")
    return tmp_path / "project" / "content"


PUBS = {"nan1": "offices/nan1/2566/publication.yaml", "kksec": "offices/kksec/2565/publication.yaml"}


def claims_about(content: Path, office: str, where: tuple[object, ...], text: str) -> list[str]:
    """The verdict messages on the field `where` of the office's analysis once it holds `text`."""
    f = content / PUBS[office]
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    target = data["analysis"]
    for part in where[:-1]:
        target = target[part]
    target[where[-1]] = text
    f.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    field = "analysis" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in where)
    found = check_all(Content(content), office)
    return [p.message for p in found if p.field == field and p.message.startswith("ข้อความกล่าวว่า")]


W95, W93, W7 = ("weaknesses", 0, "text"), ("weaknesses", 1, "text"), ("weaknesses", 2, "text")
CASES = [  # (office, field, sentence, true?)
    ("nan1", W95, "ตัวชี้วัดย่อยที่ 9.5 การเปิดเผยข้อมูลด้านการป้องกันการทุจริต ได้ 75 คะแนน ต่ำกว่าเกณฑ์ผ่าน", True),
    ("nan1", W95, "ข้อมูลในส่วนนี้ยังไม่ถึงเกณฑ์ที่สำนักงาน ป.ป.ช. กำหนด จึงต้องเร่งปรับปรุง", True),
    ("nan1", W95, "หน่วยงานยังไม่ได้เผยแพร่แผนป้องกันการทุจริตให้ครบถ้วน คะแนนจึงตกเกณฑ์", True),
    ("nan1", W95, "คะแนนในประเด็นนี้ผ่านเกณฑ์แล้ว แต่ยังไม่เต็ม", False),
    ("nan1", W95, "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ยังไม่ถึงเกณฑ์ ต้องปรับปรุงเว็บไซต์", False),
    ("nan1", W93, "ตัวชี้วัดย่อยนี้ได้คะแนนไม่ถึงเกณฑ์ เพราะข้อมูลบางรายการไม่เป็นปัจจุบัน", False),
    ("nan1", W93, "การบริหารและพัฒนาทรัพยากรบุคคลยังไม่ผ่านเกณฑ์การประเมิน", False),
    ("nan1", W93, "แม้ได้คะแนนสูงกว่าเกณฑ์ แต่ยังมีรายการที่ต้องปรับปรุงให้ครบถ้วน", True),
    ("nan1", W7, "ผู้รับบริการยังเห็นว่าการให้บริการบางขั้นตอนล่าช้า แม้คะแนนจะผ่านเกณฑ์", True),
    ("nan1", W7, "ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร ได้คะแนนตกเกณฑ์ จึงเป็นจุดอ่อนสำคัญ", False),
    ("nan1", W95, "ประชาสัมพันธ์ผ่านเว็บไซต์และเพจเฟซบุ๊กของสำนักงานอย่างต่อเนื่อง", True),
    ("nan1", W93, "ในปีที่ผ่านมาคะแนนด้านนี้ต่ำกว่าค่าเฉลี่ยของประเทศ", True),
    ("nan1", ("actions_intro",), "สำนักงานนำตัวชี้วัดที่ไม่ผ่านเกณฑ์มากำหนดแนวทางเร่งด่วน ดังนี้", False),
    ("nan1", ("actions_intro",), "ผลการประเมินผ่านเกณฑ์ทุกตัวชี้วัด แต่ยังมีตัวชี้วัดย่อยที่ต้องพัฒนา ดังนี้", True),
    ("kksec", ("actions_intro",), "ผลการประเมินผ่านเกณฑ์ทุกตัวชี้วัด จึงกำหนดแนวทางเพื่อรักษามาตรฐาน ดังนี้", False),
    ("kksec", ("actions_intro",), "สำนักงานนำตัวชี้วัดที่ยังไม่ถึงเกณฑ์มากำหนดแนวทางเร่งด่วน ดังนี้", True),
    ("nan1", ("actions_intro",), "แม้ไม่มีตัวชี้วัดใดที่ไม่ผ่านเกณฑ์ แต่ยังมีตัวชี้วัดย่อยที่ต้องพัฒนา ดังนี้", True),
    ("kksec", ("actions_intro",), "แม้ไม่มีตัวชี้วัดใดที่ไม่ผ่านเกณฑ์ แต่ยังมีประเด็นที่ต้องพัฒนา ดังนี้", False),
    ("kksec", ("strengths", "IIT", 0), "คะแนนของเครื่องมือนี้ยังต่ำกว่าเกณฑ์ บุคลากรจึงต้องร่วมกันพัฒนา", False),
    ("kksec", ("strengths", "IIT", 0), "บุคลากรเห็นว่าการดำเนินงานโปร่งใส คะแนนจึงสูงกว่าเกณฑ์", True),
    ("kksec", ("weaknesses", 0, "text"), "คะแนนเครื่องมือ OIT ยังไม่ถึงเกณฑ์ เพราะการเปิดเผยข้อมูลยังไม่ครบถ้วน", True),
]


@pytest.mark.parametrize("office, where, sentence, true", CASES)
def test_a_claim_is_judged_against_what_it_is_about(content, office, where, sentence, true):
    messages = claims_about(content, office, where, sentence)
    if true:
        assert messages == []
    else:
        assert len(messages) == 1, messages
        phrase = messages[0].split("'")[1]
        assert phrase in sentence and "เกณฑ์" in messages[0].split("แต่", 1)[1], messages


def test_the_message_names_the_thing_and_its_score(content):
    (m,) = claims_about(content, "nan1", W93, "ตัวชี้วัดย่อยนี้ได้คะแนนไม่ถึงเกณฑ์")
    assert "'ไม่ถึงเกณฑ์'" in m and "ตัวชี้วัดย่อยที่ 9.3" in m and "87.50" in m and "ซึ่งผ่านเกณฑ์ 85.00" in m
