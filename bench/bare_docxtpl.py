"""The baseline: what a hand-written docxtpl script does with the same template and values.

    python bench/bare_docxtpl.py TEMPLATE.docx CONTEXT.json CHART.png OUT.docx

No checks, no analysis, no finishing: load the template, fill it with the context, put the
chart in, save. `bench/run.py` times this whole process beside `measures build`.
"""
import json
import sys

from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage

template, context, chart, out = sys.argv[1:5]
tpl = DocxTemplate(template)
with open(context, encoding="utf-8") as f:
    values = json.load(f)
values["chart"] = InlineImage(tpl, chart, width=Cm(15))
tpl.render(values, autoescape=True)
tpl.save(out)
