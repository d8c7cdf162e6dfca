"""Rules on the officers' notes against this office's own result: a note must not state what
the scores contradict. Errors where the document would say something false (a weakness at
full marks, a strength on a failing tool, "not passed" when everything passed); warnings
where judgement is needed (a weakness on an item that passed, a table skipping the weakest)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from ..analyse import Analysis, Item, r2
from ..problems import Problem
from ..thai import arabic_digits
from . import Subject


@lru_cache(maxsize=16)
def _mention(ids: tuple[str, ...]) -> re.Pattern[str]:
    """'ตัวชี้วัดที่ 9.5', 'ตัวชี้วัดย่อย A1.2': a mention of one of the framework's ids (longest
    first, so 9.5 is not read as 9), in a text whose digits are Arabic."""
    alternatives = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
    return re.compile(rf"ตัวชี้วัด(ย่อย)?\s*(?:ที่)?\s*({alternatives})(?![0-9A-Za-z]|\.[0-9A-Za-z])")
ABOUT_WHAT = "ใช้รหัสเครื่องมือ (เช่น OIT) เลขตัวชี้วัด (เช่น 9) หรือเลขตัวชี้วัดย่อย (เช่น 9.5)"


def _known(s: Subject) -> set[str]:
    fw = s.loaded.framework
    return ({t.code for t in fw.tools} | {i.number for i in fw.indicators}
            | {x.number for i in fw.indicators for x in i.subindicators})


def abouts(s: Subject) -> Iterator[Problem]:
    """Every `about` (and the focus) names a tool, indicator or sub-indicator of the framework."""
    known = _known(s)
    for k in s.keys:
        if k.what == "about" and k.value is not None and k.value not in known:
            yield k.doc.problem(k.loc, f"ไม่มี '{k.value}' ในกรอบการประเมิน {s.loaded.framework.id}: {ABOUT_WHAT}")


def _score(a: Analysis, about: str) -> tuple[str, float | None]:
    """(what it is called, its score) for an `about`; score None when the results do not give it."""
    tool = next((t for t in a.tools if t.code == about), None)
    if tool is not None:
        return f"เครื่องมือ {tool.code}", float(r2(tool.average))
    item = a.item(about)
    return (item.label, float(r2(item.score))) if item else (about, None)


def _notes_about(s: Subject) -> Iterator[tuple[tuple[object, ...], str, str]]:
    """(field, about, what the note is) of every note that names what it is about."""
    n = s.loaded.publication.analysis
    for i, w in enumerate(n.weaknesses):
        yield ("analysis", "weaknesses", i, "about"), w.about, "จุดอ่อน"
    for i, row in enumerate(n.improvements):
        yield ("analysis", "improvements", i, "indicator"), row.indicator, "ประเด็นที่ควรพัฒนา"
    for i, p in enumerate(n.practice):
        yield ("analysis", "practice", i, "about"), p.about, "แนวทางปฏิบัติ"
    for i, act in enumerate(n.actions):
        if act.about:
            yield ("analysis", "actions", i, "about"), act.about, "แนวทางเร่งด่วน"


def full_marks(s: Subject) -> Iterator[Problem]:
    """Nothing to fix where the score is 100: such a note was written for another result."""
    if s.analysis is None:
        return
    doc = s.loaded.docs["publication"]
    for loc, about, what in _notes_about(s):
        name, score = _score(s.analysis, about)
        if score == 100:
            yield doc.problem(loc, f"{name} ได้คะแนนเต็ม 100.00 แต่ถูกเขียนเป็น{what} "
                                   "(คัดลอกมาจากปีอื่นหรือหน่วยงานอื่นหรือไม่?) ให้เขียนเรื่องที่ยังไม่ได้คะแนนเต็ม")


def passing_weaknesses(s: Subject) -> Iterator[Problem]:
    a = s.analysis
    if a is None:
        return
    doc, notes = s.loaded.docs["publication"], s.loaded.publication.analysis
    weakest = {i.number for i in a.weakest_items(notes.focus)} | {notes.focus}
    for i, w in enumerate(notes.weaknesses):
        name, score = _score(a, w.about)
        near = w.about in weakest or any(str(x).startswith(w.about + ".") for x in weakest)  # 9 holds 9.5
        if score is not None and score < 100 and score >= a.framework.pass_mark and not near:
            yield doc.problem(("analysis", "weaknesses", i, "about"),
                              f"{name} ได้ {score:.2f} ผ่านเกณฑ์แล้ว และไม่ใช่ประเด็นที่ได้คะแนนต่ำสุด "
                              "ตรวจว่าตั้งใจเขียนเป็นจุดอ่อนหรือไม่", "warning")


def _said(paragraph: str) -> bool:
    """A paragraph that says something: not empty, not only spaces or invisible characters."""
    return any(not (c.isspace() or unicodedata.category(c) in ("Cf", "Zl", "Zp")) for c in paragraph)


def failing_strengths(s: Subject) -> Iterator[Problem]:
    a = s.analysis
    if a is None:
        return
    doc = s.loaded.docs["publication"]
    for code, written in s.loaded.publication.analysis.strengths.items():
        if not any(_said(p) for p in written):
            continue  # `OIT: []`, `OIT: [""]`, a paragraph of spaces: nothing said about the tool
        tool = next((t for t in a.tools if t.code == code), None)
        if tool is not None and (r2(tool.average) < a.framework.pass_mark or tool.below_threshold):
            yield doc.problem(("analysis", "strengths", code),
                              f"เครื่องมือ {code} ได้คะแนนเฉลี่ย {r2(tool.average)} ไม่ผ่านเกณฑ์ "
                              "แต่ถูกเขียนเป็นจุดแข็ง ให้ย้ายไปเขียนเป็นจุดอ่อน")


def mentions(s: Subject) -> Iterator[Problem]:
    """A note that names an indicator or sub-indicator at full marks as something to fix."""
    a = s.analysis
    if a is None:
        return
    fw = a.framework
    mention = _mention(tuple(x for i in fw.indicators for x in (i.number, *(sub.number for sub in i.subindicators))))
    for t in s.texts:
        if t.kind != "notes" or "strengths" in t.loc or "intro" in str(t.loc[-1]) or "outro" in str(t.loc[-1]):
            continue
        for _sub, number in mention.findall(arabic_digits(t.text)):
            item = a.item(number)
            if item is not None and r2(item.score) == 100:
                yield t.problem(f"กล่าวถึง{item.label} ซึ่งได้คะแนนเต็ม 100.00 ในปีนี้ "
                                "(คัดลอกมาจากปีอื่นหรือหน่วยงานอื่นหรือไม่?)")


def focus(s: Subject) -> Iterator[Problem]:
    a, notes = s.analysis, s.loaded.publication.analysis
    if a is None or notes.focus is None:
        return
    doc = s.loaded.docs["publication"]
    name, score = _score(a, notes.focus)
    if score is None and notes.focus in _known(s):
        yield doc.problem(("analysis", "focus"), f"ผลการประเมินไม่มีคะแนนของ {name} จึงเลือกเป็นจุดเน้นไม่ได้")
    elif score == 100:
        yield doc.problem(("analysis", "focus"), f"{name} ได้คะแนนเต็มแล้ว จึงไม่เป็นจุดเน้นที่ต้องพัฒนา")


def improvements_cover_the_weakest(s: Subject) -> Iterator[Problem]:
    a, notes = s.analysis, s.loaded.publication.analysis
    if a is None or not notes.improvements:
        return
    weakest: list[Item] = a.weakest_items(notes.focus)
    if not weakest:
        return
    first = weakest[0].number
    rows = [r.indicator for r in notes.improvements]
    if not any(r == first or r.startswith(first + ".") or first.startswith(r + ".") for r in rows):
        yield s.loaded.docs["publication"].problem(
            ("analysis", "improvements"),
            f"ตารางประเด็นที่ควรพัฒนาไม่มี{weakest[0].label} ซึ่งเป็นประเด็นที่ต้องแก้ไขเร่งด่วน "
            f"(คะแนน {r2(weakest[0].score)}) ตรวจว่าตั้งใจข้ามหรือไม่", "warning")


def target(s: Subject) -> Iterator[Problem]:
    a, notes = s.analysis, s.loaded.publication.analysis
    if a is None or notes.target is None:
        return
    if notes.target <= r2(a.total):
        yield s.loaded.docs["publication"].problem(
            ("analysis", "target"), f"ค่าเป้าหมาย {r2(notes.target)} ไม่สูงกว่าผลการประเมินปีนี้ {r2(a.total)}", "warning")


def assessed_year(s: Subject) -> Iterator[Problem]:
    """A publication analyses an assessment of its own year or an earlier one, never a later one."""
    pub, res = s.loaded.publication, s.loaded.results
    if res.year > pub.year:
        yield s.loaded.docs["publication"].problem(
            ("results",), f"เอกสารปี {pub.year} วิเคราะห์ผลการประเมินปี {res.year} ซึ่งยังไม่เกิดขึ้น "
                          f"ให้ใช้ผลการประเมินปี {pub.year} หรือก่อนหน้า")
