"""`measures serve`: the live preview. One warm process watches the content, rebuilds the
publication on every saved edit, writes the .docx files where `measures build` writes them
(the same bytes), and serves the site's pages on localhost; the browser reloads itself
after every rebuild (the way `mkdocs serve` works).

A rebuild that the content refuses changes nothing that was built: the last good pages
stay, with the problems (file, line, message) shown at the top of every page until the
content is fixed. The PDFs and the site folder on disk follow in the background, since
LibreOffice takes seconds; until a page's PDF is made again, its page says there is none yet.

Only the preview's copy of a page carries the reload script (and a policy that lets it run);
the site folder written to disk is the one `measures site` writes.
"""
from __future__ import annotations

import html
import json
import mimetypes
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .cache import Cache
from .load import Content
from .pipeline import REFERENCE, document, prepare
from .problems import ContentError, Problem, errors
from .publications import KINDS
from .resolve import Resolved
from .write import OutputError, write_atomic, write_folder

RELOAD_JS = """// measures serve: reload this page when the publication is rebuilt.
(() => {
  const events = new EventSource("/__events");
  let seen = null;
  events.onmessage = (e) => {
    if (seen !== null && e.data !== seen) location.reload();
    seen = e.data;
  };
})();
"""
# The problems' banner (the site's policy allows only its own style sheets, no inline style).
PREVIEW_CSS = """#preview-problems { background: #fff3f3; border: 3px solid #b00020; border-radius: 4px;
  padding: 0.5em 1em; margin: 0 0 1.5em; position: sticky; top: 0; z-index: 10; }
#preview-problems p { margin: 0 0 0.3em; color: #b00020; font-weight: bold; text-indent: 0; }
#preview-problems ul { margin: 0; padding-left: 1.2em; }
#preview-problems code { font-family: inherit; white-space: pre-wrap; overflow-wrap: anywhere; }
"""
# The site's policy forbids every script; the preview's copy allows only its own.
POLICY = "default-src 'none';"
PREVIEW_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self';"


@dataclass
class State:
    """What the preview serves: the last good site (by file name) and the latest attempt's
    problems. `generation` grows on every attempt, good or not: pages reload on it."""
    generation: int = 0
    rebuilds: int = 0                                 # attempts at the content (the PDFs' turn is not one)
    files: dict[str, bytes | Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    built: list[Path] = field(default_factory=list)  # the .docx files written by the last good build
    seconds: float = 0.0                              # how long the last attempt took


class Preview:
    """The office's publication, rebuilt on demand; `changed` wakes whoever waits for a rebuild."""

    def __init__(self, office: str, year: int | None, content: Content, out_dir: Path | None = None):
        self.office, self.year, self.content = office, year, content
        self.out_dir = Path(out_dir) if out_dir else content.project.output_dir(office)
        self.state = State()
        self.changed = threading.Condition()
        self._pdf_wanted = threading.Event()
        self._lock = threading.Lock()  # one rebuild at a time
        self._model: Resolved | None = None  # the last good build's, for the PDFs

    def rebuild(self) -> State:
        """Build the publication again: the .docx files written, the pages kept in memory.
        Content problems are kept for the pages to show; what was built before stays."""
        from .site import models, pages, site_files
        with self._lock:
            start = time.perf_counter()
            files: dict[str, bytes | Path] | None = None
            try:
                model = prepare(self.office, self.year, self.content)
                # The measures document first (what an officer attaches), then the rest. Its page's
                # model writes it: the links between pages are not on paper, the bytes are build's.
                cache = Cache(self.content.project.cache)
                site_pages = pages(model)
                trees = models(model, site_pages, cache, {"index.html"})
                first = KINDS["measures"].file(model.publication.year) + ".docx"
                data = document("measures", model, self.content.project.template(REFERENCE), cache=cache,
                                tree=trees["index.html"])
                built = [write_atomic(self.out_dir / first, data)]
                trees.update(models(model, site_pages, cache, {p.href for p in site_pages} - trees.keys()))
                files, warnings = site_files(model, self.content, self.out_dir, pdf=False, made={first: data},
                                             trees=trees)
                built += [write_atomic(self.out_dir / name, data) for name, data in files.items()
                          if name.endswith(".docx") and name != first and isinstance(data, bytes)]
                problems = model.warnings + warnings
                self._model = model
            except ContentError as exc:
                problems = exc.problems
            except OutputError as exc:
                problems = [Problem(str(exc.path), None, "", str(exc))]
            except Exception as exc:  # noqa: BLE001 - a fault of the program: said, and the preview goes on
                from .crash import crash_log
                problems = [Problem("measures", None, "", f"เกิดข้อผิดพลาดภายในโปรแกรม ({type(exc).__name__}: "
                                    f"{str(exc)[:200]}) ซึ่งไม่ใช่ความผิดของข้อมูล โปรดแจ้งผู้ดูแลโปรแกรม "
                                    f"พร้อมไฟล์ {crash_log()}")]
            with self.changed:
                s = self.state
                self.state = State(s.generation + 1, s.rebuilds + 1, files if files is not None else s.files,
                                   problems, built if files is not None else s.built, time.perf_counter() - start)
                self.changed.notify_all()
            if files is not None:
                self._pdf_wanted.set()
            return self.state

    def wait(self, after: int, timeout: float) -> State:
        """The state once its generation is past `after` (or after `timeout` seconds)."""
        with self.changed:
            self.changed.wait_for(lambda: self.state.generation > after, timeout)
            return self.state

    def pdf_worker(self, stop: threading.Event, quiet: float = 1.0) -> None:
        """The PDFs (LibreOffice), beside the .docx files and on the pages, and the site folder on
        disk, once the content has been quiet for `quiet` seconds after a good rebuild: an officer
        typing away does not start LibreOffice on every save."""
        from .site import SITE, site_files
        while not stop.is_set():
            if not self._pdf_wanted.wait(0.2):
                continue
            generation = self.state.generation
            if stop.wait(quiet) or self.state.generation != generation:
                continue  # edited again meanwhile: wait for that rebuild to be quiet
            self._pdf_wanted.clear()
            model = self._model  # the last good build's (prepare is not run in two threads at once)
            if model is None:
                continue
            try:
                files, _ = site_files(model, self.content, self.out_dir, pdf=True)
                for name, data in files.items():  # beside the .docx, as `measures pdf` writes them
                    if name.endswith(".pdf") and isinstance(data, bytes):
                        write_atomic(self.out_dir / name, data)
                write_folder(self.out_dir / SITE, files)
            except (ContentError, OutputError):
                continue  # the next edit's rebuild says what is wrong
            with self.changed:
                if self.state.generation == generation and not errors(self.state.problems):
                    s = self.state
                    self.state = State(generation + 1, s.rebuilds, files, s.problems, s.built, s.seconds)
                    self.changed.notify_all()


def page_for_preview(page: bytes, problems: list[Problem]) -> bytes:
    """A page as the preview serves it: the reload script let in, the problems on top."""
    text = page.decode("utf-8")
    text = text.replace(POLICY, PREVIEW_POLICY, 1)
    text = text.replace("</head>", '<link rel="stylesheet" href="/__preview.css">\n'
                                   '<script src="/__reload.js" defer></script>\n</head>', 1)
    if problems:
        text = text.replace("<body>", "<body>\n" + problems_html(problems), 1)
    return text.encode("utf-8")


def problems_html(problems: list[Problem]) -> str:
    """The problems of the latest attempt, each with its file, line and message."""
    shown = errors(problems) or problems
    head = ("ข้อมูลมีข้อผิดพลาด จึงยังแสดงเอกสารฉบับที่สร้างได้ล่าสุด: แก้ไขแล้วบันทึก หน้านี้จะโหลดใหม่เอง"
            if errors(problems) else "คำเตือน")
    items = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in shown)
    return (f'<section id="preview-problems" role="alert"><p>{html.escape(head)}</p>'
            f"<ul>{items}</ul></section>")


def error_page(problems: list[Problem]) -> bytes:
    """Before any good build: a page of the problems alone."""
    return (f'<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8"><title>measures serve</title>'
            f'<meta http-equiv="Content-Security-Policy" content="{PREVIEW_POLICY} style-src \'self\'">'
            '<link rel="stylesheet" href="/__preview.css"><script src="/__reload.js" defer></script>'
            f'</head><body>\n{problems_html(problems)}\n'
            "</body></html>\n").encode()


def handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "measures-serve"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the terminal shows rebuilds, not every request

        def do_GET(self) -> None:
            path = unquote(urlsplit(self.path).path).lstrip("/") or "index.html"
            if path == "__reload.js":
                return self._send(RELOAD_JS.encode(), "text/javascript; charset=utf-8")
            if path == "__preview.css":
                return self._send(PREVIEW_CSS.encode(), "text/css; charset=utf-8")
            if path == "__events":
                return self._events()
            if path == "__status":
                s = preview.state
                status = {"generation": s.generation, "rebuilds": s.rebuilds, "ok": not errors(s.problems),
                          "seconds": round(s.seconds, 4),
                          "problems": [str(p) for p in s.problems], "docx": [str(p) for p in s.built]}
                return self._send(json.dumps(status, ensure_ascii=False).encode(), "application/json")
            s = preview.state
            data = s.files.get(path)
            if data is None:
                if path.endswith(".html") and not s.files:
                    return self._send(error_page(s.problems), "text/html; charset=utf-8")
                return self._send("ไม่พบหน้านี้".encode(), "text/plain; charset=utf-8", HTTPStatus.NOT_FOUND)
            body = data if isinstance(data, bytes) else data.read_bytes()
            if path.endswith(".html"):
                body = page_for_preview(body, s.problems)
            kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return self._send(body, kind + ("; charset=utf-8" if kind.startswith("text/") else ""))

        def _send(self, body: bytes, kind: str, status: HTTPStatus = HTTPStatus.OK) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            """Server-sent events: the generation now, then each new one."""
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = -1
            try:
                while not getattr(self.server, "stopping", False):
                    s = preview.wait(seen, 15)
                    if s.generation != seen:
                        seen = s.generation
                        self.wfile.write(f"data: {seen}\n\n".encode())
                    else:
                        self.wfile.write(b": still here\n\n")  # keeps the connection open
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


def watch(preview: Preview, stop: threading.Event, report: Any) -> None:
    """Rebuild on every change under the content folder or the project's templates."""
    from watchfiles import watch as changes
    roots = [p for p in (preview.content.root, preview.content.project.root / "templates") if p.is_dir()]
    for _ in changes(*roots, stop_event=stop, step=10, debounce=1600, rust_timeout=500, yield_on_timeout=False,
                     raise_interrupt=False):
        report(preview.rebuild())


def serve(office: str, year: int | None, content: Content, host: str, port: int, report: Any,
          ready: Any = None) -> None:
    """Build once, then serve and watch until interrupted."""
    preview = Preview(office, year, content)
    report(preview.rebuild())
    server = ThreadingHTTPServer((host, port), handler(preview))
    server.daemon_threads = True
    stop = threading.Event()
    threads = [threading.Thread(target=watch, args=(preview, stop, report), daemon=True),
               threading.Thread(target=preview.pdf_worker, args=(stop,), daemon=True)]
    for t in threads:
        t.start()
    if ready is not None:
        ready(server.server_address)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        stop.set()
        server.stopping = True  # type: ignore[attr-defined]
        server.server_close()
