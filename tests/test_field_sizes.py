"""Every typed answer fits its column: the sizes come from one place, and each free-text step refuses more."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlmodel import SQLModel
from typer.testing import CliRunner

from bot.cli.main import app
from handlers import field_sizes
from handlers.flow import TEXT, Invalid, Ok
from handlers.flows import FLOWS
from handlers.protocol import Context
from storage.models import CommunityReport, Declaration, Person
from tests.transcript import REGISTRATION, Chat

COLUMNS = {
    ("person", "full_name"): field_sizes.NAME,
    ("person", "display_name"): field_sizes.NAME,
    ("person", "phone"): field_sizes.PHONE,
    ("person", "id_number"): field_sizes.ID_NUMBER,
    ("person", "street"): field_sizes.STREET,
    ("declaration", "subject_name"): field_sizes.NAME,
    ("community_report", "place"): field_sizes.REPORT_PLACE,
    ("community_report", "who"): field_sizes.REPORT_WHO,
    ("community_report", "seen"): field_sizes.REPORT_SEEN,
    ("community_report", "contact"): field_sizes.PHONE,
    ("invite", "name"): field_sizes.NAME,
    ("invite", "phone"): field_sizes.PHONE,
    ("outbreak_area", "note"): field_sizes.OUTBREAK_NOTE,
    ("notice", "header"): field_sizes.NOTICE_HEADER,
    ("report_schedule", "title"): field_sizes.SCHEDULE_TITLE,
    ("report_schedule", "source"): field_sizes.SCHEDULE_SOURCE,
    ("venue", "name"): field_sizes.VENUE_NAME,
    ("venue", "street"): field_sizes.STREET,
    ("venue", "schedule"): field_sizes.VENUE_SCHEDULE,
    ("checkin", "subject_name"): field_sizes.NAME,
}

# Free-text steps and the size their answer is held to; every other text step maps typed words
# to a code, a date, a phone number or a CCCD (checked below never to pass an over-long answer).
FREE_TEXT = {
    ("register", "full_name"): field_sizes.NAME,
    ("register", "street"): field_sizes.STREET,
    ("declare", "subject_name"): field_sizes.NAME,
    ("declare", "subject_street"): field_sizes.STREET,
    ("declare", "travel"): field_sizes.TRAVEL,
    ("community_report", "place"): field_sizes.REPORT_PLACE,
    ("community_report", "who"): field_sizes.REPORT_WHO,
    ("community_report", "seen"): field_sizes.REPORT_SEEN,
    ("invite", "name"): field_sizes.NAME,
    ("redeem", "name"): field_sizes.NAME,
    ("venue", "name"): field_sizes.VENUE_NAME,
    ("venue", "street"): field_sizes.STREET,
    ("venue", "schedule"): field_sizes.VENUE_SCHEDULE,
    ("arrive", "stay_street"): field_sizes.STREET,
    ("arrive", "visited"): field_sizes.TRAVEL,
    ("publish", "text_en"): field_sizes.NOTICE_ENGLISH,
}
CODED = {
    ("register", "birth"), ("register", "phone"), ("register", "id_number"), ("register", "province"),
    ("register", "commune"), ("declare", "subject_birth"), ("declare", "subject_phone"),
    ("declare", "subject_province"), ("declare", "subject_commune"), ("publish", "text"), ("publish", "area"),
    ("publish", "when"), ("invite", "area"), ("community_report", "province"), ("community_report", "commune"),
    ("community_report", "contact"), ("invite", "phone"), ("redeem", "code"),
    ("venue", "province"), ("venue", "commune"), ("checkin", "venue"),
    ("arrive", "nationality"), ("arrive", "paper"), ("arrive", "entry_date"), ("arrive", "gate"),
    ("arrive", "vehicle"), ("arrive", "stay_province"), ("arrive", "stay_commune"),
}
CTX = Context(now=datetime(2026, 11, 22, 2, tzinfo=UTC), zone=ZoneInfo("Asia/Ho_Chi_Minh"), secret=b"s" * 32,
              new_code="ABC123", is_admin=True)
ANSWERS = {"province": "33", "subject_province": "33", "stay_province": "33", "birth": {"year": 1990}, "gender": "male"}


PLACES = {("declare", "travel"), ("arrive", "visited")}  # each place must match one the bot knows


def words(length: int) -> str:
    """Plain words ("thon dong thon dong ...") exactly ``length`` characters long, no space at either end."""
    text = ("thon dong " * (length // 10 + 2))[:length]
    return text[:-1] + "x" if text.endswith(" ") else text


def text_steps() -> list[tuple[str, str]]:
    return [(flow.id, step.id) for flow, _ in FLOWS.values() for step in flow.steps if step.kind == TEXT]


def test_every_typed_column_takes_its_size_from_field_sizes() -> None:
    for (table, column), size in COLUMNS.items():
        column_type = SQLModel.metadata.tables[table].c[column].type
        assert getattr(column_type, "length", None) == size, (table, column)


def test_every_text_step_is_either_free_text_held_to_a_size_or_coded() -> None:
    assert set(text_steps()) == set(FREE_TEXT) | CODED


@pytest.mark.parametrize("key", sorted(FREE_TEXT))
def test_free_text_steps_take_their_size_and_refuse_one_more(key: tuple[str, str]) -> None:
    step = FLOWS[key[0]][0].step(key[1])
    size = FREE_TEXT[key]
    assert step.parse is not None
    longest = step.parse(words(size), ANSWERS, CTX)
    if key in PLACES:  # every place must be found, so made-up words are asked again, but never as too long
        assert longest != Invalid("input.too_long", {"limit": str(size)})
    else:
        assert isinstance(longest, Ok)
    refused = step.parse(words(size + 1), ANSWERS, CTX)
    assert refused == Invalid("input.too_long", {"limit": str(size)})


@pytest.mark.parametrize("key", sorted(CODED))
def test_coded_steps_refuse_long_input_or_keep_a_short_value(key: tuple[str, str]) -> None:
    step = FLOWS[key[0]][0].step(key[1])
    assert step.parse is not None
    for text in (words(2_000), "0912345678 " * 300, "9" * 4_000):
        parsed = step.parse(text, ANSWERS, CTX)
        if key == ("publish", "text"):
            continue  # a directive is stored as Text; its header is clipped to notice.header
        assert isinstance(parsed, Invalid) or len(str(parsed.value)) <= 40, (key, parsed)


async def test_an_over_long_report_place_is_refused_with_a_hint_and_asked_again(service, database) -> None:
    reporter = Chat(service, user_id="r1")
    await reporter.say_all("/baocao", "nguoi tu vung dich ve", "hung yen", "yen my")
    reply = await reporter.send(words(field_sizes.REPORT_PLACE + 50))
    assert f"quá dài (tối đa {field_sizes.REPORT_PLACE} ký tự)" in reply and reporter.step == "place"
    await reporter.send(words(field_sizes.REPORT_PLACE))
    reply = await reporter.send(words(field_sizes.REPORT_WHO + 1))
    assert f"tối đa {field_sizes.REPORT_WHO} ký tự" in reply and reporter.step == "who"
    await reporter.send(words(field_sizes.REPORT_WHO))
    reply = await reporter.send(words(field_sizes.REPORT_SEEN + 1))
    assert f"tối đa {field_sizes.REPORT_SEEN} ký tự" in reply and reporter.step == "seen"
    await reporter.say_all(words(field_sizes.REPORT_SEEN), "0987654321")
    assert "Phản ánh #1 đã được chuyển" in await reporter.send("1")
    async with database.sessions() as session:
        report = (await session.execute(select(CommunityReport))).scalar_one()
    assert len(report.place) == field_sizes.REPORT_PLACE and len(report.seen) == field_sizes.REPORT_SEEN


async def test_answers_of_the_full_size_are_stored_on_every_database(service, database) -> None:
    chat = Chat(service, user_id="u1")
    long_name, long_street = "An " * 39 + "Nam", words(field_sizes.STREET)
    assert len(long_name) <= field_sizes.NAME
    registration = list(REGISTRATION)
    registration[2], registration[9] = long_name, long_street
    reply = await chat.say_all(*registration[:9], words(field_sizes.STREET + 1))
    assert f"tối đa {field_sizes.STREET} ký tự" in reply and chat.step == "street"
    await chat.say_all(long_street, "1")
    await chat.say_all("2", "x" * field_sizes.NAME, "1/1/2015", "nu", "1", "bo qua", "1", "khong", "khong",
                       "ha noi, hue, da nang, hai phong, can tho", "khong", "1")
    assert "Mã khai báo" in await chat.send("1")
    async with database.sessions() as session:
        person = (await session.execute(select(Person))).scalar_one()
        declaration = (await session.execute(select(Declaration))).scalar_one()
    assert person.full_name == long_name and person.street == long_street
    assert declaration.subject_name == "X" + "x" * (field_sizes.NAME - 1)


@pytest.mark.parametrize("arguments, limit", [
    (["outbreak", "add", "12052", "--note", "x" * (field_sizes.OUTBREAK_NOTE + 1)], field_sizes.OUTBREAK_NOTE),
    (["schedule", "add", "--title", "x" * (field_sizes.SCHEDULE_TITLE + 1)], field_sizes.SCHEDULE_TITLE),
])
def test_the_command_line_refuses_over_long_texts_before_touching_the_database(arguments, limit) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 2 and f"quá dài (tối đa {limit} ký tự)" in result.output
