"""The last phase: putting finished bytes on disk. The only module that writes output.

All or nothing: a file appears under its final name only when complete (temporary
file beside it, fsync, rename), so an interrupted or failed build leaves the previous
good one untouched. Writers of one folder take turns under a lock, and under that
lock clear the temporary files a killed writer left behind. A .docx is made
reproducible first: the same content gives the same bytes.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # what Word itself writes; the zip format's earliest


class OutputError(Exception):
    """A file that could not be written, explained for the officer; the old one is intact."""

    REASONS = {errno.ENOSPC: "พื้นที่ดิสก์เต็ม", errno.EDQUOT: "พื้นที่ดิสก์เต็ม (เกินโควตา)",
               errno.EACCES: "ไม่มีสิทธิ์เขียนโฟลเดอร์นี้", errno.EPERM: "ไม่มีสิทธิ์เขียนโฟลเดอร์นี้",
               errno.EROFS: "โฟลเดอร์นี้เขียนไม่ได้ (อ่านอย่างเดียว)",
               errno.ENOTDIR: "ส่วนหนึ่งของที่อยู่เป็นไฟล์ ไม่ใช่โฟลเดอร์",
               errno.EISDIR: "มีโฟลเดอร์ชื่อเดียวกับไฟล์ที่จะเขียนอยู่แล้ว",
               errno.EEXIST: "ที่อยู่นี้มีอยู่แล้วแต่ไม่ใช่โฟลเดอร์ที่เขียนได้",
               errno.ELOOP: "ที่อยู่นี้เป็นลิงก์ที่วนกลับมาที่ตัวเอง",
               errno.ENOENT: "ไม่มีโฟลเดอร์นี้ และสร้างไม่ได้",
               errno.ENAMETOOLONG: "ชื่อไฟล์หรือที่อยู่ยาวเกินไป"}

    def __init__(self, path: Path, exc: OSError):
        self.path = path
        reason = self.REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        super().__init__(f"{path}: เขียนไฟล์ไม่ได้ — {reason} (ไฟล์เดิมยังอยู่ครบ ไม่ถูกแก้ไข)")


def write_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to `path`, all or nothing."""
    return _replace(Path(path), lambda f: f.write(data))


def copy_atomic(src: Path, path: Path) -> Path:
    """Copy the file `src` to `path`, all or nothing (src may be on another filesystem)."""
    def copy(f: BinaryIO) -> None:
        with open(src, "rb") as fin:
            shutil.copyfileobj(fin, f)
    return _replace(Path(path), copy)


def _replace(path: Path, fill: Callable[[BinaryIO], object]) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with locked(path.parent):
            for stale in path.parent.glob(f".{path.name}.*.tmp"):
                stale.unlink(missing_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    os.fchmod(f.fileno(), 0o666 & ~_umask())  # mkstemp's 0600 is not what a user expects
                    fill(f)
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
    except OSError as exc:
        raise OutputError(path, exc) from None
    return path


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Writers of one folder take turns (an advisory lock on the folder itself)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --------------------------------------------------------------------------- reproducible .docx

def reproducible(docx: bytes | dict[str, bytes], when: datetime, properties: dict[str, str] | None = None) -> bytes:
    """Same content, same bytes: fixed entry order and times, fixed core properties (and
    `properties`, e.g. {"dc:title": …}, set there too). `docx`: a .docx, or its entries
    as `entries()` gives them (saving a document only to unpack it again takes as long
    as the rest of the write)."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(docx, bytes):
        src = zipfile.ZipFile(io.BytesIO(docx))
        docx = {name: src.read(name) for name in src.namelist()}
    # [Content_Types].xml first, as Word writes it; the rest in a stable order.
    order = sorted(docx, key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    # zlib level 3: half of level 6's time (the largest step of writing a document) for a
    # file about a tenth larger.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as dst:
        for name in order:
            data = docx[name]
            if name == "docProps/core.xml":
                data = _core(data, stamp, properties or {})
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data, compresslevel=3)
    return out.getvalue()


def entries(doc: Any) -> dict[str, bytes]:
    """A python-docx document's zip entries, as its save() would write them (python-docx's
    own PackageWriter steps), without compressing them."""
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from docx.opc.pkgwriter import _ContentTypesItem
    package = doc.part.package
    parts = list(package.iter_parts())
    out = {CONTENT_TYPES_URI.membername: _ContentTypesItem.from_parts(parts).blob,
           PACKAGE_URI.rels_uri.membername: package.rels.xml}
    for part in parts:
        out[part.partname.membername] = part.blob
        if len(part.rels):
            out[part.partname.rels_uri.membername] = part.rels.xml
    return out


_CORE_NS = {"dcterms": "http://purl.org/dc/terms/",
            "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            "dc": "http://purl.org/dc/elements/1.1/"}


def _core(xml: bytes, stamp: str, properties: dict[str, str]) -> bytes:
    from lxml import etree
    root = etree.fromstring(xml)
    for tag, value in (("dcterms:created", stamp), ("dcterms:modified", stamp),
                       ("dc:creator", "measures"), ("cp:lastModifiedBy", "measures"), ("cp:revision", "1"),
                       *properties.items()):
        el = root.find(tag, _CORE_NS)
        if el is None:  # core properties are an unordered set (xsd:all): appending is valid
            prefix, local = tag.split(":")
            el = etree.SubElement(root, f"{{{_CORE_NS[prefix]}}}{local}")
        el.text = value or None
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def write_folder(folder: Path, files: Mapping[str, bytes | Path]) -> Path:
    """Write `files` as the folder `folder`, all or nothing.

    A folder cannot be replaced in one rename (os.replace refuses a non-empty target), and a
    symlink swap would upload badly (Windows shares, FTP clients, zip). So the new site is
    written whole into a hidden sibling, then two renames, old aside and new in, under the lock
    that write.py's writers of this folder take: a failure before them leaves the last good
    site as it was; the moment between them is two system calls long, and if the second
    fails the first is undone. Leftovers of a killed build are removed by the next one."""
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        with locked(parent):
            for stale in parent.glob(f".{folder.name}.*.tmp"):
                shutil.rmtree(stale, ignore_errors=True)
            new = Path(tempfile.mkdtemp(prefix=f".{folder.name}.new.", suffix=".tmp", dir=parent))
            old = new.with_name(new.name.replace(".new.", ".old."))
            try:
                for name, data in sorted(files.items()):
                    if isinstance(data, bytes):
                        write_atomic(new / name, data)
                    else:
                        copy_atomic(data, new / name)
                mask = os.umask(0)
                os.umask(mask)
                os.chmod(new, 0o777 & ~mask)  # mkdtemp makes it private; a site is not
                moved = folder.exists()
                if moved:
                    os.rename(folder, old)
                try:
                    os.rename(new, folder)
                except BaseException:
                    if moved:
                        os.rename(old, folder)
                    raise
            except BaseException:
                shutil.rmtree(new, ignore_errors=True)
                raise
            with contextlib.suppress(OSError):
                shutil.rmtree(old)
    except OSError as exc:
        raise OutputError(folder, exc) from None
    return folder
