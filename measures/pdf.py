"""Word (.docx) to PDF with LibreOffice, table of contents and fields brought up to date.

Plain `soffice --convert-to pdf` prints whatever the TOC field held when the
.docx was written (python-docx cannot lay out pages, so that is stale).  Here
LibreOffice runs a small Basic macro instead (measures/data/basic, package
data): load each document hidden, refresh fields, update() every index (the
TOC among them), export with the writer_pdf_Export filter.  Basic is built
into LibreOffice, so no extra Debian package (python3-uno) is needed.

Every call gets its own LibreOffice profile in a temporary directory, so two
conversions at once, or a LibreOffice the user has open, do not get in each
other's way.  That profile carries the macro and the Thai fonts shrunk to TH
SarabunPSK's size (see measures/data/fonts.conf for why).  A batch
(convert_many) costs one LibreOffice start, however many documents it holds.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path
from typing import NoReturn

from . import fonts
from .fonts import FONTS_CONF  # the fontconfig set-up the conversion runs under
from .write import OutputError, copy_atomic

INSTALL_HINT = "sudo apt-get install libreoffice-writer"
TEMP_PREFIX = "measures-pdf-"  # + "<pid>-<random>": the pid says whether its owner still runs


class PdfError(Exception):
    """A conversion that did not happen, explained for the office clerk (Thai, then detail).
    `failed` lists the .docx files that got no PDF."""

    def __init__(self, message: str, failed: Iterable[Path] = ()):
        super().__init__(message)
        self.failed = list(failed)


@dataclass(frozen=True)
class Job:
    """One document of a batch: `docx` becomes `pdf`; thai_digits gives the page
    numbers (footer fields and the contents) Thai digits."""
    docx: Path
    pdf: Path
    thai_digits: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "docx", Path(self.docx))
        object.__setattr__(self, "pdf", Path(self.pdf))


def find_soffice() -> str | None:
    """LibreOffice's program: $MEASURES_SOFFICE if set, else soffice/libreoffice on PATH."""
    chosen = os.environ.get("MEASURES_SOFFICE")
    if chosen:
        return shutil.which(chosen)  # a name or a full path; None if not runnable
    return shutil.which("soffice") or shutil.which("libreoffice")


# Measured here (2 cores, LibreOffice 7.4, warm disk cache, median of 5): the
# 1-page preface (0.04 MB) takes 1.66 s in all, nearly all of it LibreOffice's
# start with a fresh profile (~1.45 s); the 25-page measures document
# (0.14 MB) 2.66 s, i.e. ~1.2 s of work, ~8.5 s per MB of .docx.  Each
# allowance below is ~35 times that, room for an old office PC with a cold
# disk cache (where LibreOffice's first start alone can take half a minute):
# a timeout is there to end a hang, not to hurry a slow machine.  Size
# overstates the work of pictures, which is the safe side.  The cap keeps a
# hung batch from holding the user for more than a quarter of an hour.
TIMEOUT_START = 60.0    # seconds: LibreOffice's start with a new profile, fonts loaded
TIMEOUT_PER_DOC = 10.0  # seconds: open, lay out and export even the smallest document
TIMEOUT_PER_MB = 300.0  # seconds per MB of .docx: the measures document alone gets 60 + 10 + 43 s
TIMEOUT_CAP = 900.0     # seconds


def conversion_timeout(docx_sizes: Iterable[int]) -> float:
    """Seconds a batch of .docx files of these sizes (bytes) may take in all."""
    work = sum(TIMEOUT_PER_DOC + TIMEOUT_PER_MB * size / 1e6 for size in docx_sizes)
    return min(TIMEOUT_START + work, TIMEOUT_CAP)


def convert(docx: Path, pdf: Path, *, thai_digits: bool = False, timeout: float | None = None) -> Path:
    """Write `pdf` from `docx` (all or nothing); raises PdfError.  See convert_many."""
    return convert_many([Job(docx, pdf, thai_digits)], timeout=timeout)[0]


def convert_many(jobs: Iterable[Job], *, timeout: float | None = None) -> list[Path]:
    """Convert every job in one LibreOffice run; returns the PDFs' paths.

    Each PDF is placed with measures.write.copy_atomic, so it appears complete
    or not at all and an earlier one stays as it was.  A document that fails
    (unreadable, damaged, LibreOffice stopped or timed out before reaching it,
    its PDF not writable) does not stop the others: every PDF that was made is
    placed, then one PdfError names every failed document (`.failed`).  An
    OutputError from placing a PDF (disk full, no permission) is caught and
    its message, already a clear Thai one, becomes that document's line in
    the PdfError: callers need catch PdfError only.  `timeout` (seconds, for
    the whole batch) defaults to conversion_timeout() of the documents' sizes.
    """
    jobs = list(jobs)
    if not jobs:
        return []
    if len({j.pdf.resolve() for j in jobs}) != len(jobs):
        raise ValueError("two jobs of one batch write the same PDF")
    remove_stale_temp_dirs()
    problems: dict[int, str] = {}  # job index -> what went wrong, for the clerk
    for i, job in enumerate(jobs):
        if not job.docx.is_file() or job.docx.stat().st_size == 0:
            problems[i] = f"ไม่พบไฟล์ Word ที่จะแปลงเป็น PDF หรือไฟล์ว่างเปล่า: {job.docx}"
    todo = [i for i in range(len(jobs)) if i not in problems]
    if not todo:
        _raise(jobs, problems, "")
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(
            "ไม่พบโปรแกรม LibreOffice จึงสร้างไฟล์ PDF ไม่ได้ "
            f"กรุณาติดตั้งก่อน (Debian/Ubuntu: {INSTALL_HINT}) "
            "หรือกำหนดที่อยู่โปรแกรมในตัวแปร MEASURES_SOFFICE\n"
            "LibreOffice (soffice) was not found: install it "
            f"({INSTALL_HINT}) or set MEASURES_SOFFICE.", failed=[j.docx for j in jobs])
    if not FONTS_CONF.is_file():
        raise PdfError("ไม่พบไฟล์ตั้งค่าฟอนต์ fonts.conf ของโปรแกรม (ต้องมีเพื่อใช้ฟอนต์ TH SarabunPSK)",
                       failed=[j.docx for j in jobs])
    if timeout is None:
        timeout = conversion_timeout(jobs[i].docx.stat().st_size for i in todo)

    with contextlib.ExitStack() as cleanup:
        try:
            tmp = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", dir=_temp_root())).resolve()
            cleanup.callback(shutil.rmtree, tmp, ignore_errors=True)
            conf = cleanup.enter_context(fonts.fonts_conf())
            # TMPDIR: LibreOffice's own temporary files (lu*.tmp) go in our folder
            # and leave with it, instead of piling up in /tmp.
            (tmp / "tmp").mkdir()
            env = dict(os.environ, FONTCONFIG_FILE=str(conf), TMPDIR=str(tmp / "tmp"))
            _make_profile(tmp / "profile" / "user", env)
            listing = _stage(jobs, todo, tmp / "work")
        except OSError as exc:  # a full or read-only temporary folder
            reason = OutputError.REASONS.get(exc.errno or 0, exc.strerror or str(exc))
            raise PdfError(f"เตรียมการแปลงเป็น PDF ในโฟลเดอร์ชั่วคราวไม่ได้ — {reason}\n{exc}",
                           failed=[j.docx for j in jobs]) from None
        stderr, stopped = _run([soffice, f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
                                "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                                f'macro:///Standard.Module1.ConvertAll("{listing.as_uri()}")'], env, timeout,
                               tmp / "soffice.log")
        for i in todo:
            problem = _place(jobs[i], tmp / "work" / str(i), stopped)
            if problem:
                problems[i] = problem
    if problems:
        _raise(jobs, problems, "\n".join(filter(None, [stopped, stderr])))
    return [j.pdf for j in jobs]


def _raise(jobs: list[Job], problems: dict[int, str], tail: str) -> NoReturn:
    failed = sorted(problems)
    head = ""
    if len(jobs) > 1:
        names = ", ".join(jobs[i].docx.name for i in failed)
        head = (f"แปลงเป็น PDF ไม่สำเร็จ {len(failed)} จาก {len(jobs)} ไฟล์: {names}"
                f" (ไฟล์อื่นสร้างเสร็จแล้ว)\n" if len(failed) < len(jobs) else
                f"แปลงเป็น PDF ไม่สำเร็จทั้ง {len(jobs)} ไฟล์: {names}\n")
    body = "\n".join(problems[i] for i in failed)
    raise PdfError(f"{head}{body}\n{tail}".rstrip(), failed=[jobs[i].docx for i in failed])


def _stage(jobs: list[Job], todo: list[int], work: Path) -> Path:
    """Copy the documents into `work` and list them for the macro (one line
    each: in, out, status, Thai flag; see Module1.xba); returns the list."""
    work.mkdir()
    lines = []
    for i in todo:
        # Work on copies: LibreOffice leaves a lock file beside what it opens.
        src = work / f"{i}.docx"
        shutil.copyfile(jobs[i].docx, src)
        lines.append("\t".join([src.as_uri(), src.with_suffix(".pdf").as_uri(),
                                src.with_suffix(".status").as_uri(), "1" if jobs[i].thai_digits else "0"]))
    listing = work / "jobs.tsv"
    listing.write_text("\n".join(lines) + "\n", encoding="ascii")  # URLs are %-encoded
    return listing


def _place(job: Job, stem: Path, stopped: str) -> str | None:
    """Put the PDF LibreOffice made at `stem`.pdf where the job wants it;
    None, or what went wrong."""
    status, out = stem.with_suffix(".status"), stem.with_suffix(".pdf")
    detail = status.read_text(encoding="utf-8", errors="replace").strip() if status.exists() else ""
    failed = f"LibreOffice แปลง {job.docx.name} เป็น PDF ไม่สำเร็จ"
    if detail == "OK" and out.is_file() and not _is_pdf(out):
        return f"{failed} (LibreOffice รายงานว่าสำเร็จ แต่ไฟล์ที่ได้ไม่ใช่ PDF ที่สมบูรณ์ จึงไม่นำไปแทนไฟล์เดิม)"
    if detail == "OK" and out.is_file():
        try:
            copy_atomic(out, job.pdf)
        except OutputError as exc:
            return str(exc)
        return None
    if detail.startswith("NOT-OPENED"):
        return f"{failed} (ไฟล์อาจเสียหายหรือไม่ใช่ไฟล์ Word .docx)\n{detail.removeprefix('NOT-OPENED ')}"
    if detail:  # the macro's error ("OK" without its PDF would land here too)
        return f"{failed}\n{detail}"
    if stopped:
        return f"{failed} (LibreOffice หยุดก่อนทำไฟล์นี้เสร็จ)"
    return f"{failed} (ไม่มีไฟล์ผลลัพธ์)"


def _is_pdf(path: Path) -> bool:
    """A whole PDF: its header, and the end-of-file marker near its end."""
    with open(path, "rb") as f:
        head = f.read(8)
        f.seek(max(0, path.stat().st_size - 1024))
        return head.startswith(b"%PDF-") and b"%%EOF" in f.read()


def _make_profile(user: Path, env: dict) -> None:
    """The profile's user folder, complete before LibreOffice's first and only
    start: the Basic library "Standard" holding the macro (macros in the
    user's own profile run without a security prompt), the setting that keeps
    LibreOffice from overwriting it with its presets, and the PSK fonts."""
    data = files("measures.data")
    # as_file gives a real folder for copytree (a no-op for an unpacked install).
    with as_file(data / "basic") as basic:
        shutil.copytree(basic, user / "basic")
    (user / "registrymodifications.xcu").write_bytes((data / "registrymodifications.xcu").read_bytes())
    fonts.install_psk_fonts(user / "fonts", env)


def _run(cmd: list[str], env: dict, timeout: float, log: Path) -> tuple[str, str]:
    """Run LibreOffice; return (its stderr tail, why it stopped early or "").
    Its output goes to a file, never to a pipe: a pipe it floods would grow our memory, and
    one a stray child keeps open would keep us waiting after a kill. On timeout, and on
    KeyboardInterrupt or any other exception here, kill its whole process group, which is
    only what this call started (soffice is a script that starts soffice.bin; its own
    session, so a Ctrl-C in the terminal reaches only us and we pass it on)."""
    with open(log, "wb") as err:
        proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=err, start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            proc.wait()
            return _tail(log), (f"LibreOffice ทำงานเกิน {timeout:g} วินาที จึงหยุดการแปลงเป็น PDF\n"
                                f"LibreOffice timed out after {timeout:g} s.")
        except BaseException:
            _kill(proc)
            proc.wait()
            raise
        _kill(proc)  # anything it left running in its group
    if proc.returncode != 0:
        return _tail(log), f"LibreOffice ทำงานผิดพลาด (รหัส {proc.returncode})"
    return _tail(log), ""


def _kill(proc: subprocess.Popen) -> None:
    # Before proc is reaped its pid, hence the group id, cannot be reused.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def _tail(log: Path, lines: int = 15) -> str:
    with open(log, "rb") as f:
        f.seek(max(0, log.stat().st_size - 65536))  # the end says why; the rest can be huge
        text = f.read().decode("utf-8", errors="replace")
    # This warning comes on every run without Java and means nothing here.
    kept = [line for line in text.splitlines() if line.strip() and "javaldx" not in line]
    return "\n".join(kept[-lines:])


def _temp_root() -> str:
    """Where the conversion's folder goes. Its path is passed to LibreOffice inside a macro
    URL, which decodes %-escapes once more: a temporary folder whose name holds % or #
    cannot be used there, so a plain one is chosen instead."""
    for root in (tempfile.gettempdir(), "/tmp", "/var/tmp", str(Path.home())):
        if re.fullmatch(r"[\w/.\-]+", root) and os.access(root, os.W_OK):
            return root
    return tempfile.gettempdir()


def remove_stale_temp_dirs(root: Path | None = None) -> list[Path]:
    """Remove the temporary folders of conversions whose process is gone
    (killed with -9, crashed): each is named measures-pdf-<pid>-..., and a
    folder whose pid still runs is never touched.  Returns what was removed."""
    removed = []
    for folder in Path(root or _temp_root()).glob(f"{TEMP_PREFIX}*"):
        m = re.fullmatch(rf"{re.escape(TEMP_PREFIX)}(\d+)-.+", folder.name)
        try:
            if not m or folder.is_symlink() or not folder.is_dir() or folder.stat().st_uid != os.getuid():
                continue
            os.kill(int(m[1]), 0)  # signal 0: only asks whether the process exists
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        except (OSError, OverflowError):
            pass  # alive but someone else's (PermissionError), or gone meanwhile
    return removed
