"""New content for an office, with every fact and note a marked blank (never another office's words).

A blank is a text `<กรอก: what to write>`. `measures check` lists every blank still to fill, in
file order; a build refuses while any is left. The files name their editor schema so an
editor completes keys while the officer types.
"""
from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import yaml

from .analyse import IncompleteResults, analyse, r2
from .blanks import blank
from .load import Content
from .problems import ContentError, Problem
from .schema import Framework
from .write import write_folder
from .yamlfile import read_yaml


def schema_line(path: Path, kind: str, content: Content) -> str:
    """The line that tells an editor (VS Code's YAML extension) which schema a file follows."""
    target = content.project.root / "schemas" / f"{kind}.schema.json"
    return f"# yaml-language-server: $schema={os.path.relpath(target, path.parent)}\n"


def _units(content: Content) -> list[str]:
    """The unit keys the standard measures name: every office must define them."""
    measures, _ = content.load_measures([])
    return list(dict.fromkeys(k for m in measures for k in m.responsible))


def office_yaml(office_id: str, units: list[str]) -> str:
    unit_lines = "".join(f"  {k}: {blank('ชื่อกลุ่มงานหรือผู้รับผิดชอบ ที่มาตรการกลางเรียกว่า ' + k)}\n" for k in units)
    return (f"""# ข้อมูลของหน่วยงาน: ทุกข้อความ <กรอก: …> ต้องแทนด้วยข้อมูลจริงของหน่วยงานนี้ก่อนสร้างเอกสาร
# (measures check จะแสดงรายการที่ยังไม่ได้กรอก) ข้อความในเอกสารอ้างถึงข้อมูลเหล่านี้ด้วย {{office.name}} เป็นต้น
id: {office_id}
name: {blank('ชื่อเต็มของหน่วยงาน')}
short_name: {blank('ชื่อย่อ เช่น สพป.… เขต …')}
parents:
  - สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน
  - กระทรวงศึกษาธิการ
address:
  line: {blank('เลขที่ หมู่ที่ ถนน')}
  subdistrict: {blank('ตำบล (ไม่ต้องพิมพ์คำว่าตำบล)')}
  district: {blank('อำเภอ (ไม่ต้องพิมพ์คำว่าอำเภอ)')}
  province: {blank('จังหวัด (ไม่ต้องพิมพ์คำว่าจังหวัด)')}
  postcode: {blank('รหัสไปรษณีย์')}
phone: {blank('หมายเลขโทรศัพท์')}
phone_ext: ""        # เบอร์ต่อ ถ้ามี
fax: ""
email: {blank('อีเมลของหน่วยงาน')}
website: {blank('เว็บไซต์ของหน่วยงาน เช่น http://www….go.th')}
facebook: ""
hotline: ""          # สายตรงผู้อำนวยการ ถ้ามี
director:
  name: {blank('ชื่อผู้อำนวยการ')}
  position: {blank('ตำแหน่ง เช่น ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา…')}
units:               # กลุ่มงานที่มาตรการอ้างถึงด้วย {{unit.ชื่อ}}
{unit_lines}complaint_channels:  # ช่องทางร้องเรียนของหน่วยงาน (ใช้ {{office.phone_with_ext}} {{office.email}} ได้)
  - {blank('ช่องทางร้องเรียนที่ 1')}
  - {blank('ช่องทางร้องเรียนที่ 2')}
style:
  digits: arabic     # thai สำหรับเลขไทยทั้งเล่ม
""")


def results_yaml(framework: Framework, history: dict[int, Decimal] | None = None) -> str:
    scores, subs = [], []
    for ind in framework.indicators:
        if ind.subindicators:
            subs += [f'  "{s.number}": {blank(f"คะแนนตัวชี้วัดย่อยที่ {s.number} {s.name}")}\n'
                     for s in ind.subindicators]
        else:
            key = ind.number if ind.number.isdigit() and not ind.number.startswith("0") else f'"{ind.number}"'
            scores.append(f"  {key}: {blank(f'คะแนนตัวชี้วัดที่ {ind.number} {ind.name}')}\n")
    return (f"""# ผลการประเมิน ITA ปี {framework.year} ตามรายงานของผู้ประเมิน: กรอกคะแนนเป็นตัวเลข ทศนิยม 2 ตำแหน่ง
# ตัวชี้วัดที่มีตัวชี้วัดย่อยให้กรอกคะแนนตัวชี้วัดย่อย ระบบคำนวณคะแนนตัวชี้วัดให้
# (ถ้ามีเฉพาะคะแนนตัวชี้วัด ให้ลบ subscores แล้วกรอกคะแนนตัวชี้วัดใน scores แทน)
framework: {framework.id}
year: {framework.year}
scores:
{''.join(scores)}subscores:
{''.join(subs)}# national: {{average: 0.00, rank: 1, of: 245}}   # ผลระดับประเทศ ถ้ามี
""" + (history_yaml(history) if history else "# history: {2566: 0.00}   # คะแนนรวมของปีก่อน ๆ ถ้ามี\n"))


def history_yaml(history: dict[int, Decimal]) -> str:
    lines = "".join(f"  {y}: {r2(v)}\n" for y, v in sorted(history.items()))
    return "# คะแนนรวมของปีก่อน ๆ: จากไฟล์ผลการประเมินของปีก่อน (ปีล่าสุดคำนวณจากคะแนน ไม่ได้พิมพ์)\nhistory:\n" + lines


def publication_yaml(year: int, framework: Framework, carried: dict[str, object] | None = None) -> str:
    what = "ผลการประเมินด้วย {} ชี้ให้เห็นอะไร (ลบทั้งข้อถ้าเครื่องมือนี้ไม่ใช่จุดแข็ง)"
    tools = "".join(f"    {t.code}:\n      - {blank(what.format(t.code))}\n" for t in framework.tools)
    return (f"""# เอกสารปีงบประมาณ {year}: ตัวเลขทุกตัวในเอกสารคำนวณจากไฟล์ผลการประเมิน ข้อความนี้มีเฉพาะถ้อยคำของสำนักงาน
# ให้เขียนใหม่ทั้งหมดสำหรับผลการประเมินของหน่วยงานนี้ อย่าคัดลอกจากปีก่อนหรือหน่วยงานอื่น
# about: บอกว่าข้อนั้นเกี่ยวกับอะไร: รหัสเครื่องมือ (OIT) ตัวชี้วัด ("9") หรือตัวชี้วัดย่อย ("9.5")
year: {year}
results: ita-{framework.year}.yaml
analysis:
  strengths:
{tools}  weaknesses:
    - about: {blank('ตัวชี้วัดหรือตัวชี้วัดย่อยที่ได้คะแนนต่ำ เช่น 9.5')}
      text: {blank('จุดอ่อนของข้อนี้ตามผลการประเมิน')}
  improvements:
    - indicator: {blank('ตัวชี้วัดหรือตัวชี้วัดย่อย เช่น 9.5')}
      issue:
        - {blank('ประเด็นการประเมินที่ยังไม่ได้คะแนน')}
      improve:
        - {blank('สิ่งที่จะพัฒนา')}
  practice_intro: ""
  practice:
    - about: {blank('ตัวชี้วัดหรือตัวชี้วัดย่อย เช่น 9.5')}
      measure: {blank('แนวทางปฏิบัติ')}
      steps:
        - {blank('ขั้นตอนหรือวิธีการ')}
      responsible: []    # รหัสกลุ่มงานจาก units ใน office.yaml
      timing: ""
      monitoring: {blank('การกำกับติดตาม')}
  actions:
    - about: {blank('ตัวชี้วัดหรือตัวชี้วัดย่อย เช่น 9.5')}
      text: {blank('แนวทางเร่งด่วน')}
""" + (_carried(carried) if carried is not None else f"""motto: []
measures: {{}}
sections: []
signatories:
  - name: {blank('ชื่อผู้ลงนาม')}
    position: ผู้อำนวยการ{{office.name}}
"""))


# What belongs to the office rather than to one year's result: carried into the next year.
CARRIED = ("background", "motto", "measures", "own_measures", "sections", "signatories")


def _carried(data: dict[str, object]) -> str:
    kept = {k: data[k] for k in CARRIED if k in data and data[k] not in (None, [], {})}
    text = yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=1000) if kept else ""
    return ("# ส่วนต่อไปนี้ยกมาจากปีก่อน (ข้อความของสำนักงาน มาตรการที่ปรับ ส่วนของสำนักงานเอง ผู้ลงนาม): "
            "ตรวจว่ายังเป็นจริงสำหรับปีนี้\n" + text)


def new_office(content: Content, office_id: str, year: int, assessed: int | None = None) -> list[Path]:
    """Create content/offices/<id>/ for a publication of `year` analysing ITA `assessed`."""
    assessed = assessed if assessed is not None else year - 1
    base = content.root / "offices" / office_id
    if base.exists():
        raise ContentError([Problem(str(base), None, "", "มีโฟลเดอร์ของหน่วยงานนี้อยู่แล้ว ไม่เขียนทับ")])
    problems: list[Problem] = []
    framework = content.load_framework(f"ita-{assessed}", problems)
    if framework is None:
        raise ContentError(problems)
    files = {base / "office.yaml": ("office", office_yaml(office_id, _units(content))),
             base / str(year) / "publication.yaml": ("publication", publication_yaml(year, framework)),
             base / str(year) / f"ita-{assessed}.yaml": ("results", results_yaml(framework))}
    write_folder(base, _checked(files, base, content))  # the whole office, or nothing
    return list(files)


def new_year(content: Content, office_id: str, year: int, assessed: int | None = None) -> list[Path]:
    """Start the publication of `year` from the office's latest one: what belongs to the office
    is carried forward; the new result's scores and every note of the year are blanks; the
    results file's history holds the earlier totals, the last one computed from its scores."""
    years = [y for y in content.publication_years(office_id) if y < year]
    if not years:
        raise ContentError([Problem(office_id, None, "", f"หน่วยงานนี้ยังไม่มีเอกสารปีก่อน {year} "
                                                         "ให้เริ่มด้วย measures new-office")])
    base = content.office_dir(office_id)
    if (base / str(year)).exists():
        raise ContentError([Problem(content.shown(base / str(year)), None, "", "มีโฟลเดอร์ของปีนี้อยู่แล้ว ไม่เขียนทับ")])
    last = content.load(office_id, years[-1])  # must load: carrying a broken year forward helps no one
    if assessed is None:  # the office's habit: its last publication analysed this many years back
        assessed = year - (last.publication.year - last.results.year)
    if assessed <= last.results.year:
        raise ContentError([Problem(office_id, None, "", f"ผลการประเมินปี {assessed} ไม่ใหม่กว่าปี "
                                                         f"{last.results.year} ที่เอกสารปี {years[-1]} ใช้แล้ว")])
    problems: list[Problem] = []
    framework = content.load_framework(f"ita-{assessed}", problems)
    if framework is None:
        raise ContentError(problems)
    try:
        total = analyse(last.framework, last.results).total
    except IncompleteResults as exc:  # pragma: no cover - load() has checked the scores
        raise ContentError([Problem(office_id, None, "", "; ".join(exc.problems))]) from None
    history = {y: v for y, v in last.results.history.items() if y < last.results.year}
    history[last.results.year] = total
    carried = read_yaml(base / str(years[-1]) / "publication.yaml").data
    files = {base / str(year) / "publication.yaml": ("publication", publication_yaml(year, framework, carried)),
             base / str(year) / f"ita-{assessed}.yaml": ("results", results_yaml(framework, history))}
    write_folder(base / str(year), _checked(files, base / str(year), content))  # the whole year, or nothing
    return list(files)


def _checked(files: dict[Path, tuple[str, str]], folder: Path, content: Content) -> dict[str, bytes]:
    """Each file's text under its schema line, each read back as YAML before anything is
    written, by its name within `folder`."""
    out = {}
    for path, (kind, body) in files.items():
        text = schema_line(path, kind, content) + body
        yaml.safe_load(text)  # what we write must read back
        out[str(path.relative_to(folder))] = text.encode("utf-8")
    return out
