"""Phase 5, context: the resolved publication and its analysis, formatted for reading.

Every figure is formatted here from the analysis (two places, half up) and every sentence
that depends on the result comes from wording.py; the template only places them. Lists in
the prose are built from the same numbers as the tables, so the two cannot disagree.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from . import wording
from .analyse import level_of, r2
from .document import phrases as P
from .document.fill import fill
from .numbering import Line
from .progress import Round
from .resolve import Resolved
from .schema import Framework
from .schema.publication import Block
from .wording import fmt, weight


@dataclass(frozen=True)
class Blocks:
    """An office's own section body (paragraphs, lists, tables): render makes it a sub-document."""
    items: list[Block]


def signed(value: Decimal) -> str:
    return f"{r2(value):+.2f}"


def span(ids: Iterable[str], order: list[str]) -> str:
    """A tool's indicators: "1–5" when more than two follow one another in the framework, else listed."""
    ids = list(ids)
    at = [order.index(i) for i in ids]
    if len(ids) > 2 and at == list(range(at[0], at[0] + len(ids))):
        return f"{ids[0]}–{ids[-1]}"
    return ", ".join(ids)


def scoring(fw: Framework) -> dict[str, list[str] | list[list[str]]]:
    """The scoring-method table: a column per tool, its cells the framework's words."""
    tools = [{"code": t.code, "weight": weight(t.weight)} for t in fw.tools]
    corner, per_tool = P.SCORING_HEAD
    cells = [[t.scoring.question for t in fw.tools], [t.scoring.subindicator for t in fw.tools],
             [t.scoring.indicator for t in fw.tools], [t.scoring.tool for t in fw.tools],
             [fill(P.SCORING_WEIGHT, {"t": t}) for t in tools]]
    label, rule = P.SCORING_TOTAL
    cap = fw.cap
    if fw.method == "capped" and cap is not None:
        text = P.SCORING_CAP_LOWER if cap.lower_by is not None else P.SCORING_CAP_TO
        rule += fill(text, {"below": wording.fmt(cap.below), "n": cap.lower_by, "to": cap.to})
    return {"head": [corner] + [fill(per_tool, {"t": t}) for t in tools],
            "rows": [[row_label, *row] for row_label, row in zip(P.SCORING_ROWS, cells)],
            "total": [label, rule]}


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
    order = [i.number for i in fw.indicators]

    # The indicator table: each indicator, then its sub-indicators when the results give them.
    indicators = []
    for i in a.indicators:
        indicators.append({"number": i.number, "name": i.name, "score": fmt(i.score),
                           "level": f"{i.level.code} ({i.level.name})", "verdict": "ผ่าน" if i.passed else "ไม่ผ่าน"})
        indicators += [{"number": s.number, "name": s.name, "score": fmt(s.score),
                        "level": f"{s.level.code} ({s.level.name})", "verdict": "–"}
                       for s in a.subindicators if s.indicator == i.number]
    ranked = a.ranked

    # A strength of blank paragraphs is nothing written (rules/notes.py says the same).
    tool_notes = [{"code": t.code, "name": t.name, "name_en": t.name_en, "indicator_range": span(t.indicators, order),
                   "summary": wording.tool_summary(a, t),
                   "notes": [p for p in notes.strengths.get(t.code, []) if p.strip()]}
                  for t in a.tools]

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
        item = a.item(r.indicator)
        parent = next((i for i in fw.indicators if any(s.number == r.indicator for s in i.subindicators)), None)
        if parent is not None:
            sub = next(s for s in parent.subindicators if s.number == r.indicator)
            label = f"ตัวชี้วัดที่ {parent.number} {parent.name} ตัวชี้วัดย่อยที่ {r.indicator} {sub.name}"
        else:
            ind = next(i for i in fw.indicators if i.number == r.indicator)
            label = f"ตัวชี้วัดที่ {r.indicator} {ind.name}"
        if item is not None and "." in r.indicator:
            label += f" (คะแนน {fmt(item.score)})"
        improvements.append({"label": label, "issue": list(r.issue), "improve": list(r.improve)})

    measures = [{"number": m.number, "title": m.title, "lines": _lines(m.lines), "followup": m.followup,
                 "responsible": m.responsible} for m in model.measures]
    actions = [{"number": line.number, "text": line.text} for line in model.actions if line.depth == 1]
    practice = [{"measure": p.measure, "steps": list(p.steps), "responsible": model.unit_names(p.responsible),
                 "timing": p.timing, "monitoring": p.monitoring} for p in notes.practice]
    background = pub.background if pub.background is not None else (
        office.background if office.background is not None else fw.background)

    def sections(place: str) -> list[dict[str, object]]:
        return [{"heading": s.heading, "body": Blocks(list(s.blocks))} for s in pub.sections if s.place == place]

    return {
        "office": {"name": office.name, "short_name": office.short_name, "parents": office.parents},
        "year": pub.year,
        "assessed": a.year,
        "motto": list(pub.motto),
        "preface_custom": list(pub.preface),
        "date_text": pub.date.long() if pub.date else "",
        "signatories": [{"name": s.name, "position": s.position, "caption": s.caption} for s in pub.signatories],
        "framework": {"title": fw.title, "pass_mark": fmt(fw.pass_mark), "tools": tools_fw,
                      "indicators": [{"number": i.number, "name": i.name} for i in fw.indicators],
                      "levels": level_rows},
        "indicator_list": " ".join(f"{i.number}) {i.name}" for i in fw.indicators),
        "scoring": scoring(fw),
        "background": list(background),
        "national": national,
        "result": {"total": fmt(a.total), "level_code": a.level.code, "level_name": a.level.name,
                   "verdict": wording.verdict(a)},
        "top": {"number": ranked[0].number, "name": ranked[0].name, "score": fmt(ranked[0].score)},
        "bottom": {"number": ranked[-1].number, "name": ranked[-1].name, "score": fmt(ranked[-1].score)},
        "history": history,
        "weights_total": weight(sum((t.weight for t in a.tools), Decimal(0))),
        "tools": [{"code": t.code, "name": t.name, "indicator_range": span(t.indicators, order),
                   "average": fmt(t.average), "weight": weight(t.weight), "weighted": fmt(t.weighted)}
                  for t in a.tools],
        "indicators": indicators,
        "has_subindicators": bool(a.subindicators),
        "strengths_text": wording.strengths(a),
        "tool_notes": tool_notes,
        "weakness_text": wording.weaknesses(a),
        "threshold_texts": wording.thresholds(a) + wording.capped(a),
        "priorities_text": wording.priorities(a, notes.focus),
        "target_text": wording.target(a, notes.target, office.name, a.year + 1),
        "weakness_notes": [w.text for w in notes.weaknesses],
        "improvements_intro": notes.improvements_intro,
        "improvements": improvements,
        "practice_intro": notes.practice_intro,
        "practice": practice,
        "practice_timing": any(p.timing for p in notes.practice),
        "practice_outro": notes.practice_outro,
        "actions_intro": notes.actions_intro or wording.actions_intro(a, office.name),
        "actions": actions,
        "actions_next": len(actions) + 1,
        "measures_step": wording.measures_step(a, len(model.measures)),
        "measures": measures,
        "measure_list": " ".join(f"{m.number}) {m.title}" for m in model.measures),
        "sections_after_analysis": sections("after_analysis"),
        "sections_after_measures": sections("after_measures"),
        "sec": sec,
    }


# --------------------------------------------------------------------------- the progress report

def report_context(model: Resolved, r: Round) -> dict[str, object]:
    """The progress report of one round: its table (columns; groups of rows, each with its sums),
    the sums in all and what they say, the problems and suggestions gathered."""
    from .document import phrases as P
    from .report_table import SUMS, columns, sums, table
    from .wording import progress_summary, round_title
    assert model.progress is not None
    office, pub, progress = model.office, model.publication, model.progress
    t = table(model, r)
    by_measure = [] if progress.plan else [(m.number, m.title, tally) for m, tally in zip(model.measures, t.tallies)]
    cols = columns(progress.columns, r)
    signatories = progress.signatories if progress.signatories is not None else pub.signatories
    return {
        "office": {"name": office.name, "short_name": office.short_name, "parents": office.parents},
        "year": progress.year,
        "round": {"kind": r.kind, "title": round_title(r)},
        "measures": [{"number": m.number, "title": m.title} for m in model.measures],
        "columns": cols,
        "evidence_in_result": "evidence" not in [c["key"] for c in cols],
        "by_plan": bool(progress.plan),
        "groups": t.groups,
        "group_head": P.REPORT_GROUP_PLAN if progress.plan else P.REPORT_GROUP_MEASURES,
        "sum_keys": list(SUMS),
        "total": sums(t.total),
        "summary_texts": progress_summary(r, t.total, by_measure, office.name),
        "problems": t.problems,
        "suggestions": t.suggestions,
        "date_text": progress.date.long() if progress.date else "",
        "signatories": [{"name": s.name, "position": s.position, "caption": getattr(s, "caption", "")}
                        for s in signatories],
    }
