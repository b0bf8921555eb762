"""Small PNG charts for officials: declarations per day, stacked by risk level.

matplotlib is imported on the first chart, so commands that draw none start fast.
"""

from __future__ import annotations

import io
from datetime import date
from math import ceil

import messages
from handlers.triage import LEVELS

COLOURS = {"green": "#2e7d32", "yellow": "#f9a825", "red": "#c62828"}
SIZE_INCHES = (8, 4)
DPI = 100  # 800 x 400 pixels
MARGINS = {"left": 0.1, "right": 0.98, "top": 0.9, "bottom": 0.1}  # fixed: a computed layout doubles the time
MAX_LABELS = 12  # day labels under the bars; more would overlap
BAR_HALF_WIDTH = 0.35


def daily_chart_png(days: list[tuple[date, dict[str, int]]], title: str, locale: str = "vi") -> bytes:
    """A stacked bar chart of declarations per day (xanh, vàng, đỏ from the bottom) as PNG bytes.

    Draws on a standalone Figure (no pyplot), so nothing is registered globally and nothing needs closing.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=SIZE_INCHES, dpi=DPI)
    figure.subplots_adjust(**MARGINS)
    axes = figure.add_subplot()
    bottoms = [0] * len(days)
    for level in LEVELS:
        heights = [counts.get(level, 0) for _, counts in days]
        axes.add_collection(PolyCollection(
            [_bar(index, bottom, height) for index, (bottom, height) in enumerate(zip(bottoms, heights, strict=True))],
            facecolors=COLOURS[level], label=messages.t(locale, f"reports.level.{level}"),
        ))
        bottoms = [bottom + height for bottom, height in zip(bottoms, heights, strict=True)]
    axes.set_xlim(-0.6, len(days) - 0.4)
    labelled = range(len(days) - 1, -1, -ceil(len(days) / MAX_LABELS))  # always the last day
    axes.set_xticks(list(labelled), [days[index][0].strftime("%d/%m") for index in labelled], fontsize=8)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylim(bottom=0, top=max([*bottoms, 1]) * 1.25)
    axes.set_ylabel(messages.t(locale, "reports.chart.count"))
    axes.set_title(title)
    axes.legend(loc="upper left", ncols=3, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _bar(index: int, bottom: int, height: int) -> list[tuple[float, float]]:
    """The corners of one bar segment (one collection per level draws much faster than a patch per bar)."""
    left, right = index - BAR_HALF_WIDTH, index + BAR_HALF_WIDTH
    return [(left, bottom), (left, bottom + height), (right, bottom + height), (right, bottom)]
