"""Jinja templates compiled once: compiling a template takes milliseconds each (a tenth of a
second for a document's parts, or for the phrases of its model) and gives the same Python for
the same source, so that Python is kept in build/.cache and its code objects in memory."""
from __future__ import annotations

from types import CodeType
from typing import Any

from jinja2.sandbox import SandboxedEnvironment

from .cache import Cache, key

# Code objects compiled in this process (building many offices compiles each template once).
_COMPILED: dict[str, CodeType] = {}


class CompiledEnvironment(SandboxedEnvironment):
    """A sandboxed environment whose `from_string` reuses what was compiled before; `compiled`:
    where the compiled Python is kept between processes."""

    def __init__(self, cache: Cache, **options: Any):
        super().__init__(**options)
        self.compiled = cache

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        k = key("jinja", type(self).__name__, str(self.autoescape), source)
        code = _COMPILED.get(k)
        if code is None:
            try:
                kept = self.compiled.get("jinja", k)
                code = compile(kept.decode(), "<template>", "exec") if kept is not None else None
            except (SyntaxError, ValueError):  # damaged: compiled afresh
                code = None
        if code is None:
            python = self.compile(source, raw=True)
            self.compiled.put("jinja", k, python.encode())
            code = compile(python, "<template>", "exec")
        _COMPILED[k] = code
        return (template_class or self.template_class).from_code(self, code, self.make_globals(globals), None)
