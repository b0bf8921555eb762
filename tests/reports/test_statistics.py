"""Counts by risk level, per local day and per commune, each strictly limited to one area."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from storage import statistics
from storage.db import Database
from tests.reports.seed import (
    HOAN_KIEM,
    PHO_HIEN,
    YEN_MY,
    ZONE,
    declaration_row,
    insert_declarations,
    local,
    person_ids,
    seed,
)

NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)  # 09:00 in Hanoi
TODAY = local(22, 0)


def levels(green: int = 0, yellow: int = 0, red: int = 0) -> dict[str, int]:
    return {"green": green, "yellow": yellow, "red": red}


@pytest.fixture
async def seeded(database: Database) -> Database:
    await seed(database)
    return database


@pytest.mark.parametrize(
    ("area", "expected"),
    [
        (YEN_MY, levels(green=2, yellow=1, red=2)),
        (PHO_HIEN, levels(red=3)),
        ("33", levels(green=2, yellow=1, red=5)),
        (HOAN_KIEM, levels(green=2, red=1)),
        ("01", levels(green=2, red=1)),
        ("79", levels()),
    ],
)
async def test_level_counts_today_stay_inside_the_area(seeded: Database, area: str, expected: dict[str, int]) -> None:
    async with seeded.sessions() as session:
        assert await statistics.level_counts(session, area, TODAY, NOW) == expected


async def test_level_counts_take_a_half_open_range(seeded: Database) -> None:
    async with seeded.engine.connect() as connection:
        assert await statistics.level_counts(connection, YEN_MY, local(22, 0, 10), local(22, 7)) == levels(red=2)
        assert await statistics.level_counts(connection, YEN_MY, local(21, 0), local(22, 0)) == levels(yellow=1)


async def test_daily_counts_bucket_by_local_day(seeded: Database) -> None:
    async with seeded.sessions() as session:
        days = await statistics.daily_counts(session, YEN_MY, 7, NOW, ZONE)
    assert [day for day, _ in days] == [date(2026, 11, d) for d in range(16, 23)]
    assert days[-1] == (date(2026, 11, 22), levels(green=2, yellow=1, red=2))  # 00:10 local is 22/11
    assert days[-2] == (date(2026, 11, 21), levels(yellow=1))  # 23:30 local is still 21/11
    assert all(counts == levels() for _, counts in days[:-2])


async def test_daily_counts_of_a_province_over_ten_days(seeded: Database) -> None:
    async with seeded.sessions() as session:
        days = dict(await statistics.daily_counts(session, "33", 11, NOW, ZONE))
    assert days[date(2026, 11, 12)] == levels(green=1)
    assert days[date(2026, 11, 20)] == levels(green=1)
    assert days[date(2026, 11, 22)] == levels(green=2, yellow=1, red=5)
    assert sum(sum(counts.values()) for counts in days.values()) == 11


async def test_a_declaration_at_local_midnight_opens_the_new_day(database: Database) -> None:
    people = await person_ids(database, 2)
    await insert_declarations(database, [
        declaration_row(1, people[0], YEN_MY, local(22, 0), "red"),
        declaration_row(2, people[1], YEN_MY, local(22, 0) - timedelta(microseconds=1), "green"),
    ])
    async with database.sessions() as session:
        days = await statistics.daily_counts(session, YEN_MY, 2, local(23, 0), ZONE)
    assert days == [(date(2026, 11, 21), levels(green=1)), (date(2026, 11, 22), levels(red=1))]


async def test_the_window_ends_at_today_end(seeded: Database) -> None:
    async with seeded.sessions() as session:
        days = await statistics.daily_counts(session, YEN_MY, 1, local(22, 7), ZONE)
    assert days == [(date(2026, 11, 22), levels(red=2))]


async def test_commune_breakdown_lists_the_province_communes_worst_first(seeded: Database) -> None:
    async with seeded.sessions() as session:
        today = await statistics.commune_breakdown(session, "33", TODAY, NOW)
        week = await statistics.commune_breakdown(session, "33", local(16, 0), NOW)
        hanoi = await statistics.commune_breakdown(session, "01", TODAY, NOW)
    assert today == [(PHO_HIEN, levels(red=3)), (YEN_MY, levels(green=2, yellow=1, red=2))]
    assert week == [(PHO_HIEN, levels(green=1, red=3)), (YEN_MY, levels(green=2, yellow=2, red=2))]
    assert hanoi == [(HOAN_KIEM, levels(green=2, red=1))]


async def test_area_summary(seeded: Database) -> None:
    async with seeded.sessions() as session:
        summary = await statistics.area_summary(session, YEN_MY, NOW, ZONE)
    assert summary.day == date(2026, 11, 22)
    assert summary.today == levels(green=2, yellow=1, red=2)
    assert summary.week == levels(green=2, yellow=2, red=2)
    assert (summary.new_red, summary.new_yellow) == (2, 1)
    assert (summary.under_monitoring, summary.missed_reports) == (0, 0)


async def test_area_summary_of_a_province_just_after_midnight(seeded: Database) -> None:
    async with seeded.sessions() as session:
        summary = await statistics.area_summary(session, "33", local(22, 0, 5), ZONE)
    assert summary.day == date(2026, 11, 22)
    assert summary.today == levels(green=2, yellow=1, red=5)  # the whole local day is counted


@pytest.mark.parametrize("code", ["", "3", "123", "1205", "120521", "ab", "1205x", "33 "])
async def test_anything_but_a_province_or_commune_code_is_refused(database: Database, code: str) -> None:
    async with database.sessions() as session:
        with pytest.raises(ValueError):
            await statistics.level_counts(session, code, TODAY, NOW)


async def test_commune_breakdown_needs_a_province(database: Database) -> None:
    async with database.sessions() as session:
        with pytest.raises(ValueError):
            await statistics.commune_breakdown(session, YEN_MY, TODAY, NOW)


async def test_naive_times_are_refused(database: Database) -> None:
    async with database.sessions() as session:
        with pytest.raises(ValueError):
            await statistics.level_counts(session, YEN_MY, TODAY.replace(tzinfo=None), NOW)
