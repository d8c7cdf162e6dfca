"""Thai presentation: digits, Buddhist-era dates, lists written the Thai way."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
          "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")

# Addresses a reader types stay in Arabic digits even in a Thai-digit document.
_KEEP = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[A-Za-z]\d+\b")


_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _to_thai(text: str) -> str:
    return text.translate(_TO_THAI)


def thai_digits(text: str) -> str:
    """Arabic digits to Thai ones, except inside URLs, e-mail addresses and item codes (O38)."""
    out, last = [], 0
    for m in _KEEP.finditer(text):
        out.append(_to_thai(text[last:m.start()]) if text[last:m.start()] else "")
        out.append(m.group(0))
        last = m.end()
    rest = text[last:]
    out.append(_to_thai(rest) if rest else "")
    return "".join(out)


@dataclass(frozen=True)
class BEDate:
    """A date as Thai offices write it: Buddhist-era year, month, day (checked against the calendar)."""
    year: int
    month: int
    day: int

    @classmethod
    def parse(cls, text: object) -> BEDate:
        """'2565-03-31' -> BEDate(2565, 3, 31); a message in Thai for anything else."""
        if isinstance(text, BEDate):
            return text
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(text).strip())
        if not m:
            raise ValueError(f"วันที่ '{text}' ต้องเขียนแบบ ปี-เดือน-วัน เช่น 2565-03-31 (ปีพุทธศักราช)")
        y, mo, d = map(int, m.groups())
        if y < 2400:
            raise ValueError(f"ปี {y} ต้องเป็นพุทธศักราช (เช่น {y + 543 if y > 1900 else 2565})")
        if not 1 <= mo <= 12:
            raise ValueError(f"วันที่ '{text}': ไม่มีเดือนที่ {mo} (เดือนต้องเป็น 01 ถึง 12)")
        try:
            date(y - 543, mo, d)
        except ValueError:
            raise ValueError(f"วันที่ '{text}': ไม่มีวันที่ {d} {MONTHS[mo - 1]} {y} ในปฏิทิน") from None
        return cls(y, mo, d)

    def gregorian(self) -> date:
        return date(self.year - 543, self.month, self.day)

    def long(self) -> str:
        """31 มีนาคม พ.ศ. 2565"""
        return f"{self.day} {MONTHS[self.month - 1]} พ.ศ. {self.year}"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def join_thai(items: list[str]) -> str:
    """'ก', 'ข', 'ค' -> 'ก ข และค' as Thai lists are written."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return " ".join(items[:-1]) + " และ" + items[-1]


def arabic_digits(text: str) -> str:
    """Thai digits to Arabic ones, for comparing what was typed either way."""
    return text.translate(_TO_ARABIC)


_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def fiscal_year(day: date) -> int:
    """The Thai government fiscal year (Buddhist era) a day falls in: it begins on 1 October."""
    return day.year + 543 + (1 if day.month >= 10 else 0)
