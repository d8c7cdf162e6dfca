"""Interrupted, concurrent and failing builds: a complete document or the old one, never a mix."""
from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from measures import write as write_module
from measures.cli import main
from measures.docxread import all_text, open_docx
from measures.load import Content
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


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_interrupted_builds_leave_the_old_document_or_a_complete_new_one(tmp_path, content_copy, sig):
    out = tmp_path / "out"
    first = run_build(out)
    assert first.wait(120) == 0, first.stderr.read().decode()
    old = (out / "measures-2565.docx").read_bytes()
    # The interrupted builds write a different document, so old and new can be told apart.
    replace_text(content_copy / "offices/kksec/2565/publication.yaml", "motto:\n  - ", "motto:\n  - ฉบับแก้ไข ")
    new = build("kksec", 2565, out_dir=tmp_path / "expected", content=Content(content_copy)).path.read_bytes()
    rng = random.Random(20261124)
    outcomes = []
    for _ in range(6):
        (out / "measures-2565.docx").write_bytes(old)  # the last good build, each time
        proc = run_build(out, content_copy)
        time.sleep(rng.uniform(0.2, 3.0))
        proc.send_signal(sig)
        proc.wait(120)
        now = (out / "measures-2565.docx").read_bytes()
        assert now in (old, new)  # builds are byte-identical, so "complete" is exact
        outcomes.append("old" if now == old else "new")
        if sig == signal.SIGINT:
            assert leftovers(out) == []  # Python cleans up on Ctrl-C
    assert "old" in outcomes  # at least one build really was cut short
    # SIGKILL can leave a temporary file; the next build removes it and succeeds.
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
    with pytest.raises(OutputError, match="ไม่มีสิทธิ์เขียน") as e:
        build("kksec", 2565, out_dir=out)
    assert str(good) in str(e.value) and "ไฟล์เดิมยังอยู่" in str(e.value)
    assert good.read_bytes() == before


def test_output_under_a_file_is_refused_clearly(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = CliRunner().invoke(main, ["build", "--out", str(blocker / "sub")])
    assert out.exit_code == 1 and "เขียนไฟล์ไม่ได้" in out.stderr


def test_disk_full(tmp_path, monkeypatch):
    out = tmp_path / "out"
    good = build("kksec", 2565, out_dir=out).path
    before = good.read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(write_module.os, "fsync", full)
    with pytest.raises(OutputError, match="พื้นที่ดิสก์เต็ม"):
        build("kksec", 2565, out_dir=out)
    assert good.read_bytes() == before and leftovers(out) == []


@pytest.mark.skipif(os.geteuid() != 0 or not Path("/bin/mount").exists(), reason="needs root to mount a tmpfs")
def test_disk_full_on_a_real_small_filesystem(tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", str(small)],
                      capture_output=True).returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        good = build("kksec", 2565, out_dir=small).path  # ~140 KB fits once
        before = good.read_bytes()
        with pytest.raises(OutputError, match="พื้นที่ดิสก์เต็ม"):
            build("kksec", 2565, out_dir=small)  # a second copy beside it does not
        assert good.read_bytes() == before and leftovers(small) == []
    finally:
        subprocess.run(["umount", str(small)])
