"""A fault of the program itself, written down for whoever maintains it (the officer sees
a short message and the name of this file, never a traceback)."""
from __future__ import annotations

import os
import sys
import tempfile
import traceback

from . import __version__


def crash_log() -> str:
    """The exception being handled, with the command line, in a new file; its path."""
    text = f"measures {__version__}\n{' '.join(sys.argv)}\n\n{traceback.format_exc()}"
    try:
        fd, path = tempfile.mkstemp(prefix="measures-error-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        return path
    except OSError:
        return "(บันทึกไฟล์รายละเอียดไม่ได้)"
