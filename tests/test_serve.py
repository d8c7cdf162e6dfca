"""`measures serve` end to end, as an officer uses it: the real command in its own process on
a copy of the content; a text edited and saved, the rebuilt .docx and page read back; a broken
edit shown on the page with its file and line while the last good document stays; the same
bytes as `measures build`; the browser told to reload."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from measures.ooxml.read import all_text, open_docx

from .conftest import PROJECT

MEASURES = Path(sys.executable).with_name("measures")
PUBLICATION = "content/offices/kksec/2565/publication.yaml"
PHRASE = "มาสรุปเป็นแนวทางในการดำเนินงาน ดังนี้"


class Served:
    """The running command: its address, its output, and what it serves."""

    def __init__(self, root: Path):
        self.root = root
        env = {**os.environ, "MEASURES_SOFFICE": str(root / "no-soffice")}  # pages first; PDFs are test_site's
        self.proc = subprocess.Popen([str(MEASURES), "serve", "--office", "kksec", "--port", "0"], cwd=root,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        self.lines: list[str] = []
        self.url = ""
        found = threading.Event()

        def read() -> None:
            assert self.proc.stderr is not None
            for line in self.proc.stderr:
                self.lines.append(line)
                m = re.search(r"http://[0-9.]+:\d+/", line)
                if m:
                    self.url = m.group(0)
                    found.set()
        threading.Thread(target=read, daemon=True).start()
        end = time.monotonic() + 120
        while not found.wait(0.1) and self.proc.poll() is None and time.monotonic() < end:
            pass
        if not self.url:
            self.stop()
            pytest.fail("measures serve did not start:\n" + "".join(self.lines))

    def get(self, path: str) -> bytes:
        with urllib.request.urlopen(self.url + path, timeout=30) as r:
            return r.read()

    def status(self) -> dict:
        return json.loads(self.get("__status"))

    def after(self, rebuilds: int, timeout: float = 60) -> dict:
        """The status once the rebuild after the `rebuilds`th is done."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            s = self.status()
            if s["rebuilds"] > rebuilds:
                return s
            time.sleep(0.05)
        pytest.fail("no rebuild after an edit:\n" + "".join(self.lines))

    def page(self) -> str:
        """index.html as text (the words' spans taken out)."""
        return re.sub("<[^>]+>", "", self.get("index.html").decode("utf-8"))

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    shutil.copytree(PROJECT / "content", root / "content")
    s = Served(root)
    yield s
    s.stop()


def test_serves_the_built_publication_with_the_same_bytes_as_build(served, tmp_path):
    status = served.status()
    assert status["ok"] and status["problems"] == []
    docx = served.root / "build/kksec/measures-2565.docx"
    assert str(docx) in status["docx"]
    # `measures build` of the same content, elsewhere: the same bytes.
    subprocess.run([str(MEASURES), "build", "--office", "kksec", "--out", str(tmp_path)], cwd=served.root,
                   check=True, capture_output=True)
    assert (tmp_path / "measures-2565.docx").read_bytes() == docx.read_bytes()
    page = served.get("index.html").decode("utf-8")
    assert '<script src="/__reload.js" defer></script>' in page and "script-src 'self'" in page
    assert served.get("site.css") and served.get("measures-2565.docx") == docx.read_bytes()
    assert "location.reload" in served.get("__reload.js").decode()


def test_an_edit_is_in_the_document_and_on_the_page(served):
    pub = served.root / PUBLICATION
    text = pub.read_text(encoding="utf-8")
    rebuilds = served.status()["rebuilds"]
    pub.write_text(text.replace(PHRASE, "มาสรุปเป็นแนวทางในการดำเนินงานรอบใหม่ ดังนี้"), encoding="utf-8")
    status = served.after(rebuilds)
    assert status["ok"], status
    docx = served.root / "build/kksec/measures-2565.docx"
    assert "แนวทางในการดำเนินงานรอบใหม่ ดังนี้" in all_text(open_docx(docx))
    assert "แนวทางในการดำเนินงานรอบใหม่ ดังนี้" in served.page()
    pub.write_text(text, encoding="utf-8")
    served.after(status["rebuilds"])


def test_a_broken_edit_is_shown_on_the_page_and_the_last_good_document_stays(served):
    pub = served.root / PUBLICATION
    text = pub.read_text(encoding="utf-8")
    docx = served.root / "build/kksec/measures-2565.docx"
    good = docx.read_bytes()
    rebuilds = served.status()["rebuilds"]
    line = next(n for n, x in enumerate(text.splitlines(), 1) if "practice_intro" in x)
    pub.write_text(text.replace("practice_intro:", "practise_intro:", 1), encoding="utf-8")  # a key misspelt
    status = served.after(rebuilds)
    assert not status["ok"]
    assert any(f"publication.yaml:{line}" in p for p in status["problems"]), status["problems"]
    page = served.get("index.html").decode("utf-8")
    banner = re.search(r'<section id="preview-problems".*?</section>', page, re.S)
    assert banner and f"publication.yaml:{line}" in banner.group(0)
    assert PHRASE in served.page()  # the last good page is still there, under the problems
    assert docx.read_bytes() == good  # and the last good document
    pub.write_text(text, encoding="utf-8")  # fixed: the problems are gone
    status = served.after(status["rebuilds"])
    assert status["ok"] and 'id="preview-problems"' not in served.get("index.html").decode("utf-8")


def test_the_browser_is_told_of_every_rebuild(served):
    """The page's script listens to /__events: a message with the generation, then one per rebuild."""
    got: list[str] = []

    def listen() -> None:
        with urllib.request.urlopen(served.url + "__events", timeout=60) as r:
            for raw in r:
                line = raw.decode().strip()
                if line.startswith("data:"):
                    got.append(line[5:].strip())
                    if len(got) == 2:
                        return
    t = threading.Thread(target=listen, daemon=True)
    t.start()
    end = time.monotonic() + 10
    while not got and time.monotonic() < end:
        time.sleep(0.05)
    assert got, "no first event"
    pub = served.root / PUBLICATION
    pub.write_text(pub.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    t.join(60)
    assert len(got) == 2 and int(got[1]) > int(got[0])
