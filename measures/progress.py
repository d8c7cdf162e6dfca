"""The progress report's figures: which activities fall in a round, and what they add up to.

A round is the six months from 1 October to 31 March (the mid-year report) or the whole
fiscal year. An activity counts in a round when it started in it, or was completed within
it. Its status is taken as it stood at the end of the round (completed after the round
means still under way then); money is as recorded in the file, which has no dates for it.
All arithmetic is Decimal; percentages are rounded once, half up, as the scores are.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from .analyse import r2
from .numbering import Line
from .schema import Activity, Progress

RoundKind = Literal["6m", "12m"]
STATUSES = ("not_started", "in_progress", "done")
STATUS_TEXT = {"not_started": "ยังไม่ดำเนินการ", "in_progress": "อยู่ระหว่างดำเนินการ", "done": "ดำเนินการแล้วเสร็จ"}


@dataclass(frozen=True)
class Round:
    kind: RoundKind
    year: int            # fiscal year, Buddhist era
    start: date          # Gregorian, for comparing with activity dates
    end: date

    @classmethod
    def of(cls, year: int, kind: RoundKind) -> Round:
        start = date(year - 544, 10, 1)
        end = date(year - 543, 3, 31) if kind == "6m" else date(year - 543, 9, 30)
        return cls(kind, year, start, end)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def status_at(a: Activity, r: Round) -> str:
    """The status as it stood at the end of the round."""
    if a.status == "done" and a.end is not None and a.end.gregorian() > r.end:
        return "in_progress"
    return a.status


def in_round(a: Activity, r: Round) -> bool:
    if r.kind == "12m":
        return True  # the whole year's file
    started = a.start is not None and r.contains(a.start.gregorian())
    finished = a.status == "done" and a.end is not None and r.contains(a.end.gregorian())
    return started or finished


@dataclass(frozen=True)
class Tally:
    """Counts and money of a set of activities."""
    count: int
    by_status: dict[str, int]
    budget: Decimal
    spent: Decimal

    @property
    def done_share(self) -> Decimal | None:
        """Percent completed; None when there is nothing to count."""
        return r2(Decimal(self.by_status["done"]) * 100 / self.count) if self.count else None

    @property
    def spent_share(self) -> Decimal | None:
        """Percent of the budget spent; None when there is no budget (not 0, not 100)."""
        return r2(self.spent * 100 / self.budget) if self.budget else None


def tally(rows: list[tuple[Activity, str]]) -> Tally:
    """(activity, its status in the round) pairs, added up."""
    by_status = {s: sum(1 for _, st in rows if st == s) for s in STATUSES}
    return Tally(len(rows), by_status, sum((a.budget for a, _ in rows), Decimal(0)),
                 sum((a.spent for a, _ in rows), Decimal(0)))


@dataclass(frozen=True)
class MeasureProgress:
    measure_id: str
    rows: list[tuple[Activity, str]]      # the round's activities with their status then
    tally: Tally


def by_measure(progress: Progress, measure_ids: list[str], r: Round) -> list[MeasureProgress]:
    """Every measure, in order, with its activities of the round: a measure with none is kept."""
    out = []
    for mid in measure_ids:
        rows = [(a, status_at(a, r)) for a in progress.activities if a.measure == mid and in_round(a, r)]
        out.append(MeasureProgress(mid, rows, tally(rows)))
    return out


def step_labels(lines: list[Line]) -> list[str]:
    """The full label of each numbered guideline line: 2, 2.1, 2.1(5), 2.1(5)1)."""
    out: list[str] = []
    stack: dict[int, str] = {}
    for line in lines:
        if not line.number:
            continue
        own = line.number.rstrip(".")
        parent = stack.get(line.depth - 1, "")
        label = own if line.depth <= 2 else parent + own
        stack[line.depth] = label
        out.append(label)
    return out


def find_step(step: str, lines: list[Line]) -> list[str]:
    """The labels a step written in an activity may mean: by its full label, else by the
    number as printed on its own line."""
    want = step.replace(" ", "").rstrip(".")
    labels = step_labels(lines)
    exact = [label for label in labels if label == want]
    if exact:
        return exact
    printed = [line.number.rstrip(".") for line in lines if line.number]
    return [label for label, number in zip(labels, printed) if number == want]
