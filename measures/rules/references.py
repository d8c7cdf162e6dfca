"""Rules on references: every `{…}` in a text names office data that exists and is filled in;
anything that looks like a reference but is not one is an error with the nearest valid name."""
from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..problems import Problem
from ..refs import REF, TEMPLATE, malformed, names_in
from . import Subject


def references(s: Subject) -> Iterator[Problem]:
    ns = s.namespace
    for t in s.texts:
        for name in names_in(t.text):
            if name not in ns:
                near = difflib.get_close_matches(name, ns, n=1, cutoff=0.6)
                hint = f" หมายถึง {{{near[0]}}} หรือไม่?" if near else " (ดูรายการที่ใช้ได้ใน content/README.md)"
                yield t.problem(f"อ้างถึง {{{name}}} ซึ่งไม่มีในข้อมูลหน่วยงาน{hint}")
            elif not ns[name]:
                yield t.problem(f"อ้างถึง {{{name}}} แต่ในข้อมูลหน่วยงาน (office.yaml) ยังว่างอยู่")
        for bad in malformed(t.text):
            guess = bad.strip("{} ").lower().replace("-", "_").replace(" ", "")
            near = difflib.get_close_matches(guess, ns, n=1, cutoff=0.6)
            hint = f" หมายถึง {{{near[0]}}} หรือไม่?" if near else ""
            if REF.fullmatch(bad):  # {office.name}} or {{office.name}: right name, a brace too many
                yield t.problem(f"มีวงเล็บปีกกาเกินติดกับ '{bad}' ให้เหลือวงเล็บละอันเดียว เช่น {bad}")
                continue
            if bad.endswith("}"):
                why = "ไม่ใช่การอ้างอิงที่ถูกต้อง (การอ้างอิงเขียนด้วยตัวเล็ก ไม่มีเว้นวรรค เช่น {office.name})"
            else:
                why = "เปิดวงเล็บปีกกาไว้แต่ไม่ได้ปิด"
            yield t.problem(f"'{bad}' {why}{hint}")


def in_facts(s: Subject) -> Iterator[Problem]:
    """A field printed as typed (a unit's name, an address) does not replace references: one
    written there would be printed as it is."""
    for t in s.facts:
        for name in names_in(t.text):
            if name in s.namespace:
                yield t.problem(f"ช่องนี้เป็นข้อมูลที่พิมพ์ตามที่เขียน ไม่แทนค่า {{{name}}} ให้พิมพ์ข้อมูลจริงแทน")


def template_syntax(s: Subject) -> Iterator[Problem]:
    """{{ … }}, {% … %} and full-width braces are never evaluated: in a text they would be
    printed as they are, which nobody means."""
    for t in s.texts:
        m = TEMPLATE.search(t.text)
        if m:
            yield t.problem(f"'{m.group(0)[:40]}' จะถูกพิมพ์ตามที่เขียน การอ้างอิงใช้วงเล็บปีกกาเดี่ยวแบบตัวอักษรอังกฤษ "
                            "เช่น {office.name}")
