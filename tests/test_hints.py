"""Hints as transcripts: "I don't have one" to an optional number, HCMC's old districts in English, the commune
question's example from the chosen province, questions about someone else by name, emoji-only answers."""

from __future__ import annotations

import pytest

from handlers import parsers
from handlers.flows.common import commune_example
from tests.language.test_english_visitor import ENGLISH_REGISTRATION
from tests.transcript import REGISTRATION, Chat

TO_ID = ("chao", "1", "nguyen van an", "12/3/1990", "nam", "0912345678")


@pytest.mark.parametrize("said, locale", [
    ("toi khong co", "vi"), ("Tôi không có ạ", "vi"), ("chưa có", "vi"), ("em chưa làm CCCD", "vi"),
    ("tôi là người nước ngoài", "vi"), ("I don't have one, I'm a foreigner", "en"), ("I'm a foreigner", "en"),
    ("I haven't got one", "en"), ("none, sorry", "en"),
])
def test_saying_there_is_none_skips_an_optional_number(said: str, locale: str) -> None:
    assert parsers.declines(said, locale), said


@pytest.mark.parametrize("said, locale", [("khong biet", "vi"), ("not sure", "en"), ("0912345678", "vi"),
                                          ("abc", "vi")])
def test_other_answers_are_not_read_as_none(said: str, locale: str) -> None:
    assert not parsers.declines(said, locale), said


async def test_the_cccd_question_takes_i_dont_have_one(service) -> None:
    chat = Chat(service)
    await chat.say_all(*TO_ID)
    assert chat.step == "id_number"
    reply = await chat.send("toi khong co")
    assert "12" not in reply.split("\n")[0] and chat.step == "province"
    english = Chat(service, user_id="en1")
    await english.say_all(*ENGLISH_REGISTRATION[:6])
    assert english.step == "id_number"
    await english.send("I don't have one, I'm a foreigner")
    assert english.step == "province"


async def test_an_old_hcmc_district_in_english_lists_its_new_wards(service) -> None:
    chat = Chat(service)
    await chat.say_all(*ENGLISH_REGISTRATION[:6], "skip", "ho chi minh city")
    assert chat.step == "commune" and "e.g. yen my" not in chat.text
    assert f"e.g. {commune_example('79')}" in chat.text
    reply = await chat.send("district 1")
    assert "Phường Bến Thành" in reply and "Phường Sài Gòn" in reply, reply
    vietnamese = Chat(service, user_id="vi1")
    await vietnamese.say_all(*TO_ID, "bo qua", "tp hcm")
    assert "Phường Tân Định" in await vietnamese.send("quận 1")


def test_the_commune_example_is_of_the_province() -> None:
    assert commune_example("79") != commune_example("48") != commune_example("33")
    assert commune_example("01") == "hoan kiem"


async def test_questions_about_someone_else_name_them(service) -> None:
    chat = Chat(service)
    await chat.say_all(*REGISTRATION, "2", "tran van binh", "2015", "nam", "con", "bo qua")
    assert "Trong 14 ngày qua Tran Van Binh có triệu chứng" in await chat.send("co")
    english = Chat(service, user_id="en2")
    await english.say_all(*ENGLISH_REGISTRATION, "someone else", "Mary Smith", "2015", "female", "daughter", "skip")
    symptoms = await english.send("yes")
    assert "has Mary Smith had any of these symptoms" in symptoms and "have you had" not in symptoms
    assert "apply to Mary Smith" in await english.send("no")
    assert "has Mary Smith been to" in await english.send("no")
    assert "Does Mary Smith have" in await english.send("none")
    assert "has Mary Smith had?" in await english.send("none")
    own = Chat(service, user_id="en3")
    await own.say_all(*ENGLISH_REGISTRATION)
    assert "have you had any of these symptoms" in await own.send("myself")


async def test_emoji_only_answers_are_not_understood_rather_than_empty(service) -> None:
    chat = Chat(service)
    await chat.say_all("chao", "1")
    reply = await chat.send("🙂🙂")
    assert "chưa hiểu" in reply and "chưa nhập" not in reply and chat.step == "full_name"
    await chat.send("nguyen van an")
    assert "chưa hiểu" in await chat.send("🎉") and chat.step == "birth"
    await chat.say_all("12/3/1990")
    assert "chưa hiểu" in await chat.send("🤷")
    assert chat.step == "gender"
