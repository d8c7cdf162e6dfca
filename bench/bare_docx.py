"""The baseline: what a hand-written python-docx script does with the same content.

    python bench/bare_docx.py REFERENCE.docx BLOCKS.json CHART.png OUT.docx

No checks, no analysis, no finishing: open the reference, empty its body, write the same
paragraphs (with their styles) and tables, put the chart in, save. BLOCKS.json is the
document's model flattened by `bench/run.py`; this whole process is timed beside `measures build`.
"""
import json
import sys

from docx import Document
from docx.shared import Cm

reference, blocks, chart, out = sys.argv[1:5]
doc = Document(reference)
body = doc.element.body
for el in list(body)[:-1]:  # the last child is the section's properties
    body.remove(el)
with open(blocks, encoding="utf-8") as f:
    for block in json.load(f):
        if block[0] == "p":
            doc.add_paragraph(block[2], block[1])
        elif block[0] == "img":
            doc.add_paragraph().add_run().add_picture(chart, width=Cm(15))
        else:
            rows = block[1]
            table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            table.style = doc.styles["Table Grid"]
            for cells, row in zip(table.rows, rows):
                for cell, text in zip(cells.cells, row):
                    cell.paragraphs[0].add_run(text)
doc.save(out)
