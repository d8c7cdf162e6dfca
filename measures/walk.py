"""The one walk over content models that finds marked fields (schema/base.py).

Checks use `marked()` to visit every piece of prose, every unit key, every measure id,
each with the path of its field in the file (for the line number). Resolution uses
`transform()` to return a copy of a model with every prose field rewritten. Both are
driven by the schema alone: nothing here names a field.
"""
from __future__ import annotations

import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from .schema.base import Marker, TextKind

Loc = tuple[Any, ...]


@dataclass(frozen=True)
class Found:
    loc: Loc          # path of the field inside its file
    value: Any
    marker: Marker
    kind: TextKind    # who wrote it (the nearest model's prose_kind)


def marked(model: BaseModel, kind: TextKind | None = None, loc: Loc = ()) -> Iterator[Found]:
    """Every marked field below `model`, in file order."""
    yield from _walk(model, type(model), loc, kind or _kind(type(model)) or "office")


def plain_strings(model: BaseModel, kind: TextKind | None = None, loc: Loc = ()) -> Iterator[Found]:
    """Every text field with no marker (names, addresses, positions…): printed as typed, so
    every check of what a document may print covers them too. Found.marker is None."""
    yield from _strings(model, type(model), loc, kind or _kind(type(model)) or "office")


def _strings(value: Any, annotation: Any, loc: Loc, kind: TextKind) -> Iterator[Found]:
    annotation, marker = split_marker(annotation)
    if marker is not None or value is None:
        return
    if isinstance(value, str):
        yield Found(loc, value, None, kind)  # type: ignore[arg-type]
    elif isinstance(value, BaseModel):
        kind = _kind(type(value)) or kind
        for name, field_type in _fields(type(value)):
            yield from _strings(getattr(value, name), field_type, (*loc, name), kind)
    elif _is_union(annotation):
        option = next(o for o in get_args(annotation) if o is not type(None))
        yield from _strings(value, option, loc, kind)
    elif isinstance(value, (list, tuple)) and get_args(annotation):
        for i, v in enumerate(value):
            yield from _strings(v, get_args(annotation)[0], (*loc, i), kind)
    elif isinstance(value, dict) and len(get_args(annotation)) == 2:
        for k, v in value.items():
            yield from _strings(v, get_args(annotation)[1], (*loc, k), kind)


def transform(model: Any, marker: Marker, change: Callable[[Any], Any]) -> Any:
    """A copy of `model` with every field marked `marker` replaced by change(value)."""
    return _transform(model, type(model), marker, change)


def _kind(cls: type[BaseModel]) -> TextKind | None:
    kind: TextKind | None = getattr(cls, "prose_kind", None)
    return kind


@cache
def _fields(cls: type[BaseModel]) -> tuple[tuple[str, Any], ...]:
    """(name, annotation) per field, with the field's own markers put back on its type:
    pydantic keeps a top-level Annotated's extras apart, in FieldInfo.metadata."""
    out = []
    for name, info in cls.model_fields.items():
        annotation = info.annotation
        markers = tuple(m for m in info.metadata if isinstance(m, Marker))
        if markers:
            annotation = Annotated.__class_getitem__((annotation, *markers))  # type: ignore[attr-defined]
        out.append((name, annotation))
    return tuple(out)


def split_marker(annotation: Any) -> tuple[Any, Marker | None]:
    """(the type without Annotated, its marker if any)."""
    if get_origin(annotation) is Annotated:
        base, *extras = get_args(annotation)
        marker = next((m for m in extras if isinstance(m, Marker)), None)
        inner, inner_marker = split_marker(base)
        return inner, marker or inner_marker
    return annotation, None


def _is_union(annotation: Any) -> bool:
    return get_origin(annotation) in (Union, types.UnionType)


def _walk(value: Any, annotation: Any, loc: Loc, kind: TextKind) -> Iterator[Found]:
    if value is None:
        return
    annotation, marker = split_marker(annotation)
    if marker is not None:
        if isinstance(value, (list, tuple)):  # a marker on the list itself marks each entry
            for i, v in enumerate(value):
                yield Found(loc + (i,), v, marker, kind)
        else:
            yield Found(loc, value, marker, kind)
        return
    if isinstance(value, BaseModel):
        kind = _kind(type(value)) or kind
        for name, field_type in _fields(type(value)):
            yield from _walk(getattr(value, name), field_type, loc + (name,), kind)
        return
    if _is_union(annotation):
        for option in get_args(annotation):
            if option is not type(None):
                yield from _walk(value, option, loc, kind)
                return
    args = get_args(annotation)
    if isinstance(value, (list, tuple)) and args:
        for i, v in enumerate(value):
            yield from _walk(v, args[0], loc + (i,), kind)
    elif isinstance(value, dict) and len(args) == 2:
        key_type, value_type = args
        _, key_marker = split_marker(key_type)
        for k, v in value.items():
            if key_marker is not None:
                yield Found(loc + (k,), k, key_marker, kind)
            yield from _walk(v, value_type, loc + (k,), kind)


def _transform(value: Any, annotation: Any, marker: Marker, change: Callable[[Any], Any]) -> Any:
    if value is None:
        return None
    annotation, own = split_marker(annotation)
    if own is marker:
        return [change(v) for v in value] if isinstance(value, list) else change(value)
    if isinstance(value, BaseModel):
        updates = {}
        for name, field_type in _fields(type(value)):
            old = getattr(value, name)
            new = _transform(old, field_type, marker, change)
            if new is not old:
                updates[name] = new
        return value.model_copy(update=updates) if updates else value
    if _is_union(annotation):
        option = next(o for o in get_args(annotation) if o is not type(None))
        return _transform(value, option, marker, change)
    args = get_args(annotation)
    if isinstance(value, list) and args:
        items = [_transform(v, args[0], marker, change) for v in value]
        return items if any(a is not b for a, b in zip(items, value)) else value
    if isinstance(value, dict) and len(args) == 2:
        changed = {k: _transform(v, args[1], marker, change) for k, v in value.items()}
        return changed if any(changed[k] is not value[k] for k in value) else value
    return value
