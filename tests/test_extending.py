"""What a maintainer's change costs: a section added to the measures document takes two edits
(its wording in phrases.py, one line in document/measures.py), and both outputs follow, with
their contents. The edits are made here as a maintainer would make them, at run time."""
from __future__ import annotations

import re

from measures.document import measures as measures_doc
from measures.document import phrases
from measures.document.nodes import Heading, Text
from measures.ooxml.read import all_text, open_docx, toc_entries
from measures.pipeline import build
from measures.site import build_site


def test_a_section_in_both_outputs_takes_two_edits(monkeypatch, content, tmp_path):
    # (1) Its wording, naming the values it prints.
    monkeypatch.setattr(phrases, "CLOSING_TITLE", "บทส่งท้าย", raising=False)
    monkeypatch.setattr(phrases, "CLOSING", "{{ office.name }} จะทบทวนมาตรการนี้ทุกปีงบประมาณ", raising=False)
    # (2) One line where part 3 is built.
    part_3 = measures_doc._part_3

    def with_closing(say, ctx, *args):
        return [*part_3(say, ctx, *args), Heading(2, say("CLOSING_TITLE"), "closing"), Text(say("CLOSING"))]

    monkeypatch.setattr(measures_doc, "_part_3", with_closing)
    monkeypatch.setenv("MEASURES_SOFFICE", str(tmp_path / "no-soffice"))  # the page alone, no PDF
    office = "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาขอนแก่น"
    sentence = f"{office} จะทบทวนมาตรการนี้ทุกปีงบประมาณ"

    doc = open_docx(build("kksec", 2565, out_dir=tmp_path / "docx", content=content).path)
    assert sentence in all_text(doc)
    assert "บทส่งท้าย" in [text for _, text in toc_entries(doc)]  # the .docx's contents

    site = build_site("kksec", 2565, out_dir=tmp_path / "site", content=content)
    html = (site.path / "index.html").read_text(encoding="utf-8")
    heading = re.search(r'<(h[2-4]) id="closing">(.*?)</\1>', html)
    assert heading and re.sub("<[^>]+>", "", heading.group(2)) == "บทส่งท้าย"
    assert 'href="#closing"' in html  # the page's contents
    assert sentence in re.sub("<[^>]+>", "", html)  # words are wrapped in spans where they may break


def test_without_the_edits_there_is_no_such_section(content, tmp_path, monkeypatch):
    """The test above is not true of any build: without the two edits the section is absent."""
    monkeypatch.setenv("MEASURES_SOFFICE", str(tmp_path / "no-soffice"))
    doc = open_docx(build("kksec", 2565, out_dir=tmp_path / "docx", content=content).path)
    assert "บทส่งท้าย" not in all_text(doc)


def test_a_report_column_takes_three_edits(monkeypatch, content_copy, tmp_path):
    """A field of an activity shown as a column of the progress report: (1) its key where the
    schema lists the columns, (2) its header in phrases.py, (3) its share of the width."""
    from measures import report_table
    from measures.load import Content
    from measures.ooxml.read import open_docx as read
    from measures.schema import progress as progress_schema

    key = "over_budget_reason"
    monkeypatch.setattr(progress_schema, "COLUMN_KEYS", (*progress_schema.COLUMN_KEYS, key))  # (1)
    monkeypatch.setitem(phrases.REPORT_COLUMNS, key, "เหตุที่เบิกเกินงบ")                      # (2)
    monkeypatch.setitem(report_table.WEIGHT, key, 3.0)                                     # (3)
    progress = content_copy / "offices/kksec/2565/progress.yaml"
    text = progress.read_text(encoding="utf-8")
    assert "\ncolumns:" not in text
    progress.write_text(text + f"\ncolumns: [no, activity, budget, spent, ticks, result, {key}]\n", encoding="utf-8")

    doc = read(build("kksec", 2565, "report", out_dir=tmp_path, content=Content(content_copy)).path)
    tables = [t for t in doc.tables if t.rows[0].cells[0].text == "ที่"]
    heads = ["".join(c.text.split()) for c in tables[0].rows[0].cells]
    assert heads[-1] == "เหตุที่เบิกเกินงบ"
    cells = {" ".join(r.cells[-1].text.split()) for t in tables for r in t.rows[1:]}
    reason = next(a["over_budget_reason"] for a in __import__("yaml").safe_load(text)["activities"]
                  if a.get("over_budget_reason"))
    assert " ".join(reason.split()) in cells


def test_every_report_column_has_its_header_and_width():
    """The three places a column is named agree, so a forgotten one is named here."""
    from measures import report_table
    from measures.schema.progress import COLUMN_KEYS
    assert set(COLUMN_KEYS) == set(phrases.REPORT_COLUMNS) == set(report_table.WEIGHT)
