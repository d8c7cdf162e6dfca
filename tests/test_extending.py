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
