"""The OOXML child-order checker (tests/ooxml_order.py): finds what Word rejects,
passes what python-docx writes, ignores what the schema lets repeat."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt

from .ooxml_order import order_violations, python_docx_sequences


def tiny_doc() -> docx.Document:
    """A small document touching every model the planted faults need."""
    doc = docx.Document()
    doc.add_heading("Heading", 1)
    p = doc.add_paragraph("plain ")
    run = p.add_run("styled")
    run.bold = True
    run.font.name = "Arial"  # w:rFonts
    run.font.size = Pt(12)  # w:sz
    doc.add_table(rows=2, cols=2).cell(0, 0).text = "cell"
    doc.styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER  # w:jc
    return doc


def violations(doc, tmp_path: Path) -> list[str]:
    path = tmp_path / "doc.docx"
    doc.save(path)
    return order_violations(path)


def test_python_docx_models_are_read():
    # The checker reads python-docx's sequences from its source: fail loudly if a
    # python-docx upgrade makes that find nothing, rather than check less.
    found = {tag.split("}")[1] for tag in python_docx_sequences()}
    assert {"pPr", "rPr", "sectPr", "settings", "style", "tblPr", "tcPr"} <= found


def test_python_docx_document_is_clean(tmp_path):
    assert violations(tiny_doc(), tmp_path) == []


def _table_margins_after_look(doc):
    doc.tables[0]._tbl.tblPr.append(parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:left w:w="57" w:type="dxa"/></w:tblCellMar>'))


def _outline_level_before_jc(doc):
    ppr = doc.styles["Heading 1"].element.pPr
    ppr.jc.addprevious(ppr.find(qn("w:outlineLvl")))


def _rpr_after_text(doc):
    r = doc.paragraphs[1].runs[1]._r
    r.append(r.rPr)


def _size_before_fonts(doc):
    rpr = doc.paragraphs[1].runs[1]._r.rPr
    rpr.rFonts.addprevious(rpr.sz)


def _page_margins_before_size(doc):
    sect = doc.sections[0]._sectPr
    sect.pgSz.addprevious(sect.pgMar)


def _update_fields_last(doc):
    update = OxmlElement("w:updateFields", {qn("w:val"): "true"})
    doc.settings.element.append(update)  # after w:compat, w:rsids...: too late


PLANTED = [  # (fault, where it is reported, what is said)
    (_table_margins_after_look, "word/document.xml /w:document/w:body/w:tbl/w:tblPr:",
     "w:tblCellMar comes after w:tblLook"),
    (_outline_level_before_jc,
     'word/styles.xml /w:styles/w:style[@w:styleId="Heading1"]/w:pPr:',
     "w:jc comes after w:outlineLvl"),
    (_rpr_after_text, "word/document.xml /w:document/w:body/w:p[2]/w:r[2]:",
     "w:rPr comes after w:t"),
    (_size_before_fonts, "word/document.xml /w:document/w:body/w:p[2]/w:r[2]/w:rPr:",
     "w:rFonts comes after w:sz"),
    (_page_margins_before_size, "word/document.xml /w:document/w:body/w:sectPr:",
     "w:pgSz comes after w:pgMar"),
    (_update_fields_last, "word/settings.xml /w:settings:",
     "w:updateFields comes after w:compat"),
]


@pytest.mark.parametrize("plant, where, what", PLANTED,
                         ids=[plant.__name__.strip("_") for plant, _, _ in PLANTED])
def test_planted_violation_is_caught(tmp_path, plant, where, what):
    doc = tiny_doc()
    plant(doc)
    found = violations(doc, tmp_path)
    # One misplaced child; if it moved too early, each sibling it now precedes
    # wrongly is reported too (sz before rFonts: rFonts and b come after sz).
    assert found and all(v.startswith(where) for v in found), found
    assert any(what in v for v in found), found


def test_repeats_and_choices_are_not_violations(tmp_path):
    doc = tiny_doc()
    p = doc.add_paragraph()
    for inches in (1, 2, 3):  # several w:tab in one w:tabs
        p.paragraph_format.tab_stops.add_tab_stop(Inches(inches))
    run = p.add_run("a")  # run content is a choice: t, tab, br in any order, repeated
    run.add_tab()
    run.add_text("b")
    run.add_break()
    run.add_tab()
    for text in ("c", "d", "e"):  # several w:r in one w:p
        p.add_run(text).italic = True
    doc.add_table(rows=3, cols=3)  # tables among paragraphs in the body (a choice)
    doc.add_paragraph("after")
    # An element no model knows (here an extension) is ignored wherever it stands.
    p.runs[1]._r.rPr.insert(0, parse_xml(
        '<w14:ligatures xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"/>'))
    assert violations(doc, tmp_path) == []
