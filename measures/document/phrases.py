"""The fixed wording of the documents: one source for the .docx layouts and the web pages.

Each phrase is a Jinja string filled from the same context as the document that prints it
(measures/context.py), e.g. `{{ office.name }}`; a phrase inside a loop names the loop's
variable (`t`, `m`, `a`, `x`), which the caller passes (`say("TOOL", t=t)`, fill.py). A number
and tab before a list item, and the markup around a phrase, belong to each writer; the words
belong here.

Table headers are tuples, one string a column. A phrase is filled once, in the document model
(measures/document/), and every output prints the node that holds it.
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
# The scoring-method table: its first column's words; a column per tool of the framework, whose
# cells the framework gives (tools[].scoring), built in context.py as `scoring`.
SCORING_HEAD = ("คะแนน", "แบบ {{ t.code }}")  # t: framework.tools
SCORING_ROWS = ("คะแนนข้อคำถาม", "คะแนนตัวชี้วัดย่อย", "คะแนนตัวชี้วัด", "คะแนนแบบสำรวจ", "น้ำหนักแบบสำรวจ")
SCORING_WEIGHT = "ร้อยละ {{ t.weight }}"  # the last row's cell per tool
SCORING_TOTAL = ("คะแนนรวม", "ผลรวมของคะแนนแบบสำรวจที่ถ่วงน้ำหนัก")  # its rule spans the tools' columns
# method: capped adds its rule to the total's (below: the mark; n: levels lowered; to: a level's code).
SCORING_CAP_LOWER = " หากคะแนนแบบสำรวจใดต่ำกว่า {{ below }} คะแนน ระดับผลการประเมินลดลง {{ n }} ระดับ"
SCORING_CAP_TO = " หากคะแนนแบบสำรวจใดต่ำกว่า {{ below }} คะแนน ระดับผลการประเมินสูงสุดคือระดับ {{ to }}"

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
LEVELS_CAPTION = "ระดับผลการประเมินเทียบกับเกณฑ์คะแนน"
HISTORY = ("{{ sec.history }} ผลคะแนนการประเมินของ{{ office.name }} ที่ผ่านมา (พ.ศ. {{ history[0].year }} – "
           "{{ history[-1].year }}) สรุปได้ดังนี้")
HISTORY_HEAD = ("ปีงบประมาณ พ.ศ.", "ผลคะแนน ITA", "พัฒนาการ", "ผลต่างของคะแนน")
HISTORY_CAPTION = "ผลคะแนนการประเมินที่ผ่านมา พ.ศ. {{ history[0].year }} – {{ history[-1].year }}"
TOOLS = "{{ sec.tools }} ผลการประเมินของ{{ office.name }} จำแนกตามเครื่องมือการประเมิน มีดังนี้"
TOOLS_HEAD = ("เครื่องมือ", "ตัวชี้วัดที่", "คะแนนเฉลี่ย", "น้ำหนัก (คะแนนเต็ม)", "คะแนนที่ได้")
TOOLS_TOTAL = "คะแนนรวม"
TOOLS_CAPTION = "ผลการประเมินจำแนกตามเครื่องมือการประเมิน"
INDICATORS = ("{{ sec.indicators }} ผลการประเมินของ{{ office.name }} จำแนกตามตัวชี้วัด"
              "{% if has_subindicators %} และตัวชี้วัดย่อยที่ผลการประเมินระบุไว้{% endif %} มีดังนี้")
INDICATORS_HEAD = ("ตัวชี้วัดที่", "ประเด็นตัวชี้วัด", "คะแนน", "ระดับ", "ผลการประเมิน")
INDICATORS_CAPTION = "ผลการประเมินจำแนกตามตัวชี้วัด{% if has_subindicators %} และตัวชี้วัดย่อย{% endif %}"
CHART_LEAD = "ผลการประเมินจำแนกตามตัวชี้วัดสรุปเป็นแผนภูมิได้ดังนี้"
CHART_CAPTION = "แผนภูมิ ผลคะแนนรายตัวชี้วัด ITA {{ assessed }} และเกณฑ์ผ่าน {{ framework.pass_mark }} คะแนน"
# The chart for a reader who cannot see it: what it shows, and where its figures are.
CHART_ALT = ("แผนภูมิแท่ง ผลคะแนนรายตัวชี้วัด ITA {{ assessed }} เทียบกับเกณฑ์ผ่าน {{ framework.pass_mark }} คะแนน: "
             "สูงสุด ตัวชี้วัดที่ {{ top.number }} {{ top.name }} {{ top.score }} คะแนน ต่ำสุด ตัวชี้วัดที่ "
             "{{ bottom.number }} {{ bottom.name }} {{ bottom.score }} คะแนน ค่าทุกตัวชี้วัดอยู่ในตารางข้อมูลของแผนภูมิ")
CHART_DATA = "ตารางข้อมูลของแผนภูมิ"
CHART_DATA_CAPTION = "ข้อมูลของแผนภูมิ ผลคะแนนรายตัวชี้วัด ITA {{ assessed }} (เกณฑ์ผ่าน {{ framework.pass_mark }} คะแนน)"
CHART_DATA_HEAD = ("ตัวชี้วัด", "คะแนน")
STRENGTHS = "{{ sec.strengths }} จุดแข็ง"
TOOL_NOTE = ("ผลการประเมินด้วย{{ t.name }} ({{ t.name_en }}: {{ t.code }}) ในตัวชี้วัดที่ {{ t.indicator_range }} "
             "{{ t.summary }}")  # t: tool_notes
WEAKNESSES = "{{ sec.weaknesses }} จุดอ่อน"
IMPROVEMENTS_HEAD = ("ตัวชี้วัด", "ประเด็นการประเมิน", "ประเด็นที่ควรพัฒนา")
IMPROVEMENTS_CAPTION = "ประเด็นที่ควรพัฒนาจำแนกตามตัวชี้วัด"

# Part 3
PART_3 = "ส่วนที่ 3 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
PRACTICE_TIMING = "ระยะเวลา"  # a column only when the office fills it in
PRACTICE_HEAD = ("มาตรการ", "ขั้นตอนหรือวิธีการ", "ผู้รับผิดชอบ", PRACTICE_TIMING, "การกำกับ ติดตาม")
PRACTICE_CAPTION = "แนวทางปฏิบัติเพื่อพัฒนาประเด็นที่ควรพัฒนา"
ACTIONS = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน{{ office.name }} ประจำปีงบประมาณ พ.ศ. {{ year }}"
GUIDELINES = "แนวทางการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
MEASURES_HEAD = ("ที่", "มาตรการ", "ผู้รับผิดชอบ")
MEASURES_CAPTION = "มาตรการและผู้รับผิดชอบ"
# Per measure: its guideline, follow-up and responsible units (a table row on paper, a section on the web).
MEASURE_HEAD = ("มาตรการที่", "แนวทางวิธีปฏิบัติ", "การติดตาม/ รายงานผล", "ผู้รับผิดชอบ")
REPORTED = "ผลการดำเนินงานตามมาตรการนี้:"  # the page's links to the report rounds
SIGNATURES_LABEL = "ผู้ลงนามประกาศ"

# --------------------------------------------------------------------------- the progress report

REPORT_COVER = ("รายงานผลการดำเนินงานตามมาตรการ", "ส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน")
REPORT_PREFACE = ("รายงานฉบับนี้ {{ office.name }} จัดทำขึ้นเพื่อรายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและ"
                  "ความโปร่งใสภายในหน่วยงาน {{ round.title }} ตามมาตรการที่หน่วยงานประกาศไว้ จำนวน "
                  "{{ measures|length }} มาตรการ โดยแสดงกิจกรรมที่ดำเนินการภายใต้แต่ละมาตรการ งบประมาณและการเบิกจ่าย "
                  "ผลการดำเนินงาน ปัญหาอุปสรรค และข้อเสนอแนะ เพื่อใช้ในการกำกับติดตามและปรับปรุงการดำเนินงานต่อไป")
REPORT_PART_1 = "ส่วนที่ 1 ผลการดำเนินงานตามมาตรการ"
# The tick columns, in the order of progress.STATUSES (not_due, not_started, in_progress, done).
REPORT_STATUS = ("ยังไม่ถึงกำหนด", "ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ", "แล้วเสร็จ")
# The activity table's column headers, by the column keys of schema/progress.py COLUMN_KEYS
# (`ticks` is a column per status, headed by REPORT_STATUS).
REPORT_COLUMNS = {
    "no": "ที่", "activity": "โครงการ/กิจกรรม", "objective": "วัตถุประสงค์", "target": "เป้าหมาย",
    "period": "ระยะเวลาดำเนินการ", "steps": "ขั้นตอนการดำเนินการ", "budget": "งบประมาณ (บาท)",
    "spent": "เบิกจ่ายแล้ว (บาท)", "status": "สถานะ", "ticks": "สถานะ", "result": "ผลการดำเนินงาน",
    "summary": "สรุปผลการดำเนินงาน", "problems": "ปัญหาอุปสรรค", "suggestions": "ข้อเสนอแนะ",
    "notes": "ปัญหา/ข้อเสนอแนะ", "responsible": "ผู้รับผิดชอบ", "people": "ผู้รับผิดชอบ (บุคคล)",
    "evidence": "หลักฐาน"}
REPORT_STEP = "(ข้อ {{ step }})"
REPORT_OVER_BUDGET = "เบิกจ่ายเกินงบประมาณ: {{ a.over_budget }}"
REPORT_EVIDENCE = "หลักฐาน: {{ x }}"
REPORT_NO_ACTIVITY = "ไม่มีกิจกรรมในแผนของปีนี้"
REPORT_PART_2 = "ส่วนที่ 2 สรุปผลการดำเนินงาน"
REPORT_SUMMARY_LEAD = "ผลการดำเนินงานตามมาตรการ {{ round.title }} สรุปได้ดังนี้"
REPORT_GROUP_MEASURES = "มาตรการ"         # the summary's first column: what its rows are
REPORT_GROUP_PLAN = "ยุทธศาสตร์/โครงการ"
REPORT_SUMMARY_HEAD = ("{{ group_head }}", "กิจกรรม", *REPORT_STATUS, "ร้อยละแล้วเสร็จ", "งบประมาณ (บาท)",
                       "เบิกจ่าย (บาท)", "ร้อยละเบิกจ่าย")
REPORT_TOTAL = "รวม"
REPORT_SUMMARY_CAPTION = "สรุปผลการดำเนินงานราย{{ group_head }}"
REPORT_SEE = "แนวทางวิธีปฏิบัติของมาตรการที่ {{ m.number }}"  # the page's link to the measure's guideline
REPORT_SIGNATURES_LABEL = "ผู้ลงนาม"
REPORT_PART_3 = "ส่วนที่ 3 ปัญหา อุปสรรค และข้อเสนอแนะ"
REPORT_PROBLEMS = "ปัญหาและอุปสรรค"
REPORT_NO_PROBLEMS = "ไม่มีปัญหาอุปสรรคที่บันทึกไว้ในรอบนี้"
REPORT_SUGGESTIONS = "ข้อเสนอแนะ"
REPORT_NO_SUGGESTIONS = "ไม่มีข้อเสนอแนะที่บันทึกไว้ในรอบนี้"
REPORT_NOTE = "{{ x.text }} ({{ x.source }})"  # x: a problem or a suggestion
REPORT_SOURCE_MEASURE = "มาตรการที่ {{ number }}: {{ title }}"  # where a problem was met: a measure's activity
REPORT_SOURCE_PLAN = "กิจกรรมที่ {{ number }}: {{ title }}"    # or the plan's activity
