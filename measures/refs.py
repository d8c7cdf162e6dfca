"""References to office data inside texts: `{office.name}`, `{unit.legal}`, `{year.assessed}`.

Single braces only. `{{ … }}`, `{% … %}` and `{# … #}` are left alone (printed as written,
never evaluated). A
reference is replaced once: the value put in is data and is never read again as text
with references (a website may contain braces).
"""
from __future__ import annotations

import re

from .schema import Office

REF = re.compile(r"(?<!\{)\{([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*)\}(?!\})")
LITERAL = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
# What a template engine would read, and braces that look like ours but are not ASCII.
TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|[｛｝]")
# Something that starts like a reference: a brace and up to the closing one, or the
# rest of the word when it is never closed.
BRACE = re.compile(r"\{[^{}\s]*(?:[ ]+[^{}\s]+)*[ ]*\}|\{[^{}\s]*|\}")


def full_address(office: Office) -> str:
    a = office.address
    return f"{a.line} ตำบล{a.subdistrict} อำเภอ{a.district} จังหวัด{a.province} {a.postcode}"


def namespace(office: Office, publication_year: int | None = None,
              assessed_year: int | None = None) -> dict[str, str]:
    """Every name a text may refer to, with its value."""
    ns: dict[str, str] = {}
    for key in ("id", "name", "short_name", "phone", "phone_ext", "fax", "email", "website",
                "facebook", "hotline"):
        ns[f"office.{key}"] = getattr(office, key)
    ns["office.address"] = full_address(office)
    # Shared texts cannot know whether an office has an extension: this one reads right either way.
    ns["office.phone_with_ext"] = office.phone + (f" ต่อ {office.phone_ext}" if office.phone_ext else "")
    for key, value in office.address.model_dump().items():
        ns[f"office.address.{key}"] = value
    if office.director is not None:
        ns["office.director.name"] = office.director.name
        ns["office.director.position"] = office.director.position
    for key, value in office.units.items():
        ns[f"unit.{key}"] = value
    if publication_year is not None:
        ns["year.publication"] = str(publication_year)
    if assessed_year is not None:
        ns["year.assessed"] = str(assessed_year)
        ns["year.next"] = str(assessed_year + 1)  # the next assessment, which these measures prepare for
    return ns


def names_in(text: str) -> list[str]:
    return REF.findall(text)


def malformed(text: str) -> list[str]:
    """Pieces that look like references but are not valid ones: `{office.name`,
    `{ office.name }`, `{Office.Name}`, `{office.short-name}`, a stray brace."""
    rest = REF.sub("", LITERAL.sub("", text))
    return [m.group(0) for m in BRACE.finditer(rest)]


def resolve(text: str, ns: dict[str, str]) -> str:
    """Replace each reference, in one pass; checks have made sure every name exists."""
    return REF.sub(lambda m: ns[m.group(1)], text)
