"""Phase 3, check: every rule over a loaded publication. The only way to a `Checked` one.

`check()` returns a Checked publication or raises ContentError with every problem;
`resolve()` takes only a Checked, so nothing unchecked reaches a document. `check_all`
is what `measures check` runs over the whole content folder.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import refs
from .analyse import Analysis, IncompleteResults, analyse
from .cache import Cache, text_facts
from .load import Content, Loaded
from .problems import ContentError, Problem, errors, unique
from .rules import (
    Key,
    Rule,
    Subject,
    Text,
    keys,
    names,
    notes,
    progress,
    references,
    results,
    structure,
    text,
    verdicts,
)
from .walk import marked, plain_strings

RULES: list[Rule] = [
    text.characters, text.thai_marks, text.unknown_words, text.typed_numbers, text.fiscal_years,
    text.counts, names.foreign_names, names.foreign_facts, references.references, references.in_facts,
    references.template_syntax,
    keys.units, keys.measures, keys.indicators, keys.tools, structure.guideline_depth,
    results.scores,
    notes.abouts, notes.assessed_year, notes.full_marks, notes.mentions, verdicts.claims,
    notes.failing_strengths, notes.passing_weaknesses, notes.focus, notes.improvements_cover_the_weakest,
    notes.target,
    progress.activities, progress.plan, progress.future,
]

_TOKEN = object()


@dataclass(frozen=True)
class Checked:
    """A publication every rule has passed, with what the checks computed on the way."""
    loaded: Loaded
    analysis: Analysis
    namespace: dict[str, str]
    warnings: list[Problem]
    _token: object = None

    def __post_init__(self) -> None:
        if self._token is not _TOKEN:
            raise TypeError("a Checked publication comes from check() only")


def subject(loaded: Loaded) -> Subject:
    """What the rules look at: the analysis, the namespace, every marked field by file."""
    try:
        analysis: Analysis | None = analyse(loaded.framework, loaded.results)
        incomplete: list[str] = []
    except IncompleteResults as exc:
        analysis, incomplete = None, exc.problems
    ns = refs.namespace(loaded.office, loaded.publication.year, loaded.results.year)
    s = Subject(loaded, analysis, incomplete, ns)
    models = [(loaded.docs["office"], loaded.office), (loaded.docs["publication"], loaded.publication),
              (loaded.docs["framework"], loaded.framework)]
    models += [(loaded.measure_docs[m.id], m) for m in loaded.measures]
    if loaded.progress is not None:
        models.append((loaded.docs["progress"], loaded.progress))
    for doc, model in models:
        for found in plain_strings(model):
            if found.value:
                s.facts.append(Text(doc, found.loc, found.value, found.kind))
        for found in marked(model):
            if found.marker.name == "prose":
                if found.value:
                    s.texts.append(Text(doc, found.loc, found.value, found.kind))
            else:
                s.keys.append(Key(doc, found.loc, found.value, found.marker.name))
    return s


def problems_of(loaded: Loaded) -> tuple[list[Problem], Subject]:
    s = subject(loaded)
    found: list[Problem] = list(loaded.warnings)
    for rule in RULES:
        found.extend(rule(s))
    return unique(found), s


def check(loaded: Loaded) -> Checked:
    found, s = problems_of(loaded)
    if errors(found) or s.analysis is None:
        raise ContentError(found)
    return Checked(loaded, s.analysis, s.namespace, found, _TOKEN)


def check_all(content: Content, office: str | None = None) -> list[Problem]:
    """Everything `measures check` looks at: frameworks, measures, one or all offices."""
    found: list[Problem] = []
    for fid in content.framework_ids():
        content.load_framework(fid, found)
    if office is None:
        content.load_measures(found)
    try:
        offices = [office] if office is not None else content.office_ids()
    except ContentError as exc:
        return unique(found + exc.problems)
    for oid in offices:
        text_facts.open(Cache(content.project.cache), oid)
        try:
            years = content.publication_years(oid)
            folder = content.folder_problems(oid)
        except ContentError as exc:
            found.extend(exc.problems)
            continue
        found.extend(folder)
        if errors(folder):
            continue
        for year in years:
            try:
                loaded = content.load(oid, year)
            except ContentError as exc:
                found.extend(exc.problems)
                continue
            found.extend(problems_of(loaded)[0])
    text_facts.save()
    return unique(found)
