"""Checks on content beyond its shape: the mistakes hand-edited documents carry.

Each check yields Problems with file, line and field. They run on loaded (schema-
valid) content; `measures check` and every build run them all.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from pythainlp.util import normalize

from . import refs
from .analysis import IncompleteResults, analyse
from .content import Content, Loaded
from .model import Text, texts, unit_refs
from .problems import ContentError, Problem

# Characters a paste from Word, LINE or a web page brings that print as nothing.
INVISIBLE = {"\u200b": "ZERO WIDTH SPACE", "\u200c": "ZERO WIDTH NON-JOINER", "\u200d": "ZERO WIDTH JOINER",
             "\u2060": "WORD JOINER", "\ufeff": "BOM", "\u200e": "LEFT-TO-RIGHT MARK",
             "\u200f": "RIGHT-TO-LEFT MARK", "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF",
             "\u202d": "LRO", "\u202e": "RLO", "\u00ad": "SOFT HYPHEN"}
# XML 1.0 cannot hold these at all: a .docx containing one is corrupt.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

DIGIT = "[0-9๐-๙]"
TYPED_NUMBER = re.compile(rf"^\s*(\({DIGIT}+\)|{DIGIT}+(?:\.{DIGIT}+)+\.?|{DIGIT}+[.)])(?=\s|\S)")
FISCAL_YEAR = re.compile(rf"ปีงบประมาณ\s*(?:พ\.ศ\.)?\s*({DIGIT}{{4}})")
COUNT_IN_PROSE = re.compile(rf"({DIGIT}+)\s*(ตัวชี้วัด|ข้อมูล|มาตรการ)")
ITEM_FIELDS = {"guideline", "add", "actions", "complaint_channels"}
OFFICE_PREFIXES = ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษา", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา",
                   "สำนักงานศึกษาธิการจังหวัด", "สำนักงานศึกษาธิการภาค", "สพป.", "สพม.", "ศธจ.")


@lru_cache(maxsize=1)
def _provinces() -> tuple[str, ...]:
    from pythainlp.corpus import provinces
    return tuple(sorted(provinces(), key=len, reverse=True))


@lru_cache(maxsize=1)
def _dictionary() -> frozenset:
    from pythainlp.corpus import thai_words
    return frozenset(thai_words())


def office_names_in(text: str) -> list[str]:
    """Names of Educational Service Area offices (type + province) in a text."""
    found = []
    for prefix in OFFICE_PREFIXES:
        start = 0
        while (at := text.find(prefix, start)) >= 0:
            rest = text[at + len(prefix):].lstrip()
            province = next((p for p in _provinces() if rest.startswith(p)), None)
            if province:
                found.append(prefix + province)
            start = at + len(prefix)
    return found


def _own_names(loaded: Loaded) -> set[str]:
    o = loaded.office
    return {o.name.replace(" ", ""), o.short_name.replace(" ", "")}


# --------------------------------------------------------------------------- text defects

def text_defects(t: Text) -> Iterator[Problem]:
    text = t.text
    bad = XML_FORBIDDEN.findall(text)
    if bad:
        codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in bad}))
        yield t.doc.problem(t.loc, f"มีอักขระควบคุมที่ Word เปิดไม่ได้ ({codes}) มักมาจากการคัดลอก ให้ลบออก")
    invisible = sorted({INVISIBLE[c] for c in text if c in INVISIBLE})
    if invisible:
        # Valid in Word and sometimes meant (emoji joiners, Thai line-break hints): warn only.
        yield t.doc.problem(t.loc, f"มีอักขระที่มองไม่เห็น ({', '.join(invisible)}) มักติดมาจากการคัดลอก "
                                   "ตรวจดูว่าตั้งใจใส่หรือไม่", "warning")
    if not bad and not invisible:
        fixed = normalize(text)
        if fixed != text:
            i = next((k for k, (a, b) in enumerate(zip(text, fixed)) if a != b), min(len(text), len(fixed)))
            here = text[max(0, i - 6): i + 6]
            yield t.doc.problem(t.loc, f"สระหรือวรรณยุกต์พิมพ์ซ้ำหรือผิดตำแหน่งที่ '{here}' "
                                       f"(ควรเป็น '{fixed[max(0, i - 6): i + 6]}')")
    for word in unknown_words(text):
        yield t.doc.problem(t.loc, f"คำว่า '{word}' ไม่มีในพจนานุกรม อาจพิมพ์ผิด", "warning")


THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")


def unknown_words(text: str) -> list[str]:
    """Fragments the dictionary tokenizer cannot place: a lone consonant left over
    where a typo broke a word (ติตประกาศ → ติ|ต|ประกาศ)."""
    from pythainlp.tokenize import word_tokenize
    words = _dictionary()
    out = []
    for run in THAI_RUN.findall(text):
        if len(run) <= 2:  # a piece of an abbreviation: พ.ศ., ก.ต.ป.น.
            continue
        tokens = word_tokenize(run, engine="newmm", keep_whitespace=False)
        for i, tok in enumerate(tokens):
            if len(tok) == 1 and tok not in words and "\u0e01" <= tok <= "\u0e2e" and tok not in "ณฯ":
                out.append("".join(tokens[max(0, i - 1): i + 2]))
    return out


# --------------------------------------------------------------------------- checks

def check_loaded(loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    ns = refs.namespace(loaded.office, loaded.publication.year, loaded.results.year)
    own = _own_names(loaded)

    for t in texts(loaded):
        for name in refs.names_in(t.text):
            if name not in ns:
                problems.append(t.doc.problem(t.loc, f"อ้างถึง {{{name}}} ซึ่งไม่มีในข้อมูลหน่วยงาน"))
            elif not ns[name]:
                problems.append(t.doc.problem(t.loc, f"อ้างถึง {{{name}}} แต่ในข้อมูลหน่วยงาน (office.yaml) ยังว่างอยู่"))
        problems.extend(text_defects(t))
        for name in office_names_in(t.text):
            if t.kind == "shared":
                problems.append(t.doc.problem(t.loc, f"ข้อความกลางระบุชื่อหน่วยงาน '{name}' ไว้ตรง ๆ "
                                                     "ให้ใช้ {office.name} แทน"))
            elif name.replace(" ", "") not in own:
                problems.append(t.doc.problem(t.loc, f"มีชื่อหน่วยงานอื่น '{name}' ในข้อความของ "
                                                     f"{loaded.office.short_name} (คัดลอกมาจากหน่วยงานอื่นหรือไม่?)"))
        m = TYPED_NUMBER.match(t.text)
        if m and ITEM_FIELDS.intersection(map(str, t.loc)):
            problems.append(t.doc.problem(t.loc, f"พิมพ์เลขข้อ '{m.group(1)}' ไว้เอง ระบบใส่เลขข้อให้อัตโนมัติ "
                                                 "(เลขที่พิมพ์เองทำให้ลำดับกระโดดได้) ให้ลบเลขออก"))
        for y in FISCAL_YEAR.findall(t.text):
            problems.append(t.doc.problem(t.loc, f"พิมพ์ปีงบประมาณ {y} ไว้เอง ให้ใช้ {{year.publication}} "
                                                 "หรือ {year.assessed} เพื่อให้ปีตรงกันทั้งเล่ม"))
        if t.kind == "notes":
            for number, what in COUNT_IN_PROSE.findall(t.text):
                problems.append(t.doc.problem(t.loc, f"พิมพ์จำนวน '{number} {what}' ไว้เอง ตัวเลขในการวิเคราะห์"
                                                     "ระบบคำนวณจากคะแนนให้ ให้ลบตัวเลขออก"))

    for doc, loc, key in unit_refs(loaded):
        if key not in loaded.office.units:
            problems.append(doc.problem(loc, f"ไม่มีกลุ่มงาน '{key}' ใน units ของ office.yaml "
                                             f"(ที่มี: {', '.join(loaded.office.units)})"))

    pub_doc = loaded.docs["publication"]
    ids = {m.id for m in loaded.measures}
    for mid in loaded.publication.measures:
        if mid not in ids:
            problems.append(pub_doc.problem(("measures", mid), f"ไม่มีมาตรการ '{mid}' (ที่มี: {', '.join(sorted(ids))})"))
    known_numbers = {str(i.number) for i in loaded.framework.indicators} | {
        s.number for i in loaded.framework.indicators for s in i.subindicators}
    for i, row in enumerate(loaded.publication.analysis.improvements):
        if row.indicator not in known_numbers:
            problems.append(pub_doc.problem(("analysis", "improvements", i, "indicator"),
                                            f"ไม่มีตัวชี้วัด {row.indicator} ในกรอบการประเมิน {loaded.framework.id}"))
    for code in loaded.publication.analysis.strengths:
        if code not in {t.code for t in loaded.framework.tools}:
            problems.append(pub_doc.problem(("analysis", "strengths", code), f"ไม่มีเครื่องมือ '{code}' ในกรอบการประเมิน"))

    problems.extend(result_problems(loaded))
    return problems


def result_problems(loaded: Loaded) -> list[Problem]:
    doc = loaded.docs["results"]
    try:
        a = analyse(loaded.framework, loaded.results)
    except IncompleteResults as exc:
        return [doc.problem(("scores",), p) for p in exc.problems]
    return ([doc.problem(("scores",), p) for p in a.problems]
            + [doc.problem(("stated", c.what), c.message) for c in a.comparisons if not c.agrees])


def check_all(content: Content, office: str | None = None) -> list[Problem]:
    """Everything `measures check` looks at: frameworks, measures, one or all offices."""
    problems: list[Problem] = []
    for fid in content.framework_ids():
        content.load_framework(fid, problems)
    offices = [office] if office is not None else content.office_ids()
    if office is None:
        content.load_measures(problems)
    for oid in offices:
        try:
            years = content.publication_years(oid)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        for year in years:
            try:
                loaded = content.load(oid, year)
            except ContentError as exc:
                problems.extend(p for p in exc.problems if p not in problems)
                continue
            problems.extend(p for p in loaded.warnings if p not in problems)
            problems.extend(p for p in check_loaded(loaded) if p not in problems)
    return problems
