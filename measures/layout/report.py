"""The progress report (O39 in ITA 2564): cover, preface, contents, then on landscape pages
each measure's activities, the summary computed from them, problems and suggestions, signature."""
from __future__ import annotations

from ..ooxml import add_field
from .preface import signature_block
from .writer import Writer, bullets

STATUS = (("not_started", "ยังไม่ดำเนินการ"), ("in_progress", "อยู่ระหว่างดำเนินการ"), ("done", "แล้วเสร็จ"))


def write(w: Writer) -> None:
    # Cover
    for _ in range(6):
        w.p("", "Centered")
    w.p("รายงานผลการดำเนินงานตามมาตรการ", "Cover Title")
    w.p("ส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "Cover Title")
    w.p("{{ round.title }}", "Cover Text")
    for _ in range(8):
        w.p("", "Centered")
    w.p("{{ office.name }}", "Cover Text")
    w.tag("{%p for parent in office.parents %}")
    w.p("{{ parent }}", "Cover Text")
    w.tag("{%p endfor %}")

    # Preface: what the report is; its figures are the summary's.
    w.p("คำนำ", "Page Title")
    w.p("รายงานฉบับนี้ {{ office.name }} จัดทำขึ้นเพื่อรายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและ"
        "ความโปร่งใสภายในหน่วยงาน {{ round.title }} ตามมาตรการที่หน่วยงานประกาศไว้ จำนวน {{ measures|length }} "
        "มาตรการ โดยแสดงกิจกรรมที่ดำเนินการภายใต้แต่ละมาตรการ งบประมาณและการเบิกจ่าย ผลการดำเนินงาน "
        "ปัญหาอุปสรรค และข้อเสนอแนะ เพื่อใช้ในการกำกับติดตามและปรับปรุงการดำเนินงานต่อไป")
    w.p("")
    w.p("{{ office.name }}", "Signature")

    # Contents
    w.p("สารบัญ", "Page Title")
    w.p("หน้า", "Body Plain").paragraph_format.alignment = 2
    toc = w.p("", "TOC 1")
    add_field(toc, 'TOC \\o "1-3" \\h \\z \\u', "{{ toc_marker }}")

    # Part 1: per measure its activities, on landscape pages.
    w.landscape()
    w.h("ส่วนที่ 1 ผลการดำเนินงานตามมาตรการ", 1)
    w.tag("{%p for m in measures %}")
    w.h("มาตรการที่ {{ m.number }} {{ m.title }}", 2)
    w.tag("{%p if m.activities %}")
    t = w.table([0.9, 5.0, 2.2, 2.2, 1.9, 1.9, 1.9, 6.1, 2.6],
                ["ที่", "โครงการ/กิจกรรม", "งบประมาณ (บาท)", "เบิกจ่ายแล้ว (บาท)",
                 *(label for _, label in STATUS), "รายละเอียดและผลการดำเนินงาน", "ผู้รับผิดชอบ"])
    w.loop_row(t, "for a in m.activities", [
        [("Table Center", "{{ a.n }}")],
        [("Table Text", "{{ a.title }}"), ("Normal", "{%p if a.step %}"), ("Table Text", "(ข้อ {{ a.step }})"),
         ("Normal", "{%p endif %}"), ("Normal", "{%p if a.when %}"), ("Table Text", "{{ a.when }}"),
         ("Normal", "{%p endif %}")],
        [("Table Center", "{{ a.budget }}")],
        [("Table Center", "{{ a.spent }}")],
        *([("Table Center", f"{{{{ a.ticks.{key} }}}}")] for key, _ in STATUS),
        [("Table Text", "{{ a.result }}"), ("Normal", "{%p if a.over_budget %}"),
         ("Table Text", "เบิกจ่ายเกินงบประมาณ: {{ a.over_budget }}"), ("Normal", "{%p endif %}"),
         ("Normal", "{%p for x in a.evidence %}"), ("Table Text", "หลักฐาน: {{ x }}"), ("Normal", "{%p endfor %}")],
        bullets("a.responsible")])
    w.p("")
    w.tag("{%p else %}")
    w.p("ไม่มีกิจกรรมของมาตรการนี้ในรอบนี้")
    w.tag("{%p endif %}")
    w.tag("{%p endfor %}")

    # Part 2: the sums, per measure and in all, and what they say.
    w.h("ส่วนที่ 2 สรุปผลการดำเนินงาน", 1)
    w.p("ผลการดำเนินงานตามมาตรการ {{ round.title }} สรุปได้ดังนี้", keep=True)
    t = w.table([7.3, 1.9, 1.9, 1.9, 1.9, 2.0, 2.6, 2.6, 2.0],
                ["มาตรการ", "กิจกรรม", "แล้วเสร็จ", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ",
                 "ร้อยละแล้วเสร็จ", "งบประมาณ (บาท)", "เบิกจ่าย (บาท)", "ร้อยละเบิกจ่าย"])
    w.loop_row(t, "for m in measures", [
        [("Table Text", "{{ m.number }}. {{ m.title }}")],
        *([("Table Center", f"{{{{ m.summary.{key} }}}}")] for key in
          ("count", "done", "in_progress", "not_started", "done_share", "budget", "spent", "spent_share"))], keep=True)
    w.row(t, [[("Table Head", "รวม")],
              *([("Table Head", f"{{{{ total.{key} }}}}")] for key in
                ("count", "done", "in_progress", "not_started", "done_share", "budget", "spent", "spent_share"))])
    w.p("")
    w.tag("{%p for para in summary_texts %}")
    w.p("{{ para }}")
    w.tag("{%p endfor %}")

    # Part 3: problems and suggestions, gathered from the activities.
    w.h("ส่วนที่ 3 ปัญหา อุปสรรค และข้อเสนอแนะ", 1)
    for var, title, none in (("problems", "ปัญหาและอุปสรรค", "ไม่มีปัญหาอุปสรรคที่บันทึกไว้ในรอบนี้"),
                             ("suggestions", "ข้อเสนอแนะ", "ไม่มีข้อเสนอแนะที่บันทึกไว้ในรอบนี้")):
        w.p(title, "Sub Heading")
        w.tag(f"{{%p if {var} %}}")
        w.tag(f"{{%p for x in {var} %}}")
        w.p("-\t{{ x.text }} (มาตรการที่ {{ x.measure }}: {{ x.activity }})", "Bullet")
        w.tag("{%p endfor %}")
        w.tag("{%p else %}")
        w.p(none)
        w.tag("{%p endif %}")

    signature_block(w)
