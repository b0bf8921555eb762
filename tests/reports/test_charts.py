"""The daily chart is a small PNG, made quickly, leaving no figures behind."""

from __future__ import annotations

import struct
import time
from datetime import date, timedelta

import pytest

from bot.records.charts import daily_chart_png

WEEK = [(date(2026, 11, 16) + timedelta(days=n), {"green": 10 + n, "yellow": n, "red": n // 2}) for n in range(7)]


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG header."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize(
    "days",
    [
        WEEK,
        [(date(2026, 10, 24) + timedelta(days=n), {"green": 9000 + n, "red": 40 * n}) for n in range(30)],
        [(date(2026, 11, 22), {})],
    ],
    ids=["week", "month", "empty"],
)
def test_chart_is_an_800_by_400_png(days: list[tuple[date, dict[str, int]]]) -> None:
    data = daily_chart_png(days, "Khai báo y tế 7 ngày qua — Xã Yên Mỹ, Hưng Yên")
    assert png_size(data) == (800, 400)
    assert 3_000 < len(data) < 200_000


def test_chart_is_fast_and_leaves_no_open_figure() -> None:
    daily_chart_png(WEEK, "khởi động")
    started = time.perf_counter()
    daily_chart_png(WEEK, "Khai báo y tế")
    assert time.perf_counter() - started < 1.0  # about 0.1 s; generous for busy CI machines
    from matplotlib import pyplot

    assert pyplot.get_fignums() == []
