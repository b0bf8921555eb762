"""Adapter table: Telegram update JSON in, neutral Incoming (or the adapter's own answer) out."""

from __future__ import annotations

from typing import Any

import pytest

from bot.channels.telegram.buttons import ButtonCodec
from bot.channels.telegram.receive import Received, receive
from bot.channels.telegram.render import Pressed
from handlers.protocol import BUTTON, CONTACT, UNSUPPORTED, Incoming

USER = {"id": 42, "is_bot": False, "first_name": "An", "last_name": "Nguyen"}
CHAT = {"id": 42, "type": "private", "first_name": "An"}
LONG_OPTION = "edit:" + "x" * 70


def message(**content: Any) -> dict[str, Any]:
    return {"update_id": 7, "message": {"message_id": 3, "date": 0, "chat": CHAT, "from": USER, **content}}


def press(data: str, shown: dict[str, Any] | None = None) -> dict[str, Any]:
    shown = shown or {"message_id": 2, "date": 1, "chat": CHAT, "text": "Giới tính của bạn?"}
    query = {"id": "q1", "from": USER, "chat_instance": "c", "data": data, "message": shown}
    return {"update_id": 7, "callback_query": query}


def incoming(**fields: Any) -> Incoming:
    return Incoming(channel="telegram", user_id="42", message_id="7", display_name="An Nguyen", **fields)


CODEC = ButtonCodec()
HASHED = CODEC.encode("review", LONG_OPTION)

CASES = [
    ("text", message(text="nguyen van an"), Received(42, incoming(text="nguyen van an"))),
    (
        "deep link",
        message(text="/start a_12052", entities=[{"type": "bot_command", "offset": 0, "length": 6}]),
        Received(42, incoming(text="/start a_12052")),
    ),
    (
        "button",
        press("gender:male"),
        Received(
            42,
            incoming(kind=BUTTON, option=("gender", "male")),
            query_id="q1",
            pressed=Pressed(2, "Giới tính của bạn?", "male"),
        ),
    ),
    (
        "edit button from the review",
        press("review:edit:full_name"),
        Received(
            42,
            incoming(kind=BUTTON, option=("review", "edit:full_name")),
            query_id="q1",
            pressed=Pressed(2, "Giới tính của bạn?", "edit:full_name"),
        ),
    ),
    (
        "hashed long data",
        press(HASHED),
        Received(
            42,
            incoming(kind=BUTTON, option=("review", LONG_OPTION)),
            query_id="q1",
            pressed=Pressed(2, "Giới tính của bạn?", LONG_OPTION),
        ),
    ),
    (
        "unknown hash",
        press("#AAAAAAAAAAAAAAAAAAAAAA"),
        Received(
            42,
            incoming(kind=BUTTON, option=("", "#AAAAAAAAAAAAAAAAAAAAAA")),
            query_id="q1",
            pressed=Pressed(2, "Giới tính của bạn?", "#AAAAAAAAAAAAAAAAAAAAAA"),
        ),
    ),
    (
        "page turn",
        press("~1"),
        Received(
            42,
            incoming(kind=BUTTON, option=("", "~1")),
            page=1,
            query_id="q1",
            pressed=Pressed(2, "Giới tính của bạn?"),
        ),
    ),
    (
        "button on a photo",
        press("x:y", {"message_id": 5, "date": 1, "chat": CHAT, "caption": "Mã khai báo", "photo": []}),
        Received(
            42, incoming(kind=BUTTON, option=("x", "y")), query_id="q1", pressed=Pressed(5, "Mã khai báo", "y")
        ),
    ),
    (
        "button on an inaccessible message",
        press("x:y", {"message_id": 5, "date": 0, "chat": CHAT}),
        Received(42, incoming(kind=BUTTON, option=("x", "y")), query_id="q1"),
    ),
    (
        "own contact",
        message(contact={"phone_number": "84912345678", "first_name": "An", "user_id": 42}),
        Received(42, incoming(kind=CONTACT, text="+84912345678")),
    ),
    (
        "own contact with +",
        message(contact={"phone_number": "+84912345678", "first_name": "An", "user_id": 42}),
        Received(42, incoming(kind=CONTACT, text="+84912345678")),
    ),
    ("sticker", message(sticker={"file_id": "s", "file_unique_id": "u", "width": 1, "height": 1,
                                 "is_animated": False, "is_video": False, "type": "regular"}),
     Received(42, incoming(kind=UNSUPPORTED))),
    ("photo with caption", message(photo=[], caption="giay to"), Received(42, incoming(kind=UNSUPPORTED))),
]


@pytest.mark.parametrize(("update", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_update_becomes(update: dict[str, Any], expected: Received) -> None:
    assert receive(update, CODEC) == expected


def test_someone_elses_contact_is_refused_politely() -> None:
    update = message(contact={"phone_number": "84987654321", "first_name": "Binh", "user_id": 99})
    received = receive(update, CODEC)
    assert received is not None and received.incoming is None
    assert [reply.text for reply in received.replies] == [
        "Mình chỉ nhận số điện thoại của chính bạn. Vui lòng bấm nút «Gửi số điện thoại của tôi» "
        "hoặc gõ số điện thoại của bạn."
    ]


def test_contact_without_telegram_account_is_refused() -> None:
    update = message(contact={"phone_number": "84987654321", "first_name": "Binh"})
    received = receive(update, CODEC)
    assert received is not None and received.incoming is None and received.replies


@pytest.mark.parametrize(
    "update",
    [
        {"update_id": 7, "message": {"message_id": 3, "date": 0, "chat": {"id": -5, "type": "group", "title": "x"},
                                     "from": USER, "text": "chao"}},
        {"update_id": 7, "message": {"message_id": 3, "date": 0, "chat": CHAT,
                                     "from": {**USER, "is_bot": True}, "text": "chao"}},
        {"update_id": 7, "edited_message": {"message_id": 3, "date": 0, "chat": CHAT, "from": USER, "text": "x"}},
        {"update_id": 7, "message": {"message_id": 3, "date": 0, "chat": CHAT, "from": USER, "text": ["x"]}},
        {"update_id": 7, "message": {"message_id": 3, "date": 0, "chat": CHAT, "text": "no sender"}},
        {"update_id": "7", "message": {"message_id": 3, "date": 0, "chat": CHAT, "from": USER, "text": "x"}},
        {"update_id": 7, "callback_query": {"id": 5, "from": USER, "data": "x:y"}},
        {"update_id": 7, "message": "chao"},
    ],
    ids=["group", "another bot", "edited message", "text no string", "no sender", "id no number",
         "press without chat", "message no object"],
)
def test_ignored_updates(update: dict[str, Any]) -> None:
    assert receive(update, CODEC) is None
