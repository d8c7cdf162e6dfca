"""Phase 5, context: the resolved publication and its analysis, formatted for reading.

Every figure is formatted here from the analysis (two places, half up); the
template only places them. Lists in the prose (which indicators passed, at which
level) are built from the same numbers as the tables, so the two cannot disagree.
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from .analyse import IndicatorResult, level_of, r2
from .numbering import Line
from .resolve import Resolved
from .thai import join_thai

TOC_MARKER = "@@TOC@@"  # the contents field's placeholder; the finisher fills the entries


def fmt(value: Decimal) -> str:
    return f"{r2(value):.2f}"


def signed(value: Decimal) -> str:
    return f"{r2(value):+.2f}"


def weight(value: Decimal) -> str:
    return f"{value.normalize():f}"


def span(numbers: Iterable[int]) -> str:
    numbers = list(numbers)
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(map(str, numbers))


def ind_text(i: IndicatorResult, with_score: bool = True) -> str:
    return f"ตัวชี้วัดที่ {i.number} {i.name}" + (f" คะแนน {fmt(i.score)}" if with_score else "")


def _style(line: Line) -> str:
    if not line.number:
        return "Item Plain"
    return f"Item {min(line.depth, 4)}"


def _lines(lines: list[Line]) -> list[dict[str, str]]:
    return [{"style": _style(line), "number": line.number, "text": line.text} for line in lines]


def context(model: Resolved) -> dict[str, object]:
    """Everything the templates place; every figure already formatted."""
    office, pub, fw, a = model.office, model.publication, model.framework, model.analysis
    notes = pub.analysis
    levels = fw.levels
    level_rows = []
    for n, lv in enumerate(levels):
        top = "100" if n == 0 else fmt(levels[n - 1].min - Decimal("0.01"))
        level_rows.append({"code": lv.code, "name": lv.name, "range": f"{fmt(lv.min)} – {top}",
                           "verdict": "ผ่าน" if lv.min >= fw.pass_mark else "ไม่ผ่าน"})
    tools_fw = [{"code": t.code, "name": t.name, "name_en": t.name_en, "weight": weight(t.weight),
                 "purpose": t.purpose,
                 "indicator_names": " ".join(i.name for i in fw.indicators if i.tool == t.code)}
                for t in fw.tools]

    indicators = [{"number": i.number, "name": i.name, "score": fmt(i.score), "level_code": i.level.code,
                   "level_name": i.level.name, "verdict": "ผ่าน" if i.passed else "ไม่ผ่าน"}
                  for i in a.indicators]
    ranked = a.ranked
    passed_levels = [{"name": lv.name, "count": len([i for i in members if i.passed]),
                      "list": join_thai([ind_text(i) for i in members if i.passed])}
                     for lv, members in a.by_level() if any(i.passed for i in members)]

    tool_notes = []
    for t in a.tools:
        members = [a.indicator(n) for n in t.indicators]
        parts = []
        for lv, group in a.by_level():
            names = [i.name for i in group if i.tool == t.code]
            if names:
                parts.append(f"{join_thai(names)} อยู่ในระดับ {lv.name}")
        failed = [i for i in members if not i.passed]
        verdict = ("ผ่านเกณฑ์ทุกตัวชี้วัด" if not failed else
                   f"ไม่ผ่านเกณฑ์ {len(failed)} ตัวชี้วัด")
        summary = (f"ได้คะแนนเฉลี่ย {fmt(t.average)} คิดเป็น {fmt(t.weighted)} คะแนน จาก {weight(t.weight)} คะแนน "
                   f"{verdict} โดย" + " ".join(parts))
        tool_notes.append({"code": t.code, "name": t.name, "name_en": t.name_en,
                           "indicator_range": span(t.indicators), "summary": summary,
                           "notes": list(notes.strengths.get(t.code, []))})

    weakest = a.weakest
    national = None
    if a.national is not None:
        nl = level_of(a.national.average, levels)
        national = {"average": fmt(a.national.average), "rank": a.national.rank, "of": a.national.of,
                    "level_code": nl.code, "level_name": nl.name}
    history = [{"year": h.year, "total": fmt(h.total), "direction": h.direction or "",
                "delta": "" if h.delta is None else signed(h.delta)} for h in a.history]

    # Section numbers of part 2 follow what is present (no national figures, no 1.1).
    sec, n = {}, 0
    for key, present in (("national", national is not None), ("total", True), ("history", len(history) > 1),
                         ("tools", True), ("indicators", True), ("strengths", True), ("weaknesses", True)):
        if present:
            n += 1
            sec[key] = f"1.{n}"

    improvements = []
    for r in notes.improvements:
        parent = next((i for i in fw.indicators if any(s.number == r.indicator for s in i.subindicators)), None)
        if parent is not None:
            sub = next(s for s in parent.subindicators if s.number == r.indicator)
            label = f"ตัวชี้วัดที่ {parent.number} {parent.name} ตัวชี้วัดย่อยที่ {r.indicator} {sub.name}"
        else:
            ind = next(i for i in fw.indicators if str(i.number) == r.indicator)
            label = f"ตัวชี้วัดที่ {r.indicator} {ind.name}"
        improvements.append({"label": label, "issue": list(r.issue), "improve": list(r.improve)})

    measures = [{"number": m.number, "title": m.title, "lines": _lines(m.lines), "followup": m.followup,
                 "responsible": m.responsible} for m in model.measures]
    actions = [{"number": line.number, "text": line.text} for line in model.actions if line.depth == 1]

    return {
        "office": {"name": office.name, "short_name": office.short_name, "parents": office.parents},
        "year": pub.year,
        "assessed": a.year,
        "motto": list(pub.motto),
        "preface_custom": list(pub.preface),
        "date_text": pub.date.long() if pub.date else "",
        "signatories": [{"name": s.name, "position": s.position} for s in pub.signatories],
        "framework": {"title": fw.title, "pass_mark": fmt(fw.pass_mark), "tools": tools_fw,
                      "indicators": [{"number": i.number, "name": i.name} for i in fw.indicators],
                      "levels": level_rows},
        "indicator_list": " ".join(f"{i.number}) {i.name}" for i in fw.indicators),
        "background": list(fw.background),
        "toc_marker": TOC_MARKER,
        "national": national,
        "result": {"total": fmt(a.total), "level_code": a.level.code, "level_name": a.level.name,
                   "verdict": "ผ่าน" if a.passed else "ไม่ผ่าน"},
        "top": {"number": ranked[0].number, "name": ranked[0].name, "score": fmt(ranked[0].score)},
        "bottom": {"number": ranked[-1].number, "name": ranked[-1].name, "score": fmt(ranked[-1].score)},
        "history": history,
        "weights_total": weight(sum((t.weight for t in a.tools), Decimal(0))),
        "tools": [{"code": t.code, "name": t.name, "indicator_range": span(t.indicators),
                   "average": fmt(t.average), "weight": weight(t.weight), "weighted": fmt(t.weighted)}
                  for t in a.tools],
        "indicators": indicators,
        "strengths": [i.number for i in a.strengths],
        "passed_levels": passed_levels,
        "ranked_list": join_thai([ind_text(i) for i in ranked]),
        "tool_notes": tool_notes,
        "weaknesses": [i.number for i in a.weaknesses],
        "weakness_list": join_thai([f"{ind_text(i)} ระดับ {i.level.name}" for i in a.weaknesses]),
        "urgent": ind_text(weakest[0]),
        "to_improve": join_thai([ind_text(i) for i in weakest[1:]]),
        "weakness_notes": list(notes.weaknesses),
        "improvements_intro": notes.improvements_intro,
        "improvements": improvements,
        "practice_intro": notes.practice_intro,
        "practice": [{"measure": p.measure, "steps": list(p.steps), "responsible": model.unit_names(p.responsible),
                      "monitoring": p.monitoring} for p in notes.practice],
        "practice_outro": notes.practice_outro,
        "actions_intro": notes.actions_intro,
        "actions": actions,
        "actions_next": len(actions) + 1,
        "measures": measures,
        "measure_list": " ".join(f"{m.number}) {m.title}" for m in model.measures),
        "sec": sec,
    }

