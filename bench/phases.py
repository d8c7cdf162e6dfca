"""Where a live-preview rebuild's time goes before its .docx is replaced, phase by phase, and
where each office's time goes in `build --all` after a shared edit: run by bench/run.py in the
project it benchmarks (python -m bench.phases serve|all ROOT), printing a small table or a profile.

The serve phases are clocked inside one warm process (no profiler: its overhead would be
larger than the phases), from the file's save to each phase's end, over several saves.
"""
from __future__ import annotations

import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path


def serve(root: Path, saves: int = 7) -> None:
    os.chdir(root)
    os.environ["MEASURES_SOFFICE"] = str(root / "no-soffice")  # the PDFs' turn left out
    from measures import pipeline, site
    from measures import serve as live
    from measures.load import Content

    from .run import OFFICE, edit
    marks: dict[str, float] = {}

    def clocked(module, name, label):
        f = getattr(module, name)

        def wrapper(*args, **kwargs):
            result = f(*args, **kwargs)
            marks.setdefault(label, time.perf_counter())
            return result
        setattr(module, name, wrapper)

    for module, name, label in ((live, "prepare", "load, check, resolve"), (site, "models", "the page's model"),
                                (pipeline, "render", "written (python-docx, blocks put back)"),
                                (pipeline, "finish", "finished"), (live, "document", "zipped"),
                                (live, "write_atomic", "file replaced")):
        clocked(module, name, label)
    preview = live.Preview(OFFICE, None, Content())
    preview.rebuild()
    phases: dict[str, list[float]] = {}
    for n in range(saves):
        edit(root, 200 + n)
        marks.clear()
        start = time.perf_counter()
        preview.rebuild()
        last = start
        for label, at in marks.items():
            phases.setdefault(label, []).append(at - last)
            last = at
    print("| phase (a warm serve process, the edit already read from disk) | median s |\n|---|---|")
    for label, took in phases.items():
        print(f"| {label} | {statistics.median(took):.3f} |")


def every_office(root: Path, offices: int = 20) -> None:
    os.chdir(root)
    from measures.batch import build_all
    from measures.load import Content

    from .run import _edit_shared, _local
    content = Content()
    names = sorted(p.name for p in (root / "content" / "offices").iterdir())[:offices]
    build_all(content, names, ["measures"], jobs=1)
    _edit_shared(root, 7)
    profile = cProfile.Profile()
    profile.enable()
    build_all(content, names, ["measures"], jobs=1)
    profile.disable()
    text = io.StringIO()
    pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(r"measures/", 22)
    print(f"cProfile of {len(names)} offices built in one process after a shared measure's edit "
          "(cumulative seconds; divide by the offices for one):")
    print("\n".join(_local(line) for line in text.getvalue().splitlines() if line.strip()[:1].isdigit()))


if __name__ == "__main__":
    {"serve": serve, "all": every_office}[sys.argv[1]](Path(sys.argv[2]))
