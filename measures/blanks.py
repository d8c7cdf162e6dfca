"""Blanks: `<กรอก: what to write>`, left by `measures new-office` and `new-year` where only the
office can write. Every one is an error (named with its line, in file order) until it is filled."""
from __future__ import annotations

import re

BLANK = re.compile(r"^\s*<กรอก(?::\s*(?P<what>[^>]*))?>\s*$")


def blank(what: str) -> str:
    """A blank as it is written into a YAML file."""
    return f'"<กรอก: {what}>"'


def blanks_in(data: object, loc: tuple[object, ...] = ()) -> list[tuple[tuple[object, ...], str]]:
    """(field path, what to write) of every blank in a file's data, in file order."""
    if isinstance(data, str):
        m = BLANK.match(data)
        return [(loc, (m.group("what") or "").strip())] if m else []
    if isinstance(data, dict):
        return [b for k, v in data.items() for b in blanks_in(v, (*loc, k))]
    if isinstance(data, list):
        return [b for i, v in enumerate(data) for b in blanks_in(v, (*loc, i))]
    return []
