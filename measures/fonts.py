"""The project's fonts: Sarabun shipped in the package (measures/data/fonts, with its
OFL licence), the fontconfig set-up (measures/data/fonts.conf) and the TH
SarabunPSK-sized copies the PDF conversion draws with.

Thai government documents are set in "TH SarabunPSK", which Debian does not
package; fonts.conf says which installed faces stand in for it and why.
Importing this module imports neither matplotlib nor fontTools: only the
functions that need them do.
"""
from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path

SARABUN = "Sarabun"
# The faces shipped: what the web page declares (site.css) and the chart draws with. The
# documents' italics come from the machine's fonts (fonts.conf), never from these.
SARABUN_STYLES = ("Regular", "Bold")

# Package data, whatever way the package is installed; fonts_conf() gives it a real path.
FONTS_CONF = files("measures.data") / "fonts.conf"

# Laksaman and Google's Sarabun are TH Sarabun New enlarged 1.5 times (TLWG's own
# fontconfig rule shrinks Laksaman by 0.66; widths measured: '0' 544 vs TH
# Sarabun's 362, space 324 vs 216).  A copy with a 1.5 times larger em is
# drawn exactly 2/3 as big, which is TH SarabunPSK's size.
PSK_SCALE = 1.5
PSK_SOURCES = ("Laksaman", "Sarabun")  # first one found is used; fonts.conf names "<family> PSK"


# --- Sarabun, shipped in the package ------------------------------------------

def sarabun_dir() -> Path | None:
    """The folder of the shipped Sarabun .ttf files and their licence (OFL.txt)."""
    folder = Path(str(files("measures.data") / "fonts"))
    return folder if folder.is_dir() else None


def sarabun_licence() -> Path | None:
    """The SIL Open Font License the shipped Sarabun comes with (copied beside it wherever it goes)."""
    folder = sarabun_dir()
    return folder / "OFL.txt" if folder and (folder / "OFL.txt").is_file() else None


def sarabun_files() -> list[Path]:
    """Sarabun Regular and Bold (those present)."""
    folder = sarabun_dir()
    if folder is None:
        return []
    return [p for s in SARABUN_STYLES if (p := folder / f"{SARABUN}-{s}.ttf").is_file()]


@lru_cache(maxsize=1)
def register_sarabun_for_matplotlib() -> str:
    """Make Sarabun known to matplotlib, so charts never depend on the machine's
    fonts; returns the family name for rcParams["font.family"]."""
    from matplotlib import font_manager  # here, not at the top: the PDF side needs no matplotlib

    found = sarabun_files()
    if not found:
        raise RuntimeError("the package's Sarabun fonts (measures/data/fonts) are missing: reinstall measures")
    for path in found:
        font_manager.fontManager.addfont(str(path))
    return SARABUN


# --- fontconfig and the TH SarabunPSK-sized copies -----------------------------

@contextlib.contextmanager
def fonts_conf() -> Iterator[Path]:
    """fonts.conf as an absolute file path (what FONTCONFIG_FILE needs) while the block runs."""
    with as_file(FONTS_CONF) as path:
        yield Path(path).resolve()


def font_files(family: str, env: dict | None = None) -> list[str]:
    """Font files of exactly this family: fc-list (under `env`, i.e. our
    fonts.conf), else the Python package for Sarabun."""
    found: list[str] = []
    if shutil.which("fc-list"):
        res = subprocess.run(["fc-list", "-f", "%{family[0]}|%{file}\\n", family],
                             env=env, capture_output=True, text=True)
        found = [line.split("|", 1)[1] for line in res.stdout.splitlines()
                 if line.split("|", 1)[0] == family]
    if not found and family == SARABUN:
        found = [str(p) for p in sarabun_files()]
    return sorted(found)


def install_psk_fonts(dest: Path, env: dict | None = None) -> str | None:
    """Put TH SarabunPSK-sized copies of Laksaman (else Sarabun) into `dest`
    (for LibreOffice: <profile>/user/fonts, where it loads private fonts).
    Returns the family copied, None if neither is found; fonts.conf then
    still falls back to the full-size faces."""
    for family in PSK_SOURCES:
        files_ = font_files(family, env)
        if files_:
            break
    else:
        return None
    from fontTools.ttLib import TTFont  # a dependency of matplotlib and of this project

    dest.mkdir(parents=True, exist_ok=True)
    new_family = f"{family} PSK"
    for n, src in enumerate(files_):
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
    return family
