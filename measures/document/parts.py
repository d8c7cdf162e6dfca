"""Parts every document has: the preface, the signatures, the office's own sections."""
from __future__ import annotations

from typing import Any

from .fill import Phrases
from .nodes import Block, Bullets, Column, Heading, Row, Section, Signatory, Signatures, Spacer, Table, Text

TEXT_WIDTH_CM = 16.0   # A4 less the reference's 3 cm and 2 cm margins
MIN_COLUMN_CM = 2.5


def preface(say: Phrases, ctx: dict[str, Any], paragraphs: list[str], date_text: str = "") -> Section:
    """คำนำ: its paragraphs, then the office (and the date) as it signs."""
    sign = [Text(ctx["office"]["name"], "signature")] + ([Text(date_text, "signature")] if date_text else [])
    return Section("preface", "preface", (*(Text(p) for p in paragraphs), Spacer(), *sign), say("PREFACE_TITLE"))


def signatures(say: Phrases, ctx: dict[str, Any], label: str) -> Signatures:
    return Signatures(say("SIGNED_ON") if ctx["date_text"] else "",
                      tuple(Signatory(s["name"], s["position"], s["caption"] or "") for s in ctx["signatories"]),
                      ctx["office"]["name"], label)


def office_sections(sections: list[dict[str, Any]], place: str) -> list[Block]:
    """The office's own sections placed here: a heading (in the contents) and its blocks."""
    out: list[Block] = []
    for n, s in enumerate(sections, 1):
        sid = f"section-{place}-{n}"
        out.append(Section("office-section", sid, (Heading(2, s["heading"], sid),
                                                   *_blocks(s["body"].items, sid, s["heading"]))))
    return out


def _blocks(blocks: list[Any], sid: str, heading: str) -> list[Block]:
    out: list[Block] = []
    tables = sum(1 for b in blocks if b.table is not None)
    count = 0
    for n, b in enumerate(blocks):
        if b.text:  # a lead-in stays with the table or list it introduces
            out.append(Text(b.text, keep=n + 1 < len(blocks) and not blocks[n + 1].text))
        elif b.list:  # a short list is not split across pages
            out.append(Bullets(tuple(b.list), keep=True))
        elif b.table is not None:
            count += 1
            widths = column_widths([b.table.columns, *b.table.rows])
            caption = heading + (f" ตารางที่ {count}" if tables > 1 else "")
            out += [Table(f"{sid}-t{count}", caption, tuple(Column(c, w) for c, w in zip(b.table.columns, widths)),
                          tuple(Row(tuple(r)) for r in b.table.rows), caption_visible=False), Spacer()]
    return out


def column_widths(rows: list[list[str]]) -> list[float]:
    """Widths in cm shared out by how much text each column holds, none narrower than a word."""
    weights = [max(sum(len(row[c]) for row in rows), 1) for c in range(len(rows[0]))]
    spare = TEXT_WIDTH_CM - MIN_COLUMN_CM * len(weights)
    return [round(MIN_COLUMN_CM + spare * w / sum(weights), 2) for w in weights]
