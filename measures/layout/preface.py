"""The preface (คำนำ), alone as a document and as a page of the measures document; the
contents page; and the signature block that ends a document. The wording is phrases.py's."""
from __future__ import annotations

from ..ooxml import add_field
from . import phrases as P
from .writer import Writer


def preface_block(w: Writer) -> None:
    w.p(P.PREFACE_TITLE, "Page Title")
    w.tag("{%p if preface_custom %}")
    w.tag("{%p for para in preface_custom %}")
    w.p("{{ para }}")
    w.tag("{%p endfor %}")
    w.tag("{%p else %}")
    for text in P.PREFACE:
        w.p(text)
    w.tag("{%p endif %}")
    w.p("")
    w.p("{{ office.name }}", "Signature")
    w.tag("{%p if date_text %}")
    w.p("{{ date_text }}", "Signature")
    w.tag("{%p endif %}")


def contents_block(w: Writer) -> None:
    """The contents page: a real TOC field; the build fills its cached entries."""
    w.p(P.CONTENTS, "Page Title")
    w.p(P.CONTENTS_PAGE, "Body Plain").paragraph_format.alignment = 2
    toc = w.p("", "TOC 1")
    add_field(toc, 'TOC \\o "1-3" \\h \\z \\u', "{{ toc_marker }}")


def signature_block(w: Writer) -> None:
    """Date, then the signatories (a line to sign on, name, position, caption), kept on one page:
    one signs centred; several sign side by side, two to a row, as Thai official documents do."""
    w.p("")
    w.tag("{%p if date_text %}")
    w.p(P.SIGNED_ON, "Signature", keep=True)
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
