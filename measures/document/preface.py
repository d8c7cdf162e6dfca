"""The preface (คำนำ) alone, as its own one-page document."""
from __future__ import annotations

from typing import Any

from .fill import Phrases
from .nodes import Document
from .parts import preface


def build(ctx: dict[str, Any]) -> Document:
    say = Phrases(ctx)
    paragraphs = list(ctx["preface_custom"]) or list(say("PREFACE"))
    return Document(f"preface-{ctx['year']}", f"{say('PREFACE_TITLE')} – {ctx['office']['short_name']}", None,
                    (preface(say, ctx, paragraphs, ctx["date_text"]),), preface_alone=True)
