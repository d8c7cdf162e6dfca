"""The preface (คำนำ), alone as a document and as a page of the measures document;
and the signature block that ends a document."""
from __future__ import annotations

from .writer import Writer

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
    """Date, then the signatories (a line to sign on, name, position, caption), kept on one page:
    one signs centred; several sign side by side, two to a row, as Thai official documents do."""
    w.p("")
    w.tag("{%p if date_text %}")
    w.p("ประกาศ ณ วันที่ {{ date_text }}", "Signature", keep=True)
    w.tag("{%p endif %}")
    w.tag("{%p if signatories|length > 1 %}")
    t = w.plain_table([8.0, 8.0])
    signer: list[tuple[str, str]] = [("Signature", ""), ("Signature", "({{ s.name }})"),
                                     ("Signature", "{{ s.position }}"), ("Normal", "{%p if s.caption %}"),
                                     ("Signature", "{{ s.caption }}"), ("Normal", "{%p endif %}")]
    w.loop_row(t, "for pair in signatories|batch(2)", [
        [("Normal", f"{{%p for s in pair[{n}:{n + 1}] %}}"), *signer, ("Normal", "{%p endfor %}")]
        for n in (0, 1)], whole=True)
    w.tag("{%p elif signatories %}")
    w.p("", "Signature", keep=True)
    w.p("({{ signatories[0].name }})", "Signature", keep=True)
    w.p("{{ signatories[0].position }}", "Signature", keep=True)
    w.tag("{%p if signatories[0].caption %}")
    w.p("{{ signatories[0].caption }}", "Signature")
    w.tag("{%p endif %}")
    w.tag("{%p else %}")
    w.p("{{ office.name }}", "Signature")
    w.tag("{%p endif %}")


def write(w: Writer) -> None:
    """The preface alone: one page, numbered from its first page."""
    w.doc.sections[0].different_first_page_header_footer = False
    preface_block(w)
