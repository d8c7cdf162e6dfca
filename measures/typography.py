"""The page's text made ready to read: Thai digits where the office asks (never in what a
reader types: addresses, file names, item codes), and Thai words kept whole at line ends."""
from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from markupsafe import escape

from .thai import thai_digits

if TYPE_CHECKING:
    from pythainlp.util import Trie


# File names and anchors a reader types keep their digits (thai.py keeps URLs, e-mails, item codes).
_FILE = re.compile(r"[\w./-]+\.(?:html|pdf|docx|txt|png|css)(?:#[\w-]+)?")


def digits(text: str) -> str:
    """Every digit Thai except in URLs, e-mail addresses, item codes and the site's file names."""
    out, last = [], 0
    for m in _FILE.finditer(text):
        out += [thai_digits(text[last:m.start()]), m.group(0)]
        last = m.end()
    return "".join(out) + thai_digits(text[last:])


_TAG = re.compile(r"(<[^>]*>)")


def page_text(page: str, thai: bool) -> str:
    """The page's text made ready to read; tags (ids, hrefs, classes) are never touched.

    Thai digits where the office asks, as finish.to_thai_digits does in the .docx. In the body,
    Thai words kept whole at line ends (`glue`; not in <title>, which shows text only). Safe
    by construction: the page has no <script> or <style>, and autoescape leaves no `<` in
    content, so every `<` opens a tag."""
    head, _, body = page.partition("<body>")
    out = []
    header = False  # inside a table's <thead>: its cells are a column's width, a few words
    for part, in_body in ((head, False), ("<body>" + body, True)):
        for n, p in enumerate(_TAG.split(part)):
            if n % 2:
                out.append(p)
                header = (header or p.startswith("<thead")) and not p.startswith("</thead")
                continue
            text = html.unescape(p)
            text = digits(text) if thai else text
            out.append(glue(text, header=header) if in_body else str(escape(text)))
    return "".join(out)


_THAI = re.compile("[\u0e01-\u0e4e]")
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")  # above and below a letter: no width of their own
GLUE_MAX = 12  # letters: a longer entry of the dictionary is a phrase (ทรัพยากรบุคคล), broken into its words
# Words of the ITA that PyThaiNLP's dictionary lacks (it would cut ตัว|ชี้|วัด, ส|พป.).
TERMS = ("ตัวชี้วัด", "ตัวชี้วัดย่อย", "แบบวัด", "แบบสำรวจ", "ข้อคำถาม", "ตรวจประเมิน", "สพป.", "สพม.", "เบิกจ่าย")


def glue(text: str, header: bool = False) -> str:
    """`text` escaped, with each Thai word of more than three characters in a span that does not
    wrap, and so are the words that belong together (`units`).

    Chromium breaks Thai lines by ICU's dictionary, which cuts words into their parts (ผู้|ตอบ,
    ขั้น|ตอน, งบ|ประมาณ, ราย|ละเอียด: seen in narrow table cells), and ignores word-break:
    keep-all for Thai. PyThaiNLP's dictionary knows them as words; the browser still breaks
    between words. Short words (ที่, และ) are never cut, and a glued word fits a phone's line."""
    out = []
    for unit in units(words(text), header):
        escaped = "".join(str(escape(token)) for token in unit)
        whole = len(unit) > 1 or (len(unit[0]) > 3 and _THAI.search(unit[0]))
        out.append(f'<span class="w">{escaped}</span>' if whole else escaped)
    return "".join(out)


# A number as the dictionary cuts it: a sign or a bracket may come with it ("(1" of a date's range).
_NUMBER = re.compile(r"[(\[]?[+\-−]?[0-9๐-๙]+(?:[.,:/][0-9๐-๙]+)*[)\]]?")
_DASH = ("–", "-", "—")
UNIT_MAX = 16  # letters: a number with its words fits a line at 200 % zoom (๑ ตุลาคม ๒๕๖๕, ๒,๕๐๐ บาท)


def units(tokens: list[str], header: bool = False) -> list[list[str]]:
    """The words in runs that no line may break: a number with the word before it and its unit
    after it (รอบ ๖ เดือน, พ.ศ. ๒๕๖๖, ๑ ตุลาคม ๒๕๖๕), a range's dash with the number before
    it (๘๕.๐๐ –); in a table's header cell (`header`), a word of at most three letters with
    the word it is written against (ผลต่าง|ของคะแนน, ตัวชี้วัดที่, ผลคะแนน). A header cell
    is as narrow as its column: there a word of one syllable stood alone (ผลต่าง | ของ | คะแนน)."""
    def thai(i: int) -> bool:
        return 0 <= i < len(tokens) and bool(_THAI.search(tokens[i])) and not tokens[i].isspace()

    def number(i: int) -> bool:
        return 0 <= i < len(tokens) and bool(_NUMBER.fullmatch(tokens[i]))

    def space(i: int) -> bool:
        return 0 <= i < len(tokens) and tokens[i] == " "

    joined = [False] * len(tokens)  # joined[i]: no break between tokens i and i + 1

    def join(first: int, last: int) -> None:
        """Tokens first..last kept on one line, unless the run they make grows too long."""
        start, end = first, last
        while start > 0 and joined[start - 1]:
            start -= 1
        while end < len(tokens) - 1 and joined[end]:
            end += 1
        if letters("".join(tokens[start:end + 1])) <= UNIT_MAX:
            for i in range(first, last):
                joined[i] = True

    for i in range(len(tokens)):
        if number(i):  # its unit first: a line may begin with ๒,๕๐๐ บาท, never with บาท
            if space(i + 1) and thai(i + 2) and not thai(i + 3):  # a unit, not the first word of a phrase
                join(i, i + 2)
            if space(i - 1) and thai(i - 2):
                join(i - 2, i)
        elif tokens[i] in _DASH and space(i - 1) and number(i - 2):
            join(i - 2, i)
        elif header and thai(i) and letters(tokens[i]) <= 3:
            if thai(i + 1):
                join(i, i + 1)
            elif thai(i - 1):
                join(i - 1, i)
    out: list[list[str]] = []
    for i, token in enumerate(tokens):
        if i and joined[i - 1]:
            out[-1].append(token)
        else:
            out.append([token])
    return out


def words(text: str) -> list[str]:
    """`text` cut into words (PyThaiNLP newmm, its dictionary without phrases longer than GLUE_MAX)."""
    return list(_words(text))


@lru_cache(maxsize=16384)  # the report's two rounds share most of their texts, and a rebuild all of them
def _words(text: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize
    return tuple(word_tokenize(text, custom_dict=_dictionary(), engine="newmm", keep_whitespace=True))


def letters(word: str) -> int:
    return len(_MARKS.sub("", word))


@lru_cache(maxsize=1)
def _dictionary() -> Trie:
    from pythainlp.corpus import thai_words
    from pythainlp.util import dict_trie
    return dict_trie([w for w in thai_words() if letters(w) <= GLUE_MAX] + list(TERMS))
