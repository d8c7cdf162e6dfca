"""Rules on how a text is typed: characters Word cannot hold, Thai typing slips,
numbers, years and counts that the build computes and must not be typed."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from ..cache import text_facts
from ..problems import Problem
from . import Subject

# Characters a paste from Word, LINE or a web page brings that print as nothing.
INVISIBLE = {"\u200b": "ZERO WIDTH SPACE", "\u200c": "ZERO WIDTH NON-JOINER", "\u200d": "ZERO WIDTH JOINER",
             "\u2060": "WORD JOINER", "\ufeff": "BOM", "\u200e": "LEFT-TO-RIGHT MARK",
             "\u200f": "RIGHT-TO-LEFT MARK", "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF",
             "\u202d": "LRO", "\u202e": "RLO", "\u00ad": "SOFT HYPHEN"}


@lru_cache(maxsize=4096)
def is_invisible(c: str) -> bool:
    """Prints as nothing: Unicode format characters (Cf) and line/paragraph separators."""
    return c in INVISIBLE or unicodedata.category(c) in ("Cf", "Zl", "Zp")


# Thai and ASCII hold no format or separator characters: most texts need no closer look.
_PLAIN = re.compile("[\x00-\x7f\u0e00-\u0e7f\u2013\u2014\u201c\u201d]*")


def invisible_in(text: str) -> set[str]:
    """The characters of `text` that print as nothing."""
    if _PLAIN.fullmatch(text):
        return set()
    return {c for c in set(text) if is_invisible(c)}


def invisible_name(c: str) -> str:
    return INVISIBLE.get(c) or str(unicodedata.name(c, f"U+{ord(c):04X}"))


# XML 1.0 cannot hold these at all: a .docx containing one is corrupt.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# Read from a file these are refused with their line (yamlfile); written as YAML escapes
# ("\\uf700", "\\x85") they reach the text: C1 controls and private-use characters.
# (U+FFFD and the noncharacters too: a letter lost in a conversion.)
ODD = re.compile("[\x7f-\x9f\ue000-\uf8ff\ufdd0-\ufdef\ufffd\U000f0000-\U0010ffff]")

DIGIT = "[0-9๐-๙]"
TYPED_NUMBER = re.compile(rf"^\s*(\({DIGIT}+\)|{DIGIT}+(?:\.{DIGIT}+)+\.?|{DIGIT}+[.)])(?=\s|\S)")
FISCAL_YEAR = re.compile(rf"ปีงบประมาณ\s*(?:พ\.ศ\.)?\s*({DIGIT}{{4}})")
COUNT_IN_PROSE = re.compile(rf"({DIGIT}+)\s*(ตัวชี้วัด|ข้อมูล|มาตรการ)")
ITEM_FIELDS = {"guideline", "add", "actions", "complaint_channels"}
THAI_RUN = re.compile(r"[\u0e01-\u0e4e]+")


def characters(s: Subject) -> Iterator[Problem]:
    for t in s.printed:
        bad = XML_FORBIDDEN.findall(t.text)
        if bad:
            codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in bad}))
            yield t.problem(f"มีอักขระควบคุมที่ Word เปิดไม่ได้ ({codes}) มักมาจากการคัดลอก ให้ลบออก")
        if odd := ODD.search(t.text):
            yield t.problem(f"มีอักขระ U+{ord(odd.group(0)):04X} ที่ตำแหน่งที่ {odd.start() + 1} ของข้อความ "
                            "(อักขระควบคุม อักขระส่วนตัวของแบบอักษร หรืออักขระแทนที่ของตัวอักษรที่หายไป ซึ่งพิมพ์ออกมาไม่ได้) ให้ลบออก")
        invisible = sorted(map(invisible_name, invisible_in(t.text)))
        if invisible:
            # Valid in Word and sometimes meant (emoji joiners, Thai line-break hints): warn only;
            # office names are matched with them removed, so they cannot hide one.
            yield t.problem(f"มีอักขระที่มองไม่เห็น ({', '.join(invisible)}) มักติดมาจากการคัดลอก "
                            "ตรวจดูว่าตั้งใจใส่หรือไม่", "warning")


def thai_marks(s: Subject) -> Iterator[Problem]:
    """A vowel or tone mark typed twice, or where no consonant carries it (งาานนั้น)."""
    for t in s.printed:
        if XML_FORBIDDEN.search(t.text) or invisible_in(t.text):
            continue  # reported above; their fixes would move every position here
        fixed = fix_marks(t.text)
        if fixed != t.text:
            i = next((k for k, (a, b) in enumerate(zip(t.text, fixed)) if a != b), min(len(t.text), len(fixed)))
            yield t.problem(f"สระหรือวรรณยุกต์พิมพ์ซ้ำหรือผิดตำแหน่งที่ '{t.text[max(0, i - 6): i + 6]}' "
                            f"(ควรเป็น '{fixed[max(0, i - 6): i + 6]}')")


def fix_marks(text: str) -> str:
    if not THAI_RUN.search(text):
        return text
    return text_facts.remembered("marks", text, _fix_marks, str)


def _fix_marks(text: str) -> str:
    # pythainlp's normalize() also folds runs of spaces, which is not a typing slip in Thai
    # (a double space is how many officers separate phrases): only its mark rules are used.
    from pythainlp.util import remove_dangling, remove_repeat_vowels, remove_spaces_before_marks
    fixed: str = remove_dangling(remove_repeat_vowels(remove_spaces_before_marks(text)))
    return fixed


def unknown_words(s: Subject) -> Iterator[Problem]:
    for t in s.texts:
        for word in stray_letters(t.text):
            yield t.problem(f"คำว่า '{word}' ไม่มีในพจนานุกรม อาจพิมพ์ผิด", "warning")


class Words:
    """pythainlp's dictionary, offered to its tokenizer as its Trie is (the tokenizer asks a
    dictionary only for the words that begin at a position: `prefixes`). Built in 0.02 s
    where the Trie takes 0.6 s, node by node; checking one edited text needs no more."""

    def __init__(self, words: frozenset[str]):
        self.words = words
        self.longest: dict[str, int] = {}  # first two letters -> the longest word beginning so
        for w in words:
            if len(w) > self.longest.get(w[:2], 0):
                self.longest[w[:2]] = len(w)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """Every word that `text` has at `start`, shortest first (as pythainlp's Trie gives them)."""
        words = self.words
        found = [text[start]] if text[start] in words else []
        end = min(len(text), start + self.longest.get(text[start:start + 2], 0))
        found += [text[start:i] for i in range(start + 2, end + 1) if text[start:i] in words]
        return found

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def __len__(self) -> int:
        return len(self.words)


@lru_cache(maxsize=1)
def _dictionary() -> Words:
    def make() -> frozenset[str]:
        from pythainlp.corpus import thai_words
        return frozenset(thai_words())
    return Words(text_facts.words("thai-words", make))


def stray_letters(text: str) -> list[str]:
    """Fragments the dictionary tokenizer cannot place: a lone consonant left over
    where a typo broke a word (ติตประกาศ → ติ|ต|ประกาศ)."""
    if not THAI_RUN.search(text):
        return []
    return text_facts.remembered("stray", text, _stray_letters, list)


def _stray_letters(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize
    words = _dictionary()
    out = []
    for run in THAI_RUN.findall(text):
        if len(run) <= 2:  # a piece of an abbreviation: พ.ศ., ก.ต.ป.น.
            continue
        tokens = word_tokenize(run, engine="newmm", custom_dict=words,  # type: ignore[arg-type]
                               keep_whitespace=False)
        for i, tok in enumerate(tokens):
            if len(tok) == 1 and tok not in words and "\u0e01" <= tok <= "\u0e2e" and tok not in "ณฯ":
                out.append("".join(tokens[max(0, i - 1): i + 2]))
    return out


def typed_numbers(s: Subject) -> Iterator[Problem]:
    for t in s.texts:
        m = TYPED_NUMBER.match(t.text)
        if m and ITEM_FIELDS.intersection(map(str, t.loc)):
            yield t.problem(f"พิมพ์เลขข้อ '{m.group(1)}' ไว้เอง ระบบใส่เลขข้อให้อัตโนมัติ "
                            "(เลขที่พิมพ์เองทำให้ลำดับกระโดดได้) ให้ลบเลขออก")


def fiscal_years(s: Subject) -> Iterator[Problem]:
    for t in s.texts:
        if t.kind == "framework":  # a framework's history names the years it describes
            continue
        for y in FISCAL_YEAR.findall(t.text):
            yield t.problem(f"พิมพ์ปีงบประมาณ {y} ไว้เอง ให้ใช้ {{year.publication}} "
                            "หรือ {year.assessed} เพื่อให้ปีตรงกันทั้งเล่ม")


def counts(s: Subject) -> Iterator[Problem]:
    for t in s.texts:
        if t.kind == "notes":
            for number, what in COUNT_IN_PROSE.findall(t.text):
                yield t.problem(f"พิมพ์จำนวน '{number} {what}' ไว้เอง ตัวเลขในการวิเคราะห์"
                                "ระบบคำนวณจากคะแนนให้ ให้ลบตัวเลขออก")
