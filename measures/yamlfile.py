"""Reading one YAML content file, keeping the line of every field.

Decimal literals become Decimal (99.13 must not become 99.12999…), duplicate keys
are refused (YAML would silently keep the last), and the things officers paste
from Word (a BOM, tabs) get a message instead of a stack trace.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from .problems import ContentError, Problem

Path_ = tuple  # a field path: keys and list indexes


class _Loader(yaml.SafeLoader):
    pass


def _decimal(loader: _Loader, node: yaml.ScalarNode) -> Decimal:
    text = loader.construct_scalar(node).replace("_", "")
    lowered = text.lower()
    if lowered in (".nan",):
        return Decimal("NaN")
    if lowered in (".inf", "+.inf", "-.inf"):
        return Decimal("-Infinity") if lowered.startswith("-") else Decimal("Infinity")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the YAML resolver only sends numbers here
        return Decimal("NaN")


_Loader.add_constructor("tag:yaml.org,2002:float", _decimal)
# 2565-03-31 is a Buddhist-era date as text: YAML would read it as a Gregorian date
# (and fail on 2565-02-30 with a bare ValueError). The schema checks it instead.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


class YamlDoc:
    """The data of one file and the line of each field path in it."""

    def __init__(self, path: Path, shown: str, data: Any, lines: dict[Path_, int]):
        self.path = path
        self.shown = shown
        self.data = data
        self.lines = lines

    def line_of(self, loc: Path_) -> int | None:
        """The line of a field, or of its nearest parent that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)

    def problem(self, loc: Path_, message: str, severity: str = "error") -> Problem:
        return Problem(self.shown, self.line_of(loc), format_loc(loc, self.data), message, severity)


def format_loc(loc: Path_, data: Any = None) -> str:
    """scores.9, guideline[1].text: list positions in brackets, keys after dots."""
    out = ""
    for part in loc:
        if isinstance(data, list) and isinstance(part, int):
            out += f"[{part}]"
            data = data[part] if 0 <= part < len(data) else None
        else:
            out += ("." if out else "") + str(part)
            data = data.get(part) if isinstance(data, dict) else None
    return out


def read_yaml(path: Path, shown: str | None = None) -> YamlDoc:
    path = Path(path)
    shown = shown or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ContentError([Problem(shown, None, "", "ไม่พบไฟล์")]) from None
    except OSError as exc:
        raise ContentError([Problem(shown, None, "", f"เปิดไฟล์ไม่ได้: {exc.strerror}")]) from None
    problems: list[Problem] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(shown, 1, "", "ไฟล์ขึ้นต้นด้วย BOM (มักมาจากการบันทึกด้วย Notepad/Word) "
                                              "ให้บันทึกเป็น UTF-8 แบบไม่มี BOM", "warning"))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError([Problem(shown, line, "", "ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 ให้บันทึกใหม่เป็น UTF-8")]) from None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            raise ContentError([Problem(shown, number, "", "ย่อหน้าด้วยแท็บ (Tab) ซึ่ง YAML ไม่รับ ให้ใช้การเว้นวรรคแทน")])
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise ContentError([Problem(shown, line, "", f"มีอักขระที่ใช้ไม่ได้ (U+{exc.character:04X}) "
                                                    "มักติดมาจากการคัดลอก ให้ลบออก")]) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise ContentError([Problem(shown, 1, "", "ไฟล์ว่าง ไม่มีข้อมูล")])
        lines: dict[Path_, int] = {(): node.start_mark.line + 1}
        _walk(loader, node, (), lines, problems, shown)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or exc.context or "รูปแบบไม่ถูกต้อง"
        raise ContentError([Problem(shown, line, "", f"ไฟล์นี้ไม่ใช่ YAML ที่ถูกต้อง ({what}) "
                                                       "ตรวจเครื่องหมาย : และการย่อหน้าในบรรทัดนี้หรือบรรทัดก่อนหน้า")]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Problem(shown, None, "", f"ไฟล์นี้ไม่ใช่ YAML ที่ถูกต้อง ({exc})")]) from None
    except (ValueError, TypeError) as exc:  # a value YAML recognised but could not build
        raise ContentError([Problem(shown, None, "", f"อ่านค่าในไฟล์นี้ไม่ได้ ({exc})")]) from None
    finally:
        loader.dispose()
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ContentError(problems)
    doc = YamlDoc(path, shown, data, lines)
    doc.warnings = problems  # type: ignore[attr-defined]
    return doc


def _walk(loader: _Loader, node: yaml.Node, loc: Path_, lines: dict, problems: list, shown: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, Decimal, bool)) and key is not None:
                key = str(key)
            if key in seen:
                problems.append(Problem(shown, key_node.start_mark.line + 1, str(key),
                                        f"หัวข้อ '{key}' ซ้ำกับบรรทัด {seen[key]}"))
            seen[key] = key_node.start_mark.line + 1
            here = loc + (key,)
            lines[here] = key_node.start_mark.line + 1
            _walk(loader, value_node, here, lines, problems, shown)
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            here = loc + (index,)
            lines[here] = child.start_mark.line + 1
            _walk(loader, child, here, lines, problems, shown)
