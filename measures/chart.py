"""The bar chart of indicator scores with the pass line, as PNG bytes.

Labels are Thai, drawn with Sarabun from the fontpkg-sarabun package, so the
chart never depends on fonts the machine happens to have.
"""
from __future__ import annotations

import io
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot
import matplotlib.pyplot as plt

from .analyse import Analysis, r2
from .fonts import register_sarabun_for_matplotlib
from .thai import thai_digits


@lru_cache(maxsize=1)
def sarabun() -> str:
    return register_sarabun_for_matplotlib()


def indicator_chart(a: Analysis, thai: bool = False) -> bytes:
    fmt = (lambda s: thai_digits(s)) if thai else (lambda s: s)
    family = sarabun()
    with plt.rc_context({"font.family": family, "font.size": 13, "svg.hashsalt": "measures"}):
        fig, ax = plt.subplots(figsize=(8.0, 5.2), dpi=150)
        items = list(reversed(a.indicators))  # indicator 1 at the top
        labels = [fmt(f"{i.number}. {i.name}") for i in items]
        scores = [float(i.score) for i in items]
        colors = ["#2e7d32" if i.passed else "#c62828" for i in items]
        bars = ax.barh(labels, scores, color=colors, height=0.6)
        mark = float(a.framework.pass_mark)
        ax.axvline(mark, color="#1565c0", linestyle="--", linewidth=1.5)
        ax.text(mark, len(items) - 0.35, fmt(f" เกณฑ์ผ่าน {r2(a.framework.pass_mark)}"), color="#1565c0",
                va="bottom", ha="left", fontsize=12)
        for bar, i in zip(bars, items):
            ax.text(bar.get_width() + 0.4, bar.get_y() + bar.get_height() / 2, fmt(str(r2(i.score))),
                    va="center", fontsize=12)
        low = max(0, (int(min(*scores, mark)) // 10) * 10 - 10)
        ax.set_xlim(low, 104)  # room for the score labels right of the bars
        ticks = list(range(low, 101, 5 if 100 - low <= 50 else 10))
        ax.set_xticks(ticks)
        ax.set_xticklabels([fmt(str(t)) for t in ticks])
        ax.set_xlabel("คะแนน")
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        out = io.BytesIO()
        # No date or software stamp: the same scores give the same bytes.
        fig.savefig(out, format="png", metadata={"Software": None})
        plt.close(fig)
    return out.getvalue()
