"""An office's facts: names, address, contacts, units, complaint channels, style."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .base import Prose, Strict
from .contacts import Email, Extension, OptionalPhone, OptionalWebAddress, Phone, Postcode


class Address(Strict):
    line: str = Field(description="เลขที่ หมู่ที่ ถนน")
    subdistrict: str = Field(description="ตำบล")
    district: str = Field(description="อำเภอ")
    province: str = Field(description="จังหวัด")
    postcode: Postcode = Field(description="รหัสไปรษณีย์")


class Person(Strict):
    name: str = Field(description="ชื่อ")
    position: str = Field(description="ตำแหน่ง")


def _margin(value: Decimal) -> Decimal:
    if not value.is_finite() or not 0 <= value <= 8:
        raise ValueError(f"ขอบกระดาษ {value} ซม. ใช้ไม่ได้: ต้องอยู่ระหว่าง 0 ถึง 8 ซม.")
    return value


Margin = Annotated[Decimal, AfterValidator(_margin)]


class Margins(Strict):
    top: Margin = Field(Decimal("2.5"), description="ขอบบน (ซม.)")
    bottom: Margin = Field(Decimal("2"), description="ขอบล่าง (ซม.)")
    left: Margin = Field(Decimal("3"), description="ขอบซ้าย (ซม.)")
    right: Margin = Field(Decimal("2"), description="ขอบขวา (ซม.)")

    @model_validator(mode="after")
    def _room(self) -> Margins:
        # A4 is 21 x 29.7 cm: leave room for the tables (16 cm wide at the template's margins).
        if self.left + self.right > 9 or self.top + self.bottom > 12:
            raise ValueError("ขอบกระดาษรวมกันกว้างเกินไป: ซ้าย+ขวา ต้องไม่เกิน 9 ซม. และบน+ล่าง ไม่เกิน 12 ซม. "
                             "(ตารางในเอกสารต้องการพื้นที่)")
        return self


class Style(Strict):
    """The office's choices; fonts and margins left out keep the template's."""
    digits: Literal["thai", "arabic"] = Field("arabic", description="ตัวเลขในเอกสาร: thai หรือ arabic")
    font: str | None = Field(None, description="แบบอักษรแทนของแม่แบบ (ถ้าต้องการ)")
    margins: Margins | None = Field(None, description="ขอบกระดาษแทนของแม่แบบ (ถ้าต้องการ)")


class Office(Strict):
    prose_kind = "office"
    id: str = Field(description="รหัสหน่วยงาน ตรงกับชื่อโฟลเดอร์")
    name: str = Field(description="ชื่อเต็มของหน่วยงาน")
    short_name: str = Field(description="ชื่อย่อ เช่น สพป.น่าน เขต 1")
    former_names: list[str] = Field([], description="ชื่อเดิมของหน่วยงานนี้ เช่น สพม. เขต 25 (ข้อความกล่าวถึงได้)")
    parents: list[str] = Field(description="หน่วยงานต้นสังกัด (บนปก)")
    address: Address = Field(description="ที่อยู่")
    phone: Phone = Field(description="หมายเลขโทรศัพท์")
    phone_ext: Extension = Field("", description="เบอร์ต่อ (ถ้ามี)")
    fax: OptionalPhone = Field("", description="โทรสาร")
    email: Email = Field("", description="อีเมล")
    website: OptionalWebAddress = Field("", description="เว็บไซต์")
    facebook: OptionalWebAddress = Field("", description="เฟซบุ๊ก")
    hotline: OptionalPhone = Field("", description="สายตรงผู้อำนวยการ")
    director: Person | None = Field(None, description="ผู้อำนวยการ")
    units: dict[str, str] = Field(description="กลุ่มงาน: รหัส: ชื่อ (ข้อความอ้างถึงด้วย {unit.รหัส})")
    complaint_channels: list[Prose] = Field([], description="ช่องทางร้องเรียน")
    background: list[Prose] | None = Field(None, description="ความเป็นมาของทุกเอกสารของหน่วยงานนี้ แทนของกรอบการประเมิน")
    style: Style = Field(Style(), description="รูปแบบที่หน่วยงานเลือก")
