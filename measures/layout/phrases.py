"""The fixed wording of the documents: one source for the .docx layouts and the web pages.

Each phrase is a Jinja string filled from the same context as the document that prints it
(measures/context.py), e.g. `{{ office.name }}`; a phrase inside a loop names the loop's
variable (`t`, `m`, `a`, `x`), which the caller passes. The .docx layouts (measures.py,
report.py, preface.py) write these strings into the template; the site (measures/site.py)
renders the same strings with `say("NAME", t=t)`. A number and tab before a list item, and
the markup around a phrase, belong to each output; the words belong here.

Table headers are tuples, one string a column. MEASURES_DOCUMENT and REPORT_DOCUMENT list which
phrases each document prints, so tests/test_site.py can check that each is in both outputs.
"""
from __future__ import annotations

# --------------------------------------------------------------------------- shared

PREFACE_TITLE = "คำนำ"
CONTENTS = "สารบัญ"
CONTENTS_PAGE = "หน้า"  # the contents' page-number column: paper only
SIGNED_ON = "ประกาศ ณ วันที่ {{ date_text }}"
MEASURE = "มาตรการที่ {{ m.number }} {{ m.title }}"  # a heading: the report's, the web page's
MEASURE_ROW = "{{ m.number }}. {{ m.title }}"         # a table's row label

# --------------------------------------------------------------------------- the measures document

COVER = ("มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "ภายในหน่วยงาน", "ประจำปีงบประมาณ พ.ศ. {{ year }}")

# The default preface, when the publication writes none of its own.
PREFACE = (
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานฉบับนี้ {{ office.name }} จัดทำขึ้นเพื่อประกาศเจตนารมณ์"
    "ให้บุคลากรทางการศึกษาใช้เป็นแนวทางในการปฏิบัติงานอย่างมีมาตรฐาน มีคุณธรรม มีความโปร่งใส และป้องกันการทุจริต "
    "โดยนำผลการวิเคราะห์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน (ITA) ประจำปีงบประมาณ พ.ศ. {{ assessed }} "
    "มาจัดทำมาตรการ จำนวน {{ measures|length }} มาตรการ ประกอบด้วย {{ measure_list }}",
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานนี้จะเป็นกรอบแนวทางในการป้องกันการทุจริตในหน่วยงาน "
    "และการดำเนินงานอย่างมีคุณธรรมและความโปร่งใส เพื่อให้เกิดประโยชน์สูงสุดต่อผู้มารับบริการ ประชาชน และสังคมต่อไป",
)

# Part 1
PART_1 = "ส่วนที่ 1 บทนำ"
BACKGROUND = "ความเป็นมา"
CRITERIA = ("เกณฑ์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของสำนักงานเขตพื้นที่การศึกษาออนไลน์ "
            "ประจำปีงบประมาณ พ.ศ. {{ assessed }}")
INDICATOR_LIST = "ตัวชี้วัดการประเมิน จำแนกออกเป็น {{ framework.indicators|length }} ตัวชี้วัด ได้แก่ {{ indicator_list }}"
TOOLS_LEAD = "เครื่องมือที่ใช้ในการประเมิน จำแนกออกเป็น {{ framework.tools|length }} เครื่องมือ ดังนี้"
TOOL = ("{{ t.name }} ({{ t.name_en }}: {{ t.code }}) มีวัตถุประสงค์{{ t.purpose }} "
        "ในตัวชี้วัด{{ t.indicator_names }} น้ำหนักร้อยละ {{ t.weight }}")  # t: framework.tools
SCORING = "วิธีการคำนวณคะแนน"
SCORING_HEAD = ("คะแนน", "แบบ {{ framework.tools[0].code }}", "แบบ {{ framework.tools[1].code }}",
                "แบบ {{ framework.tools[2].code }}")
# (label, a cell per tool); the last row's one cell spans the three tools.
SCORING_ROWS = (
    ("คะแนนข้อคำถาม", ("คะแนนเฉลี่ยของข้อคำถามจากผู้ตอบทุกคน", "คะแนนเฉลี่ยของข้อคำถามจากผู้ตอบทุกคน",
                       "คะแนนของข้อคำถาม (0 หรือ 100)")),
    ("คะแนนตัวชี้วัดย่อย", ("-", "-", "คะแนนเฉลี่ยของทุกข้อคำถามในตัวชี้วัดย่อย")),
    ("คะแนนตัวชี้วัด", ("คะแนนเฉลี่ยของทุกข้อคำถามในตัวชี้วัด", "คะแนนเฉลี่ยของทุกข้อคำถามในตัวชี้วัด",
                        "คะแนนเฉลี่ยของทุกตัวชี้วัดย่อยในตัวชี้วัด")),
    ("คะแนนแบบสำรวจ", ("คะแนนเฉลี่ยของทุกตัวชี้วัดในแบบสำรวจ",) * 3),
    ("น้ำหนักแบบสำรวจ", tuple(f"ร้อยละ {{{{ framework.tools[{i}].weight }}}}" for i in range(3))),
)
SCORING_TOTAL = ("คะแนนรวม", "ผลรวมของคะแนนแบบสำรวจที่ถ่วงน้ำหนัก")

# Part 2
PART_2 = "ส่วนที่ 2 การวิเคราะห์ผลการประเมิน"
ANALYSIS = "การวิเคราะห์ผล{{ framework.title }} ประจำปีงบประมาณ พ.ศ. {{ assessed }}"
NATIONAL = ("{{ sec.national }} ผลคะแนนการประเมินในภาพรวมระดับประเทศ ประจำปีงบประมาณ พ.ศ. {{ assessed }} "
            "จากการประเมินสำนักงานเขตพื้นที่การศึกษาทั้งสิ้น {{ national.of }} เขต ได้คะแนนเฉลี่ยร้อยละ "
            "{{ national.average }} อยู่ในระดับ {{ national.level_code }} ({{ national.level_name }})")
RESULT = ("{{ sec.total }} ผลการประเมินของ{{ office.name }} ประจำปีงบประมาณ พ.ศ. {{ assessed }} ได้คะแนน "
          "{{ result.total }}{% if national %} อันดับที่ {{ national.rank }} จาก {{ national.of }} เขต{% endif %} "
          "อยู่ในระดับ {{ result.level_code }} ({{ result.level_name }}) {{ result.verdict }} "
          "โดยตัวชี้วัดที่ {{ top.number }} {{ top.name }} "
          "ได้คะแนนสูงสุด {{ top.score }} คะแนน และตัวชี้วัดที่ {{ bottom.number }} {{ bottom.name }} "
          "ได้คะแนนต่ำสุด {{ bottom.score }} คะแนน ทั้งนี้ ระดับผลการประเมินเทียบกับเกณฑ์คะแนน มีดังนี้")
LEVELS_HEAD = ("ระดับ", "ความหมาย", "คะแนน", "ผลการประเมิน")
HISTORY = ("{{ sec.history }} ผลคะแนนการประเมินของ{{ office.name }} ที่ผ่านมา (พ.ศ. {{ history[0].year }} – "
           "{{ history[-1].year }}) สรุปได้ดังนี้")
HISTORY_HEAD = ("ปีงบประมาณ พ.ศ.", "ผลคะแนน ITA", "พัฒนาการ", "ผลต่างของคะแนน")
TOOLS = "{{ sec.tools }} ผลการประเมินของ{{ office.name }} จำแนกตามเครื่องมือการประเมิน มีดังนี้"
TOOLS_HEAD = ("เครื่องมือ", "ตัวชี้วัดที่", "คะแนนเฉลี่ย", "น้ำหนัก (คะแนนเต็ม)", "คะแนนที่ได้")
TOOLS_TOTAL = "คะแนนรวม"
INDICATORS = ("{{ sec.indicators }} ผลการประเมินของ{{ office.name }} จำแนกตามตัวชี้วัด"
              "{% if has_subindicators %} และตัวชี้วัดย่อยที่ผลการประเมินระบุไว้{% endif %} มีดังนี้")
INDICATORS_HEAD = ("ตัวชี้วัดที่", "ประเด็นตัวชี้วัด", "คะแนน", "ระดับ", "ผลการประเมิน")
CHART_LEAD = "ผลการประเมินจำแนกตามตัวชี้วัดสรุปเป็นแผนภูมิได้ดังนี้"
CHART_CAPTION = "แผนภูมิ ผลคะแนนรายตัวชี้วัด ITA {{ assessed }} และเกณฑ์ผ่าน {{ framework.pass_mark }} คะแนน"
STRENGTHS = "{{ sec.strengths }} จุดแข็ง"
TOOL_NOTE = ("ผลการประเมินด้วย{{ t.name }} ({{ t.name_en }}: {{ t.code }}) ในตัวชี้วัดที่ {{ t.indicator_range }} "
             "{{ t.summary }}")  # t: tool_notes
WEAKNESSES = "{{ sec.weaknesses }} จุดอ่อน"
IMPROVEMENTS_HEAD = ("ตัวชี้วัด", "ประเด็นการประเมิน", "ประเด็นที่ควรพัฒนา")

# Part 3
PART_3 = "ส่วนที่ 3 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
PRACTICE_TIMING = "ระยะเวลา"  # a column only when the office fills it in
PRACTICE_HEAD = ("มาตรการ", "ขั้นตอนหรือวิธีการ", "ผู้รับผิดชอบ", PRACTICE_TIMING, "การกำกับ ติดตาม")
ACTIONS = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน{{ office.name }} ประจำปีงบประมาณ พ.ศ. {{ year }}"
GUIDELINES = "แนวทางการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
MEASURES_HEAD = ("ที่", "มาตรการ", "ผู้รับผิดชอบ")
# Per measure: its guideline, follow-up and responsible units (a table row on paper, a section on the web).
MEASURE_HEAD = ("มาตรการที่", "แนวทางวิธีปฏิบัติ", "การติดตาม/ รายงานผล", "ผู้รับผิดชอบ")

# --------------------------------------------------------------------------- the progress report

REPORT_COVER = ("รายงานผลการดำเนินงานตามมาตรการ", "ส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")
REPORT_PREFACE = ("รายงานฉบับนี้ {{ office.name }} จัดทำขึ้นเพื่อรายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและ"
                  "ความโปร่งใสภายในหน่วยงาน {{ round.title }} ตามมาตรการที่หน่วยงานประกาศไว้ จำนวน "
                  "{{ measures|length }} มาตรการ โดยแสดงกิจกรรมที่ดำเนินการภายใต้แต่ละมาตรการ งบประมาณและการเบิกจ่าย "
                  "ผลการดำเนินงาน ปัญหาอุปสรรค และข้อเสนอแนะ เพื่อใช้ในการกำกับติดตามและปรับปรุงการดำเนินงานต่อไป")
REPORT_PART_1 = "ส่วนที่ 1 ผลการดำเนินงานตามมาตรการ"
# The three status columns, in the order of progress.STATUSES (not_started, in_progress, done).
REPORT_STATUS = ("ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ", "แล้วเสร็จ")
REPORT_ACTIVITIES_HEAD = ("ที่", "โครงการ/กิจกรรม", "งบประมาณ (บาท)", "เบิกจ่ายแล้ว (บาท)", *REPORT_STATUS,
                          "รายละเอียดและผลการดำเนินงาน", "ผู้รับผิดชอบ")
REPORT_STEP = "(ข้อ {{ a.step }})"
REPORT_OVER_BUDGET = "เบิกจ่ายเกินงบประมาณ: {{ a.over_budget }}"
REPORT_EVIDENCE = "หลักฐาน: {{ x }}"
REPORT_NO_ACTIVITY = "ไม่มีกิจกรรมของมาตรการนี้ในรอบนี้"
REPORT_PART_2 = "ส่วนที่ 2 สรุปผลการดำเนินงาน"
REPORT_SUMMARY_LEAD = "ผลการดำเนินงานตามมาตรการ {{ round.title }} สรุปได้ดังนี้"
REPORT_SUMMARY_HEAD = ("มาตรการ", "กิจกรรม", "แล้วเสร็จ", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ",
                       "ร้อยละแล้วเสร็จ", "งบประมาณ (บาท)", "เบิกจ่าย (บาท)", "ร้อยละเบิกจ่าย")
REPORT_TOTAL = "รวม"
REPORT_PART_3 = "ส่วนที่ 3 ปัญหา อุปสรรค และข้อเสนอแนะ"
REPORT_PROBLEMS = "ปัญหาและอุปสรรค"
REPORT_NO_PROBLEMS = "ไม่มีปัญหาอุปสรรคที่บันทึกไว้ในรอบนี้"
REPORT_SUGGESTIONS = "ข้อเสนอแนะ"
REPORT_NO_SUGGESTIONS = "ไม่มีข้อเสนอแนะที่บันทึกไว้ในรอบนี้"
REPORT_NOTE = "{{ x.text }} (มาตรการที่ {{ x.measure }}: {{ x.activity }})"  # x: a problem or a suggestion

# --------------------------------------------------------------------------- which document prints which

MEASURES_DOCUMENT = (
    "PREFACE_TITLE", "CONTENTS", "CONTENTS_PAGE", "SIGNED_ON", "MEASURE_ROW", "COVER", "PREFACE", "PART_1",
    "BACKGROUND", "CRITERIA", "INDICATOR_LIST", "TOOLS_LEAD", "TOOL", "SCORING", "SCORING_HEAD", "SCORING_ROWS",
    "SCORING_TOTAL", "PART_2", "ANALYSIS", "NATIONAL", "RESULT", "LEVELS_HEAD", "HISTORY", "HISTORY_HEAD", "TOOLS",
    "TOOLS_HEAD", "TOOLS_TOTAL", "INDICATORS", "INDICATORS_HEAD", "CHART_LEAD", "CHART_CAPTION", "STRENGTHS",
    "TOOL_NOTE", "WEAKNESSES", "IMPROVEMENTS_HEAD", "PART_3", "PRACTICE_TIMING", "PRACTICE_HEAD", "ACTIONS",
    "GUIDELINES", "MEASURES_HEAD", "MEASURE_HEAD")
REPORT_DOCUMENT = (
    "PREFACE_TITLE", "CONTENTS", "CONTENTS_PAGE", "SIGNED_ON", "MEASURE", "MEASURE_ROW", "REPORT_COVER",
    "REPORT_PREFACE", "REPORT_PART_1", "REPORT_STATUS", "REPORT_ACTIVITIES_HEAD", "REPORT_STEP",
    "REPORT_OVER_BUDGET", "REPORT_EVIDENCE", "REPORT_NO_ACTIVITY", "REPORT_PART_2", "REPORT_SUMMARY_LEAD",
    "REPORT_SUMMARY_HEAD", "REPORT_TOTAL", "REPORT_PART_3", "REPORT_PROBLEMS", "REPORT_NO_PROBLEMS",
    "REPORT_SUGGESTIONS", "REPORT_NO_SUGGESTIONS", "REPORT_NOTE")
