"""`make bench`: what a user runs, timed as whole processes, each beside its baseline in the same run.

    python -m bench.run [--runs 10] [--sizes 50,245,1000] [--pdf-offices 10] [--out bench/results.md]

Every case starts a new process, as the user's command does (import, work, exit), and is
paired with its baseline round by round, so a slower moment of the machine slows both.
Peak memory is the largest resident set of any process of the command (workers included),
as the kernel reports it when the command ends (wait4). The results, with the machine's cores and the versions, go to
bench/results.md, with a profile of the warm build: where its time still goes.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MEASURES = str(BIN / "measures")
PY = sys.executable
OFFICE, DOC_GLOB = "kksec", "measures-*.docx"
# Appended in turn to one text of the office, so each warm run checks a text it has not seen.
PHRASES = ("อย่างยั่งยืน", "อย่างต่อเนื่อง", "อย่างเป็นรูปธรรม", "ตามลำดับ", "โดยเร็ว", "ในทุกด้าน",
           "อย่างจริงจัง", "อย่างทั่วถึง", "ด้วยความโปร่งใส", "อย่างมีประสิทธิภาพ", "อย่างสม่ำเสมอ",
           "อย่างครบถ้วน", "อย่างเคร่งครัด", "ในระยะยาว", "อย่างรอบด้าน")

# The commands run as in an officer's shell: Python keeps the modules it compiled (a CI or
# container setting PYTHONDONTWRITEBYTECODE would make every run compile the package again).
USER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Case:
    name: str
    walls: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)  # MiB

    def add(self, wall: float, rss: float) -> None:
        self.walls.append(wall)
        self.rss.append(rss)

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    def row(self, baseline: Case | None = None, target: str = "") -> str:
        ratio = f"{self.median / baseline.median:.2f}×" if baseline else ""
        return (f"| {self.name} | {self.median:.3f} | {min(self.walls):.3f} | {max(self.walls):.3f} | "
                f"{len(self.walls)} | {max(self.rss):.0f} | {ratio} | {target} |")


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, quiet: bool = True) -> tuple[float, float]:
    """(wall seconds, peak MiB) of one whole command; it must succeed. The peak comes from
    wait4: the largest resident set of the process or any descendant it waited for (workers
    included), measured by the kernel, so nothing samples while the command runs."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env={**USER_ENV, **(env or {})},
                                stdout=subprocess.DEVNULL if quiet else None, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            err.seek(0)
            raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n"
                             f"{err.read().decode(errors='replace')[-2000:]}")
    return wall, usage.ru_maxrss / 1024  # KiB on Linux


def project(where: Path, content: Path) -> Path:
    """A project folder holding a copy of `content`: the benchmark never touches the repo's."""
    shutil.copytree(content, where / "content")
    return where


def edit(root: Path, n: int) -> None:
    """Change one text of the office: a phrase appended to its practice_outro."""
    pub = sorted((root / "content" / "offices" / OFFICE).glob("*/publication.yaml"))[-1]
    text = pub.read_text(encoding="utf-8")
    phrase = " ".join(PHRASES[(n + k) % len(PHRASES)] for k in range(1 + n // len(PHRASES)))
    new = re.sub(r'(practice_outro: ".*?)(?: \[แก้\][^"]*)?"', lambda m: f'{m.group(1)} [แก้] {phrase}"', text, count=1)
    assert new != text, "practice_outro not found"
    pub.write_text(new, encoding="utf-8")


def baseline_inputs(root: Path, work: Path) -> list[str]:
    """The reference, the document's blocks and the chart `measures build` used, for the bare python-docx script."""
    script = f"""
import json, sys
from pathlib import Path
from measures import pipeline
from measures.cache import Cache
from measures.document import nodes as n
from measures.load import Content
from measures.publications import KINDS
from measures.writers.docx import ROLE_STYLE
c = Content()
m = pipeline.prepare({OFFICE!r}, content=c)
tree, _ = KINDS["measures"].document(m, cache=Cache(c.project.cache))
out = Path(sys.argv[1])
def text(v):
    if isinstance(v, str): return v
    if isinstance(v, tuple): return " ".join(text(p) for p in v)
    if isinstance(v, (n.Bullets,)): return " ".join(v.items)
    if isinstance(v, n.Numbered): return " ".join(i.text for i in v.items)
    return getattr(v, "text", "") or getattr(v, "mark", "")
blocks = []
for b in n.walk(tree.body):
    if isinstance(b, n.Text): blocks.append(["p", ROLE_STYLE[b.role], b.text])
    elif isinstance(b, n.Heading): blocks.append(["p", "Heading " + str(min(b.level, 2)), b.text])
    elif isinstance(b, n.Bullets): blocks += [["p", "Bullet", x] for x in b.items]
    elif isinstance(b, n.Numbered): blocks += [["p", "List Body", i.text] for i in b.items]
    elif isinstance(b, n.Table):
        blocks.append(["t", [[c.header for c in b.columns]] + [[text(v) for v in r.cells] for r in b.rows]])
    elif isinstance(b, n.Figure):
        blocks.append(["img"])
        (out / "chart.png").write_bytes(b.png)
(out / "blocks.json").write_text(json.dumps(blocks, ensure_ascii=False), "utf-8")
(out / "reference.docx").write_bytes(c.project.template("reference.docx").read_bytes())
"""
    subprocess.run([PY, "-c", script, str(work)], cwd=root, check=True)
    return [PY, str(REPO / "bench" / "bare_docx.py"), str(work / "reference.docx"), str(work / "blocks.json"),
            str(work / "chart.png"), str(work / "bare.docx")]


def markdown_of(docx: Path, out: Path) -> Path:
    """The document's text as Markdown (headings and paragraphs), for pandoc."""
    from docx import Document
    lines = []
    for p in Document(str(docx)).paragraphs:
        if p.text.strip():
            level = p.style.name.removeprefix("Heading ") if p.style is not None and p.style.name else ""
            lines.append(("#" * int(level) + " " if level.isdigit() else "") + p.text)
    out.write_text("\n\n".join(lines), encoding="utf-8")
    return out


def bench_single(root: Path, work: Path, runs: int) -> list[str]:
    build = [MEASURES, "build", "--office", OFFICE]
    timed(build, root)  # caches filled
    bare_cmd = baseline_inputs(root, work)
    warm, bare, cold, bare_cold, pandoc = (Case("`measures build` after editing one text (warm)"),
                                           Case("bare python-docx: the same texts and tables, saved"),
                                           Case("`measures build`, empty cache (cold)"),
                                           Case("bare python-docx (paired with cold)"),
                                           Case("pandoc, the document's text as Markdown → .docx"))
    for n in range(runs):
        edit(root, n)
        warm.add(*timed(build, root))
        bare.add(*timed(bare_cmd, root))
    md = markdown_of(sorted((root / "build" / OFFICE).glob(DOC_GLOB))[-1], work / "doc.md")
    if shutil.which("pandoc"):
        for _ in range(runs):
            pandoc.add(*timed(["pandoc", str(md), "-o", str(work / "pandoc.docx")], root))
    for _ in range(max(3, runs // 2)):
        shutil.rmtree(root / "build" / ".cache", ignore_errors=True)
        cold.add(*timed(build, root))
        bare_cold.add(*timed(bare_cmd, root))
    rows = [warm.row(bare, "≤ 1.5× bare python-docx (stretch 1.3×)"), bare.row(),
            cold.row(bare_cold, "≤ 4× bare python-docx"), bare_cold.row()]
    if pandoc.walls:
        rows.append(pandoc.row())
        rows.append(f"| warm build vs pandoc | | | | | | {warm.median / pandoc.median:.2f}× | |")
    else:
        rows.append("| pandoc | not installed: skipped | | | | | | |")
    return rows


def bench_serve(root: Path, work: Path, runs: int) -> list[str]:
    """`measures serve`: from a text's save to its .docx replaced (the preview's whole rebuild of
    the measures document: load, check, analyse, write), each paired with pandoc's whole run.
    Edits are 2.5 s apart, as an officer saves; LibreOffice is kept out (MEASURES_SOFFICE points
    nowhere) so the PDFs' turn does not run into the next save."""
    import json
    import urllib.request
    docx = root / "build" / OFFICE / "measures-2565.docx"
    proc = subprocess.Popen([MEASURES, "serve", "--office", OFFICE, "--port", "0"], cwd=root,
                            env={**USER_ENV, "MEASURES_SOFFICE": str(work / "no-soffice")},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = ""
    assert proc.stderr is not None
    for line in proc.stderr:  # the first rebuild, then the address
        m = re.search(r"http://[0-9.]+:\d+/", line)
        if m:
            url = m.group(0)
            break
    latency, pandoc, seconds = (Case("`measures serve`: a text saved → its .docx replaced"),
                                Case("pandoc, the document's text as Markdown → .docx (paired)"), [])
    md = markdown_of(docx, work / "serve.md")
    try:
        for n in range(runs):
            time.sleep(2.5)
            before = docx.stat().st_mtime_ns
            start = time.perf_counter()
            edit(root, 100 + n)
            while docx.stat().st_mtime_ns == before:
                time.sleep(0.001)
                if time.perf_counter() - start > 60:
                    raise SystemExit("measures serve did not rebuild within 60 s")
            latency.add(time.perf_counter() - start, 0)
            with urllib.request.urlopen(url + "__status", timeout=30) as r:
                seconds.append(json.load(r)["seconds"])
            if shutil.which("pandoc"):
                pandoc.add(*timed(["pandoc", str(md), "-o", str(work / "pandoc.docx")], root))
    finally:
        proc.terminate()
        proc.wait(10)
    rows = [latency.row(pandoc if pandoc.walls else None, "≤ 0.1 s median")]
    if pandoc.walls:
        rows.append(pandoc.row())
    rows.append(f"| the same rebuilds inside serve, .docx files and pages (its own clock) | "
                f"{statistics.median(seconds):.3f} | {min(seconds):.3f} | {max(seconds):.3f} | {len(seconds)} | | | |")
    return rows


def bench_make(runs: int) -> list[str]:
    """`make measures` in the repository with nothing changed (its document built first)."""
    subprocess.run(["make", "-s", "measures"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    noop = Case("`make measures`, nothing changed")
    for _ in range(runs):
        noop.add(*timed(["make", "-s", "measures"], REPO))
    # The kernel counts a child's resident set from the fork, when it is still a copy of
    # this process: `true` shows that floor under every peak MiB.
    floor = Case("`true` (the floor of peak MiB: the benchmark's own size when it forks)")
    floor.add(*timed(["true"], REPO))
    return [noop.row(None, "< 0.3 s"), floor.row()]


def bench_pdf(root: Path, work: Path, runs: int) -> list[str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return ["| PDF | LibreOffice not installed: skipped | | | | | | |"]
    pdf, bare = Case("`measures pdf` (measures + preface)"), Case("bare `soffice --convert-to pdf` of both, one call")
    timed([MEASURES, "pdf", "--office", OFFICE], root)  # LibreOffice profile prepared once, as for a user
    docs = [str(p) for p in sorted((root / "build" / OFFICE).glob("*.docx"))]
    profile = (work / "lo-profile").as_uri()
    bare_cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                "--outdir", str(work / "pdf"), *docs]
    timed(bare_cmd, root)  # its profile made once too
    for _ in range(runs):
        pdf.add(*timed([MEASURES, "pdf", "--office", OFFICE], root))
        bare.add(*timed(bare_cmd, root))
    return [pdf.row(bare), bare.row()]


def bench_all(sizes: list[int], pdf_offices: int, work: Path, explained: dict[str, str]) -> list[str]:
    rows = []
    for n in sizes:
        root = work / f"offices-{n}"
        subprocess.run([PY, "-m", "bench.synthetic", "--count", str(n), "--out", str(root), "--seed", "1"],
                       cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        cold = Case(f"`measures build --all`, {n} offices, empty cache")
        cold.add(*timed([MEASURES, "build", "--all"], root))
        warm = Case(f"`measures build --all`, {n} offices, one text edited")
        office = sorted((root / "content" / "offices").iterdir())[0].name
        _edit_office(root, office)
        warm.add(*timed([MEASURES, "build", "--all"], root))
        per = f"{n / cold.median:.1f} offices/s cold, {n / warm.median:.1f} warm"
        loop = None
        if n == min(sizes):  # the baseline: what a user without --all runs, one process per office
            shutil.rmtree(root / "build", ignore_errors=True)
            loop = Case(f"baseline: `measures build --office …` once per office, {n} processes, empty cache")
            start = time.perf_counter()
            peak = 0.0
            for o in sorted(p.name for p in (root / "content" / "offices").iterdir()):
                peak = max(peak, timed([MEASURES, "build", "--office", o], root)[1])
            loop.add(time.perf_counter() - start, peak)
        rows += [cold.row(loop, "245 offices < 20 s (≥ 12/s)" if n == 245 else ""), warm.row(None, per)]
        if loop:
            rows.append(loop.row())
        if n == 245:  # a text every office prints, edited: each office's document changes
            two, one = (Case(f"`measures build --all`, {n} offices, a shared measure's text edited, {j}")
                        for j in ("2 jobs", "`--jobs 1`"))
            _edit_shared(root, 1)
            two.add(*timed([MEASURES, "build", "--all", "--jobs", "2"], root))
            _edit_shared(root, 2)
            one.add(*timed([MEASURES, "build", "--all", "--jobs", "1"], root))
            speedup = f"2 jobs {one.median / two.median:.2f}× faster than 1"
            rows += [two.row(None, f"< 5 s; {speedup} (target ≥ 1.8×)"), one.row()]
            explained["Where an office's time goes after a shared edit"] = _phases("all", root)
    if pdf_offices:
        root = work / f"offices-pdf-{pdf_offices}"
        subprocess.run([PY, "-m", "bench.synthetic", "--count", str(pdf_offices), "--out", str(root), "--seed", "2"],
                       cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        timed([MEASURES, "build", "--all"], root)
        batch, bare = Case(f"`measures pdf --all`, {pdf_offices} offices ({2 * pdf_offices} documents)"), \
            Case("bare `soffice --convert-to pdf` of the same files, one call")
        batch.add(*timed([MEASURES, "pdf", "--all"], root))
        soffice = shutil.which("soffice") or "soffice"
        docs = [str(p) for p in sorted((root / "build").glob("*/*.docx"))]
        profile = (work / "lo-profile-batch").as_uri()
        timed([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
               str(work / "pdf-batch"), docs[0]], root)
        bare.add(*timed([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                         "--outdir", str(work / "pdf-batch"), *docs], root))
        rows += [batch.row(bare, "≤ 1.5× bare soffice"), bare.row()]
    return rows


def _edit_office(root: Path, office: str) -> None:
    pub = sorted((root / "content" / "offices" / office).glob("*/publication.yaml"))[-1]
    text = pub.read_text(encoding="utf-8")
    lines = text.splitlines()
    for i, line in enumerate(lines):  # the first prose line of the analysis
        m = re.match(r'^(\s+(?:- )?(?:text|practice_outro|practice_intro|actions_intro): )(.+)$', line)
        if m and not m.group(2).startswith(("'", "|", ">")):
            value = m.group(2)
            lines[i] = m.group(1) + (value[:-1] + ' อย่างต่อเนื่อง"' if value.endswith('"') else value + " อย่างต่อเนื่อง")
            break
    else:
        raise SystemExit(f"no text to edit in {pub}")
    pub.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _edit_shared(root: Path, n: int) -> None:
    """A phrase appended to a shared measure's title (content/measures/), printed by every office."""
    path = root / "content" / "measures" / "3-procurement.yaml"
    text = path.read_text(encoding="utf-8")
    new = re.sub(r"^(title: .*?)(?: \[แก้\].*)?$", lambda m: f"{m.group(1)} [แก้] {PHRASES[n % len(PHRASES)]}",
                 text, count=1, flags=re.M)
    assert new != text, "the measure's title not found"
    path.write_text(new, encoding="utf-8")


def _phases(what: str, root: Path) -> str:
    """bench/phases.py's table or profile, run in `root`'s project."""
    return subprocess.run([PY, "-m", "bench.phases", what, str(root)], cwd=REPO, check=True, capture_output=True,
                          text=True, env=USER_ENV).stdout.strip()


def profile_warm(root: Path) -> str:
    """cProfile of one warm build (after an edit), in the package's own process: the top entries."""
    edit(root, 99)
    out = root / "warm.prof"
    subprocess.run([PY, "-m", "cProfile", "-o", str(out), "-m", "measures.cli", "build", "--office", OFFICE],
                   cwd=root, check=True, stdout=subprocess.DEVNULL)
    text = io.StringIO()
    stats = pstats.Stats(str(out), stream=text)
    stats.sort_stats("cumulative").print_stats(r"measures/|docxtpl|docx/|jinja2/environment|pydantic/main|yaml/", 25)
    lines = [_local(line) for line in text.getvalue().splitlines() if re.match(r"\s+\d", line)]
    return "\n".join(lines)


def _local(line: str) -> str:
    """A profile line with this machine's folders left out: the package's and libraries' own paths."""
    line = line.replace(f"{REPO}/", "")
    return re.sub(r"\S*/site-packages/", "", line)


def environment() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    versions = []
    for lib in ("docxtpl", "python-docx", "docxcompose", "jinja2", "pydantic", "pythainlp", "matplotlib", "PyYAML"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{lib} {metadata.version(lib)}")
    for tool, args in (("soffice", ["--version"]), ("pandoc", ["--version"])):
        if shutil.which(tool):
            first = subprocess.run([tool, *args], capture_output=True, text=True).stdout.splitlines()
            versions.append(first[0] if first else tool)
    return [f"- machine: {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}",
            f"- Python {platform.python_version()}; " + ", ".join(versions)]


SECTIONS = {"one": "One office (kksec)", "serve": "Live preview", "make": "make", "pdf": "PDF", "all": "Every office"}
WARM = "Where a warm build's time goes"
LIVE = "Where a live-preview rebuild's time goes"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--sizes", default="50,245,1000", help="synthetic office counts for --all")
    ap.add_argument("--pdf-offices", type=int, default=10)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results.md")
    ap.add_argument("--only", default="", help="these sections alone (one,serve,make,pdf,all), replaced in --out")
    args = ap.parse_args()
    sizes = [int(n) for n in args.sizes.split(",") if n]
    chosen = [k for k in args.only.split(",") if k] or list(SECTIONS)
    if not set(chosen) <= set(SECTIONS):
        raise SystemExit(f"--only: choose among {','.join(SECTIONS)}")
    header = "| command (whole process) | median s | min s | max s | runs | peak MiB | ratio | target |\n" \
             "|---|---|---|---|---|---|---|---|"
    made: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="measures-bench-") as tmp:
        work = Path(tmp)
        root = project(work / "project", REPO / "content")
        explained: dict[str, str] = {}
        runs = {"one": lambda: bench_single(root, work, args.runs), "serve": lambda: bench_serve(root, work, args.runs),
                "make": lambda: bench_make(args.runs), "pdf": lambda: bench_pdf(root, work, max(3, args.runs // 3)),
                "all": lambda: bench_all(sizes, args.pdf_offices, work, explained)}
        for k in chosen:
            print(f"… {SECTIONS[k]}", file=sys.stderr, flush=True)
            rows = runs[k]()
            made[SECTIONS[k]] = [header, *rows]
            print("\n".join([header, *rows]), file=sys.stderr, flush=True)
        if "one" in chosen:
            made[WARM] = ["cProfile of `measures build` after one text was edited (cumulative seconds; the profiler "
                          "itself slows every call):", "", "```", profile_warm(root), "```"]
        if "serve" in chosen:
            made[LIVE] = ["Each phase's end clocked inside a warm `measures serve` process (bench/phases.py), from "
                          "the start of the rebuild; the file event comes before it (the row above includes it).", "",
                          _phases("serve", root)]
        made.update((title, ["```", text, "```"]) for title, text in explained.items())
    dated = f"{time.strftime('%Y-%m-%d %H:%M')}"
    intro = ["# Benchmark results", "", "Written by `make bench` (bench/run.py): whole processes, each case beside its "
             "baseline in the same run; the ratio is the case's median over its baseline's.", "",
             *environment(), f"- date: {dated}"]
    sections: dict[str, list[str]] = {}
    if args.only and args.out.exists():  # the other sections stay as their own run wrote them
        old = args.out.read_text(encoding="utf-8").split("\n## ")
        intro = old[0].rstrip("\n").split("\n") + [f"- re-run on {dated}: {', '.join(made)}"]
        for part in old[1:]:
            title, _, body = part.partition("\n")
            sections[title] = body.strip("\n").split("\n")
    sections.update(made)
    lines = [*intro, ""]
    for title, body in sections.items():
        lines += [f"## {title}", "", *body, ""]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"\n{args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
