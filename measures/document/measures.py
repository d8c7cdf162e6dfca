"""The measures document (O38) as a tree: cover, preface, contents, part 1 (the ITA), part 2
(the analysis), part 3 (the measures), signatures. Built from the publication's context
(measures/context.py); the wording is phrases.py's, the figures the context's."""
from __future__ import annotations

from typing import Any

from .fill import Phrases
from .nodes import (
    Block,
    Bullets,
    Column,
    Contents,
    Cover,
    CrossLinks,
    Document,
    Figure,
    Heading,
    Item,
    Link,
    Numbered,
    Row,
    Section,
    Spacer,
    Table,
    Text,
)
from .parts import office_sections, preface, signatures


def _columns(headers: tuple[str, ...], widths: tuple[float, ...], aligns: str,
             labelled: bool = False) -> tuple[Column, ...]:
    """Columns from their headers, widths (cm) and alignments ("l" left, "c" centre, a letter each);
    `labelled`: on a phone each cell shows its header (the table laid out as a card per row)."""
    return tuple(Column(h, w, "center" if a == "c" else "left", labelled=labelled)
                 for h, w, a in zip(headers, widths, aligns))


def build(ctx: dict[str, Any], chart_png: bytes, measure_ids: dict[int, str],
          reports: tuple[Link, ...] = ()) -> Document:
    """The document. `measure_ids`: each measure's id for its second anchor (#measure-disclosure);
    `reports`: the report pages of the site, which each measure links (the page only)."""
    say = Phrases(ctx)
    cover = say("COVER")
    doc_title = f"{cover[0]}{cover[1]} {cover[2]} – {ctx['office']['short_name']}"
    body: list[Block] = [
        preface(say, ctx, list(ctx["preface_custom"]) or list(say("PREFACE")), ctx["date_text"]),
        Contents(say("CONTENTS"), say("CONTENTS_PAGE")),
        Section("part", "part-1", tuple(_part_1(say, ctx))),
        Section("part", "part-2", tuple(_part_2(say, ctx, chart_png))),
        Section("part", "part-3", tuple(_part_3(say, ctx, measure_ids, reports))),
        signatures(say, ctx, say("SIGNATURES_LABEL")),
    ]
    office = ctx["office"]
    return Document(f"measures-{ctx['year']}", doc_title,
                    Cover(tuple(ctx["motto"]), cover, "", office["name"], tuple(office["parents"])), tuple(body))


def _part_1(say: Phrases, ctx: dict[str, Any]) -> list[Block]:
    out: list[Block] = [Heading(1, say("PART_1"), "part-1", new_page=True),
                        Heading(2, say("BACKGROUND"), "background"),
                        *(Text(p) for p in ctx["background"]),
                        Heading(2, say("CRITERIA"), "criteria"),
                        Text(say("INDICATOR_LIST")), Text(say("TOOLS_LEAD")),
                        Numbered(tuple(Item(f"{n})", say("TOOL", t=t))
                                       for n, t in enumerate(ctx["framework"]["tools"], 1))),
                        Heading(3, say("SCORING"), "scoring", contents=False)]
    # A column per tool of the framework, its cells the framework's words (context.scoring).
    scoring = ctx["scoring"]
    head = scoring["head"]
    tools = len(head) - 1
    rows = [Row(tuple(r)) for r in scoring["rows"]]
    rows.append(Row(tuple(scoring["total"]), spans=(1, tools)))
    width = 12.6 / tools
    out.append(Table("t-scoring", say("SCORING"), (Column(head[0], 3.4),) + tuple(Column(h, width) for h in head[1:]),
                     tuple(rows), small=True, caption_visible=False))
    return out


def _part_2(say: Phrases, ctx: dict[str, Any], chart_png: bytes) -> list[Block]:
    out: list[Block] = [Heading(1, say("PART_2"), "part-2"), Heading(2, say("ANALYSIS"), "analysis")]
    if ctx["national"]:
        out.append(Text(say("NATIONAL"), id="national"))
    out.append(Text(say("RESULT"), keep=True, id="result"))
    # The levels sit with the result they explain.
    out += [Table("t-levels", say("LEVELS_CAPTION"), _columns(say("LEVELS_HEAD"), (2.5, 4.0, 4.5, 3.0), "clcc"),
                  tuple(Row((lv["code"], lv["name"], lv["range"], lv["verdict"])) for lv in ctx["framework"]["levels"]),
                  keep=True, small=True), Spacer()]
    out += [Text(p) for p in ctx["threshold_texts"]]
    history = ctx["history"]
    if len(history) > 1:
        out += [Text(say("HISTORY"), keep=True, id="history"),
                Table("t-history", say("HISTORY_CAPTION"), _columns(say("HISTORY_HEAD"), (3.5,) * 4, "cccc"),
                      tuple(Row((h["year"], h["total"], h["direction"], h["delta"])) for h in history),
                      keep=True, small=True), Spacer()]
    tool_rows = [Row((f"{t['name']} ({t['code']})", t["indicator_range"], t["average"], t["weight"], t["weighted"]))
                 for t in ctx["tools"]]
    tool_rows.append(Row((say("TOOLS_TOTAL"), Text(ctx["weights_total"], "centered"), ctx["result"]["total"]), "total",
                         (3, 1, 1)))
    out += [Text(say("TOOLS"), keep=True, id="tools"),
            Table("t-tools", say("TOOLS_CAPTION"), _columns(say("TOOLS_HEAD"), (6.0, 2.4, 2.4, 2.6, 2.6), "lcccc"),
                  tuple(tool_rows), keep=True, small=True), Spacer()]
    indicators = tuple(Row((i["number"], i["name"], i["score"], i["level"], i["verdict"]),
                           "sub" if "." in i["number"] else "body") for i in ctx["indicators"])
    out += [Text(say("INDICATORS"), keep=True, id="indicators"),
            Table("t-indicators", say("INDICATORS_CAPTION"),
                  _columns(say("INDICATORS_HEAD"), (1.6, 6.0, 2.0, 4.2, 2.2), "clccc"), indicators, keep=True),
            Spacer()]
    data = Table("t-chart", say("CHART_DATA_CAPTION"), _columns(say("CHART_DATA_HEAD"), (12.0, 4.0), "lc"),
                 tuple(Row((f"{i['number']} {i['name']}", i["score"]), "sub" if "." in i["number"] else "body")
                       for i in ctx["indicators"]), small=True)
    out += [Text(say("CHART_LEAD"), keep=True),
            Figure("chart-indicators.png", chart_png, 15.0, say("CHART_ALT"), say("CHART_CAPTION"), data,
                   say("CHART_DATA"))]

    out += [Heading(3, say("STRENGTHS"), "strengths", contents=False), Text(ctx["strengths_text"])]
    for t in ctx["tool_notes"]:
        out += [Text(say("TOOL_NOTE", t=t)), *(Text(p) for p in t["notes"])]
    out += [Heading(3, say("WEAKNESSES"), "weaknesses", contents=False), Text(ctx["weakness_text"]),
            Text(ctx["priorities_text"]), *(Text(p) for p in ctx["weakness_notes"])]
    if ctx["improvements"]:
        if ctx["improvements_intro"]:
            out.append(Text(ctx["improvements_intro"], keep=True))
        out += [Table("t-improvements", say("IMPROVEMENTS_CAPTION"),
                      _columns(say("IMPROVEMENTS_HEAD"), (4.6, 5.0, 6.4), "lll"),
                      tuple(Row((r["label"], Bullets(tuple(r["issue"])), Bullets(tuple(r["improve"]))))
                            for r in ctx["improvements"])), Spacer()]
    if ctx["target_text"]:
        out.append(Text(ctx["target_text"], id="target"))
    out += office_sections(ctx["sections_after_analysis"], "analysis")
    return out


def _part_3(say: Phrases, ctx: dict[str, Any], measure_ids: dict[int, str], reports: tuple[Link, ...]) -> list[Block]:
    out: list[Block] = [Heading(1, say("PART_3"), "part-3")]
    if ctx["practice"]:
        if ctx["practice_intro"]:
            out.append(Text(ctx["practice_intro"], keep=True))
        # The timing column (ระยะเวลา) only when the office fills it in.
        timing = ctx["practice_timing"]
        head = [h for h in say("PRACTICE_HEAD") if timing or h != say("PRACTICE_TIMING")]
        widths = (3.0, 4.9, 2.7, 2.4, 3.0) if timing else (3.6, 5.6, 3.4, 3.4)
        rows = tuple(Row((r["measure"], Bullets(tuple(r["steps"])), Bullets(tuple(r["responsible"])),
                          *((r["timing"],) if timing else ()), r["monitoring"])) for r in ctx["practice"])
        out.append(Table("t-practice", say("PRACTICE_CAPTION"), _columns(tuple(head), widths, "lllll", True), rows))
        if ctx["practice_outro"]:
            out.append(Text(ctx["practice_outro"]))
    measures = ctx["measures"]
    steps = [Item(line["number"], line["text"]) for line in ctx["actions"]]
    steps.append(Item(f"{ctx['actions_next']}.", ctx["measures_step"], children=tuple(
        Item(f"{m['number']})", m["title"], link=f"measure-{m['number']}") for m in measures)))
    out += [Heading(2, say("ACTIONS"), "actions"), Text(ctx["actions_intro"], keep=True), Numbered(tuple(steps)),
            Heading(2, say("GUIDELINES"), "guidelines"),
            Table("t-measures", say("MEASURES_CAPTION"), _columns(say("MEASURES_HEAD"), (1.2, 9.4, 5.4), "cll"),
                  tuple(Row((str(m["number"]), Link(m["title"], f"#measure-{m['number']}"),
                             ", ".join(m["responsible"]))) for m in measures), keep=True, small=True),
            Spacer()]
    labels = say("MEASURE_HEAD")
    guideline_rows: list[Row] = []
    for m in measures:
        lines = Numbered(tuple(Item(line["number"], line["text"],
                                    0 if line["style"] == "Item Plain" else int(line["style"][-1]))
                               for line in m["lines"]), guideline=True)
        guideline_rows.append(Row((Text(say("MEASURE_ROW", m=m), "sub_heading"), lines, Bullets(tuple(m["followup"])),
                         Bullets(tuple(m["responsible"]))),
                        id=f"measure-{m['number']}", ids=(f"measure-{measure_ids[m['number']]}",),
                        label=say("MEASURE", m=m),
                        links=CrossLinks(say("REPORTED"), tuple(Link(r.text, f"{r.href}#measure-{m['number']}")
                                                                 for r in reports)) if reports else None))
    out.append(Table("t-guidelines", say("GUIDELINES"), _columns(labels, (2.3, 8.1, 2.8, 2.8), "llll"),
                     tuple(guideline_rows), records=True, caption_visible=False))
    out += office_sections(ctx["sections_after_measures"], "measures")
    return out
