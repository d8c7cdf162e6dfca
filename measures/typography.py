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
    for part, in_body in ((head, False), ("<body>" + body, True)):
        for n, p in enumerate(_TAG.split(part)):
            if n % 2:
                out.append(p)
                continue
            text = html.unescape(p)
            text = digits(text) if thai else text
            out.append(glue(text) if in_body else str(escape(text)))
    return "".join(out)


_THAI = re.compile("[\u0e01-\u0e4e]")
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")  # above and below a letter: no width of their own
GLUE_MAX = 12  # letters: a longer entry of the dictionary is a phrase (ทรัพยากรบุคคล), broken into its words
# Words of the ITA that PyThaiNLP's dictionary lacks (it would cut ตัว|ชี้|วัด, ส|พป.).
TERMS = ("ตัวชี้วัด", "ตัวชี้วัดย่อย", "แบบวัด", "แบบสำรวจ", "ข้อคำถาม", "ตรวจประเมิน", "สพป.", "สพม.", "เบิกจ่าย")


def glue(text: str) -> str:
    """`text` escaped, with each Thai word of more than three characters in a span that does not wrap.

    Chromium breaks Thai lines by ICU's dictionary, which cuts words into their parts (ผู้|ตอบ,
    ขั้น|ตอน, งบ|ประมาณ, ราย|ละเอียด: seen in narrow table cells), and ignores word-break:
    keep-all for Thai. PyThaiNLP's dictionary knows them as words; the browser still breaks
    between words. Short words (ที่, และ) are never cut, and a glued word fits a phone's line."""
    out = []
    for token in words(text):
        escaped = str(escape(token))
        out.append(f'<span class="w">{escaped}</span>' if len(token) > 3 and _THAI.search(token) else escaped)
    return "".join(out)


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
