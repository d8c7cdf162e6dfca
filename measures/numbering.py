"""Computed numbering of nested guideline items: 1. / 1.1 / (1) / 1) by depth."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .schema import Item

# How each depth is written. No item may be deeper (rules/structure.py says so where it is
# typed): a fifth level written like the fourth would number two levels alike.
FORMS: tuple[Callable[[list[int]], str], ...] = (
    lambda path: f"{path[-1]}.",
    lambda path: ".".join(map(str, path[-2:])),
    lambda path: f"({path[-1]})",
    lambda path: f"{path[-1]})",
)
LEVELS = len(FORMS)


@dataclass(frozen=True)
class Line:
    """One paragraph of a flattened guideline."""
    depth: int          # 1 for top-level items
    number: str         # "" for plain paragraphs
    text: str
    path: tuple         # index path in the source, for error messages


def number_for(depth: int, path: list[int]) -> str:
    return FORMS[min(depth, len(FORMS)) - 1](path)


def flatten(items: Iterable[Item], expand: dict[str, list[str]] | None = None,
            depth: int = 1, parent: list[int] | None = None, src: tuple = ()) -> list[Line]:
    """Number the items; a plain item is unnumbered and restarts the count after it."""
    parent = parent or []
    out: list[Line] = []
    count = 0
    for index, item in enumerate(items):
        here = src + (index,)
        if item.plain:
            out.append(Line(depth, "", item.text, here))
            count = 0
            children_parent = parent
            child_depth = depth
        else:
            count += 1
            path = parent + [count]
            out.append(Line(depth, number_for(depth, path), item.text, here))
            children_parent = path
            child_depth = depth + 1
        children = list(item.items)
        if item.expand and expand is not None:
            children = [Item(text=t) for t in expand.get(item.expand, [])] + children
        out.extend(flatten(children, expand, child_depth, children_parent, here + ("items",)))
    return out


def too_deep(items: Iterable[Item], depth: int = 1, src: tuple = ()) -> list[tuple[tuple, int]]:
    """(index path, depth) of each item numbered past the last level, counted as `flatten`
    counts: a plain item's children stay at its depth, expanded ones go one deeper."""
    out: list[tuple[tuple, int]] = []
    for index, item in enumerate(items):
        here = src + (index,)
        child = depth if item.plain else depth + 1
        if depth > LEVELS and not item.plain:
            out.append((here, depth))
            continue  # its items are deeper still: one message for the branch
        if item.expand and child > LEVELS:
            out.append((here + ("expand",), child))
        out.extend(too_deep(item.items, child, here + ("items",)))
    return out
