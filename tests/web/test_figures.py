"""The overview's figures: one count per area at a time, stale figures served while a new count runs; the map."""

from __future__ import annotations

import asyncio

from bot.web import figures
from bot.web.figures import RecentFigures
from bot.web.map import centroids, layout, shade
from tests.web.helpers import COMMUNE_A, COMMUNE_B, PROVINCE, declarations


async def test_concurrent_viewers_share_one_count_and_stale_figures_are_served(database, settings, clock,
                                                                               monkeypatch) -> None:
    await declarations(database, COMMUNE_A, 3, clock.now)
    counted = []
    real = figures.count

    async def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        counted.append(args[3])
        await asyncio.sleep(0.05)
        return await real(*args, **kwargs)

    monkeypatch.setattr(figures, "count", counting)
    recent = RecentFigures(database, settings)
    async with database.transaction() as session:
        first = await recent.get(session, PROVINCE, 7, clock.now)
        assert first.periods[1]["red"] == 3
        assert (await recent.get(session, PROVINCE, 7, clock.now)) is first
    assert counted == [PROVINCE]
    await declarations(database, COMMUNE_B, 2, clock.now, prefix="B")
    clock.advance(minutes=2)
    async with database.transaction() as session:
        stale = await recent.get(session, PROVINCE, 7, clock.now)
    assert stale is first  # served at once while the recount runs in its own transaction
    await asyncio.gather(*recent.counting.values())
    async with database.transaction() as session:
        fresh = await recent.get(session, PROVINCE, 7, clock.now)
    assert fresh.periods[1]["red"] == 5 and counted == [PROVINCE, PROVINCE]
    rows = {row["code"]: row for row in fresh.table}
    assert rows[COMMUNE_A]["red"] == 3 and rows[COMMUNE_B]["red"] == 2 and len(rows) > 100


def test_the_map_places_communes_by_their_centroids() -> None:
    assert centroids()[COMMUNE_A][0] > 20.9  # Hà Nội, about 21° N
    points, height = layout({COMMUNE_A: (10.0, 5, "A", "/a"), COMMUNE_B: (0.0, 1, "B", "/b"), "99999": (1, 1, "", "")})
    assert [point.code for point in points] == [COMMUNE_B, COMMUNE_A]  # an unknown code is left off the map
    assert height > 0 and all(0 <= point.x <= 640 and 0 <= point.y <= height for point in points)
    assert shade(10, 10) == "#7a0177" and shade(0, 10) == "#fde0dd"
