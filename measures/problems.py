"""Problems found in content, reported to the officer with file, line and field."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

# An error stops a build; a warning is shown and the build goes on.
Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        what = f" [{self.field}]" if self.field else ""
        tag = "" if self.severity == "error" else " (คำเตือน)"
        return f"{where}{what}{tag}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def unique(problems: list[Problem]) -> list[Problem]:
    """The same problem found twice (a shared file checked for each office) is shown once."""
    return list(dict.fromkeys(problems))


def shown_path(path: Path) -> str:
    """A path as the officer can find it: relative to the current folder when inside it,
    else absolute (a relative-looking path outside it would mislead)."""
    path = Path(path).absolute()
    try:
        return str(path.relative_to(Path.cwd().absolute()))
    except ValueError:
        return str(path)
