"""A document whose inputs are all as they were at its last build is not built again.

The inputs are every file a build of the office reads or looks at: its own folder, the shared
measures and frameworks, every office's office.yaml (their contacts are checked for) and the
list of offices, the reference document, SOURCE_DATE_EPOCH, what was asked (kind, year,
round, where to), and this program (cache.key hashes its own source in). When their digest is
the one recorded by the last build of the same file, and that file still holds the bytes it
wrote, the build is that file, with the warnings it had then. `measures build --all` after
one office's edit builds that office alone.

A file's bytes are hashed once while its size and times stay the same (the serve and --all
processes look at the same shared files for every office).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from .cache import Cache, key
from .problems import Problem

_HASHED: dict[str, tuple[tuple[int, ...], str]] = {}  # path -> (its stat, its bytes' SHA-256)


def _file(path: Path, h: hashlib._Hash, root: Path) -> None:
    """The file's name, what it is (a link and where to), and its bytes' hash, into `h`."""
    h.update(str(path.relative_to(root)).encode("utf-8", "surrogateescape") + b"\0")
    if path.is_symlink():
        h.update(b"link:" + str(path.resolve()).encode("utf-8", "surrogateescape") + b"\0")
    try:
        info = path.stat()
    except OSError:
        h.update(b"missing\0")
        return
    if not path.is_file():
        h.update(b"not a file\0")
        return
    stamp = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
    kept = _HASHED.get(str(path))
    if kept is None or kept[0] != stamp:
        try:
            kept = (stamp, hashlib.sha256(path.read_bytes()).hexdigest())
        except OSError:
            h.update(b"unreadable\0")
            return
        _HASHED[str(path)] = kept
    h.update(kept[1].encode() + b"\0")


def _tree(folder: Path, h: hashlib._Hash, root: Path) -> None:
    """Every entry under `folder` (names of folders too: an odd one is a warning)."""
    if not folder.is_dir():
        h.update(f"no folder {folder.name}\0".encode())
        return
    for here, dirs, files in os.walk(folder):
        dirs.sort()
        base = Path(here)
        for name in dirs:
            h.update(b"dir:" + str((base / name).relative_to(root)).encode("utf-8", "surrogateescape") + b"\0")
        for name in sorted(files):
            _file(base / name, h, root)


def digest(root: Path, office: str, asked: tuple[str, ...], reference: Path) -> str | None:
    """The digest of everything a build of `office`'s document depends on; None when it
    cannot be told (the build then runs and says what is wrong)."""
    h = hashlib.sha256()
    try:
        for part in asked:
            h.update(part.encode("utf-8", "surrogateescape") + b"\0")
        h.update(f"SOURCE_DATE_EPOCH={os.environ.get('SOURCE_DATE_EPOCH', '')}\0".encode())
        _file(reference, h, reference.parent)
        h.update(_shared(root).encode())
        _tree(root / "offices" / office, h, root)
    except (OSError, ValueError, RuntimeError):  # RuntimeError: a link loop (the build says so)
        return None
    return key("built", h.hexdigest())


_SHARED: dict[str, tuple[tuple[object, ...], str]] = {}  # content folder -> (its signature, its digest)


def _shared(root: Path) -> str:
    """The digest of what every office's build reads alike: the measures, the frameworks, the
    list of offices and each one's office.yaml. Hashed again only when a stat of them differs
    (`--all` asks for it once per office: 1000 offices would otherwise read a million files)."""
    offices = root / "offices"
    names = sorted(os.listdir(offices))
    base = str(offices)
    signature: tuple[object, ...] = (*_stats(root / "measures"), *_stats(root / "frameworks"), *names,
                                     *[_stat(f"{base}/{name}/office.yaml") for name in names])
    kept = _SHARED.get(str(root))
    if kept is not None and kept[0] == signature:
        return kept[1]
    h = hashlib.sha256()
    _tree(root / "measures", h, root)
    _tree(root / "frameworks", h, root)
    for name in names:
        h.update(b"office:" + name.encode("utf-8", "surrogateescape") + b"\0")
        _file(offices / name / "office.yaml", h, root)
    _SHARED[str(root)] = (signature, h.hexdigest())
    return h.hexdigest()


def _stat(path: str) -> tuple[int, ...]:
    """What changes when a file (or the file its link points to) changes."""
    try:
        info = os.stat(path)
    except OSError as exc:
        return (exc.errno or -1,)
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _stats(folder: Path) -> list[object]:
    out: list[object] = []
    for here, dirs, files in os.walk(folder):
        dirs.sort()
        out += [(name, _stat(f"{here}/{name}")) for name in (*dirs, *sorted(files))]
    return out or [folder.is_dir()]  # empty, or missing


def recorded(cache: Cache, k: str | None, target: Path) -> tuple[list[Problem], bool] | None:
    """(warnings, thai digits) of the last build with these inputs, if `target` still holds
    what it wrote; else None."""
    if k is None:
        return None
    kept = cache.get("built", k)
    try:
        entry = json.loads(kept) if kept else None
        if not isinstance(entry, dict) or entry.get("path") != str(target.absolute()):
            return None
        if hashlib.sha256(target.read_bytes()).hexdigest() != entry["sha256"]:
            return None
        warnings = [Problem(str(p[0]), p[1], str(p[2]), str(p[3]), "warning" if p[4] == "warning" else "error")
                    for p in entry["warnings"]]
        return warnings, bool(entry["thai_digits"])
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def record(cache: Cache, k: str | None, target: Path, data: bytes, warnings: list[Problem], thai: bool) -> None:
    if k is None:
        return
    entry = {"path": str(target.absolute()), "sha256": hashlib.sha256(data).hexdigest(), "thai_digits": thai,
             "warnings": [[p.file, p.line, p.field, p.message, p.severity] for p in warnings]}
    with contextlib.suppress(TypeError, ValueError):
        cache.put("built", k, json.dumps(entry, ensure_ascii=False).encode("utf-8"))
