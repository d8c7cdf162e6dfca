"""An office's facts: names, address, contacts, units, complaint channels, style."""
from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from .base import Prose, Strict


class Address(Strict):
    line: str = Field(description="เลขที่ หมู่ที่ ถนน")
    subdistrict: str = Field(description="ตำบล")
    district: str = Field(description="อำเภอ")
    province: str = Field(description="จังหวัด")
    postcode: str = Field(description="รหัสไปรษณีย์")


class Person(Strict):
    name: str = Field(description="ชื่อ")
    position: str = Field(description="ตำแหน่ง")


class Margins(Strict):
    top: Decimal = Field(Decimal("2.5"), description="ขอบบน (ซม.)")
    bottom: Decimal = Field(Decimal("2"), description="ขอบล่าง (ซม.)")
    left: Decimal = Field(Decimal("3"), description="ขอบซ้าย (ซม.)")
    right: Decimal = Field(Decimal("2"), description="ขอบขวา (ซม.)")


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
    parents: list[str] = Field(description="หน่วยงานต้นสังกัด (บนปก)")
    address: Address = Field(description="ที่อยู่")
    phone: str = Field(description="หมายเลขโทรศัพท์")
    phone_ext: str = Field("", description="เบอร์ต่อ (ถ้ามี)")
    fax: str = Field("", description="โทรสาร")
    email: str = Field("", description="อีเมล")
    website: str = Field("", description="เว็บไซต์")
    facebook: str = Field("", description="เฟซบุ๊ก")
    hotline: str = Field("", description="สายตรงผู้อำนวยการ")
    director: Person | None = Field(None, description="ผู้อำนวยการ")
    units: dict[str, str] = Field(description="กลุ่มงาน: รหัส: ชื่อ (ข้อความอ้างถึงด้วย {unit.รหัส})")
    complaint_channels: list[Prose] = Field([], description="ช่องทางร้องเรียน")
    background: list[Prose] | None = Field(None, description="ความเป็นมาของทุกเอกสารของหน่วยงานนี้ แทนของกรอบการประเมิน")
    style: Style = Field(Style(), description="รูปแบบที่หน่วยงานเลือก")
