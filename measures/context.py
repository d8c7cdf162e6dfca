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
from .numbering import Line
from .progress import Round
from .resolve import Resolved
from .schema.publication import Block
from .wording import fmt, weight

TOC_MARKER = "@@TOC@@"  # the contents field's placeholder; the finisher fills the entries


@dataclass(frozen=True)
class Blocks:
    """An office's own section body (paragraphs, lists, tables): render makes it a sub-document."""
    items: list[Block]


def signed(value: Decimal) -> str:
    return f"{r2(value):+.2f}"


def span(numbers: Iterable[int]) -> str:
    numbers = list(numbers)
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(map(str, numbers))


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

    # The indicator table: each indicator, then its sub-indicators when the results give them.
    indicators = []
    for i in a.indicators:
        indicators.append({"number": str(i.number), "name": i.name, "score": fmt(i.score),
                           "level": f"{i.level.code} ({i.level.name})", "verdict": "ผ่าน" if i.passed else "ไม่ผ่าน"})
        indicators += [{"number": s.number, "name": s.name, "score": fmt(s.score),
                        "level": f"{s.level.code} ({s.level.name})", "verdict": "–"}
                       for s in a.subindicators if s.indicator == i.number]
    ranked = a.ranked

    tool_notes = [{"code": t.code, "name": t.name, "name_en": t.name_en, "indicator_range": span(t.indicators),
                   "summary": wording.tool_summary(a, t), "notes": list(notes.strengths.get(t.code, []))}
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
            ind = next(i for i in fw.indicators if str(i.number) == r.indicator)
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
        "background": list(background),
        "toc_marker": TOC_MARKER,
        "national": national,
        "result": {"total": fmt(a.total), "level_code": a.level.code, "level_name": a.level.name,
                   "verdict": wording.verdict(a)},
        "top": {"number": ranked[0].number, "name": ranked[0].name, "score": fmt(ranked[0].score)},
        "bottom": {"number": ranked[-1].number, "name": ranked[-1].name, "score": fmt(ranked[-1].score)},
        "history": history,
        "weights_total": weight(sum((t.weight for t in a.tools), Decimal(0))),
        "tools": [{"code": t.code, "name": t.name, "indicator_range": span(t.indicators),
                   "average": fmt(t.average), "weight": weight(t.weight), "weighted": fmt(t.weighted)}
                  for t in a.tools],
        "indicators": indicators,
        "has_subindicators": bool(a.subindicators),
        "strengths_text": wording.strengths(a),
        "tool_notes": tool_notes,
        "weakness_text": wording.weaknesses(a),
        "threshold_texts": wording.thresholds(a),
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

def money(value: Decimal) -> str:
    return f"{value:,.2f}"


def share(value: Decimal | None) -> str:
    return "–" if value is None else fmt(value)


def report_context(model: Resolved, r: Round) -> dict[str, object]:
    """The progress report of one round: per measure its activities, then the sums."""
    from .progress import STATUS_TEXT, by_measure, find_step, tally
    from .wording import progress_summary, round_title
    assert model.progress is not None
    office, pub, progress = model.office, model.publication, model.progress
    per = by_measure(progress, [m.id for m in model.measures], r)
    overall = tally([row for mp in per for row in mp.rows])
    measures, problems, suggestions = [], [], []
    for m, mp in zip(model.measures, per):
        rows = []
        for n, (a, status) in enumerate(mp.rows, 1):
            steps = find_step(a.step, m.lines) if a.step else []
            when = " – ".join(d.long() for d in (a.start, a.end) if d is not None)
            rows.append({"n": n, "title": a.title, "when": when, "step": steps[0] if len(steps) == 1 else "",
                         "budget": money(a.budget), "spent": money(a.spent),
                         "ticks": {s: "√" if s == status else "" for s in STATUS_TEXT},
                         "status": STATUS_TEXT[status], "result": a.result, "evidence": list(a.evidence),
                         "over_budget": a.over_budget_reason, "responsible": model.unit_names(a.responsible)})
            problems += [{"measure": m.number, "activity": a.title, "text": t} for t in a.problems]
            suggestions += [{"measure": m.number, "activity": a.title, "text": t} for t in a.suggestions]
        t = mp.tally
        measures.append({"number": m.number, "title": m.title, "activities": rows,
                         "summary": {"count": t.count, "done": t.by_status["done"],
                                     "in_progress": t.by_status["in_progress"],
                                     "not_started": t.by_status["not_started"], "done_share": share(t.done_share),
                                     "budget": money(t.budget), "spent": money(t.spent),
                                     "spent_share": share(t.spent_share)}})
    signatories = progress.signatories if progress.signatories is not None else pub.signatories
    return {
        "office": {"name": office.name, "short_name": office.short_name, "parents": office.parents},
        "year": progress.year,
        "round": {"kind": r.kind, "title": round_title(r)},
        "toc_marker": TOC_MARKER,
        "measures": measures,
        "total": {"count": overall.count, "done": overall.by_status["done"],
                  "in_progress": overall.by_status["in_progress"], "not_started": overall.by_status["not_started"],
                  "done_share": share(overall.done_share), "budget": money(overall.budget),
                  "spent": money(overall.spent), "spent_share": share(overall.spent_share)},
        "summary_texts": progress_summary(r, overall, [(m.number, m.title, mp.tally)
                                                       for m, mp in zip(model.measures, per)], office.name),
        "problems": problems,
        "suggestions": suggestions,
        "date_text": progress.date.long() if progress.date else "",
        "signatories": [{"name": s.name, "position": s.position, "caption": getattr(s, "caption", "")}
                        for s in signatories],
    }
