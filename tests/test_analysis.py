"""The arithmetic of an ITA result, against hand-worked figures."""
from decimal import Decimal as D

import pytest

from measures.analyse import analyse, history_points, level_of, r2, to_json
from measures.load import Content
from measures.schema import Results

FW = Content().load_framework("ita-2564", [])


def results(scores, **kw) -> Results:
    return Results.model_validate({"framework": "ita-2564", "year": 2564,
                                   "scores": {i + 1: D(s) for i, s in enumerate(scores)}, **kw})


KKSEC = ["99.13", "90.34", "95.28", "95.00", "93.17", "97.93", "97.65", "96.33", "75.92", "93.75"]


def test_kksec_2564_worked_example():
    a = analyse(FW, results(KKSEC))
    iit, eit, oit = a.tools
    # By hand: IIT mean 472.92/5 = 94.584, x0.3 = 28.3752; EIT 291.91/3 x0.3 = 29.191;
    # OIT 169.67/2 x0.4 = 33.934; total 91.5002.
    assert iit.average == D("94.584") and iit.weighted == D("28.3752")
    assert eit.weighted == D("29.191")
    assert oit.average == D("84.835") and oit.weighted == D("33.934")
    assert a.total == D("91.5002")
    assert (r2(a.total), a.level.code, a.level.name, a.passed) == (D("91.50"), "A", "Very Good", True)
    assert [i.number for i in a.weaknesses] == ["9"]
    assert [i.number for i in a.weakest_items()] == ["9", "2", "5"]
    assert [i.number for i in a.ranked][:3] == ["1", "6", "7"]


def test_total_is_rounded_once_not_summed_from_rounded_parts():
    # IIT sum 472.91 -> 28.3746, EIT 291.94 -> 29.194, OIT 169.67 -> 33.934: each part rounds
    # down, so the rounded parts add to 91.49 while the official total 91.5026 is 91.50.
    scores = ["94.58", "94.58", "94.58", "94.58", "94.59", "97.31", "97.31", "97.32", "75.92", "93.75"]
    a = analyse(FW, results(scores))
    assert sum(r2(t.weighted) for t in a.tools) == D("91.49")
    assert r2(a.total) == D("91.50")
    assert to_json(a)["total"] == 91.5


@pytest.mark.parametrize("score,code,passed", [
    ("84.99", "B", False), ("85.00", "A", True), ("94.99", "A", True), ("95.00", "AA", True),
    ("74.99", "C", False), ("75.00", "B", False), ("49.99", "F", False), ("50.00", "E", False),
    ("100", "AA", True), ("0", "F", False),
])
def test_level_boundaries(score, code, passed):
    assert level_of(D(score), FW.levels).code == code
    a = analyse(FW, results([score] * 10))
    assert a.indicators[0].level.code == code and a.indicators[0].passed is passed
    assert a.passed is passed and a.level.code == code


def test_level_uses_the_printed_score():
    # 94.995 prints as 95.00; calling it "Very Good" beside "95.00" would contradict the table.
    assert level_of(D("94.995"), FW.levels).code == "AA"
    assert level_of(D("94.994"), FW.levels).code == "A"


def test_history_differences_and_directions_include_the_assessment_year():
    hist = {2558: D("80.25"), 2559: D("80.96"), 2560: D("75.54"), 2561: D("66.57"),
            2562: D("86.82"), 2563: D("87.67")}
    a = analyse(FW, results(KKSEC, history=hist))
    assert [(h.year, h.delta, h.direction) for h in a.history] == [
        (2558, None, None), (2559, D("0.71"), "เพิ่มขึ้น"), (2560, D("-5.42"), "ลดลง"),
        (2561, D("-8.97"), "ลดลง"), (2562, D("20.25"), "เพิ่มขึ้น"), (2563, D("0.85"), "เพิ่มขึ้น"),
        (2564, D("3.83"), "เพิ่มขึ้น")]


def test_history_steady():
    points = history_points({2562: D("88.00")}, 2563, D("88.001"))
    assert points[-1].delta == 0 and points[-1].direction == "คงที่"


def test_indicator_given_by_subindicators_gets_their_mean():
    r = Results.model_validate({"framework": "ita-2564", "year": 2564,
                                "scores": {i + 1: D(s) for i, s in enumerate(KKSEC) if i != 9},
                                "subscores": {"10.1": D("87.5"), "10.2": D("100")}})
    a = analyse(FW, r)
    assert a.indicator("10").score == D("93.75") and a.indicator("10").from_subscores


def test_missing_indicator_is_reported_not_zeroed():
    from measures.analyse import IncompleteResults
    r = Results.model_validate({"framework": "ita-2564", "year": 2564,
                                "scores": {i + 1: D(s) for i, s in enumerate(KKSEC) if i != 3}})
    with pytest.raises(IncompleteResults, match="ตัวชี้วัดที่ 4"):
        analyse(FW, r)


def test_stated_figures_are_compared():
    a = analyse(FW, results(KKSEC, stated={"total": D("91.50"), "IIT": D("28.38"), "EIT": D("29.19"),
                                           "OIT": D("33.94")}))
    assert [c.what for c in a.comparisons if not c.agrees] == ["OIT"]
    assert any("33.94" in p and "33.93" in p for p in a.all_problems)


@pytest.mark.parametrize("bad", ["101", "-1", "NaN"])
def test_scores_out_of_range_are_refused(bad):
    from pydantic import ValidationError
    with pytest.raises(ValidationError):
        results(KKSEC[:9] + [bad])
