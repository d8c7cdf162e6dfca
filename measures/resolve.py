"""Phase 4, resolve: a checked publication made ready to lay out.

Every prose field has its `{office.…}` references replaced (one pass, found through the
schema's markers), the standard measures are merged with the office's changes, and every
guideline is numbered. Nothing here computes scores (analyse.py) or knows about Word.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import refs, schema
from .analyse import Analysis
from .check import Checked
from .numbering import Line, flatten
from .problems import Problem
from .schema import PROSE
from .walk import transform


@dataclass(frozen=True)
class FinalMeasure:
    id: str
    number: int
    title: str
    lines: list[Line]
    followup: list[str]
    responsible: list[str]       # unit names


@dataclass(frozen=True)
class Resolved:
    """What every output is made from: resolved content, merged measures, the analysis."""
    office: schema.Office
    publication: schema.Publication
    framework: schema.Framework
    results: schema.Results
    analysis: Analysis
    measures: list[FinalMeasure]   # the seven, then the office's own
    actions: list[Line]
    warnings: list[Problem]
    progress: schema.Progress | None = None

    def unit_names(self, keys: list[str]) -> list[str]:
        return [self.office.units[k] for k in keys]

    @property
    def thai_digits(self) -> bool:
        return self.office.style.digits == "thai"


def resolve(checked: Checked) -> Resolved:
    loaded, ns = checked.loaded, checked.namespace

    def r(text: str) -> str:
        return refs.resolve(text, ns)

    office = transform(loaded.office, PROSE, r)
    pub = transform(loaded.publication, PROSE, r)
    # The channels are resolved once, here; the guideline item that lists them takes them as they are.
    expand = {"complaint_channels": list(office.complaint_channels)}
    measures = []
    for standard in loaded.measures:
        m = transform(standard, PROSE, r).merged(pub.measures.get(standard.id))
        measures.append(FinalMeasure(m.id, m.number, m.title, flatten(m.guideline, expand), list(m.followup),
                                     [office.units[k] for k in m.responsible]))
    for n, own in enumerate(pub.own_measures, start=len(measures) + 1):
        measures.append(FinalMeasure(own.id, n, own.title, flatten(own.guideline, expand), list(own.followup),
                                     [office.units[k] for k in own.responsible]))
    progress = transform(loaded.progress, PROSE, r) if loaded.progress is not None else None
    return Resolved(office=office, publication=pub, framework=transform(loaded.framework, PROSE, r),
                    results=loaded.results, analysis=checked.analysis, measures=measures,
                    actions=flatten(pub.analysis.actions, expand), warnings=list(checked.warnings),
                    progress=progress)
