"""The progress report's figures: each planned activity's status at a round's end, and the sums.

A round is the six months from 1 October to 31 March (the mid-year report) or the whole
fiscal year. The year's plan is the denominator: every activity of the file is in every
round's report, with its status as it stood at the round's end. One that starts after the
round was not yet due then; one completed after the round was still under way.

Money is as recorded in the file, which has no dates for it; a budget or spending may be
unknown or not applicable (None, printed "-"), which is not 0. Sums add the known amounts
only: an unknown counts as nothing, and a sum is unknown only when every amount in it is.
A not-yet-due activity's budget counts (it is planned), its spending does not (nothing can
have been spent before it began). All arithmetic is Decimal; percentages are rounded once.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the schema imports the vocabulary below: no import of it at run time
    from .numbering import Line
    from .schema.progress import Activity, Part

RoundKind = Literal["6m", "12m"]

# The status vocabulary, in the order the report shows it; the words are the report's and an
# officer may write them in progress.yaml instead of the keys.
STATUSES = ("not_due", "not_started", "in_progress", "done")
STATUS_TEXT = {"not_due": "ยังไม่ถึงกำหนด", "not_started": "ยังไม่ดำเนินการ",
               "in_progress": "อยู่ระหว่างดำเนินการ", "done": "ดำเนินการแล้วเสร็จ"}


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


def status_at(a: Activity | Part, r: Round) -> str:
    """The status as it stood at the end of the round."""
    if a.start is not None and a.start.gregorian() > r.end:
        return "not_due"
    if a.status == "not_due":
        return "not_started"  # written before it was due; at this round's end it was due
    if a.status == "done" and a.end is not None and a.end.gregorian() > r.end:
        return "in_progress"
    return a.status


def add(amounts: Iterable[Decimal | None]) -> Decimal | None:
    """The known amounts added; None when none is known."""
    known = [x for x in amounts if x is not None]
    return sum(known, Decimal(0)) if known else None


@dataclass(frozen=True)
class Tally:
    """Counts and money of a set of activities."""
    count: int
    by_status: dict[str, int]
    budget: Decimal | None
    spent: Decimal | None

    @property
    def done_share(self) -> Decimal | None:
        """Percent completed; None when there is nothing to count."""
        from .analyse import r2
        return r2(Decimal(self.by_status["done"]) * 100 / self.count) if self.count else None

    @property
    def spent_share(self) -> Decimal | None:
        """Percent of the budget spent; None without a known budget and spending (not 0, not 100)."""
        from .analyse import r2
        if not self.budget or self.spent is None:
            return None
        return r2(self.spent * 100 / self.budget)


def spent_at(a: Activity, status: str) -> Decimal | None:
    """Spending as it counts in the round: none before the activity was due."""
    return None if status == "not_due" else a.spent


def tally(rows: list[tuple[Activity, str]]) -> Tally:
    """(activity, its status in the round) pairs, added up; an empty set adds up to 0."""
    by_status = {s: sum(1 for _, st in rows if st == s) for s in STATUSES}
    if not rows:
        return Tally(0, by_status, Decimal(0), Decimal(0))
    return Tally(len(rows), by_status, add(a.budget for a, _ in rows), add(spent_at(a, st) for a, st in rows))


def combine(tallies: list[Tally]) -> Tally:
    """The tally of several groups together."""
    counted = [t for t in tallies if t.count]
    by_status = {s: sum(t.by_status[s] for t in tallies) for s in STATUSES}
    if not counted:
        return Tally(0, by_status, Decimal(0), Decimal(0))
    return Tally(sum(t.count for t in counted), by_status, add(t.budget for t in counted),
                 add(t.spent for t in counted))


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
