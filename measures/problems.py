"""Problems found in content, reported to the officer with file, line and field."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional


@dataclass(frozen=True)
class Problem:
    file: str
    line: Optional[int]
    field: str
    message: str
    severity: str = "error"  # "error" stops a build; "warning" is shown only

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        what = f" [{self.field}]" if self.field else ""
        tag = "" if self.severity == "error" else " (คำเตือน)"
        return f"{where}{what}{tag}: {self.message}"


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path, root: Optional[Path] = None) -> str:
    """A path as the officer knows it: relative to the project when inside it."""
    path = Path(path)
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)
