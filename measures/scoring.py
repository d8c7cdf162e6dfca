"""The scoring method a framework names, as pure functions of the framework and the scores.

`mean-weighted`: a tool's score is the mean of its indicators, the total the sum of the tools'
weighted scores, the rating the level the total falls in. `capped`: the same, and the rating
is lowered (by `cap.lower_by` levels, or to `cap.to` at most) when any tool's score is below
`cap.below`, even when the total passes. Decimal throughout; `r2` rounds only for display and
for comparing with printed figures.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .schema import Framework, Level

TWO = Decimal("0.01")


def r2(value: Decimal) -> Decimal:
    """Round half up to two places, as the assessor prints."""
    return value.quantize(TWO, rounding=ROUND_HALF_UP)


def mean(values: list[Decimal]) -> Decimal:
    return sum(values, Decimal(0)) / len(values)


def level_of(score: Decimal, levels: list[Level]) -> Level:
    """The band a score falls in. Bands are compared on the printed (rounded) score,
    so 94.995 is shown as 95.00 and is Excellence, never 'Very Good with 95.00'."""
    shown = r2(score)
    for level in levels:  # ordered from the highest band down (the schema checks it)
        if shown >= level.min:
            return level
    return levels[-1]


@dataclass(frozen=True)
class Rating:
    total: Decimal                 # unrounded
    level: Level                   # the rating, after any cap
    uncapped: Level                # the level the total alone falls in
    passed: bool
    capped_by: tuple[str, ...]     # codes of the tools that lowered the rating
    below_threshold: tuple[str, ...]  # codes of the tools below their own minimum (threshold)


def tool_averages(framework: Framework, scores: dict[str, Decimal]) -> dict[str, Decimal]:
    """Each tool's score: the mean of its indicators' scores, in the framework's order."""
    return {t.code: mean([scores[i.number] for i in framework.indicators if i.tool == t.code])
            for t in framework.tools}


def total(framework: Framework, averages: dict[str, Decimal]) -> Decimal:
    """The sum of the unrounded weighted tool scores (rounded once, when shown)."""
    return sum((averages[t.code] * t.weight / 100 for t in framework.tools), Decimal(0))


def rate(framework: Framework, averages: dict[str, Decimal]) -> Rating:
    """The total, the rating and the verdict under the framework's method."""
    value = total(framework, averages)
    levels = framework.levels
    uncapped = level_of(value, levels)
    level, capped_by = uncapped, tuple[str, ...]()
    if framework.method == "capped" and framework.cap is not None:
        cap = framework.cap
        capped_by = tuple(t.code for t in framework.tools if r2(averages[t.code]) < cap.below)
        if capped_by:
            here = levels.index(uncapped)
            if cap.lower_by is not None:
                level = levels[min(here + cap.lower_by, len(levels) - 1)]
            else:
                ceiling = next(i for i, lv in enumerate(levels) if lv.code == cap.to)
                level = levels[max(here, ceiling)]
    below = tuple(t.code for t in framework.tools
                  if t.threshold is not None and r2(averages[t.code]) < t.threshold)
    # The pass mark is some level's minimum (the schema checks it): a rating capped below it fails.
    passed = r2(value) >= framework.pass_mark and level.min >= framework.pass_mark and not below
    return Rating(value, level, uncapped, passed, capped_by, below)


def score(framework: Framework, scores: dict[str, Decimal]) -> Rating:
    """The rating of a complete set of indicator scores (every indicator of the framework)."""
    return rate(framework, tool_averages(framework, scores))
