"""What takes a second to make and depends only on its inputs, kept under build/.cache/.

Three things are slow and rarely change between two builds: the check of the reference
document, the chart drawn by matplotlib, and the dictionary tokenizer's verdict on each
text. Each is stored under a key that hashes every input *and* this package's own source
and its libraries' versions, so a cached result is never stale: a changed text, template,
score or program gives a new key. A cache that
cannot be read or written is simply not used; it never changes what a build produces.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T", str, list[str])

# Entries kept per kind, the oldest going first: room for every office of a national run
# (1000 offices hold about four YAML files each; at 2048 a warm run found its oldest
# entries evicted and ran at half speed). A chart is ~160 KB: fewer of them.
LIMIT = 16384
LIMITS = {"chart": 4096}


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """This package's files and every installed library's version: what every cached result
    depends on. Sizes and modification times, not contents: read at every start, it must be cheap."""
    h = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".docx", ".xml") and "__pycache__" not in path.parts:
            info = path.stat()
            h.update(f"{path.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    # Installed distributions are folders named <name>-<version>.dist-info: an upgrade renames one.
    for folder in sys.path:
        with contextlib.suppress(OSError):
            h.update(" ".join(sorted(n for n in os.listdir(folder) if n.endswith(".dist-info"))).encode())
    return h.hexdigest()


def key(*parts: bytes | str) -> str:
    h = hashlib.sha256(fingerprint().encode())
    for part in parts:
        # surrogatepass: a lone surrogate escaped in YAML ("\\ud800") is refused later, with a message
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))  # so ("ab", "c") and ("a", "bc") differ
        h.update(data)
    return h.hexdigest()


class Cache:
    """Files under `folder`, one per result; None: nothing kept (every result made afresh).
    Each file begins with the SHA-256 of what follows: a damaged one is not used."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def get(self, kind: str, k: str) -> bytes | None:
        if self.folder is None:
            return None
        try:
            kept = (self.folder / kind / k).read_bytes()
        except OSError:
            return None
        digest, data = kept[:32], kept[32:]
        return data if hashlib.sha256(data).digest() == digest else None

    def has(self, kind: str, k: str) -> bool:
        return self.folder is not None and (self.folder / kind / k).is_file()

    def put(self, kind: str, k: str, data: bytes) -> None:
        if self.folder is None:
            return
        folder = self.folder / kind
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=folder)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(hashlib.sha256(data).digest())
                    f.write(data)
                os.replace(tmp, folder / k)  # whole or absent, whoever else writes at the same time
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            self._prune(folder)

    @staticmethod
    def _prune(folder: Path) -> None:
        limit = LIMITS.get(folder.name, LIMIT)
        entries = list(os.scandir(folder))
        if len(entries) <= limit + limit // 8:  # pruned in batches, not a sort at every write
            return
        entries.sort(key=lambda e: e.stat().st_mtime)
        for e in entries[: len(entries) - limit]:
            with contextlib.suppress(OSError):
                os.unlink(e.path)


class TextFacts:
    """Per-text results of the slow text rules (dictionary tokenizing), remembered across
    builds: one file per office, holding what its last build used. In memory, what one
    office used is kept for the next (the shared measures' texts are checked once when
    many offices are built in one process), and no more: memory stays flat."""

    def __init__(self) -> None:
        self.cache, self.scope = Cache(None), ""
        self.memory: dict[str, object] = {}
        self.used: dict[str, object] = {}
        self.stored: set[str] = set()
        self.changed = False

    def open(self, cache: Cache, scope: str) -> None:
        """Read the facts kept for `scope` (an office) and start noting what is used."""
        self.save()
        self.memory = self.used or self.memory
        self.cache, self.scope, self.used, self.changed = cache, scope, {}, False
        data = cache.get("text", self._name())
        try:
            stored = json.loads(data) if data else {}
        except ValueError:
            stored = {}
        if isinstance(stored, dict):
            self.memory.update(stored)
            self.stored = set(stored)
        else:
            self.stored = set()

    def _name(self) -> str:
        return key("text-facts", self.scope) + ".json"

    def get(self, rule: str, text: str) -> object | None:
        k = key(rule, text)
        value = self.memory.get(k)
        if value is not None:
            self.used[k] = value
        return value

    def remembered(self, rule: str, text: str, compute: Callable[[str], T], kind: type) -> T:
        """`compute(text)`, or what an earlier build found for this text (if of `kind`)."""
        known = self.get(rule, text)
        if isinstance(known, kind):
            return known  # type: ignore[return-value]
        found = compute(text)
        self.remember(rule, text, found)
        return found

    def remember(self, rule: str, text: str, value: object) -> None:
        k = key(rule, text)
        self.memory[k] = self.used[k] = value
        self.changed = True

    def words(self, name: str, make: Callable[[], frozenset[str]]) -> frozenset[str]:
        """A word list made from pythainlp's dictionary (`make()`: 0.1–0.25 s), or the one an
        earlier process made, read back in a fiftieth of that."""
        k = key("words", name)
        kept = self.cache.get("words", k)
        if kept is not None:
            return frozenset(kept.decode("utf-8").split("\n"))
        made = make()
        self.cache.put("words", k, "\n".join(sorted(made)).encode("utf-8"))
        return made

    def save(self) -> None:
        """Write what this scope used (a text no longer in the content is dropped)."""
        # Also when every fact came from memory (an earlier office in this process) but this
        # office's file lacks some: the next process would have to tokenize them again.
        if self.changed or not self.used.keys() <= self.stored:
            self.cache.put("text", self._name(), json.dumps(self.used, sort_keys=True).encode())
            self.changed = False


# One per process: the rules ask it before tokenizing a text.
text_facts = TextFacts()
