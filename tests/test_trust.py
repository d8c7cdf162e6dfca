"""What content may hold where it is published as the office's own: addresses and numbers by
format (every web address http/https with nothing that ends an attribute), numbers YAML 1.1
would read differently, and structure the files cannot hold. Each class with instances of its
own beyond the ones first found; checked at the field (fast) and, for a few, end to end."""
from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from measures import schema
from measures.cli import main
from measures.load import validate
from measures.problems import ContentError, Problem
from measures.yamlfile import YamlDoc, read_yaml

from .conftest import CONTENT

OFFICE = CONTENT / "offices" / "kksec" / "office.yaml"
PROGRESS = CONTENT / "offices" / "kksec" / "2565" / "progress.yaml"


def _problems(path: Path, model: type, field: tuple[object, ...], value: object) -> list[Problem]:
    doc = read_yaml(path)
    data = copy.deepcopy(doc.data)
    target = data
    for part in field[:-1]:
        target = target[part]
    target[field[-1]] = value
    problems: list[Problem] = []
    validate(YamlDoc(path, "office.yaml", data, doc.lines), model, problems)
    return problems


# ------------------------------------------------------------------------ web addresses
HOSTILE_WEB = [
    "javascript:alert(1)", "JaVaScRiPt:alert(document.cookie)", " javascript:alert(1)", "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>", "data:text/html;base64,PHNjcmlwdD4=",
    'http://www.kksec.go.th" onmouseover="alert(1)', "http://www.kksec.go.th' onfocus='alert(1)",
    "http://www.kksec.go.th/<script>alert(1)</script>", "http://www.kksec.go.th/a b", "http://www.kksec.go.th/`id`",
    "file:///etc/passwd", "//evil.example/x", "ftp://ftp.kksec.go.th", "http://", "http://localhost/",
    "www.kksec.go.th", "http://www.kksec.go.th\\@evil.example", "http://www.kksec.go.th/\x85next",
]
GOOD_WEB = ["http://www.kksec.go.th", "https://www.facebook.com/สพม.ขอนแก่น", "https://kksec.go.th:8443/ita?x=1#o39",
            "http://www.kksec.go.th/?{page}", "HTTPS://WWW.KKSEC.GO.TH/ITA"]


@pytest.mark.parametrize("value", HOSTILE_WEB)
@pytest.mark.parametrize("field", ["website", "facebook"])
def test_an_office_address_that_is_not_http_is_refused(field, value):
    problems = _problems(OFFICE, schema.Office, (field,), value)
    assert len(problems) == 1 and problems[0].field == field, problems
    assert "ไม่ใช่ที่อยู่เว็บที่ใช้ได้" in problems[0].message and "http://" in problems[0].message
    assert problems[0].line is not None


@pytest.mark.parametrize("value", HOSTILE_WEB)
def test_an_evidence_link_that_is_not_http_is_refused(value):
    problems = _problems(PROGRESS, schema.Progress, ("activities", 0, "evidence"), [value])
    assert [p.field for p in problems] == ["activities[0].evidence[0]"], problems
    assert "ไม่ใช่ที่อยู่เว็บที่ใช้ได้" in problems[0].message


@pytest.mark.parametrize("value", GOOD_WEB)
def test_a_plain_web_address_is_accepted(value):
    assert _problems(OFFICE, schema.Office, ("website",), value) == []
    assert _problems(PROGRESS, schema.Progress, ("activities", 0, "evidence"), [value]) == []


def test_a_web_address_without_its_scheme_is_told_how_to_write_it():
    (p,) = _problems(OFFICE, schema.Office, ("website",), "www.kksec.go.th")
    assert "http://www.kksec.go.th" in p.message


# Characters that show as something else or as nothing: an address holding one can show one
# place and lead to another (U+202E turns "exe.txt" around), so none is an address.
HIDDEN_WEB = ["http://www.kksec.go.th/\u202etxt.exe", "http://www.kksec.go.th/a\u200bb", "http://www.kksec.go.th/\ufeffx",
              "http://www.kksec.go.th/\u2066x\u2069", "https://kksec.go.th/\u200ex", "http://www.kksec.go.th/\ue000",
              "http://www.kksec.go.th/\ufffd", "http://www.kksec.go.th/o39\u00ad.pdf"]


@pytest.mark.parametrize("value", HIDDEN_WEB)
@pytest.mark.parametrize("field", ["website", "facebook"])
def test_an_address_with_a_hidden_character_is_refused_and_named(field, value):
    problems = _problems(OFFICE, schema.Office, (field,), value)
    assert len(problems) == 1 and problems[0].field == field, problems
    hidden = next(c for c in value if not c.isascii() and not c.isalpha())
    m = problems[0].message
    assert f"U+{ord(hidden):04X}" in m and "มองไม่เห็น" in m and "พิมพ์ใหม่" in m, m
    assert hidden not in m  # named, never printed: an override would turn the message around


@pytest.mark.parametrize("value", HIDDEN_WEB)
def test_an_evidence_link_with_a_hidden_character_is_refused(value):
    problems = _problems(PROGRESS, schema.Progress, ("activities", 0, "evidence"), [value])
    assert [p.field for p in problems] == ["activities[0].evidence[0]"] and "มองไม่เห็น" in problems[0].message


ODD_HREFS = ["http://www.kksec.go.th/\x00", "http://www.kksec.go.th\\evil.example", "HTTPS://WWW.KKSEC.GO.TH/ITA",
             "http://www.kksec.go.th/a\nb", "Http://kksec.go.th", "https://kksec.go.th/%22%3E", "http://kksec.go.th/\u2028"]


@pytest.mark.parametrize("value", HOSTILE_WEB + HIDDEN_WEB + GOOD_WEB + ODD_HREFS)
def test_the_page_links_exactly_what_the_checker_accepts(value):
    """One rule: an address `check` accepts is a link on the page, and nothing else is."""
    from measures.schema.contacts import is_web_address
    from measures.writers.html import safe_href
    accepted = _problems(PROGRESS, schema.Progress, ("activities", 0, "evidence"), [value]) == []
    assert safe_href(value) == is_web_address(value) == (accepted and value == value.strip()), value


@pytest.mark.parametrize("value, href", [("HTTPS://WWW.KKSEC.GO.TH/ITA", "https://WWW.KKSEC.GO.TH/ITA"),
                                         ("Http://kksec.go.th/o39.pdf", "http://kksec.go.th/o39.pdf"),
                                         (" https://kksec.go.th ", "https://kksec.go.th")])
def test_an_address_is_kept_with_its_scheme_in_lower_case(value, href):
    doc = read_yaml(PROGRESS)
    data = copy.deepcopy(doc.data)
    data["activities"][0]["evidence"] = [value]
    assert schema.Progress.model_validate(data).activities[0].evidence == [href]


def _links(html: str) -> list[tuple[str, dict[str, str]]]:
    """(text, attributes) of every <a> of a page."""
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[tuple[str, dict[str, str]]] = []
            self.open: dict[str, str] | None = None
            self.text = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "a":
                self.open, self.text = {k: v or "" for k, v in attrs}, ""

        def handle_data(self, data: str) -> None:
            self.text += data

        def handle_endtag(self, tag: str) -> None:
            if tag == "a" and self.open is not None:
                self.found.append((self.text, self.open))
                self.open = None

    parser = Links()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("href", HOSTILE_WEB + HIDDEN_WEB + ODD_HREFS[:2] + ["index.html\n", "#x\" onclick=\"y"])
def test_a_link_the_checker_would_refuse_is_text_on_the_page(href):
    """Were one to reach the page by another way than `check`, it is printed, never linked."""
    from measures.document.nodes import Link
    from measures.writers.html import template
    html = str(template("nodes.html", False).module.link(Link("หลักฐาน", href)))  # type: ignore[attr-defined]
    assert _links(html) == [] and "หลักฐาน" in html


def test_the_built_page_links_only_checked_addresses(tmp_path, monkeypatch):
    """The report page as built: every link is one the checker accepts or a page of the site, and
    the addresses the officer wrote, however capitalised, are links."""
    from measures.load import Content
    from measures.schema.contacts import is_web_address
    from measures.site import build_site
    from measures.writers.html import safe_href
    monkeypatch.setenv("MEASURES_SOFFICE", "no-such-soffice")  # the page alone, without its PDF
    content = _copy(tmp_path)
    progress = content / "offices" / "kksec" / "2565" / "progress.yaml"
    written = ["HTTPS://WWW.KKSEC.GO.TH/ITA/O39.PDF", "https://www.facebook.com/สพม.ขอนแก่น",
               "http://www.kksec.go.th/ita?a=1&b=2#o39"]
    text = progress.read_text(encoding="utf-8")
    old = "      - http://www.kksec.go.th/ita/o39/web-team-order.pdf\n"
    assert old in text
    progress.write_text(text.replace(old, "".join(f'      - "{w}"\n' for w in written), 1), encoding="utf-8")
    site = build_site("kksec", out_dir=tmp_path / "site", content=Content(content))
    pages = sorted(site.path.glob("*.html"))
    assert len(pages) >= 2
    hrefs = []
    for page in pages:
        for _, attrs in _links(page.read_text(encoding="utf-8")):
            href = attrs["href"]
            if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", href) or href.startswith("//"):  # leaves the site
                assert safe_href(href) and is_web_address(href) and attrs.get("rel") == "external", (page.name, attrs)
            else:  # a file the site holds (a page, its .docx, its PDF) or an anchor
                assert href.startswith("#") or (site.path / href.split("#")[0]).is_file(), (page.name, href)
                assert re.fullmatch(r"[\w./-]*(?:#[\w-]+)?", href) and ".." not in href, (page.name, href)
            hrefs.append(href)
    expected = ["https://WWW.KKSEC.GO.TH/ITA/O39.PDF", *written[1:]]
    assert all(w in hrefs for w in expected), [h for h in hrefs if "://" in h]


# ------------------------------------------------------------------------ e-mail, numbers, postcode
@pytest.mark.parametrize("field, value, words", [
    ("email", '"><script>alert(1)</script>@kksec.go.th', "ไม่ใช่อีเมล"),
    ("email", "admin@kksec.go.th\"><img src=x onerror=alert(1)>", "ไม่ใช่อีเมล"),
    ("email", "admin@kksec", "ไม่ใช่อีเมล"), ("email", "admin kksec.go.th", "ไม่ใช่อีเมล"),
    ("email", "admin@@kksec.go.th", "ไม่ใช่อีเมล"), ("email", "<admin@kksec.go.th>", "ไม่ใช่อีเมล"),
    ("email", "mailto:admin@kksec.go.th", "ไม่ใช่อีเมล"), ("email", "แอดมิน@kksec.go.th", "ไม่ใช่อีเมล"),
    ("phone", "javascript:alert(1)", "ไม่ใช่หมายเลขโทรศัพท์"), ("phone", "0-4300-986", "ไม่ใช่หมายเลขโทรศัพท์"),
    ("phone", "0-4300-98671-23", "ไม่ใช่หมายเลขโทรศัพท์"), ("phone", "tel:043009867", "ไม่ใช่หมายเลขโทรศัพท์"),
    ("phone", "043009867<b>", "ไม่ใช่หมายเลขโทรศัพท์"), ("phone", "ไม่มี", "ไม่ใช่หมายเลขโทรศัพท์"),
    ("phone", "0-4300-9867 ต่อ", "ไม่ใช่หมายเลขโทรศัพท์"), ("phone", "", "ไม่ใช่หมายเลขโทรศัพท์"),
    ("fax", "0-4325-5367'", "ไม่ใช่หมายเลขโทรศัพท์"), ("fax", "4325 5367", "ไม่ใช่หมายเลขโทรศัพท์"),
    ("hotline", "09-2779-909", "ไม่ใช่หมายเลขโทรศัพท์"), ("hotline", "+1 555 0100", "ไม่ใช่หมายเลขโทรศัพท์"),
    ("phone_ext", "ต่อ 1108", "ไม่ใช่เบอร์ต่อ"), ("phone_ext", "11o8", "ไม่ใช่เบอร์ต่อ"),
    ("phone_ext", "1108;", "ไม่ใช่เบอร์ต่อ"),
])
def test_a_contact_is_checked_by_its_format(field, value, words):
    problems = _problems(OFFICE, schema.Office, (field,), value)
    assert len(problems) == 1 and problems[0].field == field and words in problems[0].message, problems


@pytest.mark.parametrize("field, value", [
    ("phone", "0-4300-9867"), ("phone", "043 009 867"), ("phone", "02-123-4567"), ("phone", "08-1234-5678"),
    ("phone", "0812345678"), ("phone", "+66 81 234 5678"), ("phone", "0-4300-9867 ต่อ 1108"),
    ("phone", "๐-๔๓๐๐-๙๘๖๗"), ("hotline", "1111"), ("fax", ""), ("hotline", ""), ("email", ""),
    ("email", "saraban.kksec@obec.go.th"), ("email", "{admin}@kksec.go.th"), ("phone_ext", "1108-9"),
    ("phone_ext", ""), ("website", ""), ("facebook", ""),
])
def test_contacts_as_offices_write_them_are_accepted(field, value):
    assert _problems(OFFICE, schema.Office, (field,), value) == []


@pytest.mark.parametrize("value", ["4000", "400000", "40 000", "๔๐๐๐", "abcde", "00000", "40000<", 40000.5])
def test_a_postcode_is_five_digits(value):
    problems = _problems(OFFICE, schema.Office, ("address", "postcode"), value)
    assert [p.field for p in problems] == ["address.postcode"] and "5 หลัก" in problems[0].message, problems


@pytest.mark.parametrize("value", ["40000", "๔๐๐๐๐", "10110", 55000])
def test_a_postcode_as_written_is_accepted(value):
    assert _problems(OFFICE, schema.Office, ("address", "postcode"), value) == []


def _copy(tmp_path: Path) -> Path:
    content = tmp_path / "project" / "content"
    shutil.copytree(CONTENT, content)
    return content


@pytest.mark.parametrize("rel, old, new, field", [
    ("offices/kksec/office.yaml", "website: http://www.kksec.go.th", 'website: "javascript:alert(1)"', "[website]"),
    ("offices/kksec/office.yaml", 'facebook: ""', 'facebook: "data:text/html,<script>alert(1)</script>"', "[facebook]"),
    ("offices/kksec/office.yaml", "email: admin@kksec.go.th", "email: '\"><script>x</script>'", "[email]"),
    ("offices/kksec/2565/progress.yaml", "      - http://www.kksec.go.th/complaint",
     "      - 'http://www.kksec.go.th/complaint\" onclick=\"x'", "evidence[0]"),
])
def test_a_hostile_contact_stops_the_build_and_leaves_the_document(tmp_path, rel, old, new, field):
    content = _copy(tmp_path)
    out = tmp_path / "out"
    env = {"MEASURES_CONTENT": str(content), "SOURCE_DATE_EPOCH": None}
    assert CliRunner().invoke(main, ["build", "--office", "kksec", "--out", str(out)], env=env).exit_code == 0
    good = (out / "measures-2565.docx").read_bytes()
    f = content / rel
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(text.replace(old, new, 1), encoding="utf-8")
    command = ["report", "--round", "12"] if "progress" in rel else ["build"]
    result = CliRunner().invoke(main, [*command, "--office", "kksec", "--out", str(out)], env=env)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert rel.split("/")[-1] in result.stderr and field in result.stderr and "ไม่ใช่" in result.stderr, result.stderr
    assert (out / "measures-2565.docx").read_bytes() == good


# ------------------------------------------------------------------------ numbers YAML 1.1 reads otherwise
def _read(tmp_path: Path, text: str | bytes) -> list[str]:
    f = tmp_path / "file.yaml"
    f.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    try:
        read_yaml(f, "file.yaml")
    except ContentError as exc:
        return [str(p) for p in exc.problems]
    return []


@pytest.mark.parametrize("line, meant", [
    ("budget: 15_000", "15000"), ("score: 9_5", "9.5"), ("score: '9_5'", "9.5"), ('budget: "1_000.50"', "1000.50"),
    ("spent: 1_2_3_4", "1234"), ("score: 99.1_3", "99.13"), ("budget: -5_000", "-5000"), ("score: ๙_๕", "๙๕"),
    ("scores: {9_5: 80}", "95"), ("budget: 15_", "15"),
])
def test_a_number_with_underscores_is_refused(tmp_path, line, meant):
    problems = _read(tmp_path, f"year: 2565\n{line}\n")
    assert len(problems) == 1 and problems[0].startswith("file.yaml:2") and "_" in problems[0], problems
    assert meant in problems[0] and "ไม่มี _" in problems[0]


@pytest.mark.parametrize("line", ["unit: it_team", "file: ita_2564.yaml", "code: _1", "x: a_1", "text: ข้อ 9_5 ของแผน"])
def test_an_underscore_in_text_is_text(tmp_path, line):
    assert _read(tmp_path, f"{line}\n") == []


def test_an_underscored_score_stops_the_build_where_it_is_typed(tmp_path):
    content = _copy(tmp_path)
    res = content / "offices" / "kksec" / "2565" / "ita-2564.yaml"
    res.write_text(res.read_text(encoding="utf-8").replace("  5: 93.17", "  5: 9_3", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--office", "kksec"], env={"MEASURES_CONTENT": str(content)})
    assert result.exit_code == 1 and "ita-2564.yaml" in result.stderr and "[scores.5]" in result.stderr
    assert "'9_3'" in result.stderr, result.stderr


# ------------------------------------------------------------------------ encodings and characters
@pytest.mark.parametrize("codec, name", [("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32-le", "UTF-32"),
                                         ("utf-32-be", "UTF-32")])
@pytest.mark.parametrize("text", ["year: 2565\nname: ทดสอบ\n", "scores:\n  1: 99.13\n", "ชื่อ: สำนักงานเขต\n"])
def test_a_wide_encoding_without_bom_is_not_utf8(tmp_path, codec, name, text):
    (p,) = _read(tmp_path, text.encode(codec))
    assert "ไม่ได้เข้ารหัสแบบ UTF-8" in p and name in p and "U+0000" not in p


@pytest.mark.parametrize("c", ["\uf700", "\uf70a", "\ue000", "\uf8ff", "\U000f0001", "\x85", "\x80", "\x9f", "\x7f",
                               "\x00", "\x1b", "\ufffd", "\u2028", "\u2029", "\ufdd0", "\ufdef"])
def test_an_odd_character_is_refused_with_its_position(tmp_path, c):
    (p,) = _read(tmp_path, f"year: 2565\nname: สำนักงาน{c}เขต\n")
    assert p.startswith("file.yaml:2") and f"U+{ord(c):04X}" in p and "ตำแหน่งที่ 15" in p, p


@pytest.mark.parametrize("escape, code", [(r"\uf700", "U+F700"), (r"\x85", "U+0085"), (r"\x9b", "U+009B"),
                                          (r"\ue801", "U+E801"), (r"\ufffd", "U+FFFD"), (r"\ufdd5", "U+FDD5")])
def test_an_odd_character_written_as_an_escape_is_refused_too(tmp_path, escape, code):
    content = _copy(tmp_path)
    pub = content / "offices" / "kksec" / "2565" / "publication.yaml"
    text = pub.read_text(encoding="utf-8")
    pub.write_text(text.replace("signatories: []", f'signatories:\n  - name: "นายสม{escape}ชาย ใจดี"\n'
                                                   "    position: ผู้อำนวยการ", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--office", "kksec"], env={"MEASURES_CONTENT": str(content)})
    assert result.exit_code == 1 and code in result.stderr and "ตำแหน่งที่ 6" in result.stderr, result.stderr
    assert "signatories[0].name" in result.stderr


def test_thai_with_every_mark_is_not_odd(tmp_path):
    assert _read(tmp_path, "name: \"กิ่ง ก้าน ผู้ใหญ่ ฯลฯ ๑๒๓ ฿ “อ้าง” – ๆ\"\n") == []


@pytest.mark.parametrize("c, words", [("\u2028", "ขึ้นบรรทัด"), ("\u2029", "ขึ้นบรรทัด"), ("\ufffd", "หายไป"),
                                      ("\ufdd0", "หายไป")])
@pytest.mark.parametrize("where", [3, 5])
def test_a_separator_or_a_lost_letter_is_told_at_its_own_line(tmp_path, c, words, where):
    """Never a YAML error a line off: told where it is, with what it is and what to do."""
    lines = ["year: 2565", "text: |", "  บรรทัดแรก", "  บรรทัดที่สอง", "  บรรทัดที่สาม", "name: ทดสอบ"]
    lines[where - 1] += f"ต่อ{c}ท้าย"
    (p,) = _read(tmp_path, "\n".join(lines) + "\n")
    assert p.startswith(f"file.yaml:{where}:") and f"U+{ord(c):04X}" in p and words in p and "YAML" not in p, p


# ------------------------------------------------------------------------ the office's own name, as typed
@pytest.mark.parametrize("hidden", ["\u200b", "\ufeff", "\u00ad", "\u200d", "\u2060", "\u00a0"])
@pytest.mark.parametrize("field, old", [("short_name", "short_name: สพม.ขอนแก่น"),
                                        ("name", "name: สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาขอนแก่น")])
def test_an_invisible_character_in_the_office_s_own_name_accuses_no_one(tmp_path, hidden, field, old):
    content = _copy(tmp_path)
    f = content / "offices" / "kksec" / "office.yaml"
    text = f.read_text(encoding="utf-8")
    assert old in text
    name = old.split(": ", 1)[1]
    at = name.index("ขอนแก่น")
    f.write_text(text.replace(old, f'{field}: "{name[:at]}{hidden}{name[at:]}"', 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--office", "kksec"], env={"MEASURES_CONTENT": str(content)})
    assert result.exit_code == 0 and "ชื่อหน่วยงานอื่น" not in result.stderr, result.stderr


# ------------------------------------------------------------------------ money: a thousands separator is one
def _budget(value: object) -> list[Problem]:
    return _problems(PROGRESS, schema.Progress, ("activities", 0, "budget"), value)


@pytest.mark.parametrize("value, meant", [("15,000", "15000"), ("1,500,000", "1500000"), ("2,500.50", "2500.50"),
                                          ("12,345", "12345"), ("15.000", "15000"), ("1.500.000", "1500000")])
def test_a_thousands_separator_is_told_as_one(value, meant):
    (p,) = _budget(value)
    assert p.field == "activities[0].budget" and f"ให้เขียนติดกัน: {meant}" in p.message, p.message
    assert value.replace(",", ".") not in p.message.split(f"'{value}'")[1]  # never the comma made a decimal point


@pytest.mark.parametrize("text, meant", [("budget: 15.000", "15000"), ("budget: 1.500", "1500"),
                                         ("spent: 250.000", "250000"), ("budget: 15.500", "15500")])
def test_a_point_that_groups_thousands_is_not_read_as_a_fraction(tmp_path, text, meant):
    content = _copy(tmp_path)
    f = content / "offices" / "kksec" / "2565" / "progress.yaml"
    lines = f.read_text(encoding="utf-8").splitlines()
    key = text.split(":")[0]
    at = next(n for n, line in enumerate(lines) if line.startswith(f"    {key}: "))
    lines[at] = f"    {text}"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--office", "kksec"], env={"MEASURES_CONTENT": str(content)})
    assert result.exit_code == 1 and f"progress.yaml:{at + 1} " in result.stderr, result.stderr
    assert f"ให้เขียนติดกัน: {meant}" in result.stderr and key in result.stderr


@pytest.mark.parametrize("value", ["15000", "2500.50", "0.50", "0", "1500000"])
def test_money_as_written_is_accepted(value):
    from decimal import Decimal
    assert _budget(value) == [] and _budget(Decimal(value)) == []


@pytest.mark.parametrize("value, hint", [("93,17", "ใช้จุดเป็นทศนิยม ไม่ใช่จุลภาค: 93.17"), ("9,5", "9.5"), ("1,000", None)])
def test_a_score_with_a_comma_is_told_what_it_means(value, hint):
    results = CONTENT / "offices" / "kksec" / "2565" / "ita-2564.yaml"
    (p,) = _problems(results, schema.Results, ("scores", "9"), value)
    if hint:
        assert hint in p.message, p.message
    else:  # 1,000 is no score either way: no suggestion, least of all 1.000
        assert "1.000" not in p.message and "ให้เขียนติดกัน" not in p.message, p.message
