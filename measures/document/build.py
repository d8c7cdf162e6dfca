"""content -> model -> analysis -> document: one publication, written atomically.

Nothing is written unless every check passes and the template renders; the file
appears under its final name only when complete (temporary file, fsync, rename),
so an interrupted or failed build leaves the previous good document untouched.
"""
from __future__ import annotations

import contextlib
import fcntl
import io
import os
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..analysis import analyse
from ..checks import check_loaded
from ..content import PROJECT, Content
from ..model import build as build_model
from ..problems import ContentError
from .chart import indicator_chart
from .context import build_context
from .render import render

TEMPLATES = PROJECT / "templates"
BUILD = PROJECT / "build"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # what Word itself writes; the zip format's earliest


@dataclass
class Built:
    path: Path
    warnings: list


def prepare(office: str, year: int | None = None, content: Content | None = None):
    """Load, check, merge and analyse; ContentError with every problem if anything is wrong."""
    content = content or Content()
    loaded = content.load(office, year)
    problems = check_loaded(loaded)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ContentError(problems)
    model = build_model(loaded)
    analysis = analyse(loaded.framework, loaded.results)
    return model, analysis, loaded.warnings + problems


def document_bytes(kind: str, model, analysis, template: Path | None = None) -> bytes:
    style = model.office.style
    thai = style.digits == "thai"
    context = build_context(model, analysis)
    chart = indicator_chart(analysis, thai) if kind == "measures" else None
    margins = style.margins.model_dump() if style.margins is not None else None
    raw = render(template or TEMPLATES / f"{kind}.docx", context, chart, thai=thai,
                 font=style.font, margins=margins)
    return reproducible(raw, source_date(model))


def build(office: str, year: int | None = None, kind: str = "measures", out_dir: Path | None = None,
          template: Path | None = None, content: Content | None = None) -> Built:
    model, analysis, warnings = prepare(office, year, content)
    data = document_bytes(kind, model, analysis, template)
    out_dir = Path(out_dir) if out_dir else BUILD / office
    path = out_dir / f"{kind}-{model.publication.year}.docx"
    write_atomic(path, data)
    return Built(path, warnings)


# --------------------------------------------------------------------------- output

def source_date(model) -> datetime:
    """The document's date: SOURCE_DATE_EPOCH, else the publication's date, else 1 Oct
    of its fiscal year (fiscal years begin in October of the year before)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    pub = model.publication
    if pub.date:
        y, m, d = (int(x) for x in pub.date.split("-"))
        return datetime(y - 543, m, d, tzinfo=timezone.utc)
    return datetime(pub.year - 544, 10, 1, tzinfo=timezone.utc)


def reproducible(docx: bytes, when: datetime) -> bytes:
    """Same content, same bytes: fixed entry order and times, fixed core properties."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(io.BytesIO(docx))
    names = src.namelist()
    # [Content_Types].xml first, as Word writes it; the rest in a stable order.
    order = sorted(names, key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in order:
            data = src.read(name)
            if name == "docProps/core.xml":
                data = _core(data, stamp)
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)
    return out.getvalue()


def _core(xml: bytes, stamp: str) -> bytes:
    from lxml import etree
    root = etree.fromstring(xml)
    ns = {"dcterms": "http://purl.org/dc/terms/", "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
          "dc": "http://purl.org/dc/elements/1.1/"}
    for tag in ("dcterms:created", "dcterms:modified"):
        el = root.find(tag, ns)
        if el is not None:
            el.text = stamp
    for tag, value in (("dc:creator", "measures"), ("cp:lastModifiedBy", "measures")):
        el = root.find(tag, ns)
        if el is not None:
            el.text = value
    rev = root.find("cp:revision", ns)
    if rev is not None:
        rev.text = "1"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Write next to the target, fsync, then rename over it: all or nothing.

    Builds of the same folder take turns (a lock on the folder), so two at once
    each leave a complete document; under the lock, temporary files that a
    killed build left behind are removed."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(path.parent):
            for stale in path.parent.glob(f".{path.name}.*.tmp"):
                stale.unlink(missing_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    os.fchmod(f.fileno(), 0o666 & ~_umask())  # mkstemp's 0600 is not what a user expects
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
                os.replace(tmp, path)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
    except OSError as exc:
        raise OutputError(path, exc) from None


@contextlib.contextmanager
def _locked(folder: Path):
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


class OutputError(Exception):
    def __init__(self, path: Path, exc: OSError):
        import errno
        reason = {errno.ENOSPC: "พื้นที่ดิสก์เต็ม", errno.EACCES: "ไม่มีสิทธิ์เขียนโฟลเดอร์นี้",
                  errno.EROFS: "โฟลเดอร์นี้เขียนไม่ได้ (อ่านอย่างเดียว)", errno.EPERM: "ไม่มีสิทธิ์เขียนโฟลเดอร์นี้"}
        self.path = path
        super().__init__(f"{path}: เขียนไฟล์ไม่ได้ — {reason.get(exc.errno, exc.strerror or str(exc))} "
                         "(ไฟล์เดิมยังอยู่ครบ ไม่ถูกแก้ไข)")
