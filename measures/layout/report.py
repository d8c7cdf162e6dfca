"""The progress report (O39 in ITA 2564): cover, preface, contents, then on landscape pages
each measure's activities, the summary computed from them, problems and suggestions, signature.
The wording is phrases.py's."""
from __future__ import annotations

from ..progress import STATUSES
from . import phrases as P
from .preface import contents_block, signature_block
from .writer import Writer, bullets

STATUS = tuple(zip(STATUSES, P.REPORT_STATUS))  # (key of `a.ticks`, column header)
SUMS = ("count", "done", "in_progress", "not_started", "done_share", "budget", "spent", "spent_share")


def write(w: Writer) -> None:
    # Cover
    for _ in range(6):
        w.p("", "Centered")
    for line in P.REPORT_COVER:
        w.p(line, "Cover Title")
    w.p("{{ round.title }}", "Cover Text")
    for _ in range(8):
        w.p("", "Centered")
    w.p("{{ office.name }}", "Cover Text")
    w.tag("{%p for parent in office.parents %}")
    w.p("{{ parent }}", "Cover Text")
    w.tag("{%p endfor %}")

    # Preface: what the report is; its figures are the summary's.
    w.p(P.PREFACE_TITLE, "Page Title")
    w.p(P.REPORT_PREFACE)
    w.p("")
    w.p("{{ office.name }}", "Signature")

    # Contents
    contents_block(w)

    # Part 1: per measure its activities, on landscape pages.
    w.landscape()
    w.h(P.REPORT_PART_1, 1)
    w.tag("{%p for m in measures %}")
    w.h(P.MEASURE, 2)
    w.tag("{%p if m.activities %}")
    t = w.table([0.9, 5.0, 2.2, 2.2, 1.9, 1.9, 1.9, 6.1, 2.6], list(P.REPORT_ACTIVITIES_HEAD))
    w.loop_row(t, "for a in m.activities", [
        [("Table Center", "{{ a.n }}")],
        [("Table Text", "{{ a.title }}"), ("Normal", "{%p if a.step %}"), ("Table Text", P.REPORT_STEP),
         ("Normal", "{%p endif %}"), ("Normal", "{%p if a.when %}"), ("Table Text", "{{ a.when }}"),
         ("Normal", "{%p endif %}")],
        [("Table Center", "{{ a.budget }}")],
        [("Table Center", "{{ a.spent }}")],
        *([("Table Center", f"{{{{ a.ticks.{key} }}}}")] for key, _ in STATUS),
        [("Table Text", "{{ a.result }}"), ("Normal", "{%p if a.over_budget %}"),
         ("Table Text", P.REPORT_OVER_BUDGET), ("Normal", "{%p endif %}"),
         ("Normal", "{%p for x in a.evidence %}"), ("Table Text", P.REPORT_EVIDENCE), ("Normal", "{%p endfor %}")],
        bullets("a.responsible")])
    w.p("")
    w.tag("{%p else %}")
    w.p(P.REPORT_NO_ACTIVITY)
    w.tag("{%p endif %}")
    w.tag("{%p endfor %}")

    # Part 2: the sums, per measure and in all, and what they say.
    w.h(P.REPORT_PART_2, 1)
    w.p(P.REPORT_SUMMARY_LEAD, keep=True)
    t = w.table([7.3, 1.9, 1.9, 1.9, 1.9, 2.0, 2.6, 2.6, 2.0], list(P.REPORT_SUMMARY_HEAD))
    w.loop_row(t, "for m in measures", [
        [("Table Text", P.MEASURE_ROW)],
        *([("Table Center", f"{{{{ m.summary.{key} }}}}")] for key in SUMS)], keep=True)
    w.row(t, [[("Table Head", P.REPORT_TOTAL)], *([("Table Head", f"{{{{ total.{key} }}}}")] for key in SUMS)])
    w.p("")
    w.tag("{%p for para in summary_texts %}")
    w.p("{{ para }}")
    w.tag("{%p endfor %}")

    # Part 3: problems and suggestions, gathered from the activities.
    w.h(P.REPORT_PART_3, 1)
    for var, title, none in (("problems", P.REPORT_PROBLEMS, P.REPORT_NO_PROBLEMS),
                             ("suggestions", P.REPORT_SUGGESTIONS, P.REPORT_NO_SUGGESTIONS)):
        w.p(title, "Sub Heading")
        w.tag(f"{{%p if {var} %}}")
        w.tag(f"{{%p for x in {var} %}}")
        w.p("-\t" + P.REPORT_NOTE, "Bullet")
        w.tag("{%p endfor %}")
        w.tag("{%p else %}")
        w.p(none)
        w.tag("{%p endif %}")

    signature_block(w)
