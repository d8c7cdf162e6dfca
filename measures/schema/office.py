"""An office's facts: names, address, contacts, units, complaint channels, style."""
from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from .base import Prose, Strict


class Address(Strict):
    line: str = Field(description="number, village, road")
    subdistrict: str
    district: str
    province: str
    postcode: str


class Person(Strict):
    name: str
    position: str


class Margins(Strict):
    top: Decimal = Decimal("2.5")
    bottom: Decimal = Decimal("2")
    left: Decimal = Decimal("3")
    right: Decimal = Decimal("2")


class Style(Strict):
    """The office's choices; fonts and margins left out keep the template's."""
    digits: Literal["thai", "arabic"] = "arabic"
    font: str | None = None
    margins: Margins | None = None


class Office(Strict):
    prose_kind = "office"
    id: str
    name: str
    short_name: str
    parents: list[str]
    address: Address
    phone: str
    phone_ext: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    facebook: str = ""
    hotline: str = Field("", description="the director's direct line")
    director: Person | None = None
    units: dict[str, str]
    complaint_channels: list[Prose] = []
    background: list[Prose] | None = Field(None, description="ความเป็นมา of every publication of this office, "
                                                            "instead of the framework's")
    style: Style = Style()
