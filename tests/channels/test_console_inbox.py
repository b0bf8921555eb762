"""Every console user has their own inbox: what is pushed to a user prints in that user's window only,
whether the window is `khaibao run` (user "local") or a separate `khaibao chat --user ID` process."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import insert, select

from bot.clock import utc_now
from handlers.audience import Audience
from storage import broadcasts
from storage.db import Database
from storage.models import Delivery, Person
from tests.channels.windows import Window
from tests.conftest import SECRET
from tests.delivery.people import person_row


async def _people(database: Database, *users: str) -> dict[str, int]:
    async with database.engine.begin() as connection:
        for number, user in enumerate(users):
            await connection.execute(insert(Person.__table__),  # type: ignore[attr-defined]
                                     [person_row(number, channel="console", external_id=user)])
        rows = await connection.execute(select(Person.id, Person.external_id))  # type: ignore[call-overload]
        return {external: person_id for person_id, external in rows}


async def _push(database: Database, text: str, audience: Audience, kind: str) -> None:
    async with database.transaction() as session:
        await broadcasts.create(session, text, audience, utc_now(), kind=kind, urgent=True)


async def test_two_chat_processes_and_the_run_window_each_print_only_their_own(db_url: str, tmp_path: Path) -> None:
    database = Database(db_url)
    people = await _people(database, "local", "an", "binh")
    env = {"DATABASE_URL": db_url, "KHAIBAO_SECRET_KEY": SECRET, "KHAIBAO_DATA_DIR": str(tmp_path / "data"),
           "TELEGRAM_BOT_TOKEN": "", "ZALO_BOT_TOKEN": ""}
    run = Window(["run"], env)
    an = Window(["chat", "--user", "an"], env)
    binh = Window(["chat", "--user", "binh"], env)
    try:
        assert run.wait_for("người dùng «local»").splitlines()[0].startswith("Cửa sổ này là người dùng «local»")
        assert an.wait_for("«an»").splitlines()[0].startswith("Cửa sổ này là người dùng «an»")
        binh.wait_for("«binh»")
        to = {user: Audience("person", person_id=person_id) for user, person_id in people.items()}
        await _push(database, "CẢNH BÁO: ca nghi nhiễm ở thôn Đông, báo cho An", to["an"], "alert")
        await _push(database, "Nhắc Bình: hôm nay khai báo theo dõi sức khỏe", to["binh"], "reminder")
        await _push(database, "Trả lời báo cáo của local: đã tiếp nhận", to["local"], "message")
        await _push(database, "Thông báo chung: tiêm chủng thứ Bảy", Audience("everyone"), "notice")
        an.wait_for("báo cho An", "Thông báo chung")
        binh.wait_for("Nhắc Bình", "Thông báo chung")
        run.wait_for("Trả lời báo cáo của local", "Thông báo chung")
    finally:
        codes = [window.close() for window in (an, binh, run)]
    assert codes == [0, 0, 0]
    assert "Nhắc Bình" not in an.text and "local" not in an.text.split("\n", 1)[1]
    assert "báo cho An" not in binh.text and "Trả lời báo cáo" not in binh.text
    assert "báo cho An" not in run.text and "Nhắc Bình" not in run.text
    assert an.text.count("Thông báo chung") == 1 and run.text.count("Thông báo chung") == 1
    async with database.sessions() as session:
        statuses = (await session.execute(select(Delivery.status))).scalars().all()  # type: ignore[call-overload]
    await database.dispose()
    assert sorted(statuses) == ["sent"] * 6


async def test_a_message_for_a_closed_window_waits_in_its_inbox(db_url: str, tmp_path: Path) -> None:
    database = Database(db_url)
    people = await _people(database, "an")
    await _push(database, "Nhắc An: khai báo hôm nay", Audience("person", person_id=people["an"]), "reminder")
    env = {"DATABASE_URL": db_url, "KHAIBAO_SECRET_KEY": SECRET, "KHAIBAO_DATA_DIR": str(tmp_path / "data")}
    an = Window(["chat", "--user", "an"], env)
    try:
        an.wait_for("── Tin mới ──", "Nhắc An: khai báo hôm nay")
    finally:
        assert an.close() == 0
    await database.dispose()
