"""Transcripts of an English-speaking visitor: greets with "hello", registers, declares, reads help and notices,
gets reminders, all in English; Vietnamese users see what they always saw; /language switches at any time."""

from __future__ import annotations

import io
import re

from sqlalchemy import select

import messages
from bot.channels.console.channel import chat as console_chat
from bot.channels.console.inbox import ConsoleInbox
from bot.channels.menu_text import render
from bot.delivery.planner import Planner
from bot.jobs.reminders import monitoring_slot
from handlers.commands import typed
from storage.models import Person
from tests.delivery.people import add_people
from tests.language.english import places, vietnamese_left
from tests.transcript import REGISTRATION, Chat

TYPED = ("John Smith", "12 Dong hamlet")
ALLOWED = (*TYPED, *places("12052", "33"))
ENGLISH_REGISTRATION = ("hello", "yes", "John Smith", "12/03/1990", "male", "0912 345 678", "skip", "hung yen",
                        "yen my", "12 Dong hamlet", "save")


async def _english(chat: Chat, text: str, allowed: tuple[str, ...] = ALLOWED) -> str:
    """Send ``text``; the replies, checked to hold no Vietnamese besides names and places."""
    reply = await chat.send(text)
    assert vietnamese_left(reply, allowed) == [], reply
    assert all(item.locale == messages.EN for item in chat.replies)
    return reply


async def _locale(database, user_id: str) -> str:  # type: ignore[no-untyped-def]
    async with database.sessions() as session:
        person = (await session.execute(select(Person).where(Person.external_id == user_id))).scalar_one()
    return person.locale


async def test_an_english_visitor_registers_and_declares_in_english(service, database) -> None:
    chat = Chat(service, user_id="visitor")
    first = await _english(chat, "hello")
    assert first.startswith("I'll answer in English.") and "Do you agree?" in first and "1. I agree" in first
    assert "Decree 13/2023" in first
    assert "What is your full name?" in await _english(chat, "yes")
    assert "date of birth" in await _english(chat, "John Smith")
    assert "What is your gender?" in await _english(chat, "12/03/1990")
    assert "phone number" in await _english(chat, "male")
    assert "citizen ID" in await _english(chat, "0912 345 678")
    assert "Which province or city" in await _english(chat, "skip")
    reply = await _english(chat, "hung yen")
    assert "Chosen: Hưng Yên" in reply and "Which commune or ward of Hưng Yên?" in reply
    assert "house number" in await _english(chat, "yen my")
    review = await _english(chat, "12 Dong hamlet")
    assert "• Full name: John Smith" in review and "• Date of birth: 12/03/1990" in review
    assert "• Gender: Male" in review and "• Citizen ID: none" in review
    assert "Choose \"Save my details\"" in review and "1. Save my details" in review
    saved = await _english(chat, "save")
    assert "Your details are saved." in saved and "Who are you declaring for?" in saved
    assert await _locale(database, "visitor") == "en"  # kept at registration
    assert "any of these symptoms" in await _english(chat, "myself")
    assert "You chose: Fever, Cough" in await _english(chat, "fever and cough")
    assert "which provinces, communes or countries" in await _english(chat, "none")
    assert "Places visited: Japan" in await _english(chat, "japan")
    assert "COVID-19 vaccine" in await _english(chat, "no")
    review = await _english(chat, "two doses")
    assert "• Symptoms: Fever, Cough" in review and "• Places visited: Japan" in review
    assert "• Vaccine: 2 doses" in review and "against the law" in review
    result = await _english(chat, "send")
    assert "Risk level: RED (high)" in result and "Symptoms in the last 14 days" in result
    assert "Came from abroad in the last 14 days" in result and "Declaration code:" in result
    assert [reply.qr is not None for reply in chat.replies] == [False, True]

    help_text = await _english(chat, "/help")
    assert help_text.startswith("Help — the commands you can use:") and "/declare (/khaibao)" in help_text
    assert (await _english(chat, "/huongdan")) == help_text
    assert "There are no notices yet." in await _english(chat, "/thongbao")
    assert "No area is on the outbreak list" in await _english(chat, "/vungdich")
    again = await _english(chat, "/declare")
    assert "Are these still correct?" in again and "Name: John Smith" in again


async def test_english_answers_are_understood_as_loosely_as_vietnamese_ones(service) -> None:
    chat = Chat(service, user_id="loose")
    await chat.say_all(*ENGLISH_REGISTRATION, "for me")
    chosen = await _english(chat, "I have a bit of fever and trouble breathing")
    assert "You chose: Fever, Shortness of breath" in chosen and chat.step == "exposure"
    assert "\"None\" can't be combined" in await _english(chat, "none, f0")
    assert "which provinces" in await _english(chat, "no contact")
    hint = await _english(chat, "atlantis")
    assert "I couldn't find \"atlantis\"" in hint and chat.step == "travel"
    await _english(chat, "stayed home")
    assert chat.step == "conditions"
    await _english(chat, "high blood pressure and diabetes")
    assert "You chose: High blood pressure, Diabetes" in chat.text and chat.step == "vaccine"
    review = await _english(chat, "zero")
    assert "• Places visited: none" in review and "• Vaccine: None yet" in review
    again = await _english(chat, "change symptoms")
    assert "any of these symptoms" in again and chat.step == "symptoms"
    assert "You chose: No symptoms" in await _english(chat, "nothing")
    assert "Please check your declaration" in chat.text


async def test_a_vietnamese_user_sees_exactly_what_they_always_saw(service) -> None:
    chat = Chat(service, user_id="viet")
    await chat.send("chao")
    assert [render(reply) for reply in chat.replies] == [
        f"{messages.t('vi', 'consent.prompt')}\n1. Tôi đồng ý\n2. Không đồng ý"]
    assert all(reply.locale == messages.VI for reply in chat.replies)
    await chat.say_all(*REGISTRATION[1:])
    assert "Bạn khai báo cho ai?" in chat.text and "English" not in chat.text


async def test_first_contact_without_words_asks_for_the_language(service, database) -> None:
    chat = Chat(service, user_id="tg")
    asked = await chat.send("/start")
    assert asked == ("Xin chào! Bạn muốn dùng tiếng Việt hay tiếng Anh?\nHello! Would you like Vietnamese or "
                     "English?\n1. Tiếng Việt\n2. English")
    assert chat.step == "__language__"
    again = await chat.send("ok")
    assert again.startswith("Gõ 1 để dùng tiếng Việt — type 2 for English.") and chat.step == "__language__"
    chosen = await _english(chat, "2")
    assert chosen.startswith("From now on I'll answer in English.") and "Do you agree?" in chosen
    other = Chat(service, user_id="tg2")
    await other.send("👍")
    assert "Bạn có đồng ý không?" in await other.press("__language__", "vi")
    assert "Từ giờ mình sẽ trả lời bằng tiếng Việt." in other.text


async def test_language_switches_mid_way_and_the_question_stays(service, database) -> None:
    chat = Chat(service, user_id="switch")
    await chat.say_all("chao", "1", "nguyen van an")
    assert "Ngày sinh của bạn?" in chat.text
    asked = await chat.send("/language")
    assert "1. Tiếng Việt\n2. English" in asked
    switched = await _english(chat, "english", allowed=("nguyen van an",))
    assert switched.startswith("From now on I'll answer in English.") and "What is your date of birth?" in switched
    assert "What is your gender?" in await _english(chat, "1990")
    back = await chat.send("/ngonngu tieng viet")
    assert back.startswith("Từ giờ mình sẽ trả lời bằng tiếng Việt.") and "Giới tính của bạn?" in back
    await chat.say_all("nam", "0912345678", "bo qua", "hung yen", "yen my", "so 12 thon dong", "1")
    assert "Đã lưu thông tin của bạn." in chat.text and await _locale(database, "switch") == "vi"
    switched = await chat.send("/language en")
    assert switched.startswith("From now on I'll answer in English.")
    assert "Who are you declaring for?" in switched  # the question on screen, now in English
    assert await _locale(database, "switch") == "en"
    # a reply to the language question that names no language answers the question on screen
    await chat.send("/language")
    assert "any of these symptoms" in await chat.send("myself") and chat.step == "symptoms"


async def test_reminders_reach_an_english_speaker_in_english(service, database, clock) -> None:
    chat = Chat(service, user_id="watched")
    await chat.say_all(*ENGLISH_REGISTRATION, "myself", "cough", "none", "none", "none", "none", "send")
    code = chat.replies[-1].text.split("Declaration code: ", 1)[1].split("\n", 1)[0]
    await add_people(database, 1, start=1, channel="console", role="official", area_code="12052")
    official = Chat(service, user_id="10001")  # a Vietnamese-speaking official
    assert "vào diện theo dõi sức khỏe 7 ngày" in await official.send(f"/theodoi {code} 7")
    await monitoring_slot(database, clock.now, clock.now, service.settings)
    window = io.StringIO()
    inbox = ConsoleInbox(database, "watched", window, clock=lambda: clock.now, plan=False)
    await Planner(database, lambda: clock.now).tick()
    assert await inbox.deliver() >= 2
    pushed = window.getvalue()
    assert "A health worker has put you under health monitoring for 7 days." in pushed
    assert "Health declaration reminder: you are under health monitoring." in pushed
    assert pushed.startswith("\n── New message ──\n") and "Tin mới" not in pushed
    assert vietnamese_left(pushed, ALLOWED) == []


async def test_the_console_window_speaks_the_users_language(service, tmp_path) -> None:
    await Chat(service, user_id="en-window").say_all(*ENGLISH_REGISTRATION)
    window = io.StringIO()
    await console_chat(service, "en-window", tmp_path, stdin=io.StringIO("/help\n"), out=window)
    first, rest = window.getvalue().split("\n", 1)
    assert first.startswith('This window is the user "en-window"') and vietnamese_left(rest, ALLOWED) == []
    window = io.StringIO()
    await console_chat(service, "someone-new", tmp_path, stdin=io.StringIO(""), out=window)
    first, second = window.getvalue().split("\n")[:2]  # someone new reads both languages
    assert first.startswith("Cửa sổ này là người dùng «someone-new»")
    assert second.startswith('This window is the user "someone-new"')


VENUE_COMMANDS = {"diadiem", "luotvao", "inposter", "tiepxuc", "checkin", "dsdiadiem", "cabenh", "tamdung", "web",
                  "dangxuat"}  # named in English with the venue and web console work


async def test_english_help_and_texts_name_english_commands(service, database) -> None:
    chat = Chat(service, user_id="en-help")
    consent = await chat.send("hello")
    assert "/mydata" in consent and "/deletedata" in consent and "/dulieucuatoi" not in consent
    await chat.say_all(*ENGLISH_REGISTRATION[1:])
    listed = re.findall(r"^/(\w+)", await chat.send("/help"), re.MULTILINE)
    assert {"outbreak", "notices", "report", "mydata", "deletedata", "join"} <= set(listed)
    assert not set(listed) & {"vungdich", "thongbao", "baocao", "dulieucuatoi", "xoadulieu", "canbo"}
    await chat.send("/mydata")
    assert chat.replies[0].document is not None and chat.replies[0].document[0] == "my-data.json"
    assert "Do you want to withdraw your consent" in await chat.send("/deletedata")
    admin = Chat(service, user_id="admin")
    await admin.send("/language english")
    shown = re.findall(r"^/(\w+)", await admin.send("/help"), re.MULTILINE)
    vietnamese_only = {name for name in shown if (command := typed(name)) and command.english is None}
    assert vietnamese_only <= VENUE_COMMANDS, vietnamese_only
    assert {"newnotice", "invite", "staff", "removestaff", "areas"} <= set(shown)
    await add_people(database, 1, start=1, channel="console", role="official", area_code="12052")
    official = Chat(service, user_id="10001")
    await official.send("/language english")
    shown = re.findall(r"^/(\w+)", await official.send("/help"), re.MULTILINE)
    assert {"check", "alerts", "ack", "reported", "monitor", "stats", "export"} <= set(shown)
    assert {name for name in shown if (command := typed(name)) and command.english is None} <= VENUE_COMMANDS
    assert "/removestaff 12" in await admin.send("/removestaff"), "the usage names the English command"
