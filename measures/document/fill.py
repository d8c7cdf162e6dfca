"""Phrases filled with their values: a phrase of phrases.py is a Jinja string naming values of
the publication's context (`{{ office.name }}`) or of a loop (`{{ t.name }}`); filled here
once, as plain text, for every output. Values are data: a `{{` typed in content is printed,
never read as a tag (only the phrase itself is a template)."""
from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import StrictUndefined, Template

from ..cache import Cache
from ..jinjacache import CompiledEnvironment
from . import phrases

# autoescape off on purpose: a filled phrase is plain text, not markup. Each writer escapes what
# it prints: python-docx (lxml) a run's text in the .docx, the page's Jinja (autoescape on) in
# HTML. Escaping here too would print "&amp;" in both (tests/test_document.py reads a title with
# & < > " back from both outputs and has Word's reading of the .docx checked).
_ENV = CompiledEnvironment(Cache(None), autoescape=False, undefined=StrictUndefined, keep_trailing_newline=False)


def keep_compiled_in(cache: Cache) -> None:
    """The phrases' compiled Python kept in `cache` for the next process (0.1 s of a build)."""
    _ENV.compiled = cache


@cache
def _compiled(text: str) -> Template:
    template: Template = _ENV.from_string(text)
    return template


def fill(text: str, values: dict[str, Any]) -> str:
    """`text` (a phrase) with its values."""
    return _compiled(text).render(values) if "{" in text else text


class Phrases:
    """The catalogue bound to one publication's context: `say("TOOL", t=t)` fills the phrase
    TOOL with the context and the loop's `t`; a tuple of phrases (a table's header) gives a tuple."""

    def __init__(self, context: dict[str, Any]):
        self.context = context

    def __call__(self, name: str, **loop: Any) -> Any:
        if not name.isupper() or not hasattr(phrases, name):
            raise KeyError(f"no phrase {name!r} in measures/document/phrases.py")
        return self.text(getattr(phrases, name), **loop)

    def text(self, phrase: Any, **loop: Any) -> Any:
        values = {**self.context, **loop} if loop else self.context
        if isinstance(phrase, str):
            return fill(phrase, values)
        return tuple(self.text(p, **loop) for p in phrase)
