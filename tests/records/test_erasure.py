"""Erasure and retention leave nothing of a person in any table or file under the data directory.

A citizen registers, edits their name, declares for themselves and for their mother (with a
landline), files a /baocao naming someone with a contact number, is placed under monitoring and
misses a slot, gets alerts (resent and escalated), downloads their data and appears in an
official's export, both saved by the console channel; then every text and JSON column of every
table and every file under the data directory (the SQLite database included) is searched for
every form of what they gave.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, String, Text, select
from sqlmodel import SQLModel

from bot.channels.console import channel as console
from bot.commands import data_rights
from bot.jobs import reminders
from bot.records import user_files
from bot.settings import Settings, load_settings
from handlers.audience import Audience
from handlers.text import fold
from storage import broadcasts, inbound
from storage.erasure import NO_PERSONAL_DATA, RULES
from storage.models import Broadcast, CommunityReport, Declaration, InboundMessage, Person
from tests.conftest import SECRET
from tests.records.test_rights import staff_member
from tests.transcript import Chat

FORMER, NAME, MOTHER, NAMED = "Pham Van Duc", "Pham Minh Duc", "Le Thi Hoa", "Tran Van Khoa"
STREET, MOTHER_STREET, PLACE = "so 7 thon Dong Tien", "so 3 xom Chua Vang", "ngo 9 thon Ha Lo"
PHONE, LANDLINE, CONTACT, CCCD = "0912345678", "0221 3 123 456", "0987.654.321", "001090123456"
PHRASES = (FORMER, NAME, MOTHER, NAMED, STREET, MOTHER_STREET, PLACE)
DIGITS = ("912345678", "2213123456", "987654321", CCCD)
FORMS = ("0912345678", "+84912345678", "0912 345 678", "091.234.5678", "0221 3 123 456", "02213123456",
         "0221 3123 456", "+842213123456", "0987 654 321", "+84987654321", CCCD)
_SEPARATORS = re.compile(r"[\s.\-()+]")


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    """The data directory holds the SQLite database too, as in a default install."""
    return load_settings(DATABASE_URL=db_url, KHAIBAO_SECRET_KEY=SECRET, KHAIBAO_DATA_DIR=str(tmp_path),
                         KHAIBAO_ADMINS="console:admin")


def found_in(text: str, phrases: tuple[str, ...] = PHRASES, digits: tuple[str, ...] = DIGITS,
             forms: tuple[str, ...] = FORMS) -> list[str]:
    """The traces ``text`` holds: phrases in any case and accents, numbers as written and in any spacing."""
    folded, bare = fold(text), _SEPARATORS.sub("", text)
    return ([phrase for phrase in phrases if fold(phrase) in folded] + [form for form in forms if form in text]
            + [number for number in digits if number in bare])


def _holds_text(column_type: Any) -> bool:
    return isinstance(column_type, String | Text | JSON) or isinstance(getattr(column_type, "impl", None), String)


async def traces_in_tables(database, skip_person: int | None = None, **which: Any) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Every trace in every text or JSON column of every table, by table.column."""
    hits: dict[str, list[str]] = {}
    async with database.engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            columns = [column for column in table.columns if _holds_text(column.type)]
            for row in await connection.execute(select(table.c.id if "id" in table.c else None, *columns)):
                if table.name == "person" and row[0] == skip_person:
                    continue
                for column, value in zip(columns, row[1:], strict=True):
                    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                    if found := found_in(text, **which):
                        hits.setdefault(f"{table.name}.{column.name}", []).extend(found)
    return hits


def traces_in_files(folder: Path, **which: Any) -> dict[str, list[str]]:
    """Every trace in every file under ``folder`` (members of zip archives read one by one)."""
    hits = {}
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        contents = [raw]
        if zipfile.is_zipfile(io.BytesIO(raw)):
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                contents = [archive.read(name) for name in archive.namelist()]
        found = [hit for content in contents for hit in found_in(content.decode("utf-8", "ignore"), **which)]
        if found:
            hits[str(path.relative_to(folder))] = found
    return hits


async def on_console(service, user: str, settings: Settings, *lines: str) -> str:  # type: ignore[no-untyped-def]
    """Run lines through the console channel, which saves files into the user's folder."""
    out = io.StringIO()
    await console.chat(service, user, user_files.folder(settings, console.CHANNEL, user), io.StringIO(
        "\n".join(lines) + "\n"), out)
    return out.getvalue()


async def a_citizen_everywhere(service, database, settings, clock) -> int:  # type: ignore[no-untyped-def]
    """The whole life of one citizen "p1" of Yên Mỹ; their person id."""
    official = await staff_member(service, "oa", "yen my")
    chat = Chat(service, user_id="p1")
    await chat.say_all("chao", "1", FORMER.lower(), "12/3/1990", "nam", PHONE, CCCD, "hung yen", "yen my", STREET)
    assert "Mã khai báo" in await chat.say_all("1", "1", "sot", "1", "khong", "khong", "1", "1")
    await chat.say_all("/khaibao", "2")
    assert "Họ và tên" in await chat.send("2")
    await chat.say_all(NAME.lower(), "1")
    code = re.search(r"Mã khai báo: ([A-Z0-9]+)",  # type: ignore[union-attr]
                     await chat.say_all("1", "sot", "1", "khong", "khong", "1", "1")).group(1)
    await chat.say_all("/khaibao", "1", "2", MOTHER.lower(), "1/1/1950", "nu", "2", LANDLINE, "2", "hung yen",
                       "pho hien", MOTHER_STREET, "sot", "1", "khong", "khong", "1")
    assert "Mã khai báo" in await chat.send("1")
    assert "Phản ánh #1" in await chat.say_all("/baocao", "nguoi tu vung dich ve", "hung yen", "yen my", PLACE,
                                              NAMED, "ho sot nhieu ngay", CONTACT, "1")
    assert "Đã đưa" in await official.send(f"/theodoi {code}")
    clock.advance(hours=3)
    await reminders.sweep(service.db, clock.now, settings)
    await reminders.monitoring_slot(service.db, clock.now, clock.now - timedelta(hours=1), settings)
    async with database.engine.begin() as connection:
        for broadcast in await broadcasts.recent(connection, limit=100):
            await broadcasts.start(connection, broadcast["id"], clock.now)
            await broadcasts.expand_chunk(connection, broadcast, clock.now)
        payload = {"event_name": "user_send_text", "sender": {"id": "p1"}, "message": {"text": f"{NAME} {PHONE}"}}
        await inbound.record(connection, "console-raw", "raw-1", "p1", clock.now, payload)
    assert "du-lieu-cua-toi.json" in await on_console(service, "p1", settings, "/dulieucuatoi")
    assert ".xlsx" in await on_console(service, "oa", settings, "/xuat")
    async with database.sessions() as session:
        return (await session.execute(select(Person.id).where(Person.external_id == "p1"))).scalar_one()


async def wal_truncated(settings: Settings) -> None:
    """Wait for the checkpoint the erasure started (SQLite only)."""
    wal = Path(settings.database_url.split("///", 1)[1] + "-wal") if "sqlite" in settings.database_url else None
    for _ in range(100):
        if wal is None or not wal.exists() or wal.stat().st_size == 0:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the write-ahead log still holds old pages")


def test_every_table_has_an_erasure_rule_or_holds_no_personal_data() -> None:
    tables = set(SQLModel.metadata.tables)
    missing = tables - set(RULES) - NO_PERSONAL_DATA
    assert not missing, f"give {sorted(missing)} a Rule in storage/erasure.py RULES, or list it in NO_PERSONAL_DATA"
    assert set(RULES) | NO_PERSONAL_DATA == tables and not set(RULES) & NO_PERSONAL_DATA


async def test_erasure_leaves_no_trace_in_any_table_or_file(service, database, settings, clock) -> None:
    await a_citizen_everywhere(service, database, settings, clock)
    before_tables, before_files = await traces_in_tables(database), traces_in_files(Path(settings.data_dir))
    for table in ("person.full_name", "declaration.subject_name", "broadcast.text", "community_report.who",
                  "inbound_message.payload"):
        assert table in before_tables, table
    assert {FORMER, NAME, MOTHER, NAMED, "2213123456", "987654321"} <= set(sum(before_tables.values(), []))
    assert any(path.endswith("du-lieu-cua-toi.json") for path in before_files)
    assert any(path.endswith(".xlsx") for path in before_files)
    chat = Chat(service, user_id="p1")
    await chat.send("/xoadulieu")
    assert "Đã rút đồng ý và xóa" in await chat.send("1")
    await wal_truncated(settings)
    assert await traces_in_tables(database) == {}
    assert traces_in_files(Path(settings.data_dir)) == {}
    async with database.sessions() as session:
        kept = (await session.execute(select(Declaration.risk_level).order_by(Declaration.id))).scalars().all()
        report = (await session.execute(select(CommunityReport))).scalar_one()
        resent = (await session.execute(select(Broadcast.text).where(Broadcast.created_by.like("alert:%:resent"))))
    assert kept == ["red", "red", "red"] and report.commune_code == "12052", "the counts remain"
    assert all("[đã xóa]" in text for text in resent.scalars()), "alerts rendered again from the erased rows"


async def test_retention_leaves_only_the_living_profile(service, database, settings, clock) -> None:
    person_id = await a_citizen_everywhere(service, database, settings, clock)
    for path in Path(settings.data_dir).rglob("*"):
        if path.is_file() and user_files.FILES in path.parts:  # written when the test clock said so
            os.utime(path, (clock.now.timestamp(), clock.now.timestamp()))
    clock.advance(days=settings.retention_days + 1)
    counts = await data_rights.retention(database, settings, clock.now, "scheduler", "system")
    assert counts["declaration"] == 3 and counts["community_report"] == 1 and counts["files"] == 2
    assert await traces_in_tables(database, skip_person=person_id) == {}
    assert not [path for path in (Path(settings.data_dir) / user_files.FILES).rglob("*") if path.is_file()]
    others = {"phrases": (MOTHER, NAMED, MOTHER_STREET, PLACE), "digits": ("2213123456", "987654321"),
              "forms": tuple(form for form in FORMS if form.startswith(("0221", "+84221", "0987", "+84987")))}
    assert traces_in_files(Path(settings.data_dir), **others) == {}, "the database file holds only the profile"
    async with database.sessions() as session:
        person = (await session.execute(select(Person).where(Person.id == person_id))).scalar_one()
    assert person.full_name == NAME and person.phone == "+84912345678", "a registered profile stays"


async def test_erasure_clears_the_raw_updates_of_their_channel_only(service, database, settings, clock) -> None:
    chat = Chat(service, user_id="z1", channel="zalo")
    await chat.say_all("chao", "1", NAME.lower(), "12/3/1990", "nam", PHONE, "bo qua", "hung yen", "yen my", STREET)
    assert "Đã lưu" in await chat.send("1")
    async with database.engine.begin() as connection:
        for number, (channel, user) in enumerate((("zalo-raw", "z1"), ("zalo-raw", "z2"), ("telegram", "z1"))):
            payload = {"sender": {"id": user}, "message": {"text": f"{NAME} {PHONE}"}}
            await inbound.record(connection, channel, f"raw-{number}", user, clock.now, payload)
    other = user_files.folder(settings, "console", "someone-else")
    other.mkdir(parents=True)
    (other / "note.txt").write_text("thon Dong, 5 nguoi", encoding="utf-8")
    await chat.send("/xoadulieu")
    assert "Đã rút đồng ý và xóa" in await chat.send("1")
    async with database.sessions() as session:
        rows = {(row.channel, row.message_id): row for row in (await session.execute(select(InboundMessage)))
                .scalars() if row.message_id.startswith("raw-")}
    assert rows[("zalo-raw", "raw-0")].payload is None and rows[("zalo-raw", "raw-0")].external_id == ""
    assert rows[("zalo-raw", "raw-1")].payload is not None, "another Zalo user's update stays"
    assert rows[("telegram", "raw-2")].payload is not None, "the same id on another platform is another person"
    assert (other / "note.txt").exists(), "files naming nobody erased stay"


async def test_erasure_finds_the_copies_of_values_edited_away(service, database, settings, clock) -> None:
    chat = Chat(service, user_id="p2")
    await chat.say_all("chao", "1", "vo thi lan anh", "1/2/1985", "nu", "0903 111 222", "bo qua", "hung yen",
                       "yen my", "so 1 ngo Cau Go")
    assert "Đã lưu" in await chat.send("1")
    async with database.engine.begin() as connection:
        await broadcasts.create(connection, "Mời bà Vo Thi Lan Anh (090 311 1222), số 1 ngõ Cầu Gỗ, lên trạm y tế.",
                                Audience("officials"), clock.now, kind="message")
    await chat.say_all("/huy", "/khaibao", "2")
    for step, value in (("2", "vo thi lan"), ("5", "0988 777 666"), ("9", "so 2 ngo Cau Go")):
        await chat.send(step)
        await chat.send(value)
    assert "Đã lưu" in await chat.send("1")
    async with database.sessions() as session:
        person = (await session.execute(select(Person).where(Person.external_id == "p2"))).scalar_one()
    assert person.former == {"full_name": ["Vo Thi Lan Anh"], "phone": ["+84903111222"], "street": ["so 1 ngo Cau Go"]}
    await chat.send("/xoadulieu")
    assert "Đã rút đồng ý và xóa" in await chat.send("1")
    async with database.sessions() as session:
        texts = (await session.execute(select(Broadcast.text).where(Broadcast.kind == "message"))).scalars().all()
    assert texts == ["Mời bà [đã xóa] ([đã xóa]), [đã xóa], lên trạm y tế."]
