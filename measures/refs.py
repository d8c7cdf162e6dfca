"""References to office data inside shared texts: `{office.name}`, `{unit.legal}`.

Single braces only; `{{ … }}` is left alone (printed as written, never evaluated).
"""
from __future__ import annotations

import re
from typing import Optional

from .schema import Office

REF = re.compile(r"(?<!\{)\{([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*)\}(?!\})")


def full_address(office: Office) -> str:
    a = office.address
    return f"{a.line} ตำบล{a.subdistrict} อำเภอ{a.district} จังหวัด{a.province} {a.postcode}"


def namespace(office: Office, publication_year: Optional[int] = None,
              assessed_year: Optional[int] = None) -> dict[str, str]:
    """Every name a text may refer to, with its value."""
    ns: dict[str, str] = {}
    for key in ("id", "name", "short_name", "phone", "phone_ext", "fax", "email", "website",
                "facebook", "hotline"):
        ns[f"office.{key}"] = getattr(office, key)
    ns["office.address"] = full_address(office)
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
    return ns


def names_in(text: str) -> list[str]:
    return REF.findall(text)


def missing(text: str, ns: dict[str, str]) -> list[str]:
    """References that have no value (unknown, or empty in the office file)."""
    return [name for name in names_in(text) if not ns.get(name)]


def resolve(text: str, ns: dict[str, str]) -> str:
    """Replace each reference; a missing one is a ContentError before we get here."""
    def sub(m: re.Match) -> str:
        if m.group(1) not in ns:
            raise KeyError(m.group(1))
        return ns[m.group(1)]
    return REF.sub(sub, text)
