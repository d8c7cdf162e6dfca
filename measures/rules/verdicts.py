"""What a note may claim about passing: a verdict ("ยังไม่ผ่านเกณฑ์", "ต่ำกว่าเกณฑ์", "ถึงเกณฑ์"…)
judged against the thing it is about, at its own level, never against the whole result.

Verdicts are a small closed vocabulary: a verb (ผ่าน ถึง สูงกว่า เกิน ต่ำกว่า ตก) before
เกณฑ์ (or ผ่าน before การประเมิน, ทุก…, or the end of a phrase), turned around by a negation
before it (ไม่ ยังไม่ ไม่ได้ มิได้). It is read from words (pythainlp), not from substrings:
"ที่ผ่านมา" (the past), "ผ่านเว็บไซต์" (by way of) and "ต่ำกว่าค่าเฉลี่ย" are no verdict, and
"เกณฑ์ผ่าน" is the pass mark itself. What a verdict is about: the nearest indicator,
sub-indicator or tool the sentence names before it (else after it), else the note's own
`about` (a sub-indicator note is about that sub-indicator), else the tool of a strength,
else the whole result ("ทุก…" after it: every indicator)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..analyse import Analysis, r2
from ..problems import Problem
from ..thai import arabic_digits
from . import Subject, Text
from .text import Words

PASSING = {"ผ่าน": True, "ถึง": True, "สูงกว่า": True, "เกิน": True, "ต่ำกว่า": False, "ตก": False}
NEGATIONS = {"ไม่", "มิ", "มิได้", "ไม่ได้", "ยังไม่"}
FILLERS = {"ได้", "ยัง", "เคย"}            # between a negation and its verb: ยังไม่ได้ผ่าน
THERE_IS = {"มี", "พบ", "ปรากฏ"}           # ไม่มี…ที่ต่ำกว่าเกณฑ์: none is below, a claim that all passed
ONLY_NEGATED = {"ถึง"}                     # ถึงเกณฑ์ alone is as often "about the criteria"
CRITERION = "เกณฑ์"
ALSO_AFTER_PASS = {"การประเมิน", "ทุก", "แล้ว"}  # ผ่านการประเมิน, ผ่านทุกตัวชี้วัด, ผ่านแล้ว
_ENDS = re.compile(r"[,.;:)\]”\"'ฯ]")  # a mark that closes a phrase
# Words the default dictionary holds whole that would hide a verdict inside (ถึงเกณฑ์,
# อยู่ในเกณฑ์) and comparatives it may split (ต่ำ กว่า): the verdict's words stand alone.
_WHOLE = ("ต่ำกว่า", "สูงกว่า", "ยังไม่", "มิได้", "ไม่ได้", "เกณฑ์", "ที่ผ่านมา", "การประเมิน")
STEMS = ("ผ่าน", "ถึง", "กว่า", "เกิน", "ตก")  # a text with none of these has no verdict: not tokenized

MENTION = re.compile(r"ตัวชี้วัด(?:ย่อย)?\s*(?:ที่)?\s*([0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})?|[A-Z][0-9]{1,2}(?:\.[0-9]{1,2})?)"
                     r"(?![0-9๐-๙.])")


@dataclass(frozen=True)
class Verdict:
    start: int          # character offsets of the phrase in the text
    end: int
    passed: bool        # what the phrase says
    every: bool         # followed by ทุก…: about every indicator

    def phrase(self, text: str) -> str:
        return text[self.start:self.end]


@lru_cache(maxsize=1)
def _dictionary() -> Words:
    from pythainlp.corpus import thai_words
    words = {w for w in thai_words() if CRITERION not in w and not w.startswith(("ไม่ถึง", "ต่ำกว่า", "สูงกว่า"))}
    return Words(frozenset(words | set(_WHOLE) | set(PASSING) | NEGATIONS))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize
    return tuple(word_tokenize(text, custom_dict=_dictionary(), engine="newmm",  # type: ignore[arg-type]
                               keep_whitespace=True))


def verdicts(text: str) -> list[Verdict]:
    """Every verdict the text states, in order."""
    if not any(stem in text for stem in STEMS):
        return []
    words = list(_words(text))
    starts, at = [], 0
    for w in words:
        starts.append(at)
        at += len(w)
    # a comparative the tokenizer split: ต่ำ|กว่า, สูง|กว่า, เกิน|กว่า
    for i in range(len(words) - 1):
        if words[i + 1] == "กว่า" and words[i] in ("ต่ำ", "สูง", "เกิน"):
            words[i], words[i + 1] = ("เกิน" if words[i] == "เกิน" else words[i] + "กว่า"), ""
    solid = [i for i, w in enumerate(words) if w.strip()]  # positions of words, spaces left out
    out = []
    for n, i in enumerate(solid):
        verb = words[i]
        if verb not in PASSING:
            continue
        before = [words[j] for j in solid[:n]]
        if before and before[-1] == CRITERION:
            continue  # เกณฑ์ผ่าน: the pass mark, a noun
        k = len(before)
        while k and before[k - 1] in FILLERS:
            k -= 1
        negated = bool(k) and before[k - 1] in NEGATIONS
        if verb in ONLY_NEGATED and not negated:
            continue
        none_is = _none_is(words, i)
        following = solid[n + 1] if n + 1 < len(solid) else None
        after = words[following] if following is not None else None
        gap = "".join(words[i + 1:following])  # spaces and marks up to the next word
        if after == CRITERION or (verb == "ผ่าน" and after in ALSO_AFTER_PASS):
            last = following
        elif verb == "ผ่าน" and (after is None or _ENDS.match(gap.strip() + after) or (negated and gap.isspace())):
            last = i  # "…ไม่ผ่าน" closing a phrase
        else:
            continue
        assert last is not None
        while negated and k > 1 and before[k - 2] in FILLERS | NEGATIONS:
            k -= 1  # the phrase shown from ยัง of ยังไม่ได้
        first = solid[k - 1] if negated else i
        rest = [words[j] for j in solid[n + 1:n + 4]]
        said = PASSING[verb] ^ negated ^ none_is
        out.append(Verdict(starts[first], starts[last] + len(words[last]), said, "ทุก" in rest or none_is))
    return out


def _none_is(words: list[str], i: int) -> bool:
    """ไม่มี… ที่ / ไม่พบ… ที่ before the verb at `i`, in its phrase (back to a space): "there is
    none that" turns the verdict about each into one about all."""
    relative = False
    for j in range(i - 1, max(-1, i - 9), -1):
        w = words[j]
        if not w.strip():
            return False
        if w == "ที่":
            relative = True
        elif relative and (w in {"ไม่" + x for x in THERE_IS} or (w in THERE_IS and j and words[j - 1] in NEGATIONS)):
            return True
    return False


# ------------------------------------------------------------------------ the rule
@dataclass(frozen=True)
class _Fact:
    passed: bool
    said: str           # what the scores say, to follow "แต่"


def _thing(a: Analysis, about: str) -> _Fact | None:
    """A tool code, an indicator or a sub-indicator: whether it passed, and its score."""
    mark = r2(a.framework.pass_mark)
    tool = next((t for t in a.tools if t.code == about), None)
    if tool is not None:
        score = r2(tool.average)
        passed = score >= mark and not tool.below_threshold and tool.code not in a.capped_by
        label = f"เครื่องมือ {tool.code}"
    else:
        item = a.item(arabic_digits(about))
        if item is None:
            return None
        score, label = r2(item.score), item.label
        # Under a capped framework, an indicator of a tool that lowered the rating is below a mark too.
        tool_of = {i.number: i.tool for i in a.framework.indicators}
        passed = score >= mark and tool_of.get(item.indicator) not in a.capped_by
    return _Fact(passed, f"{label} ได้ {score} คะแนน ซึ่ง{'ผ่าน' if passed else 'ไม่ผ่าน'}เกณฑ์ {mark} คะแนน")


def _whole(a: Analysis, v: Verdict) -> _Fact:
    """The result as a whole: "ไม่ผ่าน" with nothing named says something failed, "ผ่านเกณฑ์ทุก…"
    that nothing did, "ผ่านเกณฑ์" alone that the total passed."""
    mark = r2(a.framework.pass_mark)
    failed = [f"ตัวชี้วัดที่ {i.number}" for i in a.failed] + [f"เครื่องมือ {t.code}" for t in a.tools_below_threshold]
    if a.capped_by and not a.passed:  # the framework's cap lowered the rating below the pass mark
        failed.append(f"ระดับผลการประเมินถูกลดลงเพราะเครื่องมือ {', '.join(a.capped_by)}")
    if v.every or not v.passed:
        return _Fact(not failed, f"ผลการประเมินปี {a.year} ผ่านเกณฑ์ทุกตัวชี้วัดและทุกเครื่องมือ" if not failed else
                     f"ผลการประเมินปี {a.year} มีที่ไม่ผ่านเกณฑ์ {mark} คะแนน: {', '.join(failed)}")
    return _Fact(a.passed, f"ผลการประเมินปี {a.year} ภาพรวมได้ {r2(a.total)} คะแนน ซึ่ง"
                           f"{'ผ่าน' if a.passed else 'ไม่ผ่าน'}เกณฑ์")


def _own_about(s: Subject, t: Text) -> str | None:
    """What the note holding this text is about: its `about` (or `indicator`), or a strength's tool."""
    loc = t.loc
    if len(loc) >= 3 and loc[0] == "analysis" and loc[1] == "strengths":
        return str(loc[2])
    if len(loc) >= 3 and loc[0] == "analysis" and isinstance(loc[2], int):
        notes = getattr(s.loaded.publication.analysis, str(loc[1]), None)
        if isinstance(notes, list) and 0 <= loc[2] < len(notes):
            about = getattr(notes[loc[2]], "about", None) or getattr(notes[loc[2]], "indicator", None)
            return str(about) if about else None
    return None


def _named(a: Analysis, text: str, at: int) -> str | None:
    """The indicator, sub-indicator or tool the text names nearest before `at`, else the first after."""
    codes = "|".join(re.escape(t.code) for t in a.tools)
    found = [(m.start(), m.group(1)) for m in MENTION.finditer(text)]
    if codes:
        found += [(m.start(), m.group(0)) for m in re.finditer(rf"(?<![A-Za-z])(?:{codes})(?![A-Za-z])", text)]
    before = [f for f in found if f[0] < at]
    if before:
        return max(before)[1]
    after = sorted(f for f in found if f[0] >= at)
    return after[0][1] if after else None


def claims(s: Subject) -> Iterator[Problem]:
    """A verdict in a note that the scores of the thing it is about contradict."""
    a = s.analysis
    if a is None:
        return
    for t in s.texts:
        if t.doc is not s.loaded.docs["publication"] or t.loc[:1] != ("analysis",):
            continue  # the measures' own texts speak of steps, not of this year's result
        for v in verdicts(t.text):
            about = _named(a, t.text, v.start) or _own_about(s, t)
            fact = _whole(a, v) if v.every or about is None else _thing(a, about)
            if fact is not None and fact.passed != v.passed:
                yield t.problem(f"ข้อความกล่าวว่า '{v.phrase(t.text)}' แต่{fact.said} "
                                "(คัดลอกมาจากปีอื่นหรือหน่วยงานอื่นหรือไม่?) ให้เขียนให้ตรงกับผลการประเมินปีนี้")
