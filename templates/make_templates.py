"""Generates templates/measures.docx and templates/preface.docx.

This script is the source of the templates' structure (every Jinja tag is typed
here in one run, so Word never splits a tag). The .docx files it writes are
committed and are what the build uses: restyle them in Word or LibreOffice
(fonts, margins, cover, wording) freely — but rerunning this script overwrites
such edits, so make structural changes here first.

    .venv/bin/python templates/make_templates.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from measures.document.ooxml import add_field, child, repeat_header, set_bold, set_fonts, set_lang, set_size  # noqa: E402

HERE = Path(__file__).resolve().parent
FONT = "TH SarabunPSK"
BODY = 32  # half-points: 16 pt
TEXT_WIDTH_CM = 16.0  # A4 21 cm less 3 cm left and 2 cm right margins


# --------------------------------------------------------------------------- styles

def _ppr_jc(style, value: str) -> None:
    ppr = style.element.get_or_add_pPr()
    jc = ppr.find(qn("w:jc"))
    if jc is None:
        jc = OxmlElement("w:jc")
        ppr.append(jc)
    jc.set(qn("w:val"), value)


def _style_font(style, size: int = BODY, bold: bool | None = None) -> None:
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr, FONT)
    if bold is not None:
        set_bold(rpr, bold)
    set_size(rpr, size)
    set_lang(rpr)
    color = rpr.find(qn("w:color"))
    if color is not None:
        rpr.remove(color)


def _para_style(doc, name: str, base: str = "Normal", size: int = BODY, bold: bool | None = None,
                jc: str | None = None, left: float = 0, hanging: float = 0, first: float = 0,
                before: int = 0, after: int = 0, keep_next: bool = False, outline: int | None = None):
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base] if name != base else None
    style.quick_style = True
    _style_font(style, size, bold)
    pf = style.paragraph_format
    pf.left_indent = Cm(left)
    pf.first_line_indent = Cm(-hanging if hanging else first)
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing = 1.0
    pf.keep_with_next = keep_next
    if jc:
        _ppr_jc(style, jc)
    if hanging:
        # An explicit stop where the text starts: the tab after the number lands
        # there in LibreOffice too (it does not treat the hanging indent as one).
        from docx.enum.text import WD_TAB_ALIGNMENT
        pf.tab_stops.add_tab_stop(Cm(left), WD_TAB_ALIGNMENT.LEFT)
    if outline is not None:
        ppr = style.element.get_or_add_pPr()
        ol = OxmlElement("w:outlineLvl")
        ol.set(qn("w:val"), str(outline))
        ppr.append(ol)
    return style


def setup_styles(doc) -> None:
    # docDefaults: every run without a style of its own is Thai, 16 pt, all four slots.
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default, FONT)
    set_size(rpr_default, BODY)
    set_lang(rpr_default)
    normal = doc.styles["Normal"]
    _style_font(normal, BODY)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    _para_style(doc, "Body Text Thai", jc="thaiDistribute", first=1.25)
    _para_style(doc, "Body Plain", jc="thaiDistribute")
    _para_style(doc, "Centered", jc="center")
    _para_style(doc, "Cover Title", size=44, bold=True, jc="center", after=6)
    _para_style(doc, "Cover Text", size=36, bold=True, jc="center")
    _para_style(doc, "Page Title", size=40, bold=True, jc="center", after=12)
    # Preface, contents and each part start a page by their style, not by typed breaks.
    doc.styles["Page Title"].paragraph_format.page_break_before = True
    for level, size in ((1, 40), (2, 36), (3, 32)):
        h = doc.styles[f"Heading {level}"]
        h.base_style = doc.styles["Normal"]
        _style_font(h, size, True)
        h.paragraph_format.space_before = Pt(12 if level < 3 else 0)
        h.paragraph_format.space_after = Pt(6 if level < 3 else 0)
        h.paragraph_format.keep_with_next = True
        if level == 1:
            _ppr_jc(h, "center")
            h.paragraph_format.page_break_before = True
        for attr in ("w:i", "w:iCs"):
            el = h.element.get_or_add_rPr().find(qn(attr))
            if el is not None:
                h.element.get_or_add_rPr().remove(el)
    # Headings in the measures table: left-aligned, body size, still level 3 for the TOC.
    _para_style(doc, "Measure Title", base="Heading 3", size=BODY, bold=True, jc="left", outline=2)
    _para_style(doc, "Sub Heading", size=BODY, bold=True, keep_next=True, before=6)
    _para_style(doc, "Table Text", jc="left")
    _para_style(doc, "Table Head", bold=True, jc="center", keep_next=True)
    _para_style(doc, "Table Center", jc="center")
    _para_style(doc, "Item Plain", jc="thaiDistribute")
    # Each level's number hangs where the text of the level above starts.
    _para_style(doc, "Item 1", jc="thaiDistribute", left=0.5, hanging=0.5)
    _para_style(doc, "Item 2", jc="thaiDistribute", left=1.2, hanging=0.7)
    _para_style(doc, "Item 3", jc="thaiDistribute", left=1.8, hanging=0.6)
    _para_style(doc, "Item 4", jc="thaiDistribute", left=2.3, hanging=0.5)
    _para_style(doc, "Bullet", jc="left", left=0.35, hanging=0.35)
    _para_style(doc, "List Body", jc="thaiDistribute", left=1.25, hanging=0.6)
    _para_style(doc, "Signature", jc="center")
    for level in (1, 2, 3):
        _para_style(doc, f"TOC {level}", jc="left", left=0.6 * (level - 1))
        tabs = doc.styles[f"TOC {level}"].paragraph_format.tab_stops
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
        tabs.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    _para_style(doc, "Caption Thai", jc="center", bold=True, before=6, after=6)


def setup_page(doc) -> None:
    for section in doc.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
        section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
        section.header_distance, section.footer_distance = Cm(1.25), Cm(1.0)
        section.different_first_page_header_footer = True  # no number on the cover
        footer = section.footer.paragraphs[0]
        footer.style = doc.styles["Centered"]
        add_field(footer, "PAGE", "1")


# --------------------------------------------------------------------------- building blocks

class Writer:
    def __init__(self, doc):
        self.doc = doc

    def p(self, text: str = "", style: str = "Body Text Thai", bold: bool = False):
        para = self.doc.add_paragraph(style=style)
        if text:
            run = para.add_run(text)
            run.bold = bold or None
        return para

    def tag(self, text: str):
        """A paragraph that holds only a {%p … %} tag (docxtpl removes it)."""
        return self.p(text, "Normal")

    def page_break(self):
        para = self.doc.add_paragraph(style="Normal")
        para.add_run().add_break(WD_BREAK.PAGE)

    def h(self, text: str, level: int):
        return self.doc.add_heading(text, level)

    def table(self, widths: list[float], header: list[str], repeat: bool = True):
        t = self.doc.add_table(rows=1, cols=len(widths))
        t.style = self.doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        # LibreOffice lays a table out by its grid, not the cells: set both.
        grid = t._tbl.tblGrid
        for col, w in zip(grid.findall(qn("w:gridCol")), widths):
            col.set(qn("w:w"), str(int(w * 567)))
        tblpr = t._tbl.tblPr
        tw = child(tblpr, "w:tblW")
        tw.set(qn("w:w"), str(int(sum(widths) * 567)))
        tw.set(qn("w:type"), "dxa")
        # Narrow cell margins (0.1 cm): Thai text needs the width more than the air.
        mar = child(tblpr, "w:tblCellMar")
        for side in ("w:left", "w:right"):
            el = child(mar, side)
            el.set(qn("w:w"), "57")
            el.set(qn("w:type"), "dxa")
        for cell, w, text in zip(t.rows[0].cells, widths, header):
            cell.width = Cm(w)
            cell.paragraphs[0].style = self.doc.styles["Table Head"]
            cell.paragraphs[0].add_run(text)
            _shade(cell, "D9E2F3")
        if repeat:
            repeat_header(t.rows[0])
        return t

    def row(self, table, cells: list[list[tuple[str, str]]]):
        """A row; each cell is a list of (style, text) paragraphs."""
        r = table.add_row()
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        for cell, paras, w in zip(r.cells, cells, widths):
            cell.width = Cm(w / 567)
            first = True
            for style, text in paras:
                para = cell.paragraphs[0] if first else cell.add_paragraph()
                first = False
                para.style = self.doc.styles[style]
                if text:
                    para.add_run(text)
        return r

    def item_lines(self, var: str) -> list[tuple[str, str]]:
        """Cell paragraphs for numbered guideline lines (number, tab, text)."""
        out = [("Normal", f"{{%p for l in {var} %}}")]
        for n, style in enumerate(("Item Plain", "Item 1", "Item 2", "Item 3", "Item 4")):
            kw = "if" if n == 0 else "elif"
            out.append(("Normal", f"{{%p {kw} l.style == '{style}' %}}"))
            out.append((style, "{{ l.number }}\t{{ l.text }}" if n else "{{ l.text }}"))
        out += [("Normal", "{%p endif %}"), ("Normal", "{%p endfor %}")]
        return out


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _tabs_to_elements(doc) -> None:
    """'\\t' typed above becomes a real <w:tab/> between the two tag runs."""
    for t in doc.element.body.iter(qn("w:t")):
        if t.text and "\t" in t.text:
            before, after = t.text.split("\t", 1)
            t.text = before
            tab = OxmlElement("w:tab")
            t.addnext(tab)
            t2 = OxmlElement("w:t")
            t2.set(qn("xml:space"), "preserve")
            t2.text = after
            tab.addnext(t2)


# --------------------------------------------------------------------------- the two documents

PREFACE = [
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานฉบับนี้ {{ office.name }} จัดทำขึ้นเพื่อประกาศเจตนารมณ์"
    "ให้บุคลากรทางการศึกษาใช้เป็นแนวทางในการปฏิบัติงานอย่างมีมาตรฐาน มีคุณธรรม มีความโปร่งใส และป้องกันการทุจริต "
    "โดยนำผลการวิเคราะห์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน (ITA) ประจำปีงบประมาณ พ.ศ. {{ assessed }} "
    "มาจัดทำมาตรการ จำนวน {{ measures|length }} มาตรการ ประกอบด้วย {{ measure_list }}",
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานนี้จะเป็นกรอบแนวทางในการป้องกันการทุจริตในหน่วยงาน "
    "และการดำเนินงานอย่างมีคุณธรรมและความโปร่งใส เพื่อให้เกิดประโยชน์สูงสุดต่อผู้มารับบริการ ประชาชน และสังคมต่อไป",
]


def preface_block(w: Writer) -> None:
    w.p("คำนำ", "Page Title")
    w.tag("{%p if preface_custom %}")
    w.tag("{%p for para in preface_custom %}")
    w.p("{{ para }}")
    w.tag("{%p endfor %}")
    w.tag("{%p else %}")
    for text in PREFACE:
        w.p(text)
    w.tag("{%p endif %}")
    w.p("")
    w.p("{{ office.name }}", "Signature")
    w.tag("{%p if date_text %}")
    w.p("{{ date_text }}", "Signature")
    w.tag("{%p endif %}")


def signature_block(w: Writer) -> None:
    w.p("")
    w.tag("{%p if date_text %}")
    w.p("ประกาศ ณ วันที่ {{ date_text }}", "Signature")
    w.tag("{%p endif %}")
    w.tag("{%p for s in signatories %}")
    w.p("")
    w.p("({{ s.name }})", "Signature")
    w.p("{{ s.position }}", "Signature")
    w.tag("{%p endfor %}")
    w.tag("{%p if not signatories %}")
    w.p("{{ office.name }}", "Signature")
    w.tag("{%p endif %}")


def measures_template(path: Path) -> None:
    doc = Document()
    setup_styles(doc)
    setup_page(doc)
    w = Writer(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)

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
    w.h("ส่วนที่ 1 บทนำ", 1)
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
    w.p("")
    w.p("เกณฑ์ค่าคะแนนและระดับผลการประเมิน", "Sub Heading")
    t = w.table([2.5, 4.0, 4.5, 3.0], ["ระดับ", "ความหมาย", "คะแนน", "ผลการประเมิน"])
    w.row(t, [[("Normal", "{%tr for lv in framework.levels %}")], [], [], []])
    w.row(t, [[("Table Center", "{{ lv.code }}")], [("Table Text", "{{ lv.name }}")],
              [("Table Center", "{{ lv.range }}")], [("Table Center", "{{ lv.verdict }}")]])
    w.row(t, [[("Normal", "{%tr endfor %}")], [], [], []])

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
        "อยู่ในระดับ {{ result.level_code }} ({{ result.level_name }}) {{ result.verdict }}เกณฑ์ "
        "(ร้อยละ {{ framework.pass_mark }} ขึ้นไป) โดยตัวชี้วัดที่ {{ top.number }} {{ top.name }} "
        "ได้คะแนนสูงสุด {{ top.score }} คะแนน และตัวชี้วัดที่ {{ bottom.number }} {{ bottom.name }} "
        "ได้คะแนนต่ำสุด {{ bottom.score }} คะแนน")
    w.tag("{%p if history|length > 1 %}")
    w.p("{{ sec.history }} ผลคะแนนการประเมินของ{{ office.name }} ที่ผ่านมา (พ.ศ. {{ history[0].year }} – "
        "{{ history[-1].year }}) สรุปได้ดังนี้")
    t = w.table([3.5, 3.5, 3.5, 3.5], ["ปีงบประมาณ พ.ศ.", "ผลคะแนน ITA", "พัฒนาการ", "ผลต่างของคะแนน"])
    w.row(t, [[("Normal", "{%tr for h in history %}")], [], [], []])
    w.row(t, [[("Table Center", "{{ h.year }}")], [("Table Center", "{{ h.total }}")],
              [("Table Center", "{{ h.direction }}")], [("Table Center", "{{ h.delta }}")]])
    w.row(t, [[("Normal", "{%tr endfor %}")], [], [], []])
    w.p("")
    w.tag("{%p endif %}")
    w.p("{{ sec.tools }} ผลการประเมินของ{{ office.name }} จำแนกตามเครื่องมือการประเมิน มีดังนี้")
    t = w.table([6.0, 2.4, 2.4, 2.6, 2.6], ["เครื่องมือ", "ตัวชี้วัดที่", "คะแนนเฉลี่ย", "น้ำหนัก (คะแนนเต็ม)",
                                            "คะแนนที่ได้"])
    w.row(t, [[("Normal", "{%tr for t in tools %}")], [], [], [], []])
    w.row(t, [[("Table Text", "{{ t.name }} ({{ t.code }})")], [("Table Center", "{{ t.indicator_range }}")],
              [("Table Center", "{{ t.average }}")], [("Table Center", "{{ t.weight }}")],
              [("Table Center", "{{ t.weighted }}")]])
    w.row(t, [[("Normal", "{%tr endfor %}")], [], [], [], []])
    w.row(t, [[("Table Head", "คะแนนรวม")], [], [], [("Table Center", "{{ weights_total }}")],
              [("Table Head", "{{ result.total }}")]])
    t.rows[-1].cells[0].merge(t.rows[-1].cells[2])
    w.p("")
    w.p("{{ sec.indicators }} ผลการประเมินของ{{ office.name }} จำแนกตามตัวชี้วัด มีดังนี้")
    t = w.table([1.6, 6.0, 2.0, 4.2, 2.2], ["ตัวชี้วัดที่", "ประเด็นตัวชี้วัด", "คะแนน", "ระดับ", "ผลการประเมิน"])
    w.row(t, [[("Normal", "{%tr for i in indicators %}")], [], [], [], []])
    w.row(t, [[("Table Center", "{{ i.number }}")], [("Table Text", "{{ i.name }}")],
              [("Table Center", "{{ i.score }}")], [("Table Center", "{{ i.level_code }} ({{ i.level_name }})")],
              [("Table Center", "{{ i.verdict }}")]])
    w.row(t, [[("Normal", "{%tr endfor %}")], [], [], [], []])
    w.p("")
    w.p("ผลการประเมินจำแนกตามตัวชี้วัดสรุปเป็นแผนภูมิได้ดังนี้", "Body Text Thai")
    w.p("{{ chart }}", "Centered")
    w.p("แผนภูมิ ผลคะแนนรายตัวชี้วัด ITA {{ assessed }} และเกณฑ์ผ่าน {{ framework.pass_mark }} คะแนน", "Caption Thai")

    w.p("{{ sec.strengths }} จุดแข็ง", "Sub Heading")
    w.p("จากผลการประเมิน มีตัวชี้วัดที่ผ่านเกณฑ์ (ร้อยละ {{ framework.pass_mark }} ขึ้นไป) จำนวน "
        "{{ strengths|length }} ตัวชี้วัด จากทั้งหมด {{ indicators|length }} ตัวชี้วัด{% for g in passed_levels %} "
        "ระดับ {{ g.name }} จำนวน {{ g.count }} ตัวชี้วัด ได้แก่ {{ g.list }}{% endfor %} "
        "เมื่อเรียงคะแนนทุกตัวชี้วัดจากมากไปหาน้อย ได้ดังนี้ {{ ranked_list }}")
    w.tag("{%p for t in tool_notes %}")
    w.p("ผลการประเมินด้วย{{ t.name }} ({{ t.name_en }}: {{ t.code }}) ในตัวชี้วัดที่ {{ t.indicator_range }} "
        "{{ t.summary }}")
    w.tag("{%p for para in t.notes %}")
    w.p("{{ para }}")
    w.tag("{%p endfor %}")
    w.tag("{%p endfor %}")

    w.p("{{ sec.weaknesses }} จุดอ่อน", "Sub Heading")
    w.tag("{%p if weaknesses %}")
    w.p("จากผลการประเมิน มีตัวชี้วัดที่ไม่ผ่านเกณฑ์ (ต่ำกว่าร้อยละ {{ framework.pass_mark }}) จำนวน "
        "{{ weaknesses|length }} ตัวชี้วัด ได้แก่ {{ weakness_list }}")
    w.tag("{%p else %}")
    w.p("จากผลการประเมิน ไม่มีตัวชี้วัดที่ต่ำกว่าเกณฑ์ (ร้อยละ {{ framework.pass_mark }}) "
        "ตัวชี้วัดที่ได้คะแนนต่ำที่สุดตามลำดับเป็นประเด็นที่ควรพัฒนาต่อไป")
    w.tag("{%p endif %}")
    w.p("ตัวชี้วัดที่ต้องแก้ไขโดยเร่งด่วน คือ {{ urgent }} และตัวชี้วัดที่ควรพัฒนาลำดับถัดไป คือ {{ to_improve }}")
    w.tag("{%p for para in weakness_notes %}")
    w.p("{{ para }}")
    w.tag("{%p endfor %}")
    w.tag("{%p if improvements %}")
    w.tag("{%p if improvements_intro %}")
    w.p("{{ improvements_intro }}")
    w.tag("{%p endif %}")
    t = w.table([4.6, 5.0, 6.4], ["ตัวชี้วัด", "ประเด็นการประเมิน", "ประเด็นที่ควรพัฒนา"])
    w.row(t, [[("Normal", "{%tr for r in improvements %}")], [], []])
    w.row(t, [[("Table Text", "{{ r.label }}")],
              [("Normal", "{%p for x in r.issue %}"), ("Bullet", "-\t{{ x }}"), ("Normal", "{%p endfor %}")],
              [("Normal", "{%p for x in r.improve %}"), ("Bullet", "-\t{{ x }}"), ("Normal", "{%p endfor %}")]])
    w.row(t, [[("Normal", "{%tr endfor %}")], [], []])
    w.tag("{%p endif %}")

    # 6. Part 3
    w.h("ส่วนที่ 3 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", 1)
    w.tag("{%p if practice %}")
    w.tag("{%p if practice_intro %}")
    w.p("{{ practice_intro }}")
    w.tag("{%p endif %}")
    t = w.table([3.6, 5.6, 3.4, 3.4], ["มาตรการ", "ขั้นตอนหรือวิธีการ", "ผู้รับผิดชอบ", "การกำกับ ติดตาม"])
    w.row(t, [[("Normal", "{%tr for r in practice %}")], [], [], []])
    w.row(t, [[("Table Text", "{{ r.measure }}")],
              [("Normal", "{%p for x in r.steps %}"), ("Bullet", "-\t{{ x }}"), ("Normal", "{%p endfor %}")],
              [("Normal", "{%p for x in r.responsible %}"), ("Bullet", "-\t{{ x }}"), ("Normal", "{%p endfor %}")],
              [("Table Text", "{{ r.monitoring }}")]])
    w.row(t, [[("Normal", "{%tr endfor %}")], [], [], []])
    w.tag("{%p if practice_outro %}")
    w.p("{{ practice_outro }}")
    w.tag("{%p endif %}")
    w.tag("{%p endif %}")
    w.h("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน{{ office.name }} ประจำปีงบประมาณ พ.ศ. {{ year }}", 2)
    w.p("{{ actions_intro }} (ต่ำกว่า {{ framework.pass_mark }} คะแนน) โดยมีแนวทางดังนี้")
    w.p("การป้องกันการทุจริต", "Sub Heading")
    w.tag("{%p for l in actions %}")
    w.p("{{ l.number }}\t{{ l.text }}", "List Body")
    w.tag("{%p endfor %}")
    w.p("{{ actions_next }}.\tพิจารณาและทบทวนองค์ประกอบข้อมูลที่มีผลการประเมินไม่ผ่านเกณฑ์คะแนน "
        "{{ framework.pass_mark }} เพื่อสรุปรวมจัดทำมาตรการภายในเพื่อป้องกันการทุจริต จำนวน "
        "{{ measures|length }} มาตรการ ได้แก่", "List Body")
    w.tag("{%p for m in measures %}")
    w.p("{{ m.number }})\t{{ m.title }}", "Item 3")
    w.tag("{%p endfor %}")
    w.h("แนวทางการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", 2)
    t = w.table([1.2, 9.4, 5.4], ["ที่", "มาตรการ", "ผู้รับผิดชอบ"])
    w.row(t, [[("Normal", "{%tr for m in measures %}")], [], []])
    w.row(t, [[("Table Center", "{{ m.number }}")], [("Table Text", "{{ m.title }}")],
              [("Table Text", "{{ m.responsible|join(', ') }}")]])
    w.row(t, [[("Normal", "{%tr endfor %}")], [], []])
    w.p("")
    t = w.table([2.3, 8.1, 2.8, 2.8], ["มาตรการที่", "แนวทางวิธีปฏิบัติ", "การติดตาม/ รายงานผล", "ผู้รับผิดชอบ"])
    w.row(t, [[("Normal", "{%tr for m in measures %}")], [], [], []])
    w.row(t, [[("Measure Title", "{{ m.number }}. {{ m.title }}")],
              w.item_lines("m.lines"),
              [("Normal", "{%p for x in m.followup %}"), ("Bullet", "-\t{{ x }}"), ("Normal", "{%p endfor %}")],
              [("Normal", "{%p for x in m.responsible %}"), ("Bullet", "-\t{{ x }}"), ("Normal", "{%p endfor %}")]])
    w.row(t, [[("Normal", "{%tr endfor %}")], [], [], []])

    # 7. Signature
    signature_block(w)
    _tabs_to_elements(doc)
    doc.save(path)


def preface_template(path: Path) -> None:
    doc = Document()
    setup_styles(doc)
    setup_page(doc)
    doc.sections[0].different_first_page_header_footer = False
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    preface_block(Writer(doc))
    doc.save(path)


if __name__ == "__main__":
    measures_template(HERE / "measures.docx")
    preface_template(HERE / "preface.docx")
    print("wrote", HERE / "measures.docx", "and", HERE / "preface.docx")
