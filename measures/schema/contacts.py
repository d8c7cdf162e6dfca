"""What an address or a number may hold: the one place every contact field and every link is
checked. A contact is printed in the document, on the web page and in what the office pastes
into the ITA form as the office's own: a `javascript:` address or one carrying quotes and `<`
is refused here, where it is typed, so nothing after has to guess whether it is safe."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Annotated

from pydantic import AfterValidator

from ..thai import arabic_digits

# http(s) only; a host of dotted names (Thai ones too); then no space, quote, angle bracket,
# backslash, backtick or control character, which end an attribute or start a tag.
WEB = re.compile(r"https?://(?:[\w-]+\.)+[\w-]+(?::[0-9]{1,5})?(?:[/?#][^\s\"'<>\\`\x00-\x1f\x7f-\x9f]*)?",
                 re.IGNORECASE)
# The usual letters of an address (RFC 5322 atoms without quotes and backticks); a dotted domain.
EMAIL = re.compile(r"[A-Za-z0-9!#$%&*+/=?^_{|}~-]+(?:\.[A-Za-z0-9!#$%&*+/=?^_{|}~-]+)*"
                   r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}")
# A Thai number: 0 and 8 digits for a line (02-7: 0-4300-9867), 0 and 9 for a mobile (06, 08, 09:
# 08-1234-5678), or +66 and the same without the 0, digits grouped by - . or a space; a 4-digit
# service number (1111); then optionally ต่อ and an extension.
_NUMBER = r"(?:(?:0|\+66)[ .-]?(?:[2-7](?:[ .-]?[0-9]){7}|[689](?:[ .-]?[0-9]){8})|1[0-9]{3})"
PHONE = re.compile(rf"{_NUMBER}(?:\s*ต่อ\s*[0-9]{{1,6}})?")
EXTENSION = re.compile(r"[0-9]{1,6}(?:\s*[-,]\s*[0-9]{1,6}){0,3}")
POSTCODE = re.compile(r"[1-9][0-9]{4}")


def _shown(value: str) -> str:
    return value if len(value) <= 60 else value[:60] + "…"


def hidden_in_address(value: str) -> str | None:
    """The first character of `value` that does not show as itself: a format character (bidi
    overrides such as U+202E turn the rest of the address around on screen, zero-width ones
    hide inside it), a private-use or surrogate code point, or U+FFFD (a character lost in a
    conversion). An address holding one can show something other than where it leads."""
    return next((c for c in value if c == "\ufffd" or unicodedata.category(c) in ("Cf", "Co", "Cs")), None)


def is_web_address(value: object) -> bool:
    """An address that may be a link's href as it is: the one rule the checker and the web
    page's writer (writers/html.safe_href) both apply."""
    return isinstance(value, str) and WEB.fullmatch(value) is not None and hidden_in_address(value) is None


def _web(value: str) -> str:
    value = value.strip()
    if (hidden := hidden_in_address(value)) is not None:
        name = unicodedata.name(hidden, "")
        # shown with each such character named, never the override itself (it would turn the message)
        shown = "".join(f"[U+{ord(c):04X}]" if hidden_in_address(c) else c for c in _shown(value))
        raise ValueError(f"'{shown}' มีอักขระที่มองไม่เห็นหรือแสดงผิดจากตัวจริง "
                         f"(U+{ord(hidden):04X}{' ' + name if name else ''}) ที่ตำแหน่งที่ {value.index(hidden) + 1} "
                         "ซึ่งทำให้ที่อยู่ที่เห็นต่างจากที่ลิงก์พาไป มักติดมาจากการคัดลอก "
                         "ให้ลบที่อยู่นี้แล้วพิมพ์ใหม่ เช่น http://www.example.go.th/ita/o39.pdf")
    if not WEB.fullmatch(value):
        bare = re.sub(r"^[a-z]+:/*", "", value, flags=re.IGNORECASE)
        hint = f" (เช่น http://{bare})" if bare and WEB.fullmatch("http://" + bare) else \
            " เช่น http://www.example.go.th/ita/o39.pdf"
        raise ValueError(f"'{_shown(value)}' ไม่ใช่ที่อยู่เว็บที่ใช้ได้: ต้องขึ้นต้นด้วย http:// หรือ https:// "
                         f"ตามด้วยชื่อเว็บไซต์ ไม่มีช่องว่าง เครื่องหมายคำพูด หรือ < >{hint}")
    scheme, rest = value.split("://", 1)
    return f"{scheme.lower()}://{rest}"  # HTTPS://… as https://…: one spelling for every reader


def _optional(check):  # type: ignore[no-untyped-def]
    """An optional contact: "" means the office has none."""
    return lambda value: value if value.strip() == "" else check(value)


def _email(value: str) -> str:
    value = value.strip()
    if not EMAIL.fullmatch(value):
        raise ValueError(f"'{_shown(value)}' ไม่ใช่อีเมลที่ใช้ได้: เขียนเป็น ชื่อ@โดเมน ไม่มีช่องว่าง "
                         "เครื่องหมายคำพูด หรือ < > เช่น saraban@example.go.th")
    return value


def _digits_as(pattern: re.Pattern[str], what: str) -> Callable[[str], str]:
    """A check of a number written by format (Thai or Arabic digits); `what` says how to write it."""
    def check(value: str) -> str:
        value = value.strip()
        if not pattern.fullmatch(arabic_digits(value)):
            raise ValueError(f"'{_shown(value)}' {what}")
        return value
    return check


_phone = _digits_as(PHONE, "ไม่ใช่หมายเลขโทรศัพท์ที่ใช้ได้: เขียนเลข 9 หลัก (โทรศัพท์พื้นฐาน) "
                           "หรือ 10 หลัก (มือถือ) ขึ้นต้นด้วย 0 คั่นด้วย - ได้ เช่น 0-4300-9867 หรือ 09-2779-9098 "
                           "เบอร์ต่อเขียนต่อท้ายว่า ต่อ 1108 (หรือใส่ใน phone_ext)")
_extension = _digits_as(EXTENSION, "ไม่ใช่เบอร์ต่อที่ใช้ได้: เขียนเฉพาะตัวเลข เช่น 1108 (ไม่ต้องพิมพ์คำว่า ต่อ)")
_postcode = _digits_as(POSTCODE, "ไม่ใช่รหัสไปรษณีย์: ต้องเป็นตัวเลข 5 หลัก เช่น 40000")


WebAddress = Annotated[str, AfterValidator(_web)]
OptionalWebAddress = Annotated[str, AfterValidator(_optional(_web))]
Email = Annotated[str, AfterValidator(_optional(_email))]
Phone = Annotated[str, AfterValidator(_phone)]
OptionalPhone = Annotated[str, AfterValidator(_optional(_phone))]
Extension = Annotated[str, AfterValidator(_optional(_extension))]
Postcode = Annotated[str, AfterValidator(_postcode)]
