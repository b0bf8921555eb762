"""Officials in their own language: alerts, reminders and tools; broadcasts with and without an English text."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from bot.channels.console.inbox import ConsoleInbox
from bot.delivery.planner import Planner
from bot.jobs import reminders
from handlers.audience import Audience
from storage import broadcasts, reporting
from tests.conftest import SECRET
from tests.delivery.people import add_people
from tests.language.english import places, vietnamese_left
from tests.transcript import REGISTRATION, Chat

ROOT = Path(__file__).resolve().parents[2]
RED = ("1", "sot ho", "1", "khong", "khong", "2 mui", "1")  # symptoms and a confirmed contact
CITIZEN = ("Nguyen Van An", "So 12 thon Dong", "+84912345678", "0912 345 678")
NOTE = "(This notice is in Vietnamese only.)"


async def _pushed(database, clock, user_id: str) -> str:  # type: ignore[no-untyped-def]
    """What the console window of ``user_id`` prints once the queue has planned and delivered."""
    await Planner(database, lambda: clock.now).tick(report=False)
    window = io.StringIO()
    await ConsoleInbox(database, user_id, window, clock=lambda: clock.now, plan=False).deliver()
    text = window.getvalue()
    header = "── New message ──" if "── New message ──" in text else "── Tin mới ──"  # in the user's language
    return text.replace(header, "")


async def _officials(service, database) -> tuple[Chat, Chat]:  # type: ignore[no-untyped-def]
    """An English-speaking and a Vietnamese-speaking official of Xã Yên Mỹ."""
    await add_people(database, 2, start=1, channel="console", role="official", area_code="12052")
    english, vietnamese = Chat(service, user_id="10001"), Chat(service, user_id="10002")
    assert (await english.send("/language english")).startswith("From now on I'll answer in English.")
    return english, vietnamese


async def test_each_official_gets_the_alert_in_their_language(service, database, clock) -> None:
    english, vietnamese = await _officials(service, database)
    citizen = Chat(service, user_id="an")
    await citizen.say_all(*REGISTRATION, *RED)
    assert "Mức nguy cơ: ĐỎ" in citizen.text
    alert = await _pushed(database, clock, "10001")
    assert "ALERT: RED (high risk) declaration" in alert and "Symptoms in the last 14 days" in alert
    assert "Send /ack 1 to confirm you have taken it up." in alert
    assert vietnamese_left(alert, (*CITIZEN, *places("12052"))) == []
    assert "CẢNH BÁO: tờ khai nguy cơ ĐỎ (nguy cơ cao)" in await _pushed(database, clock, "10002")
    told = await _pushed(database, clock, "an")
    assert "Tờ khai nguy cơ cao của bạn" in told and "cán bộ Xã Yên Mỹ, Hưng Yên" in told

    listing = await english.send("/canhbao")
    assert listing.startswith("Alerts and reports not yet taken up in Xã Yên Mỹ, Hưng Yên: 1")
    assert vietnamese_left(listing, (*CITIZEN, *places("12052"))) == []
    assert await english.send("/tiepnhan 1") == "Recorded: you have taken up alert #1."
    help_text = await english.send("/huongdan")
    assert help_text.startswith("Help (commune official)") and "/ack NUMBER (/tiepnhan)" in help_text
    assert vietnamese_left(help_text) == []
    stats = await english.send("/thongke")
    assert stats.startswith("Health declaration statistics — Xã Yên Mỹ, Hưng Yên") and "red 1" in stats
    assert "Thống kê khai báo y tế" in await vietnamese.send("/thongke")


async def test_each_official_gets_the_report_reminder_in_their_language(service, database, settings, clock) -> None:
    await _officials(service, database)
    async with database.transaction() as session:
        schedule_id = await reporting.add_schedule(session, {
            "level": "commune", "area_code": None, "day_of_week": "*", "day_of_month": "*", "at_time": "16:00",
            "due_hours": 8.0, "title": "Báo cáo ngày", "source": None, "created_by": "test"}, clock.now)
        schedule = await reporting.get_schedule(session, schedule_id)
    assert await reminders.fire_schedule(database, schedule, clock.now, settings) == 1
    english = await _pushed(database, clock, "10001")
    assert "Report reminder: Báo cáo ngày" in english and "Health declaration figures:" in english
    assert "Once you have sent the report, send /reported to confirm." in english
    assert vietnamese_left(english, ("Báo cáo ngày", *places("12052"))) == []
    assert "Nhắc báo cáo: Báo cáo ngày" in await _pushed(database, clock, "10002")


async def test_a_broadcast_with_and_without_an_english_text(database, clock) -> None:
    await add_people(database, 1, start=1, channel="console", locale="en")
    await add_people(database, 1, start=2, channel="console")
    async with database.transaction() as session:
        await broadcasts.create(session, "Tối nay phun khử khuẩn.", Audience("everyone"), clock.now,
                                text_en="Disinfection spraying tonight.")
    assert await _pushed(database, clock, "10001") == "\n\nDisinfection spraying tonight.\n\n"
    assert await _pushed(database, clock, "10002") == "\n\nTối nay phun khử khuẩn.\n\n"
    async with database.transaction() as session:
        await broadcasts.create(session, "Sáng mai họp dân.", Audience("everyone"), clock.now)
    assert await _pushed(database, clock, "10001") == f"\n\n{NOTE}\n\nSáng mai họp dân.\n\n"
    assert await _pushed(database, clock, "10002") == "\n\nSáng mai họp dân.\n\n"


async def test_an_admin_publishes_with_an_english_text_that_english_readers_get(service, database, clock) -> None:
    reader = Chat(service, user_id="reader")
    await reader.say_all("hello", "yes", "John Smith", "1990", "male", "0912345678", "skip", "hung yen", "yen my",
                         "12 Dong hamlet", "save", "/huy")
    admin = Chat(service, user_id="admin")
    await admin.say_all("/thongbao_moi", "Tối nay 19h phun khử khuẩn toàn xã, bà con đóng cửa sổ.", "1")
    assert "Thêm bản tiếng Anh" in admin.text
    await admin.send("Disinfection spraying across the commune at 7 pm tonight: please close your windows.")
    review = await admin.say_all("moi nguoi", "khong", "ngay")
    assert "• Bản tiếng Anh: Disinfection spraying across the commune" in review
    assert "Đã xếp lịch gửi thông báo #1" in await admin.send("1")
    pushed = await _pushed(database, clock, "reader")
    assert pushed == "\n\nDisinfection spraying across the commune at 7 pm tonight: please close your windows.\n\n"
    await reader.send("/thongbao")
    assert "Recent notices." in reader.text
    assert (await reader.send("1")).startswith("Disinfection spraying across the commune at 7 pm tonight")


def test_the_cli_takes_an_english_text(db_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": db_url, "KHAIBAO_SECRET_KEY": SECRET, "PYTHONPATH": str(ROOT),
           "KHAIBAO_DATA_DIR": str(tmp_path / "data")}
    english = tmp_path / "en.txt"
    english.write_text("Vaccination at the commune health station tomorrow.", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "broadcast", "send", "--text", "Mai tiêm chủng tại trạm y tế.",
         "--file-en", str(english)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Đã tạo thông báo #1" in result.stdout
    both = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "broadcast", "send", "--text", "x", "--text-en", "y",
         "--file-en", str(english)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert both.returncode == 2 and "--text-en" in both.stderr
    import asyncio

    from storage.db import Database

    async def stored() -> tuple[str, str | None]:
        database = Database(db_url)
        async with database.sessions() as session:
            row = await broadcasts.get(session, 1)
        await database.dispose()
        assert row is not None
        return row["text"], row["text_en"]

    assert asyncio.run(stored()) == ("Mai tiêm chủng tại trạm y tế.",
                                     "Vaccination at the commune health station tomorrow.")
