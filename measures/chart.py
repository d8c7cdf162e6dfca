"""The bar chart of indicator scores with the pass line, as PNG bytes.

Labels are Thai, drawn with the Sarabun shipped in the package (measures/data/fonts),
so the chart never depends on fonts the machine happens to have.
"""
from __future__ import annotations

import io
import json
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .analyse import Analysis, r2
from .cache import Cache, key
from .thai import thai_digits

Row = tuple[str, Decimal, str]  # label, score, colour


@lru_cache(maxsize=1)
def sarabun() -> str:
    from .fonts import register_sarabun_for_matplotlib
    return register_sarabun_for_matplotlib()


def _rows(a: Analysis) -> list[Row]:
    """Each indicator, then its sub-indicators when the results give them (lighter, indented)."""
    rows: list[Row] = []
    for i in a.indicators:
        rows.append((f"{i.number}. {i.name}", i.score, "#2e7d32" if i.passed else "#c62828"))
        rows += [(f"      {s.number} {s.name}", s.score,
                  "#81c784" if r2(s.score) >= a.framework.pass_mark else "#e57373")
                 for s in a.subindicators if s.indicator == i.number]
    return rows


def indicator_chart(a: Analysis, thai: bool = False, cache: Cache | None = None, page: bool = False) -> bytes:
    """The chart's PNG; drawn (matplotlib imported) only when `cache` has none for these scores.
    `page`: the web page's layout (page_chart.py), legible on a phone; else the document's."""
    rows = _rows(a)
    if not page:
        rows.reverse()  # barh draws upwards: indicator 1 at the top
    cache = cache or Cache(None)
    k = key("chart-page" if page else "chart",
            json.dumps([rows, str(a.framework.pass_mark), thai], default=str, ensure_ascii=False))
    png = cache.get("chart", k)
    if png is None:
        if page:
            from .page_chart import draw_page
            png = draw_page(rows, a.framework.pass_mark, thai)
        else:
            png = _draw(rows, a.framework.pass_mark, thai)
        cache.put("chart", k, png)
    return png


def _draw(rows: list[Row], pass_mark: Decimal, thai: bool) -> bytes:
    import matplotlib
    matplotlib.use("Agg")  # no display; must precede pyplot
    import matplotlib.pyplot as plt

    fmt = (lambda s: thai_digits(s)) if thai else (lambda s: s)
    family = sarabun()
    mark = float(pass_mark)
    with plt.rc_context({"font.family": family, "font.size": 13, "svg.hashsalt": "measures"}):
        fig, ax = plt.subplots(figsize=(8.0, 5.2 if len(rows) <= 10 else 0.42 * len(rows) + 1.0), dpi=150)
        labels = [fmt(label) for label, _, _ in rows]
        scores = [float(score) for _, score, _ in rows]
        bars = ax.barh(labels, scores, color=[color for _, _, color in rows], height=0.6)
        ax.axvline(mark, color="#1565c0", linestyle="--", linewidth=1.5)
        passing = ax.text(mark, len(rows) - 0.35, fmt(f" เกณฑ์ผ่าน {r2(pass_mark)}"), color="#1565c0",
                va="bottom", ha="left", fontsize=12)
        values = [
            ax.text(bar.get_width() + 0.4, bar.get_y() + bar.get_height() / 2, fmt(str(r2(score))),
                    va="center", fontsize=12)
            for bar, (_, score, _) in zip(bars, rows)]
        low = max(0, (int(min(*scores, mark)) // 10) * 10 - 10)
        ax.set_xlim(low, 104)  # room for the score labels right of the bars
        ticks = list(range(low, 101, 5 if 100 - low <= 50 else 10))
        ax.set_xticks(ticks)
        ax.set_xticklabels([fmt(str(t)) for t in ticks])
        ax.set_xlabel("คะแนน")
        ax.spines[["top", "right"]].set_visible(False)
        _margins(fig, ax, [passing, *values], low, 104)
        out = io.BytesIO()
        # No date or software stamp: the same scores give the same bytes. zlib level 1: a
        # third of level 6's time for a file a few per cent larger.
        fig.savefig(out, format="png", metadata={"Software": None}, pil_kwargs={"compress_level": 1})
        plt.close(fig)
    return out.getvalue()


def _margins(fig: Any, ax: Any, values: list[Any], low: float, high: float) -> None:
    """Room for the widest indicator name on the left, the score printed past the longest bar
    on the right, the axis label below: what tight_layout finds, measured on those texts
    alone (tight_layout lays out every artist, a quarter of the chart's time)."""
    renderer = fig.canvas.get_renderer()
    width, height, dpi = fig.bbox.width, fig.bbox.height, fig.dpi
    left = max(t.get_window_extent(renderer).width for t in ax.get_yticklabels()) + dpi * 0.18
    edge = width - dpi * 0.05
    # A score's text starts at its data x; the axes' right end is where the widest fits.
    right = min([edge] + [left + (edge - t.get_window_extent(renderer).width - left) * (high - low)
                          / (t.get_position()[0] - low) for t in values])
    fig.subplots_adjust(left=left / width, right=right / width,
                        bottom=dpi * 0.72 / height,  # tick labels and "คะแนน"
                        top=1 - dpi * 0.30 / height)  # the pass line's label
