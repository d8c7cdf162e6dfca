"""The measures document: cover, preface, contents, part 1 (the ITA), part 2 (the analysis),
part 3 (the measures), signature. Structure and fixed wording; the look is the reference's."""
from __future__ import annotations

from . import phrases as P
from .preface import contents_block, preface_block, signature_block
from .writer import Writer, bullets, item_lines


def write(w: Writer) -> None:

    # 1. Cover
    w.tag("{%p for line in motto %}")
    w.p("{{ line }}", "Cover Text")
    w.tag("{%p endfor %}")
    for _ in range(5):
        w.p("", "Centered")
    for line in P.COVER:
        w.p(line, "Cover Title")
    for _ in range(8):
        w.p("", "Centered")
    w.p("{{ office.name }}", "Cover Text")
    w.tag("{%p for parent in office.parents %}")
    w.p("{{ parent }}", "Cover Text")
    w.tag("{%p endfor %}")

    # 2. Preface
    preface_block(w)

    # 3. Contents: a real TOC field; the build fills its cached entries.
    contents_block(w)

    # 4. Part 1
    # Part 1 after the contents page; parts 2 and 3 follow on, so no page is left holding
    # the end of a part alone (the reference's Heading 1 has no page break of its own).
    w.h(P.PART_1, 1, new_page=True)
    w.h(P.BACKGROUND, 2)
    w.tag("{%p for para in background %}")
    w.p("{{ para }}")
    w.tag("{%p endfor %}")
    w.h(P.CRITERIA, 2)
    w.p(P.INDICATOR_LIST)
    w.p(P.TOOLS_LEAD)
    w.tag("{%p for t in framework.tools %}")
    w.p("{{ loop.index }})\t" + P.TOOL, "List Body")
    w.tag("{%p endfor %}")
    w.p(P.SCORING, "Sub Heading")
    t = w.table([3.4, 4.2, 4.2, 4.2], list(P.SCORING_HEAD))
    for label, cells in P.SCORING_ROWS:
        w.row(t, [[("Table Text", label)]] + [[("Table Text", c)] for c in cells])
    total, rule = P.SCORING_TOTAL
    w.row(t, [[("Table Text", total)], [("Table Text", rule)], [], []])
    last = t.rows[-1]
    last.cells[1].merge(last.cells[3])

    # 5. Part 2
    w.h(P.PART_2, 1)
    w.h(P.ANALYSIS, 2)
    w.tag("{%p if national %}")
    w.p(P.NATIONAL)
    w.tag("{%p endif %}")
    w.p(P.RESULT, keep=True)
    # The levels sit with the result they explain (part 1 ended on a page holding only this table).
    t = w.table([2.5, 4.0, 4.5, 3.0], list(P.LEVELS_HEAD))
    w.loop_row(t, "for lv in framework.levels", [[("Table Center", "{{ lv.code }}")], [("Table Text", "{{ lv.name }}")],
               [("Table Center", "{{ lv.range }}")], [("Table Center", "{{ lv.verdict }}")]], keep=True)
    w.p("")
    w.tag("{%p for para in threshold_texts %}")
    w.p("{{ para }}")
    w.tag("{%p endfor %}")
    w.tag("{%p if history|length > 1 %}")
    w.p(P.HISTORY, keep=True)
    t = w.table([3.5, 3.5, 3.5, 3.5], list(P.HISTORY_HEAD))
    w.loop_row(t, "for h in history", [[("Table Center", "{{ h.year }}")], [("Table Center", "{{ h.total }}")],
               [("Table Center", "{{ h.direction }}")], [("Table Center", "{{ h.delta }}")]], keep=True)
    w.p("")
    w.tag("{%p endif %}")
    w.p(P.TOOLS, keep=True)
    t = w.table([6.0, 2.4, 2.4, 2.6, 2.6], list(P.TOOLS_HEAD))
    w.loop_row(t, "for t in tools", [[("Table Text", "{{ t.name }} ({{ t.code }})")],
                                     [("Table Center", "{{ t.indicator_range }}")],
               [("Table Center", "{{ t.average }}")], [("Table Center", "{{ t.weight }}")],
               [("Table Center", "{{ t.weighted }}")]], keep=True)
    w.row(t, [[("Table Head", P.TOOLS_TOTAL)], [], [], [("Table Center", "{{ weights_total }}")],
              [("Table Head", "{{ result.total }}")]])
    t.rows[-1].cells[0].merge(t.rows[-1].cells[2])
    w.p("")
    w.p(P.INDICATORS, keep=True)
    t = w.table([1.6, 6.0, 2.0, 4.2, 2.2], list(P.INDICATORS_HEAD))
    w.loop_row(t, "for i in indicators", [[("Table Center", "{{ i.number }}")], [("Table Text", "{{ i.name }}")],
               [("Table Center", "{{ i.score }}")], [("Table Center", "{{ i.level }}")],
               [("Table Center", "{{ i.verdict }}")]], keep=True)
    w.p("")
    w.p(P.CHART_LEAD, "Body Text Thai", keep=True)
    w.p("{{ chart }}", "Centered", keep=True)
    w.p(P.CHART_CAPTION, "Caption Thai")

    w.p(P.STRENGTHS, "Sub Heading")
    w.p("{{ strengths_text }}")
    w.tag("{%p for t in tool_notes %}")
    w.p(P.TOOL_NOTE)
    w.tag("{%p for para in t.notes %}")
    w.p("{{ para }}")
    w.tag("{%p endfor %}")
    w.tag("{%p endfor %}")

    w.p(P.WEAKNESSES, "Sub Heading")
    w.p("{{ weakness_text }}")
    w.p("{{ priorities_text }}")
    w.tag("{%p for para in weakness_notes %}")
    w.p("{{ para }}")
    w.tag("{%p endfor %}")
    w.tag("{%p if improvements %}")
    w.tag("{%p if improvements_intro %}")
    w.p("{{ improvements_intro }}", keep=True)
    w.tag("{%p endif %}")
    t = w.table([4.6, 5.0, 6.4], list(P.IMPROVEMENTS_HEAD))
    w.loop_row(t, "for r in improvements", [[("Table Text", "{{ r.label }}")], bullets("r.issue"),
                                            bullets("r.improve")])
    w.p("")
    w.tag("{%p endif %}")
    w.tag("{%p if target_text %}")
    w.p("{{ target_text }}")
    w.tag("{%p endif %}")
    office_sections(w, "sections_after_analysis")

    # 6. Part 3
    w.h(P.PART_3, 1)
    w.tag("{%p if practice %}")
    w.tag("{%p if practice_intro %}")
    w.p("{{ practice_intro }}", keep=True)
    w.tag("{%p endif %}")
    # Two tables, with and without the timing column (ระยะเวลา), which only some offices fill in.
    w.tag("{%p if practice_timing %}")
    t = w.table([3.0, 4.9, 2.7, 2.4, 3.0], list(P.PRACTICE_HEAD))
    w.loop_row(t, "for r in practice", [[("Table Text", "{{ r.measure }}")], bullets("r.steps"),
                                        bullets("r.responsible"), [("Table Text", "{{ r.timing }}")],
                                        [("Table Text", "{{ r.monitoring }}")]])
    w.tag("{%p else %}")
    t = w.table([3.6, 5.6, 3.4, 3.4], [h for h in P.PRACTICE_HEAD if h != P.PRACTICE_TIMING])
    w.loop_row(t, "for r in practice", [[("Table Text", "{{ r.measure }}")], bullets("r.steps"),
                                        bullets("r.responsible"), [("Table Text", "{{ r.monitoring }}")]])
    w.tag("{%p endif %}")
    w.tag("{%p if practice_outro %}")
    w.p("{{ practice_outro }}")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    w.h(P.ACTIONS, 2)
    w.p("{{ actions_intro }}", keep=True)
    w.tag("{%p for l in actions %}")
    w.p("{{ l.number }}\t{{ l.text }}", "List Body")
    w.tag("{%p endfor %}")
    w.p("{{ actions_next }}.\t{{ measures_step }}", "List Body", keep=True)
    w.tag("{%p for m in measures %}")
    w.p("{{ m.number }})\t{{ m.title }}", "Item 3")
    w.tag("{%p endfor %}")
    w.h(P.GUIDELINES, 2)
    t = w.table([1.2, 9.4, 5.4], list(P.MEASURES_HEAD))
    w.loop_row(t, "for m in measures", [[("Table Center", "{{ m.number }}")], [("Table Text", "{{ m.title }}")],
               [("Table Text", "{{ m.responsible|join(', ') }}")]], keep=True)
    w.p("")
    t = w.table([2.3, 8.1, 2.8, 2.8], list(P.MEASURE_HEAD))
    w.loop_row(t, "for m in measures", [[("Measure Title", P.MEASURE_ROW)],
               item_lines("m.lines"),
               bullets("m.followup"),
               bullets("m.responsible")])
    office_sections(w, "sections_after_measures")

    # 7. Signature
    signature_block(w)


def office_sections(w: Writer, var: str) -> None:
    """The office's own sections placed here: a heading (in the contents) and its blocks."""
    w.tag(f"{{%p for s in {var} %}}")
    w.h("{{ s.heading }}", 2)
    w.p("{{p s.body }}", "Normal")
    w.tag("{%p endfor %}")
