"""The PDF of each document of the web page (an assessor downloads the PDF, the printed or
signed form), made with LibreOffice from the very .docx bytes the page offers.

All of a site's documents go through one LibreOffice run (pdf.convert_many). LibreOffice
stamps each PDF with the time it was made, so a PDF is kept under build/.cache keyed by its
.docx bytes, its digits and the LibreOffice program: a rebuild of the same content gives the
same bytes and takes no conversion. Without LibreOffice, or when a conversion fails, there
is no PDF and a warning says why and what to do (the page says it has none).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .cache import Cache, key
from .pdf import INSTALL_HINT, Job, PdfError, convert_many, find_soffice
from .problems import Problem

NO_SOFFICE = ("ไม่พบโปรแกรม LibreOffice จึงไม่ได้สร้างไฟล์ PDF ของหน้าเว็บ: หน้าเว็บมีเฉพาะไฟล์ Word "
              f"และบอกผู้อ่านว่ายังไม่มีฉบับ PDF ติดตั้ง LibreOffice ({INSTALL_HINT}) แล้วสั่ง measures site อีกครั้ง")


def site_pdfs(docx: dict[str, bytes], thai_digits: bool, cache: Cache) -> tuple[dict[str, bytes], list[Problem]]:
    """name -> PDF bytes for each `name` -> .docx bytes that could be converted; warnings for the rest."""
    soffice = find_soffice()
    if soffice is None:
        return {}, [Problem("LibreOffice", None, "", NO_SOFFICE, "warning")]
    program = os.path.realpath(soffice)
    stamp = f"{program}:{os.stat(program).st_mtime_ns}"  # another LibreOffice draws another PDF
    keys = {name: key("pdf", data, str(thai_digits), stamp) for name, data in docx.items()}
    pdfs = {name: got for name, k in keys.items() if (got := cache.get("pdf", k)) is not None}
    todo = [name for name in docx if name not in pdfs]
    problems: list[Problem] = []
    if todo:
        with tempfile.TemporaryDirectory(prefix="measures-site-pdf-") as tmp:
            jobs = [Job(Path(tmp) / f"{name}.docx", Path(tmp) / f"{name}.pdf", thai_digits) for name in todo]
            for job, name in zip(jobs, todo):
                job.docx.write_bytes(docx[name])
            try:
                convert_many(jobs)
            except PdfError as exc:
                problems.append(Problem("LibreOffice", None, "", f"สร้างไฟล์ PDF ของหน้าเว็บไม่ครบ: {exc} "
                                        "หน้าเว็บจึงมีเฉพาะไฟล์ Word ของเอกสารนั้น", "warning"))
            for job, name in zip(jobs, todo):
                if job.pdf.is_file():
                    pdfs[name] = job.pdf.read_bytes()
                    cache.put("pdf", keys[name], pdfs[name])
    return pdfs, problems
