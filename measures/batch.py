"""Every office at once (`measures build --all`).

The offices are shared out among worker processes. Each imports the package once (forked
from this process where the platform allows, so not even that) and keeps what one office
gives the next: the compiled template, the checks of texts every office shares, the other
offices' contacts. One office's bad content fails that office alone; each office's outcome
is reported, never lost.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .crash import crash_log
from .load import Content
from .pipeline import DocKind, build
from .problems import ContentError, Problem
from .progress import RoundKind
from .project import Project
from .write import OutputError


@dataclass(frozen=True)
class Outcome:
    office: str
    kind: DocKind
    path: Path | None = None  # the document written; None when the office failed
    problems: list[Problem] = field(default_factory=list)  # its errors when it failed, else warnings
    thai_digits: bool = False
    failure: str = ""  # why it failed when that is not the content: output, program

    @property
    def ok(self) -> bool:
        return self.path is not None


# The worker's own Content, made once per process (it keeps the other offices' contacts).
_worker: dict[str, Content] = {}


def _start(project: Project) -> None:
    _worker["content"] = Content(project)


def build_one(office: str, year: int | None, kind: DocKind, out: Path | None, round_kind: RoundKind = "12m",
              content: Content | None = None) -> Outcome:
    """One office's document; whatever goes wrong becomes its Outcome, never an exception."""
    content = content or _worker.get("content") or Content()
    try:
        built = build(office, year, kind, out_dir=out / office if out else None, content=content,
                      round_kind=round_kind)
    except ContentError as exc:
        return Outcome(office, kind, problems=exc.problems)
    except OutputError as exc:
        return Outcome(office, kind, failure=str(exc))
    except Exception as exc:  # noqa: BLE001 - a fault of the program: this office fails, the others go on
        return Outcome(office, kind, failure=f"เกิดข้อผิดพลาดภายในโปรแกรม ({type(exc).__name__}: {str(exc)[:200]}) "
                                             f"ซึ่งไม่ใช่ความผิดของข้อมูล: โปรดแจ้งผู้ดูแลโปรแกรมพร้อมไฟล์ {crash_log()}")
    return Outcome(office, kind, built.path, built.warnings, built.thai_digits)


def build_all(content: Content, offices: list[str], kinds: list[DocKind], year: int | None = None,
              out: Path | None = None, jobs: int | None = None,
              done: Callable[[Outcome], None] = lambda outcome: None) -> list[Outcome]:
    """Every office's documents, `jobs` processes at a time (default: one per core);
    `done` is told of each as it finishes. Outcomes come back in the offices' order."""
    tasks = [(office, kind) for office in offices for kind in kinds]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    outcomes: dict[tuple[str, str], Outcome] = {}
    for outcome in _run(content, tasks, year, out, jobs):
        outcomes[outcome.office, outcome.kind] = outcome
        done(outcome)
    return [outcomes[task] for task in tasks]


def _run(content: Content, tasks: list[tuple[str, DocKind]], year: int | None, out: Path | None,
         jobs: int) -> Iterator[Outcome]:
    if jobs == 1:
        for office, kind in tasks:
            yield build_one(office, year, kind, out, content=content)
        return
    # fork: the workers start with everything this process has imported (a tenth of a second
    # each instead of a second); elsewhere they start fresh and import once.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method), initializer=_start,
                             initargs=(content.project,)) as pool:
        futures: dict[Future[Outcome], tuple[str, DocKind]] = {
            pool.submit(build_one, office, year, kind, out): (office, kind) for office, kind in tasks}
        for future in as_completed(futures):
            office, kind = futures[future]
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - the worker itself died (killed, out of memory)
                yield Outcome(office, kind, failure=f"กระบวนการที่สร้างเอกสารหยุดทำงาน ({type(exc).__name__})")
