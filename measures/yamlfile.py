"""Reading one YAML content file safely, keeping the line of every field.

Content comes from officers' editors and from copies of other offices' files, so every
input is bounded before any work depends on its size: a size limit (read no further),
a nesting limit, and no anchors or aliases at all (officers never need them, and they
let a few hundred bytes expand to gigabytes). Decimal literals become Decimal (99.13
must not become 99.12999…), keys that mean the same (`2:` and `"2":`) are duplicates,
and what officers paste from Word (a BOM, tabs) gets a message instead of a traceback.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent

from .cache import Cache, key
from .problems import ContentError, Problem, Severity

MAX_BYTES = 1024 * 1024  # the largest shipped file is 26 KB; a whole year's text is far below this
MAX_DEPTH = 24               # content nests seven levels at most

Loc = tuple[Any, ...]  # a field path: keys and list indexes

# A line of text that starts with a reference, `- {office.name} จะ…`, is a YAML flow mapping
# and fails to parse. Such a brace is swapped for a private-use character before parsing
# and swapped back in every string, so the line reads as the text it is. Matched line by
# line, never across lines: its work stays linear in the file's size.
_BRACE = "\ue000"
_REF_AT_VALUE_START = re.compile(
    r"^(?P<lead>[ ]*(?:-[ ]+)*(?:[^\s#'\"{\[\-][^:#\n]*:[ ]+)?)\{(?=[ ]*[A-Za-z_][\w.\-]*[ ]*\})")


class _Resolver(yaml.resolver.BaseResolver):
    """Which plain scalars are not text. YAML 1.1 also reads 1:30, 0x5A, 0777, +66…, yes, on
    and 2565-03-31 as numbers, booleans and dates, turning a fax number 04325536 into
    1157982 and a score 075 into 61: here only plain decimals are numbers, only true/false
    booleans, and everything else stays the text that was typed."""


_Resolver.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                list("tTfF"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^-?(?:0|[1-9][0-9]*)$"), list("-0123456789"))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:float",
                                re.compile(r"^(?:-?(?:0|[1-9][0-9]*)\.[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
                                list("-+0123456789."))
_Resolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_ALLOWED_TAGS = {None, "!", "tag:yaml.org,2002:str"}


class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
              yaml.constructor.SafeConstructor, _Resolver):
    """PyYAML's safe loader with the strict resolver above, anchors, aliases and tags refused,
    and nesting bounded."""

    _depth = 0

    def __init__(self, stream: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        event = self.peek_event()
        tag = getattr(event, "tag", None)
        if isinstance(event, (ScalarEvent, CollectionStartEvent)) and tag not in _ALLOWED_TAGS:
            raise _Refused(_line(event.start_mark),
                           f"ใช้แท็ก {tag} ของ YAML ซึ่งไฟล์ข้อมูลไม่รับ ให้ลบแท็กออก (ข้อความพิมพ์ตรง ๆ ได้เลย)")
        if isinstance(event, AliasEvent):
            raise _Refused(_line(event.start_mark),
                           f"ใช้การอ้างซ้ำของ YAML (*{event.anchor}) ซึ่งไฟล์ข้อมูลไม่รับ ให้พิมพ์ข้อความเต็มแทน")
        if isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.anchor is not None:
            raise _Refused(_line(event.start_mark),
                           f"ใช้จุดอ้างอิงของ YAML (&{event.anchor}) ซึ่งไฟล์ข้อมูลไม่รับ ให้ลบ &{event.anchor} ออก")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(_line(event.start_mark),
                               f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น ตรวจการย่อหน้าและวงเล็บ [ ] {{ }}")
            return super().compose_node(parent, index)  # type: ignore[arg-type]
        finally:
            self._depth -= 1


def _line(mark: Any) -> int:
    return mark.line + 1 if mark is not None else 1


class _Refused(Exception):
    def __init__(self, line: int, message: str):
        self.line, self.message = line, message


def _decimal(loader: _Loader, node: yaml.ScalarNode) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")
    lowered = text.lower()
    if lowered == ".nan":
        return Decimal("NaN")
    if lowered in (".inf", "+.inf", "-.inf"):
        return Decimal("-Infinity") if lowered.startswith("-") else Decimal("Infinity")
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the YAML resolver only sends numbers here
        return Decimal("NaN")
    return number.copy_abs() if number == 0 else number  # -0.0 is 0, not a history of "-0.00"


def _text(loader: _Loader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node)).replace(_BRACE, "{")


# (2565-03-31 stays text: the resolver has no dates, and the schema reads Buddhist-era ones.)
_Loader.add_constructor("tag:yaml.org,2002:float", _decimal)  # type: ignore[type-var]
_Loader.add_constructor("tag:yaml.org,2002:str", _text)  # type: ignore[type-var]


class YamlDoc:
    """The data of one file and the line of each field path in it."""

    def __init__(self, path: Path, shown: str, data: Any, lines: dict[Loc, int],
                 warnings: list[Problem] | None = None):
        self.path = path
        self.shown = shown
        self.data = data
        self.lines = lines
        self.warnings = warnings or []

    def line_of(self, loc: Loc) -> int | None:
        """The line of a field, or of its nearest parent that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)

    def problem(self, loc: Loc, message: str, severity: Severity = "error") -> Problem:
        return Problem(self.shown, self.line_of(loc), format_loc(loc, self.data), message, severity)


def format_loc(loc: Loc, data: Any = None) -> str:
    """scores.9, guideline[1].text: list positions in brackets, keys after dots."""
    out = ""
    for part in loc:
        if (isinstance(data, list) or data is None) and isinstance(part, int):
            out += f"[{part}]"
            data = data[part] if isinstance(data, list) and 0 <= part < len(data) else None
        else:
            out += ("." if out else "") + str(part)
            data = data.get(part) if isinstance(data, dict) else None
    return out


def canonical_key(key: Any) -> str:
    """What a key means: `2`, `"2"` and `2.0` are one key; so are `9.1` and `"9.1"`."""
    text = str(key).strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if not number.is_finite():
        return text
    return str(int(number)) if number == number.to_integral_value() else str(number.normalize())


def _typed(key: Any) -> str:
    """A key as it was typed: quoted text shows its quotes, so 2 and "2" can be told apart."""
    return f'"{key}"' if isinstance(key, str) else str(key)


def _fail(shown: str, line: int | None, message: str) -> ContentError:
    return ContentError([Problem(shown, line, "", message)])


def read_bytes(path: Path, shown: str) -> bytes:
    """At most MAX_BYTES of a regular file; anything else is a message."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise _fail(shown, None, "ไม่ใช่ไฟล์ข้อมูลธรรมดา (เป็นโฟลเดอร์หรืออุปกรณ์) ให้ระบุไฟล์ .yaml")
        with open(path, "rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _fail(shown, None, "ไม่พบไฟล์") from None
    except IsADirectoryError:
        raise _fail(shown, None, "ไม่ใช่ไฟล์ข้อมูลธรรมดา (เป็นโฟลเดอร์) ให้ระบุไฟล์ .yaml") from None
    except OSError as exc:
        raise _fail(shown, None, f"เปิดไฟล์ไม่ได้: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise _fail(shown, None, f"ไฟล์ใหญ่เกิน {MAX_BYTES // (1024 * 1024)} MB ซึ่งเกินกว่าไฟล์ข้อมูลจะเป็นได้ "
                                 "ตรวจว่าเลือกไฟล์ถูกหรือไม่")
    return raw


# PyYAML's own words for the usual slips, in the officer's words.
_YAML_HINTS = (
    ("mapping values are not allowed", "มีเครื่องหมาย : ตามด้วยเว้นวรรคอยู่กลางข้อความ ให้ใส่ข้อความทั้งบรรทัดในเครื่องหมายคำพูด \"…\""),
    ("could not find expected ':'", "ขาดเครื่องหมาย : หลังชื่อหัวข้อ หรือข้อความยาวหลายบรรทัดย่อหน้าไม่ตรงกัน"),
    ("expected <block end>", "การย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า"),
    ("found character that cannot start any token", "มีอักขระที่ขึ้นต้นค่าไม่ได้ (เช่น @ ` %) ให้ใส่ข้อความในเครื่องหมายคำพูด"),
    ("found unexpected end of stream", "เครื่องหมายคำพูดหรือวงเล็บเปิดไว้แต่ไม่ได้ปิด"),
    ("while scanning a quoted scalar", "เครื่องหมายคำพูดเปิดไว้แต่ไม่ได้ปิด"),
    ("found unhashable key", "ชื่อหัวข้อต้องเป็นข้อความ ไม่ใช่รายการ [ ] หรือหัวข้อย่อย { }"),
    ("could not determine a constructor", "มีแท็ก ! ที่ไฟล์ข้อมูลไม่รับ ให้ลบออก"),
    ("expected a single document", "ไฟล์มีข้อมูลหลายชุดคั่นด้วย --- ให้เหลือชุดเดียว (ลบบรรทัด --- ที่อยู่กลางไฟล์)"),
)


def _yaml_message(exc: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    what = " ".join(filter(None, (exc.context, exc.problem))) or "รูปแบบไม่ถูกต้อง"
    lines = text.splitlines()
    for number in filter(None, (line, exc.context_mark.line + 1 if exc.context_mark else None)):
        value = re.sub(r"^[ ]*(?:-[ ]+)*(?:[^:#]*:[ ]+)?", "", lines[number - 1]) if number <= len(lines) else ""
        if value.startswith("{") and ":" not in value:
            return number, ("ข้อความที่ขึ้นต้นด้วย { อ่านไม่ได้ ให้ใส่ข้อความทั้งบรรทัดในเครื่องหมายคำพูด "
                            f"เช่น \"{value[:40]}…\" และตรวจว่าวงเล็บ {{ }} เปิดปิดครบ")
    hint = next((thai for english, thai in _YAML_HINTS if english in what), "ตรวจเครื่องหมาย : และการย่อหน้า")
    return line, f"ไฟล์นี้อ่านเป็น YAML ไม่ได้: {hint} ในบรรทัดนี้หรือบรรทัดก่อนหน้า ({what})"


def read_yaml(path: Path, shown: str | None = None, cache: Cache | None = None) -> YamlDoc:
    """The file's data and lines, or ContentError. `cache`: where a file read before, byte for
    byte the same, was kept (PyYAML reads in pure Python, a few milliseconds a kilobyte)."""
    path = Path(path)
    shown = shown or str(path)
    raw = read_bytes(path, shown)
    cache = cache or Cache(None)
    k = key("yaml", raw)
    kept = cache.get("yaml", k)
    if kept is not None:
        try:
            data, lines = _decode(json.loads(kept))
            return YamlDoc(path, shown, data, lines)
        except (ValueError, TypeError, KeyError):
            pass  # damaged: read the file itself
    doc = _read_yaml(path, shown, raw)
    if not doc.warnings:  # a file with warnings is read again, so they are shown each time
        with contextlib.suppress(TypeError):  # a type not kept: read again next time
            cache.put("yaml", k, json.dumps(_encode(doc)).encode())  # ASCII: lone surrogates too
    return doc


# The cache keeps what YAML gave in JSON, tagged so nothing changes type on the way back:
# a mapping {"m": [[key, value]…]} (keys may be numbers), a Decimal {"d": "99.13"}.
def _encode(doc: YamlDoc) -> dict[str, Any]:
    return {"data": _enc(doc.data), "lines": [[[_enc(part) for part in loc], line] for loc, line in doc.lines.items()]}


def _enc(v: Any) -> Any:
    if v is None or isinstance(v, (str, bool, int)):
        return v
    if isinstance(v, Decimal):
        return {"d": str(v)}
    if isinstance(v, list):
        return [_enc(x) for x in v]
    if isinstance(v, dict):
        return {"m": [[_enc(k), _enc(x)] for k, x in v.items()]}
    raise TypeError(f"not kept: {type(v).__name__}")


def _decode(kept: dict[str, Any]) -> tuple[Any, dict[Loc, int]]:
    return _dec(kept["data"]), {tuple(_dec(part) for part in loc): int(line) for loc, line in kept["lines"]}


def _dec(v: Any) -> Any:
    if isinstance(v, list):
        return [_dec(x) for x in v]
    if isinstance(v, dict):
        if "d" in v:
            return Decimal(v["d"])
        return {_dec(k): _dec(x) for k, x in v["m"]}
    return v


# NUL and the other C0 controls: UTF-8 text never holds them, UTF-16 of ASCII is half NULs.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
# What no content file means to hold, with where it is: C0 and C1 controls (C1 is often UTF-8
# read as Latin-1 and saved again), private-use characters (U+F700… left by Thai fonts'
# legacy encodings, shown as boxes or as another letter by any other font), U+FFFD and the
# noncharacters (a letter lost in a conversion), and the line and paragraph separators
# U+2028/U+2029 (pasted from the web or Word; YAML breaks the line there, so the file would be
# misread a line too early).
_ODD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ue000-\uf8ff\ufdd0-\ufdef\ufffd"
                  "\U000f0000-\U0010ffff]")
_ODD_LIMIT = 10  # lines reported; a file full of them was saved in another encoding


def _wide_encoding(raw: bytes) -> str | None:
    """The UTF-16/32 byte order that reads `raw` as clean text, if one does."""
    for codec, name in (("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"), ("utf-16-le", "UTF-16"),
                        ("utf-16-be", "UTF-16")):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if ":" in text and not _ODD.search(text):  # every content file has a key
            return name
    return None


def _odd_characters(text: str) -> list[tuple[int, str]]:
    """(line, message) for the first odd character of each line that has one."""
    out: list[tuple[int, str]] = []
    for number, line_text in enumerate(text.split("\n"), 1):
        m = _ODD.search(line_text)
        if m is None:
            continue
        c = m.group(0)
        if c in "\u2028\u2029":
            what = ("ตัวขึ้นบรรทัดแบบพิเศษที่มองไม่เห็น (LINE/PARAGRAPH SEPARATOR) มักติดมาจากการคัดลอกจากเว็บหรือ Word "
                    "ให้ลบออก ถ้าต้องการขึ้นบรรทัดใหม่ให้กด Enter")
        elif c == "\ufffd" or 0xFDD0 <= ord(c) <= 0xFDEF:
            what = ("อักขระแทนที่ (แสดงเป็น � หรือกล่องสี่เหลี่ยม) แปลว่าตัวอักษรเดิมหายไปตอนแปลงรหัสอักขระ "
                    "ให้ลบแล้วพิมพ์คำนั้นใหม่")
        elif ord(c) >= 0xE000:
            what = "อักขระส่วนตัวของแบบอักษร (private use) มักติดมาจากแบบอักษรไทยรุ่นเก่า ให้ลบแล้วพิมพ์ตัวอักษรนั้นใหม่"
        else:
            what = "อักขระควบคุมที่มองไม่เห็น มักติดมาจากการคัดลอกหรือการแปลงรหัสอักขระ ให้ลบออก"
        out.append((number, f"มีอักขระ U+{ord(c):04X} ที่ตำแหน่งที่ {m.start() + 1} ของบรรทัด: {what}"))
        if len(out) == _ODD_LIMIT:
            break
    return out


def _read_yaml(path: Path, shown: str, raw: bytes) -> YamlDoc:
    warnings: list[Problem] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        warnings.append(Problem(shown, 1, "", "ไฟล์ขึ้นต้นด้วย BOM (มักมาจากการบันทึกด้วย Notepad/Word) "
                                              "ให้บันทึกเป็น UTF-8 แบบไม่มี BOM", "warning"))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(shown, line, "ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 ให้บันทึกใหม่เป็น UTF-8") from None
    if _CONTROL.search(text) and (wide := _wide_encoding(raw)):
        raise _fail(shown, None, f"ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 (ดูเหมือนบันทึกเป็น {wide} ไม่มี BOM) "
                                 "ให้บันทึกใหม่เป็น UTF-8")
    odd = _odd_characters(text)
    if odd:
        raise ContentError(warnings + [Problem(shown, line, "", message) for line, message in odd])
    for number, line_text in enumerate(text.splitlines(), 1):
        if line_text.lstrip(" ").startswith("\t"):
            raise _fail(shown, number, "ย่อหน้าด้วยแท็บ (Tab) ซึ่ง YAML ไม่รับ ให้ใช้การเว้นวรรคแทน")
    if _BRACE not in text:
        text = "\n".join(_REF_AT_VALUE_START.sub(lambda m: m.group("lead") + _BRACE, line)
                         for line in text.split("\n"))
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise _fail(shown, line, f"มีอักขระที่ใช้ไม่ได้ (U+{exc.character:04X}) มักติดมาจากการคัดลอก ให้ลบออก") from None
    problems: list[Problem] = []
    try:
        node = loader.get_single_node()
        if node is None:
            raise _fail(shown, 1, "ไฟล์ว่าง ไม่มีข้อมูล")
        lines: dict[Loc, int] = {(): node.start_mark.line + 1}
        _walk(loader, node, (), lines, problems, shown)
        data = loader.construct_document(node)
    except _Refused as exc:
        raise _fail(shown, exc.line, exc.message) from None
    except yaml.MarkedYAMLError as exc:
        where, message = _yaml_message(exc, text)
        raise _fail(shown, where, message) from None
    except yaml.YAMLError as exc:
        raise _fail(shown, None, f"ไฟล์นี้อ่านเป็น YAML ไม่ได้ ({exc})") from None
    except (ValueError, TypeError) as exc:  # a value YAML recognised but could not build
        raise _fail(shown, None, f"อ่านค่าในไฟล์นี้ไม่ได้ ({exc})") from None
    finally:
        loader.dispose()
    if problems:
        raise ContentError(warnings + sorted(problems, key=lambda p: p.line or 0))
    return YamlDoc(path, shown, data, lines, warnings)


# 15_000 and 9_5: YAML 1.1 (and Python's int and Decimal, which the schema's numbers use) read
# them as 15000 and 95, though 9_5 was as likely meant 9.5. Quoted or not, never a number here.
_UNDERSCORED = re.compile(r"[-+]?[0-9๐-๙][0-9๐-๙_]*_[0-9๐-๙_]*(?:\.[0-9๐-๙_]*)?|[-+]?[0-9๐-๙]+\.[0-9๐-๙]*_[0-9๐-๙_]*")


def _underscored(shown: str, line: int, field: str, value: str) -> Problem:
    digits = value.replace("_", "")
    head, _, tail = value.partition("_")
    decimal = f" หรือ {head}.{tail}" if "." not in value and "_" not in tail and len(tail) < 3 else ""
    return Problem(shown, line, field, f"ตัวเลข '{value}' มีขีดล่าง _ คั่น ซึ่งจะถูกอ่านเป็น {digits} "
                                       f"ให้เขียนตัวเลขตามที่ตั้งใจโดยไม่มี _ เช่น {digits}{decimal}")


def loader_lines(loader: _Loader) -> list[str]:
    """The text being read, by line (cached on the loader)."""
    if not hasattr(loader, "_lines"):
        loader._lines = str(loader.buffer).split("\n")  # type: ignore[attr-defined]
    return loader._lines  # type: ignore[attr-defined, no-any-return]


def _walk(loader: _Loader, node: yaml.Node, loc: Loc, lines: dict[Loc, int], problems: list[Problem],
          shown: str) -> None:
    """Lines of every key and list item; duplicate keys. Iterative: depth is bounded already,
    but a walk must never be what a deep file breaks."""
    stack = [(node, loc, format_loc(loc))]  # with the field as messages name it: scores.5, items[0]
    while stack:
        node, loc, field = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, tuple[Any, int]] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    problems.append(Problem(shown, key_node.start_mark.line + 1, "",
                                            "ชื่อหัวข้อต้องเป็นข้อความ ไม่ใช่รายการหรือหัวข้อย่อย"))
                    continue
                key = loader.construct_object(key_node)
                here_line = key_node.start_mark.line + 1
                if isinstance(key, str) and _UNDERSCORED.fullmatch(key):
                    problems.append(_underscored(shown, here_line, field, key))
                if key == "<<":
                    problems.append(Problem(shown, here_line, "<<", "ไฟล์ข้อมูลไม่ใช้การรวมหัวข้อของ YAML (<<) "
                                                                   "ให้เขียนหัวข้อแต่ละข้อเต็ม"))
                    continue
                if isinstance(key, str) and key != key.strip():
                    problems.append(Problem(shown, here_line, repr(key), f"ชื่อหัวข้อ {key!r} มีช่องว่างหรือขึ้นบรรทัด "
                                                                        "ที่หัวหรือท้าย ให้ลบออก"))
                canon = canonical_key(key)
                if canon in seen:
                    first, first_line = seen[canon]
                    a, b = _typed(first), _typed(key)
                    same = "" if a == b else f" ({a} กับ {b} มีความหมายเดียวกัน)"
                    problems.append(Problem(shown, here_line, str(key),
                                            f"หัวข้อ '{key}' ซ้ำกับบรรทัด {first_line}{same} ให้เหลือไว้เพียงหนึ่ง"))
                seen[canon] = (key, here_line)
                here = loc + (key,)
                lines[here] = here_line
                stack.append((value_node, here, f"{field}.{key}" if field else str(key)))
        elif isinstance(node, yaml.ScalarNode) and _UNDERSCORED.fullmatch(node.value):
            problems.append(_underscored(shown, node.start_mark.line + 1, field, node.value))
        elif isinstance(node, yaml.ScalarNode) and node.style is None and node.end_mark.line > node.start_mark.line:
            # A plain text over several lines: a line in it that starts with "- " was meant as
            # the next list item, indented one space too far, and has been joined to this one.
            for n in range(node.start_mark.line + 1, node.end_mark.line + 1):
                if loader_lines(loader)[n].lstrip().startswith("- "):
                    problems.append(Problem(shown, n + 1, field,
                                            "บรรทัดนี้ขึ้นต้นด้วย - เหมือนข้อใหม่ แต่ย่อหน้าลึกกว่าข้อก่อนหน้า "
                                            "จึงถูกต่อเป็นข้อความเดียวกับข้อก่อน ให้จัดย่อหน้าให้ตรงกับข้ออื่น"))
                    break
        elif isinstance(node, yaml.SequenceNode):
            for index, child in enumerate(node.value):
                here = loc + (index,)
                lines[here] = child.start_mark.line + 1
                stack.append((child, here, f"{field}[{index}]"))
