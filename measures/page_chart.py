"""The indicator chart as the web page shows it: drawn for a phone's width, its labels at the
page's body size.

The document's chart (chart._draw) is 1200 px wide with the names left of the bars: on a
360 px screen its labels shrink to 6–7 px. Here each name stands on its own line(s) above its
bar, wrapped between Thai words, in an image WIDTH_CSS px wide drawn at SCALE times that (sharp
on a phone's screen); site.css keeps it at most that wide on a large screen.
"""
from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from .analyse import r2
from .thai import thai_digits

WIDTH_CSS = 340          # CSS px: a 360 px phone's text column (site.css: body padding 0.75rem)
SCALE = 2                # image px per CSS px
DPI = 96 * SCALE         # a CSS px is 1/96 inch
LABEL_PT = 13.5          # 18 CSS px: the page's body text (html font-size 112.5 %)
SMALL_PT = 12            # 16 CSS px: ticks and the axis' name
LABEL_PX = LABEL_PT * DPI / 72  # a label's em in image px, for the test of its size on screen

INK, MUTED, PASS = "#1b1b1b", "#454545", "#1565c0"


def draw_page(rows: list[tuple[str, Decimal, str]], pass_mark: Decimal, thai: bool) -> bytes:
    """The PNG: rows top to bottom (label, score, colour; a label indented with spaces is a sub-indicator)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.font_manager import FontProperties
    from matplotlib.patches import Rectangle

    from .chart import sarabun

    fmt = thai_digits if thai else str
    label_font = FontProperties(family=sarabun(), size=LABEL_PT)
    small_font = FontProperties(family=sarabun(), size=SMALL_PT)
    width = WIDTH_CSS * SCALE
    em = LABEL_PX
    pad, line, bar, gap = 0.3 * em, 1.35 * em, 0.75 * em, 0.5 * em
    below = 0.25 * em  # room under a name for the marks below Thai letters (ุ ู ฺ), clear of its bar
    fig = plt.figure(figsize=(width / DPI, 4), dpi=DPI)
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg's canvas has it

    def text_width(text: str, font: Any) -> float:
        return float(renderer.get_text_width_height_descent(text, font, ismath=False)[0])

    value_room = text_width(fmt("100.00"), label_font) + 0.3 * em
    x0, x1 = pad + 0.7 * em, width - pad - value_room  # left: room for half the first tick's label
    mark = float(pass_mark)
    scores = [float(score) for _, score, _ in rows]
    low = max(0, (int(min(*scores, mark)) // 10) * 10 - 10)  # as the document's chart

    def x(value: float) -> float:
        return x0 + (x1 - x0) * (value - low) / (100 - low)

    # Lay out first (wrapped names, bar positions), then size the figure to fit.
    placed = []
    y = pad + line  # the pass line's label above the first row
    for label, score, colour in rows:
        sub = label.startswith(" ")
        indent = em if sub else 0.0
        lines = wrap(label.strip(), width - x0 - pad - indent, lambda t: text_width(fmt(t), label_font))
        placed.append((lines, y, indent, sub, float(score), r2(score), colour))
        y += len(lines) * line + below + bar + gap
    bars_end = y - gap
    height = bars_end + 2.6 * em
    fig.set_size_inches(width / DPI, height / DPI)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)  # image px, top down
    ax.axis("off")
    for lines, top, indent, sub, value, shown, colour in placed:
        for n, text in enumerate(lines):
            ax.text(x0 + indent, top + n * line, fmt(text), fontproperties=label_font, va="top", ha="left",
                    color=MUTED if sub else INK)
        y_bar = top + len(lines) * line + below
        ax.add_patch(Rectangle((x0, y_bar), max(x(value) - x0, 1), bar, color=colour))
        # The pass line crosses the bars only, never a name.
        ax.plot([x(mark)] * 2, [y_bar - 0.15 * em, y_bar + bar + 0.15 * em], color=PASS, linestyle=(0, (2, 1.5)),
                linewidth=1.5 * SCALE)
        ax.text(x(value) + 0.15 * em, y_bar + bar / 2, fmt(str(shown)), fontproperties=label_font,
                va="center", ha="left", color=INK)
    ax.text(x(mark), pad, fmt(f"เกณฑ์ผ่าน {r2(pass_mark)}"), fontproperties=label_font, va="top",
            ha="center" if x(mark) < width - 4 * em else "right", color=PASS)
    step = 5 if 100 - low <= 30 else 10
    ax.plot([x0, x1], [bars_end + 0.2 * em] * 2, color=MUTED, linewidth=SCALE)
    for t in range(low, 101, step):
        ax.plot([x(t)] * 2, [bars_end + 0.2 * em, bars_end + 0.45 * em], color=MUTED, linewidth=SCALE)
        ax.text(x(t), bars_end + 0.5 * em, fmt(str(t)), fontproperties=small_font, va="top", ha="center", color=INK)
    ax.text((x0 + x1) / 2, bars_end + 1.55 * em, "คะแนน", fontproperties=small_font, va="top", ha="center",
            color=INK)
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    return out.getvalue()


def wrap(text: str, room: float, measure: Any) -> list[str]:
    """`text` in lines no wider than `room`, broken between Thai words (PyThaiNLP) or at spaces;
    a word wider than a line has a line of its own."""
    from pythainlp.tokenize import word_tokenize
    lines: list[str] = []
    current = ""
    for word in word_tokenize(text, engine="newmm", keep_whitespace=True):
        candidate = current + word
        if current and measure(candidate.rstrip()) > room:
            lines.append(current.rstrip())
            current = word.lstrip()
        else:
            current = candidate
    if current.strip():
        lines.append(current.rstrip())
    return lines
