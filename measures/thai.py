"""Thai presentation: digits, Buddhist-era dates, lists written the Thai way."""
from __future__ import annotations

import re
from datetime import date

from pythainlp.util import arabic_digit_to_thai_digit

MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
          "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")

# Addresses a reader types stay in Arabic digits even in a Thai-digit document.
_KEEP = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[A-Za-z]\d+\b")


def thai_digits(text: str) -> str:
    """Arabic digits to Thai ones, except inside URLs, e-mail addresses and item codes (O38)."""
    out, last = [], 0
    for m in _KEEP.finditer(text):
        out.append(arabic_digit_to_thai_digit(text[last:m.start()]) if text[last:m.start()] else "")
        out.append(m.group(0))
        last = m.end()
    rest = text[last:]
    out.append(arabic_digit_to_thai_digit(rest) if rest else "")
    return "".join(out)


def parse_be_date(text: str) -> tuple[int, int, int]:
    """'2565-03-31' (Buddhist era) -> (2565, 3, 31), checked against the calendar."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if not m:
        raise ValueError(f"วันที่ '{text}' ต้องเขียนแบบ ปี-เดือน-วัน เช่น 2565-03-31 (ปีพุทธศักราช)")
    y, mo, d = map(int, m.groups())
    if y < 2400:
        raise ValueError(f"ปี {y} ต้องเป็นพุทธศักราช (เช่น 2565)")
    date(y - 543, mo, d)  # raises ValueError for 31 February
    return y, mo, d


def be_date_text(text: str) -> str:
    y, mo, d = parse_be_date(text)
    return f"{d} {MONTHS[mo - 1]} พ.ศ. {y}"


def join_thai(items: list[str]) -> str:
    """'ก', 'ข', 'ค' -> 'ก ข และค' as Thai lists are written."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return " ".join(items[:-1]) + " และ" + items[-1]
