"""Adapter table: Zalo update JSON (webhook bodies wrapped or flat, getUpdates results) to neutral Incoming."""

from __future__ import annotations

from typing import Any

import pytest

from bot.channels.zalo.updates import ZaloUpdate, parse, unwrap
from handlers.protocol import DOCUMENT, TEXT, UNSUPPORTED, Incoming
from tests.fakes.fake_zalo import image_update, sticker_update, text_update, unsupported_update


def _incoming(text: str = "", kind: str = TEXT, message_id: str = "m1") -> Incoming:
    return Incoming("zalo", "u1", text=text, kind=kind, message_id=message_id, display_name="Test User")


TABLE: list[tuple[str, dict[str, Any], ZaloUpdate | None]] = [
    ("text", text_update("u1", "1 va 3", message_id="m1"), ZaloUpdate(_incoming("1 va 3"), "u1")),
    ("command", text_update("u1", "/start", message_id="m1"), ZaloUpdate(_incoming("/start"), "u1")),
    ("image", image_update("u1", caption="sot", message_id="m1"),
     ZaloUpdate(_incoming(kind=DOCUMENT), "u1", photo_url="https://example.org/photo.jpg")),
    ("image without a web address", image_update("u1", photo_url="file:///etc/passwd", message_id="m1"),
     ZaloUpdate(_incoming(kind=UNSUPPORTED), "u1")),
    ("sticker", sticker_update("u1", message_id="m1"), ZaloUpdate(_incoming(kind=UNSUPPORTED), "u1")),
    ("unsupported", unsupported_update("u1", message_id="m1"), ZaloUpdate(_incoming(kind=UNSUPPORTED), "u1")),
    ("unknown message event", {**text_update("u1", "x", message_id="m1"), "event_name": "message.link.received"},
     ZaloUpdate(_incoming(kind=UNSUPPORTED), "u1")),
    ("group", text_update("u1", "chao", message_id="m1", chat_type="GROUP"),
     ZaloUpdate(_incoming("chao"), "u1", group=True)),
    ("not a message event", {"event_name": "bot.added", "message": {}}, None),
    ("no event", {"message": text_update("u1", "x")["message"]}, None),
    ("no sender", {"event_name": "message.text.received", "message": {"text": "x", "message_id": "m1"}}, None),
]


@pytest.mark.parametrize(("update", "expected"), [row[1:] for row in TABLE], ids=[row[0] for row in TABLE])
@pytest.mark.parametrize("wrapped", [False, True], ids=["flat", "wrapped"])
def test_update_to_incoming(update: dict[str, Any], expected: ZaloUpdate | None, wrapped: bool) -> None:
    body = {"ok": True, "result": update} if wrapped else update
    assert parse(unwrap(body) or {}) == expected


def test_numeric_ids_become_strings_and_group_chats_answer_the_group() -> None:
    update = text_update("u1", "hi", message_id="m1", chat_type="GROUP")
    update["message"]["from"]["id"] = 42
    update["message"]["chat"]["id"] = 9000
    update["message"]["message_id"] = 7
    parsed = parse(update)
    assert parsed is not None
    assert (parsed.incoming.user_id, parsed.chat_id, parsed.message_id, parsed.group) == ("42", "9000", "7", True)


def test_messages_from_bots_are_ignored() -> None:
    update = text_update("u1", "hi")
    update["message"]["from"]["is_bot"] = True
    assert parse(update) is None


def test_a_missing_message_id_gets_a_stable_fingerprint() -> None:
    update = text_update("u1", "hi")
    del update["message"]["message_id"]
    first, again = parse(update), parse(dict(update))
    assert first is not None and again is not None
    assert first.message_id.startswith("sha256:") and first.message_id == again.message_id
    other = text_update("u1", "hello")
    del other["message"]["message_id"]
    different = parse(other)
    assert different is not None and different.message_id != first.message_id


@pytest.mark.parametrize("body", [[], "text", 3, None])
def test_bodies_that_are_not_objects_are_refused(body: object) -> None:
    assert unwrap(body) is None
