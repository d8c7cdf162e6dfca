"""Rules on references: every `{…}` in a text names office data that exists and is filled in;
anything that looks like a reference but is not one is an error with the nearest valid name."""
from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..problems import Problem
from ..refs import malformed, names_in
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
            if bad.endswith("}"):
                why = "ไม่ใช่การอ้างอิงที่ถูกต้อง (การอ้างอิงเขียนด้วยตัวเล็ก ไม่มีเว้นวรรค เช่น {office.name})"
            else:
                why = "เปิดวงเล็บปีกกาไว้แต่ไม่ได้ปิด"
            yield t.problem(f"'{bad}' {why}{hint}")
