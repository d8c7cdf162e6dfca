"""The publications this tool makes, as a registry: each kind says its file name, its title,
its context and how its document model is built. Every output (the .docx, the web page)
walks the model a kind builds; adding a kind is adding an entry here."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .cache import Cache
from .context import context, report_context
from .document import measures as measures_doc
from .document import preface as preface_doc
from .document import report as report_doc
from .document.nodes import Document, Link
from .progress import Round, RoundKind
from .resolve import Resolved


@dataclass(frozen=True)
class Links:
    """Where the site's other pages are, for the links a page gives (none on paper)."""
    reports: tuple[Link, ...] = ()  # the report rounds' pages, from the measures page
    guidelines: str = ""            # the measures page, from a report page


def _measure_ids(model: Resolved) -> dict[int, str]:
    return {m.number: m.id.replace("_", "-") for m in model.measures}


def _measures_tree(model: Resolved, ctx: dict[str, Any], cache: Cache | None, links: Links) -> Document:
    from .chart import indicator_chart  # matplotlib only on a miss of its cache
    return measures_doc.build(ctx, indicator_chart(model.analysis, model.thai_digits, cache), _measure_ids(model),
                              links.reports)


def _preface_tree(model: Resolved, ctx: dict[str, Any], cache: Cache | None, links: Links) -> Document:
    return preface_doc.build(ctx)


def _report_tree(model: Resolved, ctx: dict[str, Any], cache: Cache | None, links: Links) -> Document:
    return report_doc.build(ctx, links.guidelines)


@dataclass(frozen=True)
class Kind:
    name: str
    title: str                      # the file's title property, before the office and year
    tree: Callable[[Resolved, dict[str, Any], Cache | None, Links], Document]
    needs_progress: bool = False
    rounds: bool = False            # one document per round (6 and 12 months)

    def file(self, year: int, round_kind: RoundKind = "12m") -> str:
        return f"{self.name}-{year}-{round_kind}" if self.rounds else f"{self.name}-{year}"

    def context(self, model: Resolved, round_kind: RoundKind = "12m") -> dict[str, Any]:
        if self.rounds:
            return report_context(model, Round.of(model.publication.year, round_kind))
        return context(model)

    def document(self, model: Resolved, round_kind: RoundKind = "12m", cache: Cache | None = None,
                 links: Links = Links()) -> tuple[Document, dict[str, Any]]:
        """The model of this publication, and the context it was built from (headers use it)."""
        ctx = self.context(model, round_kind)
        return self.tree(model, ctx, cache, links), ctx


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("measures", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", _measures_tree),
    Kind("preface", "คำนำ", _preface_tree),
    Kind("report", "รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส", _report_tree,
         needs_progress=True, rounds=True),
)}
