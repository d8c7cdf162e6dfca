"""The measures document: cover, preface, contents, part 1 (the ITA), part 2 (the analysis),
part 3 (the measures), signature. Structure and fixed wording; the look is the reference's."""
from __future__ import annotations

from ..ooxml import add_field
from .preface import preface_block, signature_block
from .writer import Writer, bullets, item_lines


def write(w: Writer) -> None:

    # 1. Cover
    w.tag("{%p for line in motto %}")
    w.p("{{ line }}", "Cover Text")
    w.tag("{%p endfor %}")
    for _ in range(5):
        w.p("", "Centered")
    w.p("มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "Cover Title")
    w.p("ภายในหน่วยงาน", "Cover Title")
    w.p("ประจำปีงบประมาณ พ.ศ. {{ year }}", "Cover Title")
    for _ in range(8):
        w.p("", "Centered")
    w.p("{{ office.name }}", "Cover Text")
    w.tag("{%p for parent in office.parents %}")
    w.p("{{ parent }}", "Cover Text")
    w.tag("{%p endfor %}")

    # 2. Preface
    preface_block(w)

    # 3. Contents: a real TOC field; the build fills its cached entries.
    w.p("สารบัญ", "Page Title")
    w.p("หน้า", "Body Plain").paragraph_format.alignment = 2
    toc = w.p("", "TOC 1")
    add_field(toc, 'TOC \\o "1-3" \\h \\z \\u', "{{ toc_marker }}")

    # 4. Part 1
    # Part 1 after the contents page; parts 2 and 3 follow on, so no page is left holding
    # the end of a part alone (the reference's Heading 1 has no page break of its own).
    w.h("ส่วนที่ 1 บทนำ", 1, new_page=True)
    w.h("ความเป็นมา", 2)
    w.tag("{%p for para in background %}")
    w.p("{{ para }}")
    w.tag("{%p endfor %}")
    w.h("เกณฑ์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของสำนักงานเขตพื้นที่การศึกษาออนไลน์ "
        "ประจำปีงบประมาณ พ.ศ. {{ assessed }}", 2)
    w.p("ตัวชี้วัดการประเมิน จำแนกออกเป็น {{ framework.indicators|length }} ตัวชี้วัด ได้แก่ {{ indicator_list }}")
    w.p("เครื่องมือที่ใช้ในการประเมิน จำแนกออกเป็น {{ framework.tools|length }} เครื่องมือ ดังนี้")
    w.tag("{%p for t in framework.tools %}")
    w.p("{{ loop.index }})\t{{ t.name }} ({{ t.name_en }}: {{ t.code }}) มีวัตถุประสงค์{{ t.purpose }} "
        "ในตัวชี้วัด{{ t.indicator_names }} น้ำหนักร้อยละ {{ t.weight }}", "List Body")
    w.tag("{%p endfor %}")
    w.p("วิธีการคำนวณคะแนน", "Sub Heading")
    t = w.table([3.4, 4.2, 4.2, 4.2], ["คะแนน", "แบบ {{ framework.tools[0].code }}",
                                        "แบบ {{ framework.tools[1].code }}", "แบบ {{ framework.tools[2].code }}"])
    for label, cells in (
        ("คะแนนข้อคำถาม", ["คะแนนเฉลี่ยของข้อคำถามจากผู้ตอบทุกคน", "คะแนนเฉลี่ยของข้อคำถามจากผู้ตอบทุกคน",
                           "คะแนนของข้อคำถาม (0 หรือ 100)"]),
        ("คะแนนตัวชี้วัดย่อย", ["-", "-", "คะแนนเฉลี่ยของทุกข้อคำถามในตัวชี้วัดย่อย"]),
        ("คะแนนตัวชี้วัด", ["คะแนนเฉลี่ยของทุกข้อคำถามในตัวชี้วัด", "คะแนนเฉลี่ยของทุกข้อคำถามในตัวชี้วัด",
                            "คะแนนเฉลี่ยของทุกตัวชี้วัดย่อยในตัวชี้วัด"]),
        ("คะแนนแบบสำรวจ", ["คะแนนเฉลี่ยของทุกตัวชี้วัดในแบบสำรวจ"] * 3),
        ("น้ำหนักแบบสำรวจ", [f"ร้อยละ {{{{ framework.tools[{i}].weight }}}}" for i in range(3)]),
    ):
        w.row(t, [[("Table Text", label)]] + [[("Table Text", c)] for c in cells])
    w.row(t, [[("Table Text", "คะแนนรวม")], [("Table Text", "ผลรวมของคะแนนแบบสำรวจที่ถ่วงน้ำหนัก")], [], []])
    last = t.rows[-1]
    last.cells[1].merge(last.cells[3])

    # 5. Part 2
    w.h("ส่วนที่ 2 การวิเคราะห์ผลการประเมิน", 1)
    w.h("การวิเคราะห์ผล{{ framework.title }} ประจำปีงบประมาณ พ.ศ. {{ assessed }}", 2)
    w.tag("{%p if national %}")
    w.p("{{ sec.national }} ผลคะแนนการประเมินในภาพรวมระดับประเทศ ประจำปีงบประมาณ พ.ศ. {{ assessed }} "
        "จากการประเมินสำนักงานเขตพื้นที่การศึกษาทั้งสิ้น {{ national.of }} เขต ได้คะแนนเฉลี่ยร้อยละ "
        "{{ national.average }} อยู่ในระดับ {{ national.level_code }} ({{ national.level_name }})")
    w.tag("{%p endif %}")
    w.p("{{ sec.total }} ผลการประเมินของ{{ office.name }} ประจำปีงบประมาณ พ.ศ. {{ assessed }} ได้คะแนน "
        "{{ result.total }}{% if national %} อันดับที่ {{ national.rank }} จาก {{ national.of }} เขต{% endif %} "
        "อยู่ในระดับ {{ result.level_code }} ({{ result.level_name }}) {{ result.verdict }} "
        "โดยตัวชี้วัดที่ {{ top.number }} {{ top.name }} "
        "ได้คะแนนสูงสุด {{ top.score }} คะแนน และตัวชี้วัดที่ {{ bottom.number }} {{ bottom.name }} "
        "ได้คะแนนต่ำสุด {{ bottom.score }} คะแนน ทั้งนี้ ระดับผลการประเมินเทียบกับเกณฑ์คะแนน มีดังนี้", keep=True)
    # The levels sit with the result they explain (part 1 ended on a page holding only this table).
    t = w.table([2.5, 4.0, 4.5, 3.0], ["ระดับ", "ความหมาย", "คะแนน", "ผลการประเมิน"])
    w.loop_row(t, "for lv in framework.levels", [[("Table Center", "{{ lv.code }}")], [("Table Text", "{{ lv.name }}")],
               [("Table Center", "{{ lv.range }}")], [("Table Center", "{{ lv.verdict }}")]], keep=True)
    w.p("")
    w.tag("{%p for para in threshold_texts %}")
    w.p("{{ para }}")
    w.tag("{%p endfor %}")
    w.tag("{%p if history|length > 1 %}")
    w.p("{{ sec.history }} ผลคะแนนการประเมินของ{{ office.name }} ที่ผ่านมา (พ.ศ. {{ history[0].year }} – "
        "{{ history[-1].year }}) สรุปได้ดังนี้", keep=True)
    t = w.table([3.5, 3.5, 3.5, 3.5], ["ปีงบประมาณ พ.ศ.", "ผลคะแนน ITA", "พัฒนาการ", "ผลต่างของคะแนน"])
    w.loop_row(t, "for h in history", [[("Table Center", "{{ h.year }}")], [("Table Center", "{{ h.total }}")],
               [("Table Center", "{{ h.direction }}")], [("Table Center", "{{ h.delta }}")]], keep=True)
    w.p("")
    w.tag("{%p endif %}")
    w.p("{{ sec.tools }} ผลการประเมินของ{{ office.name }} จำแนกตามเครื่องมือการประเมิน มีดังนี้", keep=True)
    t = w.table([6.0, 2.4, 2.4, 2.6, 2.6], ["เครื่องมือ", "ตัวชี้วัดที่", "คะแนนเฉลี่ย", "น้ำหนัก (คะแนนเต็ม)",
                                            "คะแนนที่ได้"])
    w.loop_row(t, "for t in tools", [[("Table Text", "{{ t.name }} ({{ t.code }})")],
                                     [("Table Center", "{{ t.indicator_range }}")],
               [("Table Center", "{{ t.average }}")], [("Table Center", "{{ t.weight }}")],
               [("Table Center", "{{ t.weighted }}")]], keep=True)
    w.row(t, [[("Table Head", "คะแนนรวม")], [], [], [("Table Center", "{{ weights_total }}")],
              [("Table Head", "{{ result.total }}")]])
    t.rows[-1].cells[0].merge(t.rows[-1].cells[2])
    w.p("")
    w.p("{{ sec.indicators }} ผลการประเมินของ{{ office.name }} จำแนกตามตัวชี้วัด"
        "{% if has_subindicators %} และตัวชี้วัดย่อยที่ผลการประเมินระบุไว้{% endif %} มีดังนี้", keep=True)
    t = w.table([1.6, 6.0, 2.0, 4.2, 2.2], ["ตัวชี้วัดที่", "ประเด็นตัวชี้วัด", "คะแนน", "ระดับ", "ผลการประเมิน"])
    w.loop_row(t, "for i in indicators", [[("Table Center", "{{ i.number }}")], [("Table Text", "{{ i.name }}")],
               [("Table Center", "{{ i.score }}")], [("Table Center", "{{ i.level }}")],
               [("Table Center", "{{ i.verdict }}")]], keep=True)
    w.p("")
    w.p("ผลการประเมินจำแนกตามตัวชี้วัดสรุปเป็นแผนภูมิได้ดังนี้", "Body Text Thai", keep=True)
    w.p("{{ chart }}", "Centered", keep=True)
    w.p("แผนภูมิ ผลคะแนนรายตัวชี้วัด ITA {{ assessed }} และเกณฑ์ผ่าน {{ framework.pass_mark }} คะแนน", "Caption Thai")

    w.p("{{ sec.strengths }} จุดแข็ง", "Sub Heading")
    w.p("{{ strengths_text }}")
    w.tag("{%p for t in tool_notes %}")
    w.p("ผลการประเมินด้วย{{ t.name }} ({{ t.name_en }}: {{ t.code }}) ในตัวชี้วัดที่ {{ t.indicator_range }} "
        "{{ t.summary }}")
    w.tag("{%p for para in t.notes %}")
    w.p("{{ para }}")
    w.tag("{%p endfor %}")
    w.tag("{%p endfor %}")

    w.p("{{ sec.weaknesses }} จุดอ่อน", "Sub Heading")
    w.p("{{ weakness_text }}")
    w.p("{{ priorities_text }}")
    w.tag("{%p for para in weakness_notes %}")
    w.p("{{ para }}")
    w.tag("{%p endfor %}")
    w.tag("{%p if improvements %}")
    w.tag("{%p if improvements_intro %}")
    w.p("{{ improvements_intro }}", keep=True)
    w.tag("{%p endif %}")
    t = w.table([4.6, 5.0, 6.4], ["ตัวชี้วัด", "ประเด็นการประเมิน", "ประเด็นที่ควรพัฒนา"])
    w.loop_row(t, "for r in improvements", [[("Table Text", "{{ r.label }}")], bullets("r.issue"),
                                            bullets("r.improve")])
    w.p("")
    w.tag("{%p endif %}")
    w.tag("{%p if target_text %}")
    w.p("{{ target_text }}")
    w.tag("{%p endif %}")
    office_sections(w, "sections_after_analysis")

    # 6. Part 3
    w.h("ส่วนที่ 3 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", 1)
    w.tag("{%p if practice %}")
    w.tag("{%p if practice_intro %}")
    w.p("{{ practice_intro }}", keep=True)
    w.tag("{%p endif %}")
    # Two tables, with and without the timing column (ระยะเวลา), which only some offices fill in.
    w.tag("{%p if practice_timing %}")
    t = w.table([3.0, 4.9, 2.7, 2.4, 3.0], ["มาตรการ", "ขั้นตอนหรือวิธีการ", "ผู้รับผิดชอบ", "ระยะเวลา",
                                            "การกำกับ ติดตาม"])
    w.loop_row(t, "for r in practice", [[("Table Text", "{{ r.measure }}")], bullets("r.steps"),
                                        bullets("r.responsible"), [("Table Text", "{{ r.timing }}")],
                                        [("Table Text", "{{ r.monitoring }}")]])
    w.tag("{%p else %}")
    t = w.table([3.6, 5.6, 3.4, 3.4], ["มาตรการ", "ขั้นตอนหรือวิธีการ", "ผู้รับผิดชอบ", "การกำกับ ติดตาม"])
    w.loop_row(t, "for r in practice", [[("Table Text", "{{ r.measure }}")], bullets("r.steps"),
                                        bullets("r.responsible"), [("Table Text", "{{ r.monitoring }}")]])
    w.tag("{%p endif %}")
    w.tag("{%p if practice_outro %}")
    w.p("{{ practice_outro }}")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    w.h("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน{{ office.name }} ประจำปีงบประมาณ พ.ศ. {{ year }}", 2)
    w.p("{{ actions_intro }}", keep=True)
    w.tag("{%p for l in actions %}")
    w.p("{{ l.number }}\t{{ l.text }}", "List Body")
    w.tag("{%p endfor %}")
    w.p("{{ actions_next }}.\t{{ measures_step }}", "List Body", keep=True)
    w.tag("{%p for m in measures %}")
    w.p("{{ m.number }})\t{{ m.title }}", "Item 3")
    w.tag("{%p endfor %}")
    w.h("แนวทางการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", 2)
    t = w.table([1.2, 9.4, 5.4], ["ที่", "มาตรการ", "ผู้รับผิดชอบ"])
    w.loop_row(t, "for m in measures", [[("Table Center", "{{ m.number }}")], [("Table Text", "{{ m.title }}")],
               [("Table Text", "{{ m.responsible|join(', ') }}")]], keep=True)
    w.p("")
    t = w.table([2.3, 8.1, 2.8, 2.8], ["มาตรการที่", "แนวทางวิธีปฏิบัติ", "การติดตาม/ รายงานผล", "ผู้รับผิดชอบ"])
    w.loop_row(t, "for m in measures", [[("Measure Title", "{{ m.number }}. {{ m.title }}")],
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
