"""Reporting schedules, repeat and escalation, monitoring slots and the leader lock, with a controllable clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select

from bot.delivery.planner import Planner
from bot.jobs import reminders
from bot.jobs.scheduler import LeaderLock, Scheduler, fire_times, trigger_for
from handlers.report_rhythm import rhythm_for
from storage import monitoring, reporting
from storage.db import Database
from storage.models import Broadcast, Declaration, Delivery, Person
from tests.delivery.people import add_people
from tests.transcript import Chat

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
WEEKLY = {"level": "commune", "area_code": None, "day_of_week": "tue", "day_of_month": "*", "at_time": "16:00",
          "due_hours": 8.0, "title": "Báo cáo tuần, hạn trước thứ 4", "source": None, "created_by": "test"}


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in November 2026, Hanoi time, as aware UTC."""
    return datetime(2026, 11, day, hour, minute, tzinfo=HANOI).astimezone(UTC)


async def add_schedule(database: Database, **changes: object) -> dict:  # type: ignore[type-arg]
    async with database.transaction() as session:
        schedule_id = await reporting.add_schedule(session, {**WEEKLY, **changes}, local(22, 9))
        return await reporting.get_schedule(session, schedule_id)  # type: ignore[return-value]


async def sent(database: Database, kind: str = "reminder") -> list[Broadcast]:
    async with database.sessions() as session:
        query = select(Broadcast).where(Broadcast.kind == kind).order_by(Broadcast.id)
        return list((await session.execute(query)).scalars())


async def add_officials(database: Database) -> None:
    await add_people(database, 1, start=1, channel="console", role="official", area_code="12052")
    await add_people(database, 1, start=2, channel="console", role="official", area_code="11953")
    await add_people(database, 1, start=3, channel="console", role="official", area_code="33")


def test_weekly_and_daily_schedules_fire_at_local_times(settings) -> None:
    week = (local(23, 0), local(30, 0))  # Monday 23 to Monday 30 November
    weekly = fire_times(trigger_for(WEEKLY, settings), *week)
    assert [t.astimezone(HANOI).strftime("%a %d %H:%M") for t in weekly] == ["Tue 24 16:00"]
    daily = fire_times(trigger_for({**WEEKLY, "day_of_week": "*", "at_time": "17:00"}, settings), *week)
    assert [t.astimezone(HANOI).strftime("%a %H:%M") for t in daily] == [
        "Mon 17:00", "Tue 17:00", "Wed 17:00", "Thu 17:00", "Fri 17:00", "Sat 17:00", "Sun 17:00"]


def test_rhythms_from_directive_duties() -> None:
    weekly = rhythm_for({"cadence": "weekly", "weekday": 3})
    assert (weekly.day_of_week, weekly.at_time, weekly.due_hours) == ("tue", "16:00", 8.0)  # type: ignore[union-attr]
    monthly = rhythm_for({"cadence": "monthly", "day_of_month": 25})
    assert (monthly.day_of_month, monthly.due_hours) == ("24", 8.0)  # type: ignore[union-attr]
    assert rhythm_for({"cadence": "daily"}).at_time == "17:00"  # type: ignore[union-attr]
    assert rhythm_for({"cadence": "dated", "due_date": "2026-12-01"}) is None


async def test_week_of_reminders_confirmation_repeat_and_escalation(service, database, settings, clock) -> None:
    await add_officials(database)
    schedule = await add_schedule(database)
    fired_for = local(24, 16)
    assert await reminders.fire_schedule(database, schedule, fired_for, settings) == 2
    assert await reminders.fire_schedule(database, schedule, fired_for, settings) == 0, "a firing counts once"
    first = await sent(database)
    assert [b.audience["area_code"] for b in first] == ["11953", "12052"]
    assert "Hạn: 00:00 25/11/2026" in first[0].text and "Số liệu khai báo y tế" in first[0].text
    clock.now = local(24, 20)
    assert "Đã ghi nhận báo cáo của Xã Yên Mỹ, Hưng Yên" in await Chat(service, user_id="10001").send("/dabaocao")
    await reminders.sweep(database, local(24, 23, 59), settings)
    assert len(await sent(database)) == 2, "nothing before the deadline"
    await reminders.sweep(database, local(25, 0), settings)
    repeated = (await sent(database))[2:]
    assert [b.audience["area_code"] for b in repeated] == ["11953"] and "NHẮC LẠI" in repeated[0].text
    await reminders.sweep(database, local(25, 1, 59), settings)
    assert len(await sent(database)) == 3
    await reminders.sweep(database, local(25, 2), settings)
    escalation = (await sent(database))[3:]
    assert [b.audience for b in escalation] == [{"kind": "area_officials", "area_code": "33"}]
    assert "Phường Phố Hiến" in escalation[0].text and "Yên Mỹ" not in escalation[0].text
    await reminders.sweep(database, local(26, 9), settings)
    assert len(await sent(database)) == 4
    async with database.sessions() as session:
        rounds = await reporting.rounds_of(session, schedule["id"])
    assert {r["area_code"]: r["status"] for r in rounds} == {"12052": "confirmed", "11953": "escalated"}


async def test_reminder_figures_stay_within_the_area(database, settings) -> None:
    await add_officials(database)
    await add_people(database, 2, start=10)
    await add_people(database, 1, start=12, commune_code="11953")
    async with database.engine.begin() as connection:
        people = {row.external_id: row.id for row in await connection.execute(select(Person.id, Person.external_id))}
        for n, (chat, level) in enumerate([("10010", "red"), ("10011", "red"), ("10012", "yellow")]):
            commune = "11953" if chat == "10012" else "12052"
            await connection.execute(insert(Declaration.__table__).values(  # type: ignore[attr-defined]
                code=f"CODE{n}", person_id=people[chat], created_at=local(24, 10), valid_until=local(25, 10),
                for_self=True, subject_name="X", province_code="33", commune_code=commune, risk_level=level,
                reasons=[], answers={}))
    schedule = await add_schedule(database)
    await reminders.fire_schedule(database, schedule, local(24, 16), settings)
    texts = {b.audience["area_code"]: b.text for b in await sent(database)}
    assert "Hôm nay: 2 (đỏ 2, vàng 0, xanh 0)" in texts["12052"]
    assert "Hôm nay: 1 (đỏ 0, vàng 1, xanh 0)" in texts["11953"]


async def test_restart_after_downtime_sends_a_missed_reminder_once(database, settings) -> None:
    await add_officials(database)
    schedule = await add_schedule(database, area_code="12052")
    scheduler = Scheduler(database, settings, clock=lambda: local(24, 17, 30))
    await scheduler.catch_up()
    await scheduler.catch_up()
    restarted = Scheduler(database, settings, clock=lambda: local(24, 18))
    await restarted.catch_up()
    reminded = await sent(database)
    assert [b.audience for b in reminded] == [{"kind": "area_officials", "area_code": "12052"},
                                            {"kind": "monitoring", "area_code": None}], "each missed job ran once"
    async with database.sessions() as session:
        [row] = await reporting.rounds_of(session, schedule["id"])
    assert row["fired_for"] == local(24, 16)
    late = Scheduler(database, settings, clock=lambda: local(25, 1))
    await late.catch_up()
    assert len(await sent(database)) == 2


async def test_only_one_process_holds_the_scheduler_lock(db_url: str) -> None:
    first, second = LeaderLock(Database(db_url)), LeaderLock(Database(db_url))
    assert await first.acquire()
    assert not await second.acquire()
    await first.release()
    assert await second.acquire()
    await second.release()
    for lock in (first, second):
        await lock.db.dispose()


async def test_monitoring_slots_remind_and_report_missed_declarations(service, database, settings, clock) -> None:
    await add_officials(database)
    await add_people(database, 2, start=20)
    async with database.engine.begin() as connection:
        people = {row.external_id: row.id for row in await connection.execute(select(Person.id, Person.external_id))}
        for chat in ("10020", "10021"):
            await monitoring.start(connection, {
                "person_id": people[chat], "commune_code": "12052", "declaration_code": f"M{chat}",
                "starts_at": local(22, 9), "ends_at": local(22, 9) + timedelta(days=3), "placed_by": people["10001"]})
        await connection.execute(insert(Declaration.__table__).values(  # type: ignore[attr-defined]
            code="DECL1", person_id=people["10020"], created_at=local(23, 10), valid_until=local(24, 10),
            for_self=True, subject_name="Nguoi Thu 20", province_code="33", commune_code="12052",
            risk_level="green", reasons=[], answers={}))
    assert await reminders.monitoring_slot(database, local(23, 16, 30), local(23, 7, 30), settings)
    assert not await reminders.monitoring_slot(database, local(23, 16, 30), local(23, 7, 30), settings)
    [missed] = await sent(database, "alert")
    assert missed.audience["area_code"] == "12052"
    assert "Nguoi Thu 21" in missed.text and "Nguoi Thu 20" not in missed.text
    [reminder] = await sent(database)
    await Planner(database, lambda: local(23, 16, 30)).expand(reminder.id)
    async with database.sessions() as session:
        recipients = set((await session.execute(select(Delivery.external_id))).scalars())
    assert recipients == {"10020", "10021"}
    assert await reminders.monitoring_slot(database, local(25, 16, 30), local(25, 7, 30), settings)
    last = (await sent(database))[-1]
    await Planner(database, lambda: local(25, 16, 30)).expand(last.id)
    async with database.sessions() as session:
        count = len((await session.execute(select(Delivery).where(Delivery.broadcast_id == last.id))).all())
    assert count == 0, "monitoring ended by itself after 3 days"
