"""What a note may claim about passing: a verdict ("ยังไม่ผ่านเกณฑ์", "ต่ำกว่าเกณฑ์", "ถึงเกณฑ์แล้ว"…)
judged against the thing it is about, at its own level, never against the whole result.

Verdicts are a small closed vocabulary: a verb (ผ่าน ถึง พ้น เข้า สูงกว่า มากกว่า เกิน / ต่ำกว่า
น้อยกว่า ตก หลุด) before เกณฑ์ (also as commonly misspelt: เกณท์, เกนฑ์…), or before a number
of points ("ไม่ถึง 85 คะแนน"), or ผ่าน before การประเมิน, ทุก…, แล้ว or the end of a phrase,
or a word that is a verdict by itself (สอบตก, สอบผ่าน); turned around by a negation before it
(ไม่ ยังไม่ ไม่ได้ มิได้ ไม่สามารถ) or ไม่ได้ right after it. A goal or a condition (เพื่อให้ผ่าน…,
ต้องผ่าน…, หากไม่ผ่าน…) claims nothing. It is read from words (pythainlp) of the text with its
format characters (zero-width space, soft hyphen…) removed, not from substrings: "ที่ผ่านมา"
(the past), "ผ่านเว็บไซต์" (by way of) and "ต่ำกว่าค่าเฉลี่ย" are no verdict, and "เกณฑ์ผ่าน" is
the pass mark itself. What a verdict is about: the nearest indicator, sub-indicator or tool the
sentence names before it ("…นี้", this one, is the note's own `about`), else the first named
after it that no later verdict takes, else the note's own `about` (a sub-indicator note is
about that sub-indicator), else the tool of a strength, else the whole result ("ทุก…" after
it: every indicator)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from ..analyse import Analysis, r2
from ..cache import text_facts
from ..problems import Problem
from ..thai import arabic_digits
from . import Subject, Text
from .text import Words

# verb -> whether it says "passed" (before เกณฑ์ or a number of points)
PASSING = {"ผ่าน": True, "ถึง": True, "พ้น": True, "เข้า": True, "สูงกว่า": True, "มากกว่า": True,
           "เกิน": True, "ต่ำกว่า": False, "น้อยกว่า": False, "ตก": False, "หลุด": False}
ALONE = {"สอบตก": False, "สอบผ่าน": True}   # a verdict wherever it stands
NEGATIONS = {"ไม่", "มิ", "มิได้", "ไม่ได้", "ยังไม่", "ยังมิได้", "ไม่สามารถ"}
AFTER_NEGATION = "ไม่ได้"                   # ผ่านเกณฑ์ไม่ได้: could not pass
FILLERS = {"ได้", "ยัง", "เคย", "สามารถ", "ค่อย"}  # between a negation and its verb: ยังไม่สามารถผ่าน
# A goal, a duty or a condition before the verb: what should happen, not what did.
GOALS = {"เพื่อ", "เพื่อให้", "ต้อง", "จะต้อง", "ควร", "ควรจะ", "หาก", "ถ้า", "จนกว่า", "มุ่ง", "อาจ", "อาจจะ",
         "คาดว่า", "เป้าหมาย"}
THERE_IS = {"มี", "พบ", "ปรากฏ"}           # ไม่มี…ที่ต่ำกว่าเกณฑ์: none is below, a claim that all passed
# ถึงเกณฑ์ alone is as often "about the criteria" (เข้าใจถึงเกณฑ์): a claim only when negated,
# followed by แล้ว, or said of a score (คะแนนถึงเกณฑ์).
ONLY_NEGATED = {"ถึง"}
SCORE_WORDS = {"คะแนน", "ผล", "ผลคะแนน", "ได้", "ก็", "จึง"}
CRITERION = "เกณฑ์"
# เกณฑ์ as typed: the right spelling and its common slips (ท for ฑ, น for ณ, the ์ left off).
CRITERIA = frozenset({"เกณฑ์", "เกณท์", "เกนฑ์", "เกนท์", "เกณฑ", "เกณท", "เกณธ์"})
ALSO_AFTER_PASS = {"การประเมิน", "ทุก", "แล้ว"}  # ผ่านการประเมิน, ผ่านทุกตัวชี้วัด, ผ่านแล้ว
COMPARATIVES = ("ต่ำ", "สูง", "น้อย", "มาก", "เกิน")  # + กว่า, which the tokenizer may split off
POINTS = re.compile(r"[ \t\u00a0]*([0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,2})?)[ \t\u00a0]*คะแนน")  # ไม่ถึง 85 คะแนน
_ENDS = re.compile(r"[,.;:)\]”\"'ฯ]")  # a mark that closes a phrase
# Words the default dictionary holds whole that would hide a verdict inside (ถึงเกณฑ์,
# อยู่ในเกณฑ์) and comparatives it may split (ต่ำ กว่า): the verdict's words stand alone.
_WHOLE = ("ต่ำกว่า", "สูงกว่า", "น้อยกว่า", "มากกว่า", "ยังไม่", "มิได้", "ไม่ได้", "ไม่สามารถ", "ที่ผ่านมา",
          "การประเมิน", "สอบตก", "สอบผ่าน", "เพื่อให้")
# A text with none of these has no verdict: not tokenized.
STEMS = ("เกณ", "เกน", "ผ่าน", "คะแนน", "สอบตก")

MENTION = re.compile(r"ตัวชี้วัด(?:ย่อย)?\s*(?:ที่)?\s*([0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})?|[A-Z][0-9]{1,2}(?:\.[0-9]{1,2})?)"
                     r"(?![0-9๐-๙.])")
THIS_ONE = re.compile(r"(?:ตัวชี้วัด(?:ย่อย)?|เครื่องมือ|ประเด็น|ข้อ)\s*นี้")  # the note's own `about`


def without_format(text: str) -> tuple[str, list[int]]:
    """The text without format characters (ZWSP, ZWJ, soft hyphen, bidi marks, BOM), and for
    each character left its position in `text`."""
    if text.isascii() or not any(unicodedata.category(c) == "Cf" for c in text):
        return text, list(range(len(text)))
    kept = [(i, c) for i, c in enumerate(text) if unicodedata.category(c) != "Cf"]
    return "".join(c for _, c in kept), [i for i, _ in kept]


@dataclass(frozen=True)
class Verdict:
    start: int          # character offsets of the phrase in the text
    end: int
    passed: bool        # what the phrase says
    every: bool         # followed by ทุก…: about every indicator
    points: Decimal | None = None  # compared with a number of points, not with the pass mark

    def phrase(self, text: str) -> str:
        return text[self.start:self.end]


@lru_cache(maxsize=1)
def _dictionary() -> Words:
    return Words(text_facts.words("verdict-words", _verdict_words))


def _verdict_words() -> frozenset[str]:
    from pythainlp.corpus import thai_words
    hidden = tuple(n + v for n in NEGATIONS for v in PASSING) + ("ต่ำกว่า", "สูงกว่า", "น้อยกว่า", "มากกว่า")
    # One pattern each, matched in C: 62,000 words looked at in a tenth of the time of any()/startswith.
    criterion = re.compile("|".join(map(re.escape, CRITERIA))).search
    hides = re.compile("|".join(map(re.escape, sorted(hidden, key=len, reverse=True)))).match
    whole = set(_WHOLE)
    words = {w for w in thai_words() if not criterion(w) and (w in whole or not hides(w))}
    return frozenset(words | set(_WHOLE) | set(PASSING) | NEGATIONS | CRITERIA | set(ALONE))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize
    return tuple(word_tokenize(text, custom_dict=_dictionary(), engine="newmm",  # type: ignore[arg-type]
                               keep_whitespace=True))


def verdicts(text: str) -> list[Verdict]:
    """Every verdict the text states, in order; offsets are into `text` as given. What an earlier
    build found for the same text is remembered (cache.text_facts), as the other text rules'
    findings are: a build whose notes did not change tokenizes nothing (no pythainlp)."""
    if not any(stem in text for stem in STEMS):
        return []
    found: list[Any] = text_facts.remembered("verdicts", text, _found_as_data, list)
    return [Verdict(int(a), int(b), bool(passed), bool(every), None if points is None else Decimal(str(points)))
            for a, b, passed, every, points in found]


def _found_as_data(text: str) -> list[Any]:
    """The verdicts as JSON keeps them (the points as text: a Decimal exactly)."""
    return [[v.start, v.end, v.passed, v.every, None if v.points is None else str(v.points)] for v in _found(text)]


def _found(text: str) -> list[Verdict]:
    clean, where = without_format(text)
    found = _verdicts(clean)
    if len(clean) == len(text):
        return found
    return [Verdict(where[v.start], where[v.end - 1] + 1, v.passed, v.every, v.points) for v in found]


def _verdicts(text: str) -> list[Verdict]:
    words = list(_words(text))
    starts, at = [], 0
    for w in words:
        starts.append(at)
        at += len(w)
    # a comparative the tokenizer split: ต่ำ|กว่า, สูง|กว่า, เกิน|กว่า
    for i in range(len(words) - 1):
        if words[i + 1] == "กว่า" and words[i] in COMPARATIVES:
            words[i], words[i + 1] = ("เกิน" if words[i] == "เกิน" else words[i] + "กว่า"), ""
    solid = [i for i, w in enumerate(words) if w.strip()]  # positions of words, spaces left out
    out = []
    for n, i in enumerate(solid):
        verb = words[i]
        if verb not in PASSING and verb not in ALONE:
            continue
        before = [words[j] for j in solid[:n]]
        if before and before[-1] in CRITERIA:
            continue  # เกณฑ์ผ่าน: the pass mark, a noun
        k = len(before)
        while k and before[k - 1] in FILLERS:
            k -= 1
        negated = bool(k) and before[k - 1] in NEGATIONS
        goal = k - negated
        if goal and before[goal - 1] in GOALS:
            continue  # เพื่อให้ผ่านเกณฑ์, หากไม่ผ่านเกณฑ์: a goal or a condition, no claim
        following = solid[n + 1] if n + 1 < len(solid) else None
        after = words[following] if following is not None else None
        gap = "".join(words[i + 1:following])  # spaces and marks up to the next word
        points = None
        end = starts[i] + len(verb)
        if verb in ALONE:
            pass
        elif verb != "ผ่าน" and (m := POINTS.match(text, end)):
            points, end = _number(m.group(1)), m.end()
        elif after in CRITERIA and following is not None:
            if verb in ONLY_NEGATED and not negated and not _reached(words, solid, n):
                continue
            end = starts[following] + len(after)
        elif verb == "ผ่าน" and after in ALSO_AFTER_PASS and following is not None:
            end = starts[following] + len(after)
        elif not (verb == "ผ่าน" and (after is None or _ENDS.match(gap.strip() + after) or (negated and gap.isspace()))):
            continue  # (else "…ไม่ผ่าน" closing a phrase)
        said = PASSING[verb] if verb in PASSING else ALONE[verb]
        if text.startswith(AFTER_NEGATION, end):
            said, end = not said, end + len(AFTER_NEGATION)  # ผ่านเกณฑ์ไม่ได้: a negation right after it
        while negated and k > 1 and before[k - 2] in FILLERS | NEGATIONS:
            k -= 1  # the phrase shown from ยัง of ยังไม่ได้
        first = solid[k - 1] if negated else i
        none_is = _none_is(words, i)
        rest = [words[j] for j in solid[n + 1:n + 4]]
        out.append(Verdict(starts[first], end, said ^ negated ^ none_is, points is None and ("ทุก" in rest or none_is),
                           points))
    return out


def _reached(words: list[str], solid: list[int], n: int) -> bool:
    """ถึง (at solid position n) before เกณฑ์ is a claim when แล้ว follows (ถึงเกณฑ์แล้ว) or a
    score is what reaches it (คะแนนถึงเกณฑ์): else it is as often "about" (เข้าใจถึงเกณฑ์)."""
    later = solid[n + 2] if n + 2 < len(solid) else None
    return (later is not None and words[later] == "แล้ว") or (n > 0 and words[solid[n - 1]] in SCORE_WORDS)


def _number(digits: str) -> Decimal | None:
    try:
        return Decimal(arabic_digits(digits))
    except InvalidOperation:  # pragma: no cover - the pattern gives digits only
        return None


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
class _Score:
    label: str
    score: Decimal
    passed: bool        # against the pass mark (and a tool's threshold or the framework's cap)


@dataclass(frozen=True)
class _Fact:
    passed: bool
    said: str           # what the scores say, to follow "แต่"


def _thing(a: Analysis, about: str) -> _Score | None:
    """A tool code, an indicator or a sub-indicator: its score, and whether it passed."""
    mark = r2(a.framework.pass_mark)
    tool = next((t for t in a.tools if t.code == about), None)
    if tool is not None:
        score = r2(tool.average)
        return _Score(f"เครื่องมือ {tool.code}", score,
                      score >= mark and not tool.below_threshold and tool.code not in a.capped_by)
    item = a.item(arabic_digits(about))
    if item is None:
        return None
    # Under a capped framework, an indicator of a tool that lowered the rating is below a mark too.
    tool_of = {i.number: i.tool for i in a.framework.indicators}
    score = r2(item.score)
    return _Score(item.label, score, score >= mark and tool_of.get(item.indicator) not in a.capped_by)


def _against_mark(a: Analysis, s: _Score) -> _Fact:
    return _Fact(s.passed, f"{s.label} ได้ {s.score} คะแนน ซึ่ง{'ผ่าน' if s.passed else 'ไม่ผ่าน'}เกณฑ์ "
                           f"{r2(a.framework.pass_mark)} คะแนน")


def _against_points(s: _Score, points: Decimal) -> _Fact:
    reached = s.score >= points
    return _Fact(reached, f"{s.label} ได้ {s.score} คะแนน ซึ่ง{'ถึง' if reached else 'ไม่ถึง'} {points} คะแนน")


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


def _fact(a: Analysis, v: Verdict, about: str | None) -> _Fact | None:
    """What the scores say of what the verdict is about, in the verdict's own terms."""
    mark = r2(a.framework.pass_mark)
    if v.points is not None and v.points != mark:
        # A number other than the pass mark: below it, "ไม่ถึง 5 คะแนน" is as often a difference
        # (ห่างจากเกณฑ์ไม่ถึง 5 คะแนน, เพิ่มขึ้นเกิน 10 คะแนน) as a score, so it claims nothing
        # here; above it, a score compared with a higher bar, judged against that bar.
        if v.points < mark or v.every:
            return None
        if about is None:
            return _against_points(_Score(f"ผลการประเมินปี {a.year} ภาพรวม", r2(a.total), a.passed), v.points)
        thing = _thing(a, about)
        return _against_points(thing, v.points) if thing is not None else None
    if v.every or about is None:
        return _whole(a, v)
    thing = _thing(a, about)
    return _against_mark(a, thing) if thing is not None else None


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


def _mentions(a: Analysis, text: str, own: str | None) -> list[tuple[int, str]]:
    """(position, what) of every indicator, sub-indicator or tool the text names, in order;
    "…นี้" (this one) names the note's own `about`."""
    codes = "|".join(re.escape(t.code) for t in a.tools)
    found = [(m.start(), m.group(1)) for m in MENTION.finditer(text)]
    if codes:
        found += [(m.start(), m.group(0)) for m in re.finditer(rf"(?<![A-Za-z])(?:{codes})(?![A-Za-z])", text)]
    if own is not None:
        found += [(m.start(), own) for m in THIS_ONE.finditer(text)]
    return sorted(found)


def _named(found: list[tuple[int, str]], said: list[Verdict], index: int) -> str | None:
    """What verdict `index` is about: the nearest thing named before it, else the first named
    after it that no later verdict has as its own nearest (in "ตัวชี้วัดย่อยนี้ไม่ผ่านเกณฑ์ แต่
    ตัวชี้วัดที่ 9 ผ่านเกณฑ์", 9 is what the second verdict is about, not the first)."""
    def nearest_before(v: Verdict) -> tuple[int, str] | None:
        before = [f for f in found if f[0] < v.start]
        return before[-1] if before else None

    v = said[index]
    near = nearest_before(v)
    if near is not None:
        return near[1]
    taken = {nearest_before(w) for w in said[index + 1:]}
    return next((f[1] for f in found if f[0] >= v.end and f not in taken), None)


def claims(s: Subject) -> Iterator[Problem]:
    """A verdict in a note that the scores of the thing it is about contradict."""
    a = s.analysis
    if a is None:
        return
    for t in s.texts:
        if t.doc is not s.loaded.docs["publication"] or t.loc[:1] != ("analysis",):
            continue  # the measures' own texts speak of steps, not of this year's result
        said = verdicts(t.text)
        if not said:
            continue
        text, _ = without_format(t.text)
        said = verdicts(text)  # positions in the text as read, without format characters
        own = _own_about(s, t)
        found = _mentions(a, text, own)
        for n, v in enumerate(said):
            fact = _fact(a, v, _named(found, said, n) or own)
            if fact is not None and fact.passed != v.passed:
                yield t.problem(f"ข้อความกล่าวว่า '{v.phrase(text)}' แต่{fact.said} "
                                "(คัดลอกมาจากปีอื่นหรือหน่วยงานอื่นหรือไม่?) ให้เขียนให้ตรงกับผลการประเมินปีนี้")
