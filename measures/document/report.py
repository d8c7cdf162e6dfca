"""The progress report (O39) as a tree: cover, preface, contents, then on landscape pages each
group's activities (a measure's, or a strategy's and its projects' by the office's own plan),
the summary computed from them, problems and suggestions, signatures.
Built from the report's context (context.report_context); the table's columns are its data."""
from __future__ import annotations

from typing import Any

from .fill import Phrases
from .nodes import (
    Block,
    Bullets,
    Cell,
    CellPart,
    Column,
    Contents,
    Cover,
    CrossLinks,
    Document,
    Heading,
    Landscape,
    Link,
    Mark,
    Row,
    Section,
    Spacer,
    Table,
    Text,
)
from .parts import preface, signatures

WIDTH = 24.7  # cm: a landscape table's width
# The summary's columns (cm): the group, then the sums in the order of ctx["sum_keys"].
SUMMARY_WIDTHS = (7.3, 1.6, 1.6, 1.6, 1.6, 1.6, 1.8, 2.4, 2.4, 1.8)
MONEY_SUMS = {"budget", "spent"}


def _column(c: dict[str, Any]) -> Column:
    """A column of the context as a node: a status's tick column is "tick" on the page; money is
    a figure (never wrapped); on a phone every cell but the number, the activity and a tick is
    labelled with its header."""
    tick = str(c["key"]).startswith("tick_")
    return Column(c["header"], round(float(c["width"]) * WIDTH, 2), c["align"],
                  figure=c["align"] == "right", key="tick" if tick else c["key"],
                  labelled=not tick and c["key"] not in ("no", "activity"))


def _cell(say: Phrases, ctx: dict[str, Any], c: dict[str, Any], a: dict[str, Any]) -> Cell:
    """Column `c`'s cell of row `a`: a string, or a list (a paragraph, or a bullet, each); the
    result also says an overspend and, when the table has no evidence column, the evidence."""
    key, v = c["key"], a[c["key"]]
    if key.startswith("tick_"):
        return Mark(v, a["status"] if v else "")
    if key == "evidence":
        return tuple(Link(x, x) for x in v)
    if key == "activity":  # its title, then the step of the measure and the period, smaller
        return (Text(v[0]), *(Text(x, "caption") for x in v[1:]))
    parts: list[CellPart] = []
    if isinstance(v, str):
        parts.append(Text(v))
    elif v and c["bullets"]:
        parts.append(Bullets(tuple(v)))
    else:
        parts += [Text(x) for x in v]
    if key == "result":
        if a["over_budget"]:
            parts.append(Text(say("REPORT_OVER_BUDGET", a=a)))
        if ctx["evidence_in_result"]:
            parts += [Link(say("REPORT_EVIDENCE", x=x), x) for x in a["evidence"]]
    if not parts:
        return ""
    alone = parts[0] if len(parts) == 1 else None
    return alone.text if isinstance(alone, Text) and alone.role == "body" else tuple(parts)


def _anchor(g: dict[str, Any], n: int) -> tuple[str, str]:
    """A group's section id and its heading's: a measure keeps #measure-<id> and #measure-N
    (the measures page and earlier reports link them); a group of the plan is #group-N."""
    if "number" in g:
        return "measure-" + str(g["id"]).replace("_", "-"), f"measure-{g['number']}"
    return f"group-{n}", f"group-{n}-title"


def _part_1(say: Phrases, ctx: dict[str, Any], guideline_page: str) -> list[Block]:
    cols = tuple(_column(c) for c in ctx["columns"])
    out: list[Block] = [Heading(1, say("REPORT_PART_1"), "part-1")]
    for n, g in enumerate(ctx["groups"], 1):
        section, head = _anchor(g, n)
        blocks: list[Block] = [Heading(2 if g["level"] == 1 else 3, g["title"], head)]
        if guideline_page and "number" in g:
            blocks.append(CrossLinks("", (Link(say("REPORT_SEE", m=g), f"{guideline_page}#measure-{g['number']}"),)))
        if g["rows"]:
            rows = tuple(Row(tuple(_cell(say, ctx, c, a) for c in ctx["columns"]), "sub" if a["level"] == 2 else "body")
                         for a in g["rows"])
            blocks += [Table(f"t-{section}", g["title"], cols, rows, wide=True, whole=True, caption_visible=False,
                             style="activities"), Spacer()]
        elif not ctx["by_plan"] or g["level"] == 2:  # a strategy's activities are its projects'
            blocks.append(Text(say("REPORT_NO_ACTIVITY")))
        out.append(Section("measure", section, tuple(blocks)))
    return out


def _part_2(say: Phrases, ctx: dict[str, Any]) -> list[Block]:
    head = say("REPORT_SUMMARY_HEAD")
    keys = ctx["sum_keys"]
    # "name": a project's row is indented under its strategy's (the page's tr.sub .name, the .docx's sub row)
    cols = [Column(head[0], SUMMARY_WIDTHS[0], key="name")] + [
        Column(h, w, "right" if k in MONEY_SUMS else "center", figure=True)
        for h, w, k in zip(head[1:], SUMMARY_WIDTHS[1:], keys)]
    rows = []
    for g in ctx["groups"]:
        label: CellPart = Link(g["label"], f"#measure-{g['number']}") if "number" in g else g["label"]
        rows.append(Row((label, *(g["sums"][k] for k in keys)), "sub" if g["level"] == 2 else "body"))
    rows.append(Row((say("REPORT_TOTAL"), *(ctx["total"][k] for k in keys)), "total"))
    return [Heading(1, say("REPORT_PART_2"), "part-2"), Text(say("REPORT_SUMMARY_LEAD"), keep=True),
            Table("summary", say("REPORT_SUMMARY_CAPTION"), tuple(cols), tuple(rows), keep=True, wide=True,
                  small=True, style="sums"),
            Spacer(), *(Text(p) for p in ctx["summary_texts"])]


def _part_3(say: Phrases, ctx: dict[str, Any]) -> list[Block]:
    out: list[Block] = [Heading(1, say("REPORT_PART_3"), "part-3")]
    for key, title, none in (("problems", "REPORT_PROBLEMS", "REPORT_NO_PROBLEMS"),
                             ("suggestions", "REPORT_SUGGESTIONS", "REPORT_NO_SUGGESTIONS")):
        out.append(Heading(2, say(title), key, contents=False))
        items = ctx[key]
        out.append(Bullets(tuple(say("REPORT_NOTE", x=x) for x in items)) if items else Text(say(none)))
    return out


def build(ctx: dict[str, Any], guideline_page: str = "") -> Document:
    """The report of one round. `guideline_page`: the site's page of the measures, which each
    measure links (the page only)."""
    say = Phrases(ctx)
    cover = say("REPORT_COVER")
    office = ctx["office"]
    body: list[Block] = [
        preface(say, ctx, [say("REPORT_PREFACE")]),
        Contents(say("CONTENTS"), say("CONTENTS_PAGE")),
        Landscape(),
        Section("part", "part-1", tuple(_part_1(say, ctx, guideline_page))),
        Section("part", "part-2", tuple(_part_2(say, ctx))),
        Section("part", "part-3", tuple(_part_3(say, ctx))),
        signatures(say, ctx, say("REPORT_SIGNATURES_LABEL")),
    ]
    return Document(f"report-{ctx['year']}-{ctx['round']['kind']}",
                    f"{cover[0]}{cover[1]} {ctx['round']['title']} – {office['short_name']}",
                    Cover((), cover, ctx["round"]["title"], office["name"], tuple(office["parents"]), 6, 8),
                    tuple(body))
