"""Interrupted, concurrent and failing builds: a complete document or the old one, never a mix."""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from measures import write as write_module
from measures.cli import main
from measures.load import Content
from measures.ooxml.read import all_text, open_docx
from measures.pipeline import build
from measures.write import OutputError

from .conftest import PROJECT, replace_text


def run_build(out: Path, content: Path | None = None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    if content is not None:
        env["MEASURES_CONTENT"] = str(content)
    return subprocess.Popen([sys.executable, "-m", "measures.cli", "build", "--office", "kksec", "--out", str(out)],
                            env=env, cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def complete(path: Path) -> bool:
    with zipfile.ZipFile(path) as z:
        return z.testzip() is None and "word/document.xml" in z.namelist()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# A child process that builds with one step of the write held open: it prints WINDOW when it
# reaches that step and waits there, so the signal lands inside the write, every time.
HOLD = """
import os, sys, time
import measures.write as w
step = sys.argv.pop(1)
real = getattr(os, step)
def held(*args, **kwargs):
    # just before the document's rename (not a cache entry's): the new file is complete beside the old one
    if step == "replace" and str(args[1]).endswith(".docx"):
        print("WINDOW", flush=True); time.sleep(60)
    result = real(*args, **kwargs)
    if step == "fsync":    # the temporary file is written and synced, not yet renamed
        print("WINDOW", flush=True); time.sleep(60)
    return result
setattr(w.os, step, held)
from measures.cli import main
main()
"""


def held_build(out: Path, content: Path, step: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONUNBUFFERED="1", MEASURES_CONTENT=str(content))
    return subprocess.Popen([sys.executable, "-c", HOLD, step, "build", "--office", "kksec", "--out", str(out)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_build_interrupted_inside_its_write_leaves_the_old_document(tmp_path, content_copy, sig, step):
    out = tmp_path / "out"
    old = build("kksec", 2565, out_dir=out, content=Content(content_copy)).path.read_bytes()
    # The interrupted build writes a different document, so old and new can be told apart.
    replace_text(content_copy / "offices/kksec/2565/publication.yaml", "motto:\n  - ", "motto:\n  - ฉบับแก้ไข ")
    proc = held_build(out, content_copy, step)
    assert proc.stdout.readline().strip() == "WINDOW", proc.stderr.read()
    assert leftovers(out), "the temporary file is there while the write is under way"
    proc.send_signal(sig)
    proc.wait(60)
    assert (out / "measures-2565.docx").read_bytes() == old
    if sig == signal.SIGINT:
        assert leftovers(out) == []  # Ctrl-C: the write cleans up after itself
        assert "Traceback" not in proc.stderr.read()
    # After SIGKILL a temporary file may be left; the next build removes it and succeeds.
    last = run_build(out, content_copy)
    assert last.wait(120) == 0
    assert leftovers(out) == [] and "ฉบับแก้ไข" in all_text(open_docx(out / "measures-2565.docx"))


def test_two_builds_at_once_both_finish_with_one_complete_document(tmp_path):
    out = tmp_path / "out"
    procs = [run_build(out) for _ in range(2)]
    assert [p.wait(180) for p in procs] == [0, 0]
    assert complete(out / "measures-2565.docx") and leftovers(out) == []
    alone = build("kksec", 2565, out_dir=tmp_path / "alone").path
    assert (out / "measures-2565.docx").read_bytes() == alone.read_bytes()


def test_output_folder_not_writable(tmp_path, monkeypatch):
    out = tmp_path / "out"
    good = build("kksec", 2565, out_dir=out).path
    before = good.read_bytes()

    def refuse(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(write_module.tempfile, "mkstemp", refuse)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # a new build (dated anew): there is something to write
    with pytest.raises(OutputError, match="ไม่มีสิทธิ์เขียน") as e:
        build("kksec", 2565, out_dir=out)
    assert str(good) in str(e.value) and "ไฟล์เดิมยังอยู่" in str(e.value)
    assert good.read_bytes() == before


def test_output_under_a_file_is_refused_clearly(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = CliRunner().invoke(main, ["build", "--office", "kksec", "--out", str(blocker / "sub")])
    assert isinstance(out.exception, SystemExit) and out.exit_code == 1 and "เขียนไฟล์ไม่ได้" in out.stderr


def test_disk_full(tmp_path, monkeypatch):
    out = tmp_path / "out"
    good = build("kksec", 2565, out_dir=out).path
    before = good.read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(write_module.os, "fsync", full)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # a new build (dated anew): there is something to write
    with pytest.raises(OutputError, match="พื้นที่ดิสก์เต็ม"):
        build("kksec", 2565, out_dir=out)
    assert good.read_bytes() == before and leftovers(out) == []


@pytest.mark.skipif(os.geteuid() != 0 or not Path("/bin/mount").exists(), reason="needs root to mount a tmpfs")
def test_disk_full_on_a_real_small_filesystem(tmp_path, monkeypatch):
    small = tmp_path / "small"
    small.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", str(small)],
                      capture_output=True).returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        good = build("kksec", 2565, out_dir=small).path  # ~140 KB fits once
        before = good.read_bytes()
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # a new build: there is something to write
        with pytest.raises(OutputError, match="พื้นที่ดิสก์เต็ม"):
            build("kksec", 2565, out_dir=small)  # a second copy beside it does not
        assert good.read_bytes() == before and leftovers(small) == []
    finally:
        subprocess.run(["umount", str(small)])
