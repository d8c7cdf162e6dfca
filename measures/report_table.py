"""The progress report's activity table as data: its columns, and its groups of rows with sums.

The document model (document/report.py) only places what is here: every cell is a display
string, or a list of strings (a paragraph each), already formatted. Rows are grouped by the
seven measures, or by the office's own plan (strategy → project) when progress.yaml has one;
activities are numbered through the table (1, 2 …, and a sub-activity 2.1, 2.2 under its
activity, which shares its activity's budget).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .document import phrases as P
from .document.fill import fill
from .numbering import Line
from .progress import STATUS_TEXT, STATUSES, Round, Tally, combine, find_step, spent_at, status_at, tally
from .resolve import Resolved
from .schema.progress import DEFAULT_COLUMNS, Activity, Part
from .wording import fmt

UNKNOWN = "-"
ALIGN = {"no": "center", "budget": "right", "spent": "right", "status": "center", "ticks": "center"}
NUMBER = {"no", "budget", "spent", "ticks"}
BULLETS = {"problems", "suggestions", "notes", "responsible", "people"}
# Each column's share of the table's width, before scaling to the columns chosen.
WEIGHT = {"no": 1.0, "activity": 5.0, "objective": 3.4, "target": 3.2, "period": 2.4, "steps": 4.4,
          "budget": 2.8, "spent": 2.8, "status": 2.6, "ticks": 1.6, "result": 5.6, "summary": 4.4,
          "problems": 3.2, "suggestions": 3.2, "notes": 3.2, "responsible": 3.4, "people": 2.6, "evidence": 3.6}


def say(text: str, **values: object) -> str:
    """A phrase of phrases.py filled in, as plain text (the writers escape what they print)."""
    return fill(text, values)


def money(value: Decimal | None) -> str:
    return UNKNOWN if value is None else f"{value:,.2f}"


def share(value: Decimal | None) -> str:
    return "–" if value is None else fmt(value)


def columns(keys: list[str] | None, r: Round) -> list[dict[str, object]]:
    """The chosen columns (today's when none are chosen), `ticks` spread into a column per status
    the round can hold (at the year's end no activity of the year's plan is still to come, so the
    twelve-month report has no "not yet due" column); `width`: the column's share of the table's width."""
    statuses = STATUSES if r.kind == "6m" else tuple(s for s in STATUSES if s != "not_due")
    out: list[dict[str, object]] = []
    for key in keys or DEFAULT_COLUMNS:
        if key == "ticks":
            out += [{"key": f"tick_{s}", "header": h, "align": "center", "number": True, "bullets": False,
                     "width": WEIGHT[key]} for s, h in zip(STATUSES, P.REPORT_STATUS) if s in statuses]
        else:
            out.append({"key": key, "header": P.REPORT_COLUMNS[key], "align": ALIGN.get(key, "left"),
                        "number": key in NUMBER, "bullets": key in BULLETS, "width": WEIGHT[key]})
    whole = sum(WEIGHT["ticks"] if str(c["key"]).startswith("tick_") else WEIGHT[str(c["key"])] for c in out)
    for c in out:
        c["width"] = round(float(c["width"]) / whole, 4)  # type: ignore[arg-type]
    return out


def sums(t: Tally) -> dict[str, str]:
    out = {"count": str(t.count), **{s: str(t.by_status[s]) for s in STATUSES}}
    out.update(done_share=share(t.done_share), budget=money(t.budget), spent=money(t.spent),
               spent_share=share(t.spent_share))
    return out


SUMS = ("count", *STATUSES, "done_share", "budget", "spent", "spent_share")


@dataclass
class Table:
    """What report_context needs beyond the columns: rows by group, and the notes gathered."""
    groups: list[dict[str, object]]
    tallies: list[Tally]          # per group, the same order
    total: Tally
    problems: list[dict[str, str]]
    suggestions: list[dict[str, str]]


class _Rows:
    """Rows numbered through the table, with the problems and suggestions gathered on the way."""

    def __init__(self, model: Resolved, r: Round, keys: list[str]):
        self.model, self.r, self.keys, self.n = model, r, keys, 0
        self.problems: list[dict[str, str]] = []
        self.suggestions: list[dict[str, str]] = []

    def activity(self, a: Activity, lines: list[Line], source: str, number: int | None) -> list[dict[str, object]]:
        """The activity's row and its parts'; `number`: the measure's, for the notes' source."""
        self.n += 1
        status = status_at(a, self.r)
        steps = find_step(a.step, lines) if a.step else []
        row = self._row(a, str(self.n), status)
        if len(steps) == 1:
            row["activity"].insert(1, say(P.REPORT_STEP, step=steps[0]))  # type: ignore[attr-defined]
        row.update(budget=money(a.budget), spent=money(spent_at(a, status)),
                   over_budget="" if status == "not_due" else a.over_budget_reason)
        parts = [(p, status_at(p, self.r)) for p in a.parts]
        # Problems met: none yet in an activity (or a part) not yet due at the round's end.
        begun = ([(a, status)] if status != "not_due" else []) + [(p, st) for p, st in parts if st != "not_due"]
        where = say(source, number=self.n if number is None else number, title=a.title)
        self.problems += [{"text": t, "source": where} for x, _ in begun for t in x.problems]
        self.suggestions += [{"text": t, "source": where} for x, _ in begun for t in x.suggestions]
        return [row, *(self._row(p, f"{self.n}.{k}", st) for k, (p, st) in enumerate(parts, 1))]

    def _row(self, a: Activity | Part, number: str, status: str) -> dict[str, object]:
        when = " – ".join(d.long() for d in (a.start, a.end) if d is not None)
        period = a.period or when
        units = self.model.unit_names(a.responsible)
        row: dict[str, object] = {
            "no": number, "level": 2 if "." in number else 1,
            "activity": [a.title] + ([] if "period" in self.keys or not period else [period]),
            "objective": a.objective, "target": a.target, "period": period, "steps": list(a.steps),
            "budget": "", "spent": "", "over_budget": "",
            "status": STATUS_TEXT[status], **{f"tick_{s}": "√" if s == status else "" for s in STATUSES},
            "result": a.result, "summary": a.summary, "problems": list(a.problems),
            "suggestions": list(a.suggestions), "notes": [*a.problems, *a.suggestions],
            # The responsible units, and their people unless the table has a column of its own for them.
            "responsible": [*units, *([] if "people" in self.keys else a.people)], "people": list(a.people),
            "evidence": list(a.evidence)}
        for key in self.keys:  # a column that shows a field of the activity as written: no code of its own
            if key not in row and key != "ticks":
                value = getattr(a, key, "")
                row[key] = [str(x) for x in value] if isinstance(value, list) else str(value or "")
        if status == "not_due":  # nothing had happened yet at the round's end
            row.update(result="", summary="", problems=[], suggestions=[], notes=[], evidence=[])
        return row


def table(model: Resolved, r: Round) -> Table:
    """The groups of the round's table: every planned activity, as it stood at the round's end."""
    progress = model.progress
    assert progress is not None
    rows = _Rows(model, r, list(progress.columns or DEFAULT_COLUMNS))
    groups: list[dict[str, object]] = []
    tallies: list[Tally] = []

    def group(title: str, label: str, level: int, acts: list[Activity], lines: dict[str, list[Line]],
              source: str, number: int | None = None, **extra: object) -> Tally:
        got = [row for a in acts for row in rows.activity(a, lines.get(a.measure or "", []), source, number)]
        t = tally([(a, status_at(a, r)) for a in acts])
        groups.append({"title": title, "label": label, "level": level, "rows": got, "sums": sums(t),
                       **({} if number is None else {"number": number}), **extra})
        tallies.append(t)
        return t

    if not progress.plan:
        lines = {m.id: m.lines for m in model.measures}
        for m in model.measures:
            group(say(P.MEASURE, m=m), say(P.MEASURE_ROW, m=m), 1,
                  [a for a in progress.activities if a.measure == m.id], lines, P.REPORT_SOURCE_MEASURE,
                  number=m.number, id=m.id)
        total = combine(tallies)
    else:
        strategy_tallies = []
        for st in progress.plan:
            head = len(groups)
            groups.append({"title": st.title, "label": st.title, "level": 1, "rows": [], "sums": {}})
            tallies.append(Tally(0, {}, None, None))
            got = [group(p.title, p.title, 2, [a for a in progress.activities if a.project == p.key], {},
                         P.REPORT_SOURCE_PLAN) for p in st.projects]
            t = combine(got)
            groups[head]["sums"], tallies[head] = sums(t), t
            strategy_tallies.append(t)
        total = combine(strategy_tallies)
    return Table(groups, tallies, total, rows.problems, rows.suggestions)


