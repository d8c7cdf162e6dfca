"""Rules on the shape of what is written: a guideline nested deeper than its numbering has levels."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..numbering import LEVELS, too_deep
from ..problems import Problem
from ..schema import Item
from ..yamlfile import Loc, YamlDoc
from . import Subject


def _deep(doc: YamlDoc, loc: Loc, items: Iterable[Item], measure: str) -> Iterator[Problem]:
    for path, depth in too_deep(items):
        yield doc.problem(loc + path, f"ข้อนี้ของ{measure}ซ้อนอยู่ชั้นที่ {depth} แต่เลขข้อมีเพียง {LEVELS} ชั้น "
                                      "(1. / 1.1 / (1) / 1)) ให้ย้ายข้อนี้ขึ้นมาไม่เกินชั้นที่ "
                                      f"{LEVELS} หรือรวมเป็นข้อความเดียวกับข้อที่อยู่เหนือ")


def guideline_depth(s: Subject) -> Iterator[Problem]:
    """Every guideline where it is typed: the standard measures, an office's changes to them,
    its own measures."""
    for m in s.loaded.measures:
        yield from _deep(s.loaded.measure_docs[m.id], ("guideline",), m.guideline, f"มาตรการที่ {m.number} ")
    pub, doc = s.loaded.publication, s.loaded.docs["publication"]
    for key, o in pub.measures.items():
        for field in ("guideline", "add"):
            yield from _deep(doc, ("measures", key, field), getattr(o, field) or [], f"มาตรการ {key} ")
    for i, own in enumerate(pub.own_measures):
        yield from _deep(doc, ("own_measures", i, "guideline"), own.guideline, f"มาตรการ {own.id} ")
