"""Rules on the scores: complete, in range, consistent with the framework and with the
figures the assessor printed."""
from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem
from . import Subject


def scores(s: Subject) -> Iterator[Problem]:
    doc = s.loaded.docs["results"]
    if s.analysis is None:  # incomplete: say what is missing
        yield from (doc.problem(("scores",), p) for p in s.incomplete)
        return
    yield from (doc.problem(("scores",), p) for p in s.analysis.problems)
    yield from (doc.problem(("stated", c.what), c.message) for c in s.analysis.comparisons if not c.agrees)
