"""Blocks already written, kept finished: a block of the model that a build before this one
wrote (the same node, written into the same reference with the same digits, font, widths
and page) is put back as the WordprocessingML it became, finishing included, instead of
being written again through python-docx. An edit to one measure rewrites that measure only.

What a block's elements are must depend on nothing but what its key holds, so blocks whose
writing reaches outside themselves are always written afresh: the contents (finishing fills
it from every heading), a figure (its picture is a part of the package, named by a
relationship), a landscape break (it ends the section before it) and signatures (they keep
the paragraph before them with them; that paragraph's block, so changed, is not kept).

Kept twice: in memory for the next build of this process (`measures serve`, `--all`), and
under build/.cache/ for the next process, one file per office and document holding the
blocks its last build used, so neither grows with edits.
"""
from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from ..cache import Cache, key
from ..document import nodes as n

# Written afresh on every build (see above); a section holding one is too.
UNKEPT = (n.Contents, n.Figure, n.Landscape, n.Signatures)
SCOPES_IN_MEMORY = 8  # documents whose blocks this process keeps (serve builds four per edit)
_MEMORY: OrderedDict[str, dict[str, dict[str, list[str]]]] = OrderedDict()
_MEMORY_LOCK = threading.Lock()  # serve builds in two threads (an edit's rebuild, the PDFs' turn)
_SECT_PR = qn("w:sectPr")
# A fragment's first tag repeats every namespace of the document; the document declares them.
_DECLARATIONS = re.compile(r'^(<[^\s>]+)(?:\s+xmlns(?::[A-Za-z0-9_.-]+)?="[^"]*")+')


def keepable(blocks: Iterable[n.Block]) -> set[int]:
    """The ids of the blocks (sections opened) whose elements depend on themselves alone."""
    kept: set[int] = set()

    def visit(b: n.Block) -> bool:
        ok = not isinstance(b, UNKEPT)
        if isinstance(b, n.Section):
            ok = all([visit(c) for c in b.children]) and ok  # every child visited
        if ok:
            kept.add(id(b))
        return ok

    for b in blocks:
        visit(b)
    return kept


class Memo:
    """The finished elements of blocks, by key, for one document (`scope`: office and file)."""

    def __init__(self, cache: Cache, scope: str, context: str):
        self.cache, self.scope, self.context = cache, scope, context
        with _MEMORY_LOCK:
            known = _MEMORY.get(scope)
        self.known: dict[str, object] = self._stored() if known is None else dict(known)
        self.used: dict[str, dict[str, list[str]]] = {}
        # (key, elements, keys of the blocks inside) of each block written this build
        self.written: list[tuple[str, list[Any], list[str]]] = []
        self._inside: list[list[str]] = [[]]
        self._head: str | None = None  # the wrapper's start tag (the document's namespaces)
        self.touched: set[Any] = set()  # elements changed by a later block's writing (signatures)
        self.settled: set[Any] = set()  # elements put back: finished already

    def _file(self) -> str:
        return key("docx-blocks", self.scope) + ".json"

    def _stored(self) -> dict[str, object]:
        data = self.cache.get("blocks", self._file())
        try:
            stored = json.loads(data) if data else {}
        except ValueError:
            stored = {}
        return stored if isinstance(stored, dict) else {}

    def key(self, block: n.Block | n.Row, where: str) -> str:
        """What the block's elements depend on: the block, the document's context (reference,
        digits, font), and `where` it is written (its section's page, its tables' widths)."""
        return key("docx-block", self.context, where, repr(block))

    def put_back(self, k: str, parent: Any) -> bool:
        """The block's finished elements added at the end of `parent` (the body, or a table for
        a row), if kept."""
        entry = self._entry(k)
        if not _sound(entry):
            return False
        try:
            wrapper = parse_xml(self._wrap(parent, "".join(entry["xml"])))  # type: ignore[index]
        except etree.XMLSyntaxError:  # damaged: written afresh
            return False
        end = parent[-1] if len(parent) and parent[-1].tag == _SECT_PR else None
        for el in list(wrapper):
            (end.addprevious if end is not None else parent.append)(el)
            self.settled.add(el)
        self._inside[-1].append(k)
        self._use(k)
        return True

    def _entry(self, k: str) -> object:
        """What a build kept for key `k`: this document's last build, else another document this
        process built (the rows of a shared measure are the same in every office's document)."""
        entry = self.known.get(k)
        if entry is None:
            with _MEMORY_LOCK:
                entry = next((other[k] for other in _MEMORY.values() if k in other), None)
        return entry

    def _wrap(self, parent: Any, xml: str) -> str:
        """`xml` inside an element declaring the document's namespaces, as the body's own are."""
        if self._head is None:
            root = parent.getroottree().getroot()
            names = " ".join(f'xmlns:{p}="{uri}"' if p else f'xmlns="{uri}"' for p, uri in root.nsmap.items())
            self._head = f"<w:body {names}>"
        return f"{self._head}{xml}</w:body>"

    def _use(self, k: str) -> None:
        """A block put back, and the blocks inside it: kept for the next build, which may need
        them when the block around them changes."""
        entry = self._entry(k)
        if _sound(entry) and k not in self.used:
            self.used[k] = entry  # type: ignore[assignment]
            for inner in entry["in"]:  # type: ignore[index]
                self._use(inner)

    def begin(self) -> None:
        """A block is being written: the blocks written or put back until `wrote` are inside it."""
        self._inside.append([])

    def wrote(self, k: str, elements: list[Any]) -> None:
        """The elements a block was written as: kept once they are finished."""
        inside = self._inside.pop()
        self._inside[-1].append(k)
        self.written.append((k, elements, inside))

    def touch(self, element: Any) -> None:
        self.touched.add(element)

    def keep(self) -> None:
        """After finishing: what this build wrote, and what it put back, kept for the next."""
        for k, elements, inside in self.written:
            if any(el in self.touched for el in elements):
                continue
            self.used[k] = {"xml": [_DECLARATIONS.sub(r"\1", etree.tostring(el, encoding="unicode"), count=1)
                                    for el in elements], "in": inside}
        with _MEMORY_LOCK:
            _MEMORY[self.scope] = self.used
            _MEMORY.move_to_end(self.scope)
            while len(_MEMORY) > SCOPES_IN_MEMORY:
                _MEMORY.popitem(last=False)
        if self.used != self.known or not self.cache.has("blocks", self._file()):
            self.cache.put("blocks", self._file(), json.dumps(self.used, ensure_ascii=False).encode())


def _sound(entry: object) -> bool:
    """A kept block as `keep` writes it (a file of build/.cache may hold anything)."""
    return (isinstance(entry, dict) and isinstance(entry.get("xml"), list) and isinstance(entry.get("in"), list)
            and all(isinstance(f, str) for f in entry["xml"]) and all(isinstance(k, str) for k in entry["in"]))
