"""The publication model: content merged and resolved, ready for analysis and layout.

Standard measures + the office's overrides, every `{office.…}` reference replaced,
every guideline numbered. Nothing here computes scores (that is analysis.py) or
knows about Word (that is document/).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from . import refs
from .content import Loaded
from .numbering import Line, flatten
from .schema import Item, Measure, MeasureOverride
from .yamlfile import YamlDoc


@dataclass(frozen=True)
class Text:
    """One piece of text in the content, with where it came from."""
    doc: YamlDoc
    loc: tuple
    text: str
    kind: str          # "shared" (standard measures), "office", "notes"


def _items(doc: YamlDoc, loc: tuple, items: list[Item], kind: str) -> Iterator[Text]:
    for i, item in enumerate(items):
        if item.text:
            yield Text(doc, loc + (i, "text") if _is_mapping(doc, loc + (i,)) else loc + (i,), item.text, kind)
        yield from _items(doc, loc + (i, "items"), item.items, kind)


def _is_mapping(doc: YamlDoc, loc: tuple) -> bool:
    return (loc + ("text",)) in doc.lines


def texts(loaded: Loaded) -> Iterator[Text]:
    """Every text field an officer or the shared content wrote."""
    office_doc, pub_doc = loaded.docs["office"], loaded.docs["publication"]
    for i, t in enumerate(loaded.office.complaint_channels):
        yield Text(office_doc, ("complaint_channels", i), t, "office")
    pub = loaded.publication
    for i, t in enumerate(pub.motto):
        yield Text(pub_doc, ("motto", i), t, "office")
    for i, t in enumerate(pub.preface):
        yield Text(pub_doc, ("preface", i), t, "office")
    a = pub.analysis
    for code, paras in a.strengths.items():
        for i, t in enumerate(paras):
            yield Text(pub_doc, ("analysis", "strengths", code, i), t, "notes")
    for i, t in enumerate(a.weaknesses):
        yield Text(pub_doc, ("analysis", "weaknesses", i), t, "notes")
    for key in ("improvements_intro", "practice_intro", "practice_outro", "actions_intro"):
        if getattr(a, key):
            yield Text(pub_doc, ("analysis", key), getattr(a, key), "notes")
    for i, row in enumerate(a.improvements):
        for field in ("issue", "improve"):
            for j, t in enumerate(getattr(row, field)):
                yield Text(pub_doc, ("analysis", "improvements", i, field, j), t, "notes")
    for i, row in enumerate(a.practice):
        yield Text(pub_doc, ("analysis", "practice", i, "measure"), row.measure, "notes")
        for j, t in enumerate(row.steps):
            yield Text(pub_doc, ("analysis", "practice", i, "steps", j), t, "notes")
        if row.monitoring:
            yield Text(pub_doc, ("analysis", "practice", i, "monitoring"), row.monitoring, "notes")
    yield from _items(pub_doc, ("analysis", "actions"), a.actions, "notes")
    for mid, o in pub.measures.items():
        base = ("measures", mid)
        if o.title:
            yield Text(pub_doc, base + ("title",), o.title, "office")
        yield from _items(pub_doc, base + ("guideline",), o.guideline or [], "office")
        yield from _items(pub_doc, base + ("add",), o.add, "office")
        for j, t in enumerate(o.followup or []):
            yield Text(pub_doc, base + ("followup", j), t, "office")
    for m in loaded.measures:
        doc = loaded.measure_docs[m.id]
        yield Text(doc, ("title",), m.title, "shared")
        yield from _items(doc, ("guideline",), m.guideline, "shared")
        for j, t in enumerate(m.followup):
            yield Text(doc, ("followup", j), t, "shared")


def unit_refs(loaded: Loaded) -> Iterator[tuple[YamlDoc, tuple, str]]:
    """Every unit key a measure or practice row names as responsible."""
    pub_doc = loaded.docs["publication"]
    for m in loaded.measures:
        for j, key in enumerate(m.responsible):
            yield loaded.measure_docs[m.id], ("responsible", j), key
    for mid, o in loaded.publication.measures.items():
        for j, key in enumerate(o.responsible or []):
            yield pub_doc, ("measures", mid, "responsible", j), key
    for i, row in enumerate(loaded.publication.analysis.practice):
        for j, key in enumerate(row.responsible):
            yield pub_doc, ("analysis", "practice", i, "responsible", j), key


# --------------------------------------------------------------------------- merged measures

@dataclass(frozen=True)
class FinalMeasure:
    id: str
    number: int
    title: str
    lines: list[Line]
    followup: list[str]
    responsible: list[str]


@dataclass(frozen=True)
class PracticeRow:
    measure: str
    steps: list[str]
    responsible: list[str]
    monitoring: str


@dataclass(frozen=True)
class Improvement:
    indicator: str
    name: str
    issue: list[str]
    improve: list[str]


@dataclass(frozen=True)
class PublicationModel:
    loaded: Loaded
    ns: dict[str, str]
    measures: list[FinalMeasure]
    preface: list[str]            # the office's own, resolved; empty = generate
    motto: list[str]
    strengths: dict[str, list[str]]
    weaknesses: list[str]
    improvements_intro: str
    improvements: list[Improvement]
    practice_intro: str
    practice: list[PracticeRow]
    practice_outro: str
    actions_intro: str
    actions: list[Line]

    @property
    def office(self):
        return self.loaded.office

    @property
    def publication(self):
        return self.loaded.publication

    @property
    def framework(self):
        return self.loaded.framework


def merge_measure(m: Measure, o: Optional[MeasureOverride]) -> Measure:
    if o is None:
        return m
    return m.model_copy(update={
        "title": o.title or m.title,
        "guideline": list(o.guideline if o.guideline is not None else m.guideline) + list(o.add),
        "followup": o.followup if o.followup is not None else m.followup,
        "responsible": o.responsible if o.responsible is not None else m.responsible,
    })


def build(loaded: Loaded) -> PublicationModel:
    """Merge and resolve. Assumes `checks.check_loaded` found no errors."""
    office, pub = loaded.office, loaded.publication
    ns = refs.namespace(office, pub.year, loaded.results.year)
    r = lambda t: refs.resolve(t, ns)  # noqa: E731
    expand = {"complaint_channels": [r(t) for t in office.complaint_channels]}
    unit = lambda key: office.units[key]  # noqa: E731

    measures = []
    for m in loaded.measures:
        m = merge_measure(m, pub.measures.get(m.id))
        lines = [Line(l.depth, l.number, r(l.text), l.path) for l in flatten(m.guideline, expand)]
        measures.append(FinalMeasure(m.id, m.number, r(m.title), lines,
                                     [r(t) for t in m.followup], [unit(k) for k in m.responsible]))
    a = pub.analysis
    subnames = {s.number: s.name for i in loaded.framework.indicators for s in i.subindicators}
    subnames.update({str(i.number): i.name for i in loaded.framework.indicators})
    return PublicationModel(
        loaded=loaded, ns=ns, measures=measures,
        preface=[r(t) for t in pub.preface], motto=[r(t) for t in pub.motto],
        strengths={k: [r(t) for t in v] for k, v in a.strengths.items()},
        weaknesses=[r(t) for t in a.weaknesses],
        improvements_intro=r(a.improvements_intro),
        improvements=[Improvement(i.indicator, subnames.get(i.indicator, ""), [r(t) for t in i.issue],
                                  [r(t) for t in i.improve]) for i in a.improvements],
        practice_intro=r(a.practice_intro),
        practice=[PracticeRow(r(p.measure), [r(t) for t in p.steps], [unit(k) for k in p.responsible],
                              r(p.monitoring)) for p in a.practice],
        practice_outro=r(a.practice_outro),
        actions_intro=r(a.actions_intro),
        actions=[Line(l.depth, l.number, r(l.text), l.path) for l in flatten(a.actions, expand)],
    )
