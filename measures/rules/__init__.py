"""The checks, one small rule per mistake hand-edited documents carry.

A rule is a function of the `Subject` (the loaded content, its analysis, the texts and
keys the schema marks) that yields Problems. `check.py` runs them all, in RULES order.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..analyse import Analysis
from ..load import Loaded
from ..problems import Problem, Severity
from ..schema.base import TextKind
from ..yamlfile import Loc, YamlDoc


@dataclass(frozen=True)
class Text:
    """One piece of prose, with the file and field it came from."""
    doc: YamlDoc
    loc: Loc
    text: str
    kind: TextKind

    def problem(self, message: str, severity: Severity = "error") -> Problem:
        return self.doc.problem(self.loc, message, severity)


@dataclass(frozen=True)
class Key:
    """A value that must name something that exists: a unit or a measure."""
    doc: YamlDoc
    loc: Loc
    value: Any
    what: str          # the marker's name: "unit_key" or "measure_id"


@dataclass
class Subject:
    loaded: Loaded
    analysis: Analysis | None          # None when the scores are incomplete
    incomplete: list[str]              # then: what is missing
    namespace: dict[str, str]
    texts: list[Text] = field(default_factory=list)    # prose: references resolved, every rule
    facts: list[Text] = field(default_factory=list)    # other text printed as typed: names, addresses…
    keys: list[Key] = field(default_factory=list)

    @property
    def printed(self) -> list[Text]:
        """Everything a document may print as text."""
        return self.texts + self.facts


Rule = Callable[[Subject], Iterator[Problem]]
