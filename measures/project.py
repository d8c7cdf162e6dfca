"""Where a project's content, templates and output are, and where the package keeps its own files.

A project is the folder holding `content/`: the current folder or the nearest one above
it, or the folder named by MEASURES_CONTENT (the content folder itself). Output goes to
the project's `build/`; a project may restyle the documents with its own
`templates/<name>.docx`, else the package's templates are used. Nothing here depends on
where the package's source happens to be, so an installed wheel serves any project.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .problems import ContentError, Problem


@dataclass(frozen=True)
class Project:
    root: Path
    content: Path

    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def cache(self) -> Path:
        return self.build / ".cache"

    def output_dir(self, office: str) -> Path:
        return self.build / office

    def template(self, name: str) -> Path:
        """The project's own template if it has one, else the package's."""
        own = self.root / "templates" / name
        if own.is_file():
            return own
        return package_file("measures.templates", name)

    @classmethod
    def at(cls, content: Path) -> Project:
        content = Path(content).absolute()
        return cls(content.parent, content)

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """MEASURES_CONTENT, else the nearest folder holding content/ from `start` (the current folder) up."""
        chosen = os.environ.get("MEASURES_CONTENT")
        if chosen:
            path = Path(chosen).expanduser()
            if not path.is_dir():
                raise ContentError([Problem("MEASURES_CONTENT", None, "",
                                            f"ไม่พบโฟลเดอร์ข้อมูล '{path.absolute()}' ที่ตั้งไว้ใน MEASURES_CONTENT")])
            return cls.at(path)
        here = Path(start or Path.cwd()).absolute()
        for folder in (here, *here.parents):
            if (folder / "content").is_dir():
                return cls(folder, folder / "content")
        raise ContentError([Problem(str(here), None, "",
                                    "ไม่พบโฟลเดอร์ content/ ในโฟลเดอร์นี้หรือโฟลเดอร์ที่อยู่เหนือขึ้นไป: "
                                    "สั่งจากโฟลเดอร์โครงการ หรือกำหนด MEASURES_CONTENT เป็นที่อยู่ของโฟลเดอร์ content")])


def package_file(package: str, name: str) -> Path:
    """A file shipped inside the package. Wheels install as plain folders, so a real path exists."""
    return Path(str(resources.files(package) / name))
