"""Phase 2, analyse: the analysis of one ITA result, pure functions of a framework and the scores.

All arithmetic is Decimal on unrounded values; rounding (half up, two places)
happens only in `r2`, for display and for comparing with printed figures. The
official total is the sum of the unrounded weighted scores, rounded once.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .schema import Framework, Indicator, Level, National, Results

TWO = Decimal("0.01")
UP, DOWN, SAME = "เพิ่มขึ้น", "ลดลง", "คงที่"


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
class IndicatorResult:
    number: int
    name: str
    tool: str
    score: Decimal
    level: Level
    passed: bool
    from_subscores: bool


@dataclass(frozen=True)
class SubResult:
    number: str              # "9.5"
    name: str
    indicator: int
    score: Decimal
    level: Level


@dataclass(frozen=True)
class Item:
    """One entry of the weakness ranking, at the finest level the results give: a
    sub-indicator when all of its indicator's sub-indicators are given, else the indicator."""
    number: str              # "7" or "9.5"
    name: str
    score: Decimal
    indicator: int

    @property
    def is_sub(self) -> bool:
        return "." in self.number

    @property
    def label(self) -> str:
        return f"{'ตัวชี้วัดย่อยที่' if self.is_sub else 'ตัวชี้วัดที่'} {self.number} {self.name}"


@dataclass(frozen=True)
class ToolResult:
    code: str
    name: str
    name_en: str
    weight: Decimal          # percent
    average: Decimal         # mean of its indicators, unrounded
    weighted: Decimal        # average x weight / 100, unrounded
    indicators: tuple[int, ...]
    threshold: Decimal | None = None   # the framework's minimum for this tool, if it sets one

    @property
    def below_threshold(self) -> bool:
        return self.threshold is not None and r2(self.average) < self.threshold


@dataclass(frozen=True)
class HistoryPoint:
    year: int
    total: Decimal
    delta: Decimal | None
    direction: str | None


@dataclass(frozen=True)
class Comparison:
    what: str
    stated: Decimal
    computed: Decimal

    @property
    def agrees(self) -> bool:
        return r2(self.stated) == r2(self.computed)

    @property
    def message(self) -> str:
        label = "คะแนนรวม" if self.what == "total" else f"คะแนนถ่วงน้ำหนักของ {self.what}"
        return f"{label} ที่ประกาศไว้ {r2(self.stated)} ไม่ตรงกับที่คำนวณได้ {r2(self.computed)}"


@dataclass(frozen=True)
class Analysis:
    framework: Framework
    year: int
    tools: tuple[ToolResult, ...]
    indicators: tuple[IndicatorResult, ...]
    total: Decimal
    level: Level
    passed: bool
    history: tuple[HistoryPoint, ...]
    comparisons: tuple[Comparison, ...]
    problems: tuple[str, ...]             # about the scores themselves
    national: National | None = None
    subindicators: tuple[SubResult, ...] = ()

    @property
    def failed(self) -> list[IndicatorResult]:
        """Indicators below the pass mark, in indicator order."""
        return [i for i in self.indicators if not i.passed]

    @property
    def tools_below_threshold(self) -> list[ToolResult]:
        return [t for t in self.tools if t.below_threshold]

    @property
    def items(self) -> list[Item]:
        """Indicators and sub-indicators at the finest level given, in framework order."""
        out = []
        for i in self.indicators:
            subs = [s for s in self.subindicators if s.indicator == i.number]
            if subs and len(subs) == len(self.framework.indicators[i.number - 1].subindicators):
                out += [Item(s.number, s.name, s.score, i.number) for s in subs]
            else:
                out.append(Item(str(i.number), i.name, i.score, i.number))
        return out

    def item(self, number: str) -> Item | None:
        """An indicator or sub-indicator by its number, whether or not it is at the finest level."""
        for i in self.indicators:
            if str(i.number) == number:
                return Item(number, i.name, i.score, i.number)
        return next((Item(s.number, s.name, s.score, s.indicator) for s in self.subindicators if s.number == number),
                    None)

    def weakest_items(self, focus: str | None = None) -> list[Item]:
        """What to fix urgently, then the next two to improve: the lowest scores at the finest
        level, or the office's own focus first. Items at full marks are never weak."""
        ranked = sorted((i for i in self.items if r2(i.score) < 100), key=lambda i: (i.score, _order(i.number)))
        chosen = self.item(focus) if focus else None
        if chosen is not None:
            ranked = [chosen] + [i for i in ranked if i.number != chosen.number and
                                 not i.number.startswith(chosen.number + ".")]
        return ranked[:3]

    @property
    def all_problems(self) -> list[str]:
        """Score problems, then every stated figure that disagrees."""
        return list(self.problems) + [c.message for c in self.comparisons if not c.agrees]

    # -- derived views used by the document and the JSON ---------------------
    @property
    def ranked(self) -> list[IndicatorResult]:
        """Highest score first; ties keep the indicator order."""
        return sorted(self.indicators, key=lambda i: (-i.score, i.number))

    @property
    def strengths(self) -> list[IndicatorResult]:
        return [i for i in self.ranked if i.passed]

    @property
    def weaknesses(self) -> list[IndicatorResult]:
        return [i for i in self.ranked if not i.passed]


    def by_level(self) -> list[tuple[Level, list[IndicatorResult]]]:
        """Levels that occur, highest first, each with its indicators by score."""
        out = []
        for level in self.framework.levels:
            members = [i for i in self.ranked if i.level.code == level.code]
            if members:
                out.append((level, members))
        return out

    def indicator(self, number: int) -> IndicatorResult:
        return next(i for i in self.indicators if i.number == number)

    def tool(self, code: str) -> ToolResult:
        return next(t for t in self.tools if t.code == code)


def _order(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.split("."))


def indicator_scores(framework: Framework, results: Results) -> tuple[dict[int, Decimal], set[int], list[str]]:
    """Each indicator's score: given directly, or the mean of its sub-indicators."""
    scores: dict[int, Decimal] = {}
    derived: set[int] = set()
    problems: list[str] = []
    known = {i.number for i in framework.indicators}
    for number in results.scores:
        if number not in known:
            problems.append(f"ตัวชี้วัดที่ {number} ไม่มีในกรอบการประเมิน {framework.id}")
    known_subs = {s.number for i in framework.indicators for s in i.subindicators}
    for sub in results.subscores:
        if sub not in known_subs:
            problems.append(f"ตัวชี้วัดย่อยที่ {sub} ไม่มีในกรอบการประเมิน {framework.id}")
    for ind in framework.indicators:
        subs = [results.subscores[s.number] for s in ind.subindicators if s.number in results.subscores]
        if ind.number in results.scores:
            scores[ind.number] = results.scores[ind.number]
            if subs and len(subs) == len(ind.subindicators):
                from_subs = mean(subs)
                if r2(from_subs) != r2(results.scores[ind.number]):
                    problems.append(
                        f"ตัวชี้วัดที่ {ind.number}: คะแนนที่ให้ไว้ {r2(results.scores[ind.number])} "
                        f"ไม่ตรงกับค่าเฉลี่ยของตัวชี้วัดย่อย {r2(from_subs)}")
        elif subs and len(subs) == len(ind.subindicators):
            scores[ind.number] = mean(subs)
            derived.add(ind.number)
        elif subs:
            missing = [s.number for s in ind.subindicators if s.number not in results.subscores]
            problems.append(f"ตัวชี้วัดที่ {ind.number}: ไม่มีคะแนนของตัวชี้วัดย่อย {', '.join(missing)} "
                            "จึงคำนวณค่าเฉลี่ยไม่ได้")
        else:
            problems.append(f"ไม่มีคะแนนของตัวชี้วัดที่ {ind.number} {ind.name}")
    return scores, derived, problems


def analyse(framework: Framework, results: Results) -> Analysis:
    scores, derived, problems = indicator_scores(framework, results)
    if results.year != framework.year:
        problems.append(f"ปีที่ประเมิน {results.year} ไม่ตรงกับกรอบการประเมิน {framework.id} (ปี {framework.year})")
    for number, value in list(results.scores.items()) + list(results.subscores.items()):
        if not value.is_finite() or value < 0 or value > 100:
            problems.append(f"คะแนนของตัวชี้วัด {number} คือ {value} อยู่นอกช่วง 0–100")
    if len(scores) < len(framework.indicators):
        # Nothing sensible can be totalled; say so instead of inventing zeros.
        raise IncompleteResults(problems)

    indicators = tuple(
        IndicatorResult(
            number=ind.number, name=ind.name, tool=ind.tool, score=scores[ind.number],
            level=level_of(scores[ind.number], framework.levels),
            passed=r2(scores[ind.number]) >= framework.pass_mark,
            from_subscores=ind.number in derived)
        for ind in framework.indicators)

    tools = []
    for tool in framework.tools:
        members: list[Indicator] = [i for i in framework.indicators if i.tool == tool.code]
        average = mean([scores[i.number] for i in members])
        tools.append(ToolResult(tool.code, tool.name, tool.name_en, tool.weight, average,
                                average * tool.weight / 100, tuple(i.number for i in members), tool.threshold))
    subindicators = tuple(SubResult(s.number, s.name, ind.number, results.subscores[s.number],
                                    level_of(results.subscores[s.number], framework.levels))
                          for ind in framework.indicators for s in ind.subindicators if s.number in results.subscores)
    total = sum((t.weighted for t in tools), Decimal(0))

    history = history_points(results.history, results.year, total)

    comparisons = []
    if "total" in results.stated:
        comparisons.append(Comparison("total", results.stated["total"], total))
    for result in tools:
        if result.code in results.stated:
            comparisons.append(Comparison(result.code, results.stated[result.code], result.weighted))
    if results.year in results.history and r2(results.history[results.year]) != r2(total):
        problems.append(f"history ปี {results.year} คือ {r2(results.history[results.year])} "
                        f"ไม่ตรงกับคะแนนรวมที่คำนวณได้ {r2(total)}")

    return Analysis(
        framework=framework, year=results.year, tools=tuple(tools), indicators=indicators,
        total=total, level=level_of(total, framework.levels),
        # A framework may set a minimum per tool (from ITA 2568 one tool below it fails the
        # result whatever the total); what else that changes is not confirmed, so only this.
        passed=r2(total) >= framework.pass_mark and not any(t.below_threshold for t in tools),
        history=history, comparisons=tuple(comparisons), problems=tuple(problems),
        national=results.national, subindicators=subindicators)


def history_points(earlier: dict[int, Decimal], year: int, total: Decimal) -> tuple[HistoryPoint, ...]:
    """Totals by year, the assessment year included, each with its change from the
    year before. Differences are taken between the printed (rounded) totals: the
    reader checks them by subtracting the figures in the same table."""
    series = {y: v for y, v in earlier.items() if y != year}
    series[year] = total
    points = []
    previous: Decimal | None = None
    for y in sorted(series):
        shown = r2(series[y])
        if previous is None:
            points.append(HistoryPoint(y, series[y], None, None))
        else:
            delta = shown - previous
            direction = UP if delta > 0 else DOWN if delta < 0 else SAME
            points.append(HistoryPoint(y, series[y], delta, direction))
        previous = shown
    return tuple(points)


class IncompleteResults(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def to_json(a: Analysis) -> dict[str, object]:
    """The analysis as plain data; numbers rounded to two places."""
    f = lambda d: float(r2(d))  # noqa: E731
    return {
        "framework": a.framework.id,
        "year": a.year,
        "total": f(a.total),
        "level": a.level.code,
        "level_name": a.level.name,
        "passed": a.passed,
        "pass_mark": f(a.framework.pass_mark),
        "tools": {t.code: {"average": f(t.average), "weight": f(t.weight), "weighted": f(t.weighted),
                           "threshold": None if t.threshold is None else f(t.threshold),
                           "below_threshold": t.below_threshold}
                  for t in a.tools},
        "indicators": [{"number": i.number, "name": i.name, "tool": i.tool, "score": f(i.score),
                        "level": i.level.code, "level_name": i.level.name, "passed": i.passed}
                       for i in a.indicators],
        "subindicators": [{"number": s.number, "name": s.name, "indicator": s.indicator, "score": f(s.score),
                           "level": s.level.code, "passed": r2(s.score) >= a.framework.pass_mark}
                          for s in a.subindicators],
        "ranked": [i.number for i in a.ranked],
        "strengths": [i.number for i in a.strengths],
        "weaknesses": [i.number for i in a.weaknesses],
        "weakest": [i.number for i in a.weakest_items()],
        "history": [{"year": h.year, "total": f(h.total),
                     "delta": None if h.delta is None else f(h.delta), "direction": h.direction}
                    for h in a.history],
        "national": None if a.national is None else {
            "average": f(a.national.average), "rank": a.national.rank, "of": a.national.of},
        "stated": [{"what": c.what, "stated": f(c.stated), "computed": f(c.computed), "agrees": c.agrees}
                   for c in a.comparisons],
        "problems": a.all_problems,
    }
