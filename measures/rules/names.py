"""Rules on whose text it is: another office's name left in a copied text."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from ..cache import text_facts
from ..problems import Problem
from ..thai import arabic_digits
from . import Subject

OFFICE_PREFIXES = ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษา", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา",
                   "สำนักงานศึกษาธิการจังหวัด", "สำนักงานศึกษาธิการภาค", "สพป.", "สพม.", "ศธจ.")
AREA = re.compile(r"\s*เขต\s*([0-9๐-๙]+)")  # สพป. offices are numbered within a province


@lru_cache(maxsize=1)
def _provinces() -> tuple[str, ...]:
    from pythainlp.corpus import provinces
    names: list[str] = [str(p) for p in provinces()]
    return tuple(sorted(names, key=len, reverse=True))


def office_names_in(text: str) -> list[str]:
    """Names of Educational Service Area offices (type + province [+ area]) in a text, also
    where invisible characters or another Unicode form would hide them."""
    if "ส" not in text and "ศ" not in text:  # every prefix begins with one; nothing hides it
        return []
    return text_facts.remembered("names", text, _office_names_in, list)


def _visible(text: str) -> str:
    """The text as it reads: invisible characters (format characters, line and paragraph
    separators) removed, one Unicode form. Names in texts and the office's own names are
    both compared so: a zero-width space in either hides nothing and accuses no one."""
    return unicodedata.normalize("NFC", "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Zl", "Zp")))


def _office_names_in(text: str) -> list[str]:
    text = _visible(text)
    found = []
    for prefix in OFFICE_PREFIXES:
        start = 0
        while (at := text.find(prefix, start)) >= 0:
            rest = text[at + len(prefix):].lstrip()
            province = next((p for p in _provinces() if rest.startswith(p)), None)
            if province:
                area = AREA.match(rest[len(province):])
                found.append(prefix + province + (f" เขต {area.group(1)}" if area else ""))
            elif (area := AREA.match(rest)) is not None:  # the old names: สพม. เขต 25, before provinces
                found.append(f"{prefix} เขต {area.group(1)}")
            start = at + len(prefix)
    return found


def _key(name: str) -> str:
    return arabic_digits(re.sub(r"\s+", "", _visible(name)))


def foreign_names(s: Subject) -> Iterator[Problem]:
    o = s.loaded.office
    own = {_key(o.name), _key(o.short_name), *map(_key, o.former_names)}
    # The office named without its area number ("สพป.น่าน" for สพป.น่าน เขต 1) is still itself.
    own |= {AREA.sub("", name) for name in own}
    for t in s.printed:
        for name in office_names_in(t.text):
            if t.kind in ("shared", "framework"):
                yield t.problem(f"ข้อความกลางระบุชื่อหน่วยงาน '{name}' ไว้ตรง ๆ ให้ใช้ {{office.name}} แทน")
            elif _key(name) not in own:
                yield t.problem(f"มีชื่อหน่วยงานอื่น '{name}' ในข้อความของ {o.short_name} "
                                "(คัดลอกมาจากหน่วยงานอื่นหรือไม่? ถ้าเป็นชื่อเดิมของหน่วยงานนี้ "
                                "ให้เพิ่มไว้ใน former_names ของ office.yaml)")


# ASCII and bounded repeats: with Unicode \w a long Thai run was a candidate e-mail at every
# position, scanned to its end each time (a 30,000-letter text took 26 s).
CONTACT = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
                     r"|(?:https?://)?[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}(?:/\S*)?"
                     r"|\+?[0-9](?:[0-9]|[ ./()-](?=[0-9( ])){7,40}[0-9]", re.I | re.ASCII)


def foreign_facts(s: Subject) -> Iterator[Problem]:
    """Another office's telephone, e-mail or website left in a copied text."""
    from ..load import fact_key
    if not s.loaded.others:
        return
    for t in s.texts:
        if t.kind in ("shared", "framework"):
            continue
        flat = unicodedata.normalize("NFKC", arabic_digits(t.text))  # full-width ＠ and digits too
        for m in CONTACT.finditer(flat):
            owner = s.loaded.others.get(fact_key(m.group(0)))
            if owner:
                yield t.problem(f"มีข้อมูลติดต่อของ{owner} '{m.group(0).strip()}' ในข้อความของ "
                                f"{s.loaded.office.short_name} (คัดลอกมาจากหน่วยงานอื่นหรือไม่?) "
                                "ให้ใช้ {office.phone} {office.email} {office.website} แทน")
