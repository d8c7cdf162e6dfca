"""The sentences of the analysis, chosen by the result they describe.

A hand-edited document keeps last year's sentence ("ไม่ผ่านเกณฑ์ 2 ตัวชี้วัด") after the
result has changed. Here every sentence that depends on the result is built from it, with
a branch for each case: nothing failed, one or several failed, everything failed, a tool
below its own minimum, every item at full marks. The template only places them.
"""
from __future__ import annotations

from decimal import Decimal

from .analyse import Analysis, IndicatorResult, Item, ToolResult, r2
from .progress import Round, Tally
from .thai import join_thai


def fmt(value: Decimal) -> str:
    return f"{r2(value):.2f}"


def weight(value: Decimal) -> str:
    return f"{value.normalize():f}"


def indicator_text(i: IndicatorResult | Item) -> str:
    label = i.label if isinstance(i, Item) else f"ตัวชี้วัดที่ {i.number} {i.name}"
    return f"{label} คะแนน {fmt(i.score)}"


def verdict(a: Analysis) -> str:
    """Whether the result passed, and by which rule when only a tool's own minimum failed it."""
    mark = fmt(a.framework.pass_mark)
    if a.capped_by and a.uncapped is not None and r2(a.total) >= a.framework.pass_mark:
        below = f"คะแนนเฉลี่ยของ {join_thai(list(a.capped_by))} ต่ำกว่า {fmt(_cap_mark(a))} คะแนน"
        was = f"ระดับ {a.uncapped.code} ({a.uncapped.name})"
        if a.passed:
            return f"ผ่านเกณฑ์ (ร้อยละ {mark} ขึ้นไป) แต่ระดับผลการประเมินลดลงจาก{was} เนื่องจาก{below}"
        return f"ไม่ผ่านเกณฑ์ เนื่องจาก{below} ระดับผลการประเมินจึงลดลงจาก{was} แม้คะแนนรวมจะถึงร้อยละ {mark}"
    if a.passed:
        return f"ผ่านเกณฑ์ (ร้อยละ {mark} ขึ้นไป)"
    low = a.tools_below_threshold
    if low and r2(a.total) >= a.framework.pass_mark:
        return (f"ไม่ผ่านเกณฑ์ เนื่องจากคะแนนเฉลี่ยของ {join_thai([t.code for t in low])} ต่ำกว่าเกณฑ์ขั้นต่ำของเครื่องมือ "
                f"แม้คะแนนรวมจะถึงร้อยละ {mark}")
    return f"ไม่ผ่านเกณฑ์ (ร้อยละ {mark} ขึ้นไป)"


def strengths(a: Analysis) -> str:
    passed = [i for i in a.ranked if i.passed]
    mark = fmt(a.framework.pass_mark)
    n = len(a.indicators)
    groups = " ".join(f"ระดับ {lv.name} จำนวน {len(ok)} ตัวชี้วัด ได้แก่ {join_thai([indicator_text(i) for i in ok])}"
                      for lv, members in a.by_level() if (ok := [i for i in members if i.passed]))
    if not passed:
        head = f"จากผลการประเมิน ไม่มีตัวชี้วัดที่ผ่านเกณฑ์ (ร้อยละ {mark} ขึ้นไป)"
    elif len(passed) == n:
        head = f"จากผลการประเมิน ตัวชี้วัดทั้ง {n} ตัวชี้วัดผ่านเกณฑ์ (ร้อยละ {mark} ขึ้นไป) โดย{groups}"
    else:
        head = (f"จากผลการประเมิน มีตัวชี้วัดที่ผ่านเกณฑ์ (ร้อยละ {mark} ขึ้นไป) จำนวน {len(passed)} ตัวชี้วัด "
                f"จากทั้งหมด {n} ตัวชี้วัด โดย{groups}")
    return f"{head} เมื่อเรียงคะแนนทุกตัวชี้วัดจากมากไปหาน้อย ได้ดังนี้ {join_thai([indicator_text(i) for i in a.ranked])}"


def tool_summary(a: Analysis, t: ToolResult) -> str:
    members = [a.indicator(n) for n in t.indicators]
    failed = [i for i in members if not i.passed]
    if not failed:
        verdict = "ผ่านเกณฑ์ทุกตัวชี้วัด" if len(members) > 1 else "ผ่านเกณฑ์"
    elif len(failed) == len(members):
        verdict = "ไม่ผ่านเกณฑ์ทุกตัวชี้วัด" if len(members) > 1 else "ไม่ผ่านเกณฑ์"
    else:
        verdict = f"ไม่ผ่านเกณฑ์ {len(failed)} ตัวชี้วัด จาก {len(members)} ตัวชี้วัด"
    if t.below_threshold and t.threshold is not None:
        verdict += f" และคะแนนเฉลี่ยต่ำกว่าเกณฑ์ขั้นต่ำของเครื่องมือนี้ ({fmt(t.threshold)} คะแนน)"
    parts = []
    for lv, group in a.by_level():
        names = [i.name for i in group if i.tool == t.code]
        if names:
            parts.append(f"{join_thai(names)} อยู่ในระดับ {lv.name}")
    return (f"ได้คะแนนเฉลี่ย {fmt(t.average)} คิดเป็น {fmt(t.weighted)} คะแนน จาก {weight(t.weight)} คะแนน "
            f"{verdict} โดย" + " ".join(parts))


def weaknesses(a: Analysis) -> str:
    mark = fmt(a.framework.pass_mark)
    failed = sorted(a.failed, key=lambda i: (-i.score, a.position(i.number)))
    if failed:
        listed = join_thai([f"{indicator_text(i)} ระดับ {i.level.name}" for i in failed])
        return (f"จากผลการประเมิน มีตัวชี้วัดที่ไม่ผ่านเกณฑ์ (ต่ำกว่าร้อยละ {mark}) จำนวน {len(failed)} ตัวชี้วัด "
                f"ได้แก่ {listed}")
    return (f"จากผลการประเมิน ไม่มีตัวชี้วัดที่ต่ำกว่าเกณฑ์ (ร้อยละ {mark}) "
            "ประเด็นที่ยังไม่ได้คะแนนเต็มและได้คะแนนต่ำที่สุดตามลำดับเป็นประเด็นที่ควรพัฒนาต่อไป")


def thresholds(a: Analysis) -> list[str]:
    """One sentence per tool below the minimum its framework sets."""
    out = []
    for t in a.tools_below_threshold:
        assert t.threshold is not None
        also = (f" จึงไม่ผ่านเกณฑ์ แม้คะแนนรวม {fmt(a.total)} จะถึงเกณฑ์ {fmt(a.framework.pass_mark)} คะแนนก็ตาม"
                if r2(a.total) >= a.framework.pass_mark else "")
        out.append(f"ผลการประเมินด้วย{t.name} ({t.code}) ได้คะแนนเฉลี่ย {fmt(t.average)} "
                   f"ต่ำกว่าเกณฑ์ขั้นต่ำของเครื่องมือ ({fmt(t.threshold)} คะแนน){also}")
    return out


def _cap_mark(a: Analysis) -> Decimal:
    assert a.framework.cap is not None
    return a.framework.cap.below


def capped(a: Analysis) -> list[str]:
    """One sentence per tool that lowered the rating (method: capped)."""
    if a.uncapped is None:
        return []
    return [f"ผลการประเมินด้วย{t.name} ({t.code}) ได้คะแนนเฉลี่ย {fmt(t.average)} ต่ำกว่า {fmt(_cap_mark(a))} คะแนน "
            f"ระดับผลการประเมินจึงลดลงจากระดับ {a.uncapped.code} ({a.uncapped.name}) เป็นระดับ {a.level.code} "
            f"({a.level.name})" for t in a.tools if t.code in a.capped_by]


def priorities(a: Analysis, focus: str | None) -> str:
    """What to fix first and what next, at the finest level the results give."""
    weakest = a.weakest_items(focus)
    if not weakest:
        return "ทุกตัวชี้วัดได้คะแนนเต็ม ประเด็นที่ควรพัฒนาต่อไปคือการรักษามาตรฐานการดำเนินงานไว้"
    first, rest = weakest[0], weakest[1:]
    urgent = r2(first.score) < a.framework.pass_mark
    text = (f"ประเด็นที่ต้องแก้ไขโดยเร่งด่วน คือ {indicator_text(first)}" if urgent else
            f"ประเด็นที่ควรพัฒนาเป็นลำดับแรก คือ {indicator_text(first)}")
    if focus and focus == first.number and first.number != _lowest(a):
        text += " ซึ่งสำนักงานเลือกเป็นจุดเน้นในการพัฒนา"
    if rest:
        text += f" และประเด็นที่ควรพัฒนาลำดับถัดไป คือ {join_thai([indicator_text(i) for i in rest])}"
    return text


def _lowest(a: Analysis) -> str | None:
    weakest = a.weakest_items()
    return weakest[0].number if weakest else None


def target(a: Analysis, goal: Decimal | None, office: str, next_year: int) -> str:
    if goal is None:
        return ""
    return (f"{office} ตั้งค่าเป้าหมายผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ "
            f"พ.ศ. {next_year} ไว้ไม่น้อยกว่า {fmt(goal)} คะแนน (ผลการประเมินปี {a.year} ได้ {fmt(a.total)} คะแนน)")


def actions_intro(a: Analysis, office: str) -> str:
    """The default lead-in to the urgent actions, when the office writes none."""
    if a.failed:
        return (f"{office} ได้นำผลการวิเคราะห์ตัวชี้วัดที่ไม่ผ่านเกณฑ์ (ต่ำกว่า {fmt(a.framework.pass_mark)} คะแนน) "
                "มากำหนดแนวทาง ดังนี้")
    return f"{office} ได้นำผลการวิเคราะห์ประเด็นที่ยังไม่ได้คะแนนเต็มมากำหนดแนวทาง ดังนี้"


def measures_step(a: Analysis, count: int) -> str:
    """The action that leads to the measures themselves."""
    mark = fmt(a.framework.pass_mark)
    what = (f"ที่มีผลการประเมินไม่ผ่านเกณฑ์คะแนน {mark}" if a.failed else
            f"ที่ยังไม่ได้คะแนนเต็ม แม้จะผ่านเกณฑ์คะแนน {mark} แล้ว")
    return (f"พิจารณาและทบทวนองค์ประกอบข้อมูล{what} เพื่อสรุปรวมจัดทำมาตรการภายในเพื่อป้องกันการทุจริต "
            f"จำนวน {count} มาตรการ ได้แก่")


# --------------------------------------------------------------------------- the progress report

def round_title(r: Round) -> str:
    from .thai import MONTHS
    first = f"1 ตุลาคม {r.year - 1}"
    if r.kind == "6m":
        return f"รอบ 6 เดือน ประจำปีงบประมาณ พ.ศ. {r.year} ({first} – 31 {MONTHS[2]} {r.year})"
    return f"รอบ 12 เดือน ประจำปีงบประมาณ พ.ศ. {r.year} ({first} – 30 {MONTHS[8]} {r.year})"


def progress_summary(r: Round, total: Tally, per: list[tuple[int, str, Tally]], office: str) -> list[str]:
    """The summary's sentences, from the same sums as its table; `per`: the measures' tallies
    (none when the report follows the office's own plan)."""
    from .progress import STATUS_TEXT
    if not total.count:
        return [f"ในรอบนี้ {office} ยังไม่มีกิจกรรมตามมาตรการที่บันทึกไว้"]
    s = total.by_status
    parts = [f"ดำเนินการแล้วเสร็จ {s['done']} กิจกรรม (ร้อยละ {fmt(total.done_share or Decimal(0))})"]
    parts += [f"{STATUS_TEXT[k]} {s[k]} กิจกรรม" for k in ("in_progress", "not_started", "not_due") if s[k]]
    out = [f"ในรอบนี้ {office} มีกิจกรรมตามแผนรวม {total.count} กิจกรรม {join_thai(parts)}"]
    if total.budget and total.spent is not None:
        out.append(f"ใช้งบประมาณรวม {total.spent:,.2f} บาท จากงบประมาณที่ได้รับ {total.budget:,.2f} บาท "
                   f"คิดเป็นร้อยละ {fmt(total.spent_share or Decimal(0))}")
    elif total.budget:
        out.append(f"งบประมาณที่ได้รับรวม {total.budget:,.2f} บาท ยังไม่มีข้อมูลการเบิกจ่าย")
    elif total.budget is None:
        out.append("ยังไม่มีข้อมูลงบประมาณของกิจกรรมในรอบนี้")
    else:
        out.append("กิจกรรมในรอบนี้ดำเนินการโดยไม่ใช้งบประมาณ")
    idle = [f"มาตรการที่ {n} {title}" for n, title, t in per if not t.count]
    if idle:
        out.append(f"มาตรการที่ไม่มีกิจกรรมในปีนี้ ได้แก่ {join_thai(idle)}")
    return out
