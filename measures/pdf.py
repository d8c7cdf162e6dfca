"""Word (.docx) to PDF with LibreOffice, table of contents and fields brought up to date.

Plain `soffice --convert-to pdf` prints whatever the TOC field held when the
.docx was written (python-docx cannot lay out pages, so that is stale).  Here
LibreOffice runs a small Basic macro instead: load the document hidden,
refresh fields, update() every index (the TOC among them), export with the
writer_pdf_Export filter.  Basic is built into LibreOffice, so no extra
Debian package (python3-uno) is needed.

Each call gets its own LibreOffice profile in a temporary directory, so two
conversions at once, or a LibreOffice the user has open, do not get in each
other's way.  That profile also carries the macro and the Thai fonts shrunk
to TH SarabunPSK's size (see fonts/fonts.conf for why).
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

FONTS_CONF = Path(__file__).resolve().parent.parent / "fonts" / "fonts.conf"
TIMEOUT = 180  # seconds for one conversion
INSTALL_HINT = "sudo apt-get install libreoffice-writer"

# Laksaman and Google's Sarabun are TH Sarabun New enlarged 1.5 times (TLWG's own
# fontconfig rule shrinks Laksaman by 0.66; widths measured: '0' 544 vs TH
# Sarabun's 362, space 324 vs 216).  A copy with a 1.5 times larger em is
# drawn exactly 2/3 as big, which is TH SarabunPSK's size.
PSK_SCALE = 1.5
PSK_SOURCES = ("Laksaman", "Sarabun")  # first one found is used; fonts.conf names "<family> PSK"

_MACRO = """\
REM Written by measures/pdf.py for one conversion.
Sub Convert(inUrl As String, outUrl As String, errUrl As String, thai As String)
  Dim doc As Object
  On Error GoTo Failed
  Dim load(1) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden" : load(0).Value = True
  REM Without a filter a damaged file is imported as plain text and "succeeds".
  load(1).Name = "FilterName" : load(1).Value = "MS Word 2007 XML"
  doc = StarDesktop.loadComponentFromURL(inUrl, "_blank", 0, load())
  If IsNull(doc) Then
    Report(errUrl, "NOT-OPENED LibreOffice could not open the document as .docx")
    StarDesktop.terminate()
    Exit Sub
  End If
  REM Word takes Thai page numbers from w:pgNumType thaiNumbers, which LibreOffice
  REM 7.4 ignores: give every page style and page-number field native (Thai) digits.
  If thai = "1" Then
    styles = doc.getStyleFamilies().getByName("PageStyles")
    For i = 0 To styles.getCount() - 1
      styles.getByIndex(i).NumberingType = com.sun.star.style.NumberingType.NATIVE_NUMBERING
    Next
    fields = doc.getTextFields().createEnumeration()
    While fields.hasMoreElements()
      f = fields.nextElement()
      If f.supportsService("com.sun.star.text.textfield.PageNumber") Then
        f.NumberingType = com.sun.star.style.NumberingType.NATIVE_NUMBERING
      End If
    Wend
  End If
  doc.getTextFields().refresh()
  REM Twice: filling the TOC can change its own length, which moves every page
  REM after it; a second pass (cheap) writes the numbers as they then are.
  REM LibreOffice 7.4 already had a 60-entry, 3-page TOC right after one.
  For pass = 1 To 2
    indexes = doc.getDocumentIndexes()
    For i = 0 To indexes.getCount() - 1
      indexes.getByIndex(i).update()
    Next
  Next
  doc.getTextFields().refresh()
  REM The contents' page numbers are written in Arabic whatever the page style
  REM says: turn the digits of every index into Thai ones.
  If thai = "1" Then
    indexes = doc.getDocumentIndexes()
    For i = 0 To indexes.getCount() - 1
      anchor = indexes.getByIndex(i).getAnchor()
      cursor = anchor.getText().createTextCursorByRange(anchor)
      paras = cursor.createEnumeration()
      While paras.hasMoreElements()
        para = paras.nextElement()
        portions = para.createEnumeration()
        While portions.hasMoreElements()
          portion = portions.nextElement()
          If portion.TextPortionType = "Text" Then
            If ThaiDigits(portion.getString()) <> portion.getString() Then
              portion.setString(ThaiDigits(portion.getString()))
            End If
          End If
        Wend
      Wend
    Next
  End If
  Dim filterData(0) As New com.sun.star.beans.PropertyValue
  filterData(0).Name = "EmbedStandardFonts" : filterData(0).Value = True
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName" : store(0).Value = "writer_pdf_Export"
  store(1).Name = "FilterData" : store(1).Value = filterData()
  doc.storeToURL(outUrl, store())
  doc.close(True)
  StarDesktop.terminate()
  Exit Sub
Failed:
  Dim msg As String
  msg = "Basic error " & Err & " at line " & Erl & ": " & Error$
  On Error Resume Next
  Report(errUrl, msg)
  If Not IsNull(doc) Then doc.close(True)
  StarDesktop.terminate()
End Sub

Function ThaiDigits(s As String) As String
  Dim out As String, c As String
  out = ""
  For k = 1 To Len(s)
    c = Mid(s, k, 1)
    If c >= "0" And c <= "9" Then c = Chr(&H0E50 + Asc(c) - 48)
    out = out & c
  Next
  ThaiDigits = out
End Function

Sub Report(errUrl As String, msg As String)
  n = FreeFile
  Open ConvertFromURL(errUrl) For Output As #n
  Print #n, msg
  Close #n
End Sub
"""


class PdfError(Exception):
    """A conversion that did not happen, explained for the office clerk (Thai, then detail)."""


def find_soffice() -> str | None:
    """LibreOffice's program: $MEASURES_SOFFICE if set, else soffice/libreoffice on PATH."""
    chosen = os.environ.get("MEASURES_SOFFICE")
    if chosen:
        return shutil.which(chosen)  # a name or a full path; None if not runnable
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(docx: Path, pdf: Path, timeout: float = TIMEOUT) -> Path:
    """Write `pdf` from `docx`; the file appears complete or not at all."""
    docx, pdf = Path(docx), Path(pdf)
    thai = "1" if _wants_thai_page_numbers(docx) else "0"
    if not docx.is_file() or docx.stat().st_size == 0:
        raise PdfError(f"ไม่พบไฟล์ Word ที่จะแปลงเป็น PDF หรือไฟล์ว่างเปล่า: {docx}")
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(
            "ไม่พบโปรแกรม LibreOffice จึงสร้างไฟล์ PDF ไม่ได้ "
            f"กรุณาติดตั้งก่อน (Debian/Ubuntu: {INSTALL_HINT}) "
            "หรือกำหนดที่อยู่โปรแกรมในตัวแปร MEASURES_SOFFICE\n"
            "LibreOffice (soffice) was not found: install it "
            f"({INSTALL_HINT}) or set MEASURES_SOFFICE."
        )
    if not FONTS_CONF.is_file():
        raise PdfError(f"ไม่พบไฟล์ตั้งค่าฟอนต์ {FONTS_CONF} (ต้องมีเพื่อใช้ฟอนต์ TH SarabunPSK)")
    pdf.parent.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="measures-pdf-") as tmp:
        tmp = Path(tmp)
        profile, work = tmp / "profile", tmp / "work"
        work.mkdir()
        env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
        deadline = time.monotonic() + timeout  # one limit for both LibreOffice runs
        base = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                "--invisible", "--norestore", "--nologo", "--nodefault"]

        # A new profile is filled from LibreOffice's presets on first start,
        # which would overwrite a macro written beforehand: start once (about
        # 0.2 s), then add the macro and fonts.
        _run(base + ["--terminate_after_init"], env, deadline, timeout)
        _install_macro(profile / "user" / "basic")
        _install_psk_fonts(profile / "user" / "fonts", env)

        # Work on a copy: LibreOffice leaves a lock file beside what it opens.
        src, out, err = work / "in.docx", work / "out.pdf", work / "error.txt"
        shutil.copyfile(docx, src)
        call = (f'macro:///Standard.Module1.Convert("{src.as_uri()}",'
                f'"{out.as_uri()}","{err.as_uri()}","{thai}")')
        stderr = _run(base + [call], env, deadline, timeout)
        if err.exists():
            detail = err.read_text(encoding="utf-8", errors="replace").strip()
            why = " (ไฟล์อาจเสียหายหรือไม่ใช่ไฟล์ Word .docx)" if "NOT-OPENED" in detail else ""
            raise PdfError(f"LibreOffice แปลง {docx.name} เป็น PDF ไม่สำเร็จ{why}\n"
                           f"{detail.replace('NOT-OPENED ', '')}\n{stderr}".rstrip())
        if not out.is_file() or out.stat().st_size == 0:
            raise PdfError(f"LibreOffice แปลง {docx.name} เป็น PDF ไม่สำเร็จ (ไม่มีไฟล์ผลลัพธ์)\n{stderr}".rstrip())
        _replace_atomically(out, pdf)
    return pdf


def _wants_thai_page_numbers(docx: Path) -> bool:
    import zipfile
    try:
        with zipfile.ZipFile(docx) as z:
            return b'w:fmt="thaiNumbers"' in z.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError):
        return False  # LibreOffice will say what is wrong with the file


def _run(cmd: list[str], env: dict, deadline: float, timeout: float) -> str:
    """Run LibreOffice until `deadline` (time.monotonic); return its stderr
    tail.  On timeout kill its whole process group, which is only what this
    call started (soffice is a script that starts soffice.bin)."""
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, stderr = proc.communicate(timeout=max(deadline - time.monotonic(), 0.01))
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, stderr = proc.communicate()
        raise PdfError(f"LibreOffice ทำงานเกิน {timeout:g} วินาที จึงหยุดการแปลงเป็น PDF\n"
                       f"LibreOffice timed out after {timeout:g} s.\n{_tail(stderr)}") from None
    if proc.returncode != 0:
        raise PdfError(f"LibreOffice ทำงานผิดพลาด (รหัส {proc.returncode}) จึงแปลงเป็น PDF ไม่สำเร็จ\n"
                       f"{_tail(stderr)}")
    return _tail(stderr)


def _tail(stderr: bytes, lines: int = 15) -> str:
    text = stderr.decode("utf-8", errors="replace")
    # This warning comes on every run without Java and means nothing here.
    kept = [line for line in text.splitlines() if line.strip() and "javaldx" not in line]
    return "\n".join(kept[-lines:])


_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE {root} PUBLIC '
         '"-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "{dtd}">\n')
_LIB = 'xmlns:library="http://openoffice.org/2000/library"'


def _install_macro(basic: Path) -> None:
    """The profile's Basic library "Standard" with the macro as Module1
    (macros in the user's own profile run without a security prompt)."""
    (basic / "Standard").mkdir(parents=True, exist_ok=True)
    (basic / "script.xlc").write_text(
        _HEAD.format(root="library:libraries", dtd="libraries.dtd")
        + f'<library:libraries {_LIB} xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<library:library library:name="Standard" library:link="false"/></library:libraries>\n',
        encoding="utf-8")
    (basic / "Standard" / "script.xlb").write_text(
        _HEAD.format(root="library:library", dtd="library.dtd")
        + f'<library:library {_LIB} library:name="Standard" library:readonly="false" '
        'library:passwordprotected="false"><library:element library:name="Module1"/>'
        '</library:library>\n', encoding="utf-8")
    (basic / "Standard" / "Module1.xba").write_text(
        _HEAD.format(root="script:module", dtd="module.dtd")
        + '<script:module xmlns:script="http://openoffice.org/2000/script" '
        f'script:name="Module1" script:language="StarBasic">{escape(_MACRO)}</script:module>\n',
        encoding="utf-8")


def _install_psk_fonts(dest: Path, env: dict) -> None:
    """Put TH SarabunPSK-sized copies of Laksaman (else Sarabun) where
    LibreOffice loads private fonts: <profile>/user/fonts.  If neither is
    found, fonts.conf still falls back to the full-size faces."""
    for family in PSK_SOURCES:
        files = _font_files(family, env)
        if files:
            break
    else:
        return
    from fontTools.ttLib import TTFont  # comes with matplotlib

    dest.mkdir(parents=True, exist_ok=True)
    new_family = f"{family} PSK"
    for n, src in enumerate(files):
        font = TTFont(src)
        # Only the four faces named after the family itself (Regular, Bold,
        # Italic, Bold Italic), and only TrueType outlines, which unitsPerEm scales.
        if "glyf" not in font or font["name"].getDebugName(1) != family:
            continue
        font["head"].unitsPerEm = round(font["head"].unitsPerEm * PSK_SCALE)
        style = font["name"].getDebugName(2) or "Regular"
        names = {1: new_family, 16: new_family,
                 4: new_family if style == "Regular" else f"{new_family} {style}",
                 6: f"{new_family}-{style}".replace(" ", ""),
                 3: f"{new_family} {style}; measures"}
        for record in font["name"].names:
            if record.nameID in names:
                record.string = names[record.nameID]
        font.save(dest / f"psk-{n}.ttf")


def _font_files(family: str, env: dict) -> list[str]:
    """Font files of exactly this family: fc-list, else the Python package for Sarabun."""
    found: list[str] = []
    if shutil.which("fc-list"):
        res = subprocess.run(["fc-list", "-f", "%{family[0]}|%{file}\\n", family],
                             env=env, capture_output=True, text=True)
        found = [line.split("|", 1)[1] for line in res.stdout.splitlines()
                 if line.split("|", 1)[0] == family]
    if not found and family == "Sarabun":
        try:
            import fontpkg_sarabun
        except ImportError:
            return []
        folder = Path(fontpkg_sarabun.__file__).parent / "files"
        found = [str(folder / f"Sarabun-{s}.ttf") for s in ("Regular", "Bold", "Italic", "BoldItalic")]
        found = [f for f in found if Path(f).is_file()]
    return sorted(found)


def _replace_atomically(src: Path, dst: Path) -> None:
    """Copy next to dst then os.replace: the temp dir may be on another filesystem."""
    fd, part = tempfile.mkstemp(dir=dst.parent, prefix=f".{dst.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh, open(src, "rb") as fin:
            shutil.copyfileobj(fin, fh)
        os.chmod(part, 0o644)
        os.replace(part, dst)
    except BaseException:
        Path(part).unlink(missing_ok=True)
        raise
