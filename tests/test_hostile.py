"""Hostile and broken content, as a careless or malicious contributor would write it: each
planted in a fresh copy of the content, built with `measures build` (in-process CLI).

Every case must end in a message, never a traceback: exit code 1, the officer's words in
the message, the file named, within a bounded time and memory, and the last good document
byte-identical. Cases are grouped by class; each class has several instances.
"""
from __future__ import annotations

import os
import resource
import shutil
import signal
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from measures.cli import main

from .conftest import CONTENT

KK = "offices/kksec"
PUB = f"{KK}/2565/publication.yaml"
RES = f"{KK}/2565/ita-2564.yaml"
OFFICE = f"{KK}/office.yaml"
M = "measures"
LIMIT_S = 20        # no bad input may take longer than this to refuse (a good build takes ~1-3 s)
LIMIT_MB = 400      # nor grow the process by more than this


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def plant(c: Path) -> None:
        f = c / rel
        text = f.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        f.write_text(text.replace(old, new, 1), encoding="utf-8")
    return plant


def write(rel: str, text: str | bytes) -> Callable[[Path], None]:
    def plant(c: Path) -> None:
        f = c / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return plant


def remove(*rels: str) -> Callable[[Path], None]:
    def plant(c: Path) -> None:
        for rel in rels:
            p = c / rel
            shutil.rmtree(p) if p.is_dir() else p.unlink()
    return plant


def rename(old: str, new: str) -> Callable[[Path], None]:
    return lambda c: (c / old).rename(c / new)


def symlink(rel: str, target: Callable[[Path], Path]) -> Callable[[Path], None]:
    def plant(c: Path) -> None:
        to = target(c)
        (c / rel).unlink(missing_ok=True)
        (c / rel).symlink_to(to)
    return plant


def outside(rel: str) -> Callable[[Path], Path]:
    """A copy of the file outside the content folder (what a link out of it would read)."""
    def target(c: Path) -> Path:
        dst = c.parent / "elsewhere" / Path(rel).name
        dst.parent.mkdir(exist_ok=True)
        shutil.copy(c / rel, dst)
        return dst
    return target


def set_line(rel: str, starts: str, line: str) -> Callable[[Path], None]:
    """The whole line that starts with `starts` (after its indent) becomes `line`, indent kept."""
    def plant(c: Path) -> None:
        f = c / rel
        lines = f.read_text(encoding="utf-8").split("\n")
        at = next(i for i, text in enumerate(lines) if text.lstrip().startswith(starts))
        lines[at] = lines[at][: len(lines[at]) - len(lines[at].lstrip())] + line
        f.write_text("\n".join(lines), encoding="utf-8")
    return plant


def each(*plants: Callable[[Path], None]) -> Callable[[Path], None]:
    def plant(c: Path) -> None:
        for p in plants:
            p(c)
    return plant


def mkfifo(rel: str) -> Callable[[Path], None]:
    def plant(c: Path) -> None:
        (c / rel).unlink()
        os.mkfifo(c / rel)
    return plant


def zip_bomb(c: Path) -> None:
    """A 'reference document' of a few hundred KB that unpacks to 400 MB of zeros."""
    templates = c.parent / "templates"
    templates.mkdir()
    block = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(templates / "reference.docx", "w", zipfile.ZIP_DEFLATED) as z, \
            z.open("word/document.xml", "w", force_zip64=True) as f:
        for _ in range(400):
            f.write(block)


BILLION_LAUGHS = """framework: ita-2564
year: 2564
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
scores: *g
"""


@dataclass(frozen=True)
class Case:
    plant: Callable[[Path], None]
    words: tuple[str, ...]        # all must be in the messages
    file: str | None = None       # the file the message must name
    env: tuple[tuple[str, str], ...] = ()


def case(plant: Callable[[Path], None], *words: str, file: str | None = None, **env: str) -> Case:
    return Case(plant, words, file, tuple(env.items()))


CASES: dict[str, Case] = {
    # 1. incomplete standard content
    "a standard measure deleted": case(remove(f"{M}/7-discretion.yaml"), "discretion", "มาตรการตรวจสอบการใช้ดุลพินิจ", file=M),
    "two standard measures deleted": case(remove(f"{M}/1-disclosure.yaml", f"{M}/3-procurement.yaml"),
                                          "disclosure", "procurement", "ขาดมาตรการมาตรฐาน 2", file=M),
    "measures folder renamed": case(rename(M, "measures-old"), "ไม่พบโฟลเดอร์", "ขาดมาตรการมาตรฐาน 7", file=M),
    "measures folder is a file": case(each(remove(M), write(M, "x")), "ต้องเป็นโฟลเดอร์", file=M),
    "measures folder a dangling link": case(each(remove(M), symlink(M, lambda c: c / "nowhere")), "ขาดมาตรการมาตรฐาน 7"),
    "measure files renamed .yml": case(lambda c: [p.rename(p.with_suffix(".yml")) for p in (c / M).glob("*.yaml")],
                                       ".yml", "นามสกุล .yaml", file=M),
    "measure file empty": case(write(f"{M}/5-bribery.yaml", "# nothing\n"), "ไฟล์ว่าง", file=f"{M}/5-bribery.yaml"),
    "measure id duplicated": case(replace(f"{M}/6-conflict-of-interest.yaml", "id: conflict_of_interest", "id: bribery"),
                                  "ซ้ำกับไฟล์", "conflict_of_interest"),
    # 2. unbounded work from small input
    "billion laughs": case(write(RES, BILLION_LAUGHS), "&a", "ไม่รับ", file=RES),
    "an alias alone": case(replace(RES, "  2: 90.34", "  2: *x"), "*x", file=RES),
    "an anchor alone": case(replace(RES, "  2: 90.34", "  2: &x 90.34"), "&x", file=RES),
    "5000-deep lists": case(write(RES, "x: " + "[" * 5000 + "]" * 5000 + "\n"), "ลึกเกิน", file=RES),
    "5000-deep mappings": case(write(RES, "x: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n"), "ลึกเกิน", file=RES),
    "file of 5 MB": case(write(RES, "# " + "ก" * (5 * 1024 * 1024 // 3) + "\n"), "ใหญ่เกิน", file=RES),
    "results file a FIFO": case(mkfifo(RES), "ไม่ใช่ไฟล์ข้อมูลธรรมดา", file=RES),
    "results file a link to /dev/zero": case(symlink(RES, lambda c: Path("/dev/zero")), "นอกโฟลเดอร์ content", file=RES),
    "reference document a zip bomb": case(zip_bomb, "เกินกว่าที่แม่แบบจะเป็นได้", file="templates/reference.docx",
                                          BUILD_ONLY="1"),
    # 3. keys YAML sees as different that mean the same
    "2: and '2':": case(replace(RES, "  2: 90.34", '  2: 90.34\n  "2": 99.00'), "'2'", "ความหมายเดียวกัน", file=RES),
    "2: and 2.0:": case(replace(RES, "  2: 90.34", "  2: 90.34\n  2.0: 99.00"), "ความหมายเดียวกัน", file=RES),
    "9.1: and '9.1':": case(replace(RES, "national:", 'subscores:\n  9.1: 100\n  "9.1": 50\nnational:'),
                           "ความหมายเดียวกัน", file=RES),
    "history year twice": case(replace(RES, "  2563: 87.67", '  2563: 87.67\n  "2563": 80.00'), "ซ้ำ", file=RES),
    "unit key twice": case(replace(OFFICE, "  legal: กลุ่มกฎหมายและคดี", "  legal: กลุ่มกฎหมายและคดี\n  legal: อื่น"),
                           "'legal'", "ซ้ำ", file=OFFICE),
    # 5. malformed references
    "unclosed reference": case(replace(PUB, "{office.name} จะต้องชี้แจง", "{office.name จะต้องชี้แจง"),
                               "ไม่ได้ปิด", "{office.name}", file=PUB),
    "reference with spaces": case(replace(PUB, "ได้นำจุดอ่อน", "{ office.name } ได้นำจุดอ่อน"), "{office.name}", file=PUB),
    "reference in capitals": case(replace(PUB, "ได้นำจุดอ่อน", "{Office.Name} ได้นำจุดอ่อน"), "{office.name}", file=PUB),
    "reference with a hyphen": case(replace(PUB, "ได้นำจุดอ่อน", "{office.short-name} ได้นำจุดอ่อน"),
                                    "{office.short_name}", file=PUB),
    "stray closing brace": case(replace(PUB, "ได้นำจุดอ่อน", "ได้นำ} จุดอ่อน"), "'}'", file=PUB),
    "unknown unit reference": case(replace(OFFICE, "{unit.legal}", "{unit.leagl}"), "{unit.legal}", file=OFFICE),
    # YAML 1.1 reading typed text as another value
    "a score in minutes:seconds": case(replace(RES, "  5: 93.17", "  5: 1:30"), "'1:30' ไม่ใช่ตัวเลข", file=RES),
    "a score in hexadecimal": case(replace(RES, "  5: 93.17", "  5: 0x5A"), "'0x5A' ไม่ใช่ตัวเลข", file=RES),
    "a set where a list goes": case(replace(f"{M}/7-discretion.yaml", "followup:\n", "followup: !!set {? a, ? b}\nold_followup:\n"),
                                    "แท็ก", file=f"{M}/7-discretion.yaml"),
    "a merge key": case(replace(RES, "scores:\n", "scores:\n  <<: {2: 10.00}\n"), "<<", file=RES),
    "two documents in a file": case(replace(RES, "national:", "---\nnational:"), "---", file=RES),
    "a list item indented one space too far": case(replace(f"{M}/7-discretion.yaml", "followup:\n  - ", "followup:\n  - ตรวจสอบ\n   - "),
                                                   "ย่อหน้าลึกกว่าข้อก่อนหน้า", file=f"{M}/7-discretion.yaml"),
    "a unit key with a line break": case(replace(OFFICE, "  legal: กลุ่มกฎหมายและคดี", "  ? |\n    legal\n  : กลุ่มกฎหมายและคดี"),
                                         "'legal\\n'", file=OFFICE),
    # text printed as typed: other offices and references in plain fields
    "another office in a unit's name": case(replace(OFFICE, "  legal: กลุ่มกฎหมายและคดี", "  legal: กลุ่มกฎหมายและคดี สพม.อุดรธานี"),
                                            "สพม.อุดรธานี", file=OFFICE),
    "another office on the cover": case(replace(OFFICE, "  - กระทรวงศึกษาธิการ", "  - สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาอุดรธานี"),
                                        "อุดรธานี", file=OFFICE),
    "a reference in a unit's name": case(replace(OFFICE, "  legal: กลุ่มกฎหมายและคดี", "  legal: กลุ่มกฎหมายและคดี {office.short_name}"),
                                         "ไม่แทนค่า {office.short_name}", file=OFFICE),
    "a reference in the address": case(replace(OFFICE, "ถนนมลิวรรณ", "ถนนมลิวรรณ {office.name}"),
                                       "ไม่แทนค่า {office.name}", file=OFFICE),
    "a reference in a phone number": case(replace(OFFICE, "phone: 0-4300-9867", "phone: '0-4300-9867 {office.name}'"),
                                          "'0-4300-9867 {office.name}' ไม่ใช่หมายเลขโทรศัพท์", file=OFFICE),
    "a page break in a signatory's name": case(replace(PUB, "signatories: []", 'signatories:\n  - name: "นายสมชาย\\x0c ใจดี"\n    position: ผู้อำนวยการ'),
                                               "U+000C", file=PUB),
    "an office name hidden by an invisible character": case(replace(PUB, "ได้นำจุดอ่อน", "ได้นำจุดอ่อน สพม.\u2063อุดรธานี"),
                                                            "สพม.อุดรธานี", file=PUB),
    "an old office name": case(replace(PUB, "ได้นำจุดอ่อน", "ได้นำจุดอ่อน สพม. เขต 20"), "สพม. เขต 20", file=PUB),
    "double braces": case(replace(PUB, "ได้นำจุดอ่อน", "ได้นำจุดอ่อน {{office.name}}"), "{{office.name}}", file=PUB),
    "full-width braces": case(replace(PUB, "ได้นำจุดอ่อน", "ได้นำจุดอ่อน ｛office.name｝"), "{office.name}", file=PUB),
    "a brace too many": case(replace(PUB, "ได้นำจุดอ่อน", "ได้นำจุดอ่อน {office.name}}"), "วงเล็บปีกกาเกิน", file=PUB),
    # folders that look like a publication but are not read
    "a year folder with a space": case(lambda c: shutil.copytree(c / KK / "2565", c / KK / "2566 "), "'2566 '", "2566"),
    "a year folder in Thai digits": case(lambda c: shutil.copytree(c / KK / "2565", c / KK / "๒๕๖๖"), "'๒๕๖๖'", "2566"),
    "publication.yml": case(each(lambda c: shutil.copytree(c / KK / "2565", c / KK / "2566"),
                                 rename(f"{KK}/2566/publication.yaml", f"{KK}/2566/publication.yml")),
                            "publication.yml", "publication.yaml"),
    # accepted by the schema once, then a crash
    "margins wider than the page": case(replace(OFFICE, "  digits: arabic", "  digits: arabic\n  margins: {left: 15, right: 15}"),
                                        "ขอบกระดาษ", file=OFFICE),
    "a negative margin": case(replace(OFFICE, "  digits: arabic", "  digits: arabic\n  margins: {left: -3}"), "ขอบกระดาษ -3", file=OFFICE),
    "a NUL in the results name": case(replace(PUB, "results: ita-2564.yaml", 'results: "ita-2564.yaml\\0"'), "ใช้ไม่ได้", file=PUB),
    "an empty results name": case(replace(PUB, "results: ita-2564.yaml", 'results: ""'), "ใช้ไม่ได้", file=PUB),
    "SOURCE_DATE_EPOCH with a superscript digit": case(lambda c: None, "SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH="1650000000²",
                                                       BUILD_ONLY="1"),
    # 6. what used to be tracebacks
    "publication year 0": case(each(replace(PUB, "year: 2565", "year: 0")), "ปีพุทธศักราช", file=PUB),
    "publication year in CE": case(replace(PUB, "year: 2565", "year: 2022"), "คริสต์ศักราช", "2565", file=PUB),
    "results year of 5 digits": case(replace(RES, "year: 2564", "year: 25640"), "ปีพุทธศักราช", file=RES),
    "SOURCE_DATE_EPOCH not a number": case(lambda c: None, "SOURCE_DATE_EPOCH", "abc", SOURCE_DATE_EPOCH="abc", BUILD_ONLY="1"),
    "SOURCE_DATE_EPOCH past 2099": case(lambda c: None, "SOURCE_DATE_EPOCH", "2099", SOURCE_DATE_EPOCH="99999999999999", BUILD_ONLY="1"),
    "SOURCE_DATE_EPOCH before 1980": case(lambda c: None, "SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH="1000", BUILD_ONLY="1"),
    "date with month 13": case(replace(PUB, "signatories: []", "signatories: []\ndate: 2565-13-01"), "เดือนที่ 13", file=PUB),
    "date 30 February": case(replace(PUB, "signatories: []", "signatories: []\ndate: 2565-02-30"),
                             "ไม่มีวันที่ 30 กุมภาพันธ์ 2565", file=PUB),
    "count of offices 0": case(replace(RES, "of: 225", "of: 0"), "ไม่น้อยกว่า 1", file=RES),
    # 7. messages that used to mislead
    "phone indented under address": case(replace(OFFICE, "phone: 0-4300-9867", "  phone: 0-4300-9867"),
                                         "'phone'", "อยู่ผิดที่", file=OFFICE),
    "unknown key near a real one": case(replace(OFFICE, "short_name:", "shortname:"), "'short_name'", file=OFFICE),
    "office.yaml a dangling link": case(symlink(OFFICE, lambda c: c / "gone.yaml"), "ลิงก์เสีย", file=OFFICE),
    "office.yaml a link loop": case(symlink(OFFICE, lambda c: c / OFFICE), "วน", file=OFFICE),
    "results file given a publication": case(replace(PUB, "results: ita-2564.yaml", "results: publication.yaml"),
                                             "เป็นไฟล์ publication.yaml", file=PUB),
    "MEASURES_CONTENT missing": case(lambda c: None, "MEASURES_CONTENT", "/nonexistent/content",
                                     MEASURES_CONTENT="/nonexistent/content"),
    # 8. links that leave the content folder
    "office.yaml linked outside": case(symlink(OFFICE, outside(OFFICE)), "นอกโฟลเดอร์ content", file=OFFICE),
    "publication linked outside": case(symlink(PUB, outside(PUB)), "นอกโฟลเดอร์ content", file=PUB),
    "measure linked outside": case(symlink(f"{M}/2-participation.yaml", outside(f"{M}/2-participation.yaml")),
                                   "นอกโฟลเดอร์ content", file=f"{M}/2-participation.yaml"),
    # encodings
    "UTF-16 file": case(lambda c: (c / RES).write_bytes((c / RES).read_text(encoding="utf-8").encode("utf-16")),
                        "UTF-8", file=RES),
    "TIS-620 file": case(lambda c: (c / OFFICE).write_bytes((c / OFFICE).read_text(encoding="utf-8").encode("cp874")),
                         "UTF-8", file=OFFICE),
    "NUL byte in text": case(replace(PUB, "ได้นำจุดอ่อน", "ได้นำ\0จุดอ่อน"), "U+0000", file=PUB),
    "control character in text": case(replace(PUB, "ได้นำจุดอ่อน", "ได้นำ\x0bจุดอ่อน"), "U+000B", file=PUB),
    "tab indentation": case(replace(RES, "  1: 99.13", "\t1: 99.13"), "แท็บ", file=RES),
    # types
    "score a list": case(replace(RES, "  5: 93.17", "  5: [93.17]"), "ไม่ใช่ตัวเลข", file=RES),
    "score a word": case(replace(RES, "  5: 93.17", "  5: ninety"), "ninety", file=RES),
    "score 101": case(replace(RES, "  5: 93.17", "  5: 101"), "นอกช่วง", file=RES),
    "units a list": case(replace(OFFICE, "units:\n", "units:\n  - x\nold_units:\n"), "ต้องเป็นหัวข้อย่อย", file=OFFICE),
    "guideline a string": case(replace(f"{M}/7-discretion.yaml", "guideline:\n", "guideline: text\nold_guideline:\n"),
                               "ต้องเป็นรายการ", file=f"{M}/7-discretion.yaml"),
    "key not text": case(replace(RES, "scores:\n", "scores:\n  [1, 2]: 90\n"), "ชื่อหัวข้อต้องเป็นข้อความ", file=RES),
    "python object tag": case(replace(RES, "  5: 93.17", "  5: !!python/object:os.system ls"), "YAML", file=RES),
    # missing files and names
    "results file missing": case(remove(RES), "ไม่พบไฟล์ผลคะแนน 'ita-2564.yaml'", file=PUB),
    "framework missing": case(remove("frameworks/ita-2564.yaml"), "ita-2564", "ไม่พบกรอบการประเมิน", file=RES),
    "office.yaml missing": case(remove(OFFICE), "ไม่พบไฟล์ office.yaml", file=OFFICE),
    "results outside the year folder": case(replace(PUB, "results: ita-2564.yaml", "results: ../../kksec/2565/x.yaml"),
                                            "ต้องเป็นชื่อไฟล์ .yaml ในโฟลเดอร์", file=PUB),
    "unquoted colon in text": case(replace(PUB, "  - จัดทำโครงการเสริมสร้าง", "  - หมายเหตุ: จัดทำโครงการเสริมสร้าง"),
                                   "เครื่องหมายคำพูด", file=PUB),
    "unclosed quote": case(replace(PUB, 'practice_intro: "', "practice_intro: '"), "YAML", file=PUB),
}


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> bytes:
    """The last good document, built once."""
    out = tmp_path_factory.mktemp("good")
    result = CliRunner().invoke(main, ["build", "--office", "kksec", "--out", str(out)],
                                env={"MEASURES_CONTENT": str(CONTENT)})
    assert result.exit_code == 0, result.output
    return (out / "measures-2565.docx").read_bytes()


class _Hung(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Hung


@pytest.mark.parametrize("name", CASES)
def test_bad_input_is_refused_with_a_message(name, tmp_path, good):
    c = CASES[name]
    content = tmp_path / "project" / "content"
    shutil.copytree(CONTENT, content)
    c.plant(content)
    out = tmp_path / "out"
    out.mkdir()
    (out / "measures-2565.docx").write_bytes(good)
    env = {"MEASURES_CONTENT": str(content), "SOURCE_DATE_EPOCH": None, **dict(c.env)}
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(LIMIT_S * 3)  # a hang fails the test instead of the suite
    try:
        result = CliRunner().invoke(main, ["build", "--office", "kksec", "--out", str(out)], env=env)
    finally:
        signal.alarm(0)
    elapsed = time.monotonic() - started
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024
    messages = result.stderr
    assert isinstance(result.exception, SystemExit), (result.exception, messages)
    assert result.exit_code == 1, messages
    assert "Traceback" not in messages and "Error:" not in messages.split("\n")[0][:20], messages
    for words in c.words:
        assert words in messages, f"{words!r} not in:\n{messages}"
    if c.file is not None:
        assert c.file in messages, messages
    assert elapsed < LIMIT_S, f"{elapsed:.1f} s"
    assert grown_mb < LIMIT_MB, f"grew {grown_mb:.0f} MB"
    assert (out / "measures-2565.docx").read_bytes() == good  # the last good document, untouched
    assert sorted(p.name for p in out.iterdir()) == ["measures-2565.docx"]


@pytest.mark.parametrize("name", [n for n, c in CASES.items() if "BUILD_ONLY" not in dict(c.env)])
def test_check_finds_it_too(name, tmp_path):
    """`measures check`, which officers run before building, reports the same problem."""
    c = CASES[name]
    content = tmp_path / "project" / "content"
    shutil.copytree(CONTENT, content)
    c.plant(content)
    result = CliRunner().invoke(main, ["check"], env={"MEASURES_CONTENT": str(content), **dict(c.env)})
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr
    for words in c.words:
        assert words in result.stderr, f"{words!r} not in:\n{result.stderr}"


def test_there_are_enough_cases():
    assert len(CASES) >= 60


# --------------------------------------------------------------------------- accepted as data, printed as written

FACTS = {
    "website with braces": (replace(OFFICE, "website: http://www.kksec.go.th", "website: http://www.kksec.go.th/?{page}"),
                            "http://www.kksec.go.th/?{page}"),
    "e-mail with a brace": (replace(OFFICE, "email: admin@kksec.go.th", "email: '{admin}@kksec.go.th'"),
                            "{admin}@kksec.go.th"),
    "address with braces": (set_line(OFFICE, "line:", "line: '{เลขที่} 473 หมู่ที่ 2 ถนนมลิวรรณ'"), "{เลขที่} 473"),
}


@pytest.mark.parametrize("name", FACTS)
def test_an_office_fact_is_data_never_read_as_a_reference(name, tmp_path):
    """A fact put into a text by a reference is inserted as it is, once."""
    plant, shown = FACTS[name]
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    plant(content)
    result = CliRunner().invoke(main, ["build", "--office", "kksec", "--out", str(tmp_path / "out")],
                                env={"MEASURES_CONTENT": str(content)})
    assert result.exit_code == 0, result.output
    from measures.ooxml.read import all_text, open_docx
    assert shown in all_text(open_docx(tmp_path / "out/measures-2565.docx"))


ACCEPTED = {
    "text starting with a reference, unquoted": (
        set_line(PUB, 'text: "{office.name} จะต้องชี้แจง', "text: {office.name} จะต้องชี้แจงทำความเข้าใจ"),
        "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาขอนแก่น จะต้องชี้แจงทำความเข้าใจ"),
    "a value that is only a reference, unquoted": (
        set_line(PUB, "practice_outro:", "practice_outro: {office.short_name}"), "สพม.ขอนแก่น"),
    "a list item that is only a reference, unquoted": (
        set_line(PUB, "- เสริมสร้างสังคมไม่ทนต่อการทุจริต", "- {office.short_name}"), "สพม.ขอนแก่น"),
    "double spaces between phrases": (replace(PUB, "ได้นำจุดอ่อน", "ได้นำ  จุดอ่อน"), "ได้นำ  จุดอ่อน"),
}


@pytest.mark.parametrize("name", ACCEPTED)
def test_what_officers_type_that_is_not_a_mistake(name, tmp_path):
    plant, shown = ACCEPTED[name]
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    plant(content)
    result = CliRunner().invoke(main, ["build", "--office", "kksec", "--out", str(tmp_path / "out")],
                                env={"MEASURES_CONTENT": str(content)})
    assert result.exit_code == 0, result.output
    if shown:
        from measures.ooxml.read import all_text, open_docx
        assert shown in all_text(open_docx(tmp_path / "out/measures-2565.docx"))


@pytest.mark.parametrize("run", ["กขค" * 20_000, "abc" * 20_000, "a." * 30_000, "1-" * 30_000])
def test_a_long_unbroken_text_is_checked_in_bounded_time(run, tmp_path):
    """Every rule's work grows with the text, not its square: one 60,000-character run with no
    space (a contact pattern once rescanned it from every position: 30,000 letters took 26 s)."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    replace(PUB, 'practice_outro: "', 'practice_outro: "' + run + " ")(content)
    started = time.monotonic()
    result = CliRunner().invoke(main, ["check", "--office", "kksec"], env={"MEASURES_CONTENT": str(content)})
    assert time.monotonic() - started < LIMIT_S / 2, f"{time.monotonic() - started:.1f} s"
    assert "Traceback" not in result.output, result.output
