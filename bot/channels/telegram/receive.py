"""Telegram updates turned into neutral Incoming messages, or into what the adapter answers by itself."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from telegram.constants import ChatType

import messages
from bot.channels.telegram.buttons import ButtonCodec, PageTurn
from bot.channels.telegram.render import Pressed
from bot.conversation.uploads import PHOTO_NAME
from handlers.protocol import BUTTON, CONTACT, DOCUMENT, TEXT, UNSUPPORTED, Incoming, Reply

CHANNEL = "telegram"
JSON = dict[str, Any]


@dataclass(frozen=True)
class FileRef:
    """A document or photo the user sent, to fetch with getFile: its id, name and size if known."""

    file_id: str
    name: str
    size: int | None


@dataclass(frozen=True)
class Received:
    """What one update asks of the adapter."""

    chat_id: int
    incoming: Incoming | None = None  # for the conversation service
    replies: tuple[Reply, ...] = ()  # answered by the adapter without the service
    page: int | None = None  # show this page of the pressed message's buttons
    query_id: str | None = None  # the callback query to answer
    pressed: Pressed | None = None  # the message whose button was pressed
    file: FileRef | None = None  # a document or photo to fetch before the service reads it


def receive(update: JSON, codec: ButtonCodec) -> Received | None:
    """What an update (the Bot API's JSON) asks for; None for updates the bot ignores (groups, channels,
    other bots, edits) and for shapes that are no user's message.

    It reads the JSON itself: building PTB's objects for each update cost a quarter of the channel's CPU.
    """
    update_id = update.get("update_id")
    query, message = _object(update.get("callback_query")), _object(update.get("message"))
    source = query or message
    user = _object(source.get("from"))
    chat = _object(_object(query.get("message")).get("chat") if query else message.get("chat"))
    user_id, chat_id = user.get("id"), chat.get("id")
    if not isinstance(update_id, int) or not isinstance(chat_id, int) or not _is_id(user_id) or not _is_id(chat_id):
        return None
    if chat.get("type") != ChatType.PRIVATE or user.get("is_bot") is not False:
        return None
    incoming = functools.partial(_incoming, update_id, user)
    if query:
        return _pressed(query, chat_id, codec, incoming)
    contact = _object(message.get("contact"))
    if contact:
        if contact.get("user_id") != user_id or not isinstance(contact.get("phone_number"), str):
            code = user.get("language_code")
            locale = messages.EN if isinstance(code, str) and code.startswith(messages.EN) else messages.VI
            return Received(chat_id, replies=(Reply(messages.t(locale, "telegram.contact_refused"), locale=locale),))
        return Received(chat_id, incoming(text=_international(contact["phone_number"]), kind=CONTACT))
    if "text" in message:
        text = message["text"]
        return Received(chat_id, incoming(text=text)) if isinstance(text, str) else None
    document = _object(message.get("document"))
    if isinstance(document.get("file_id"), str):
        name = document.get("file_name")
        file = FileRef(document["file_id"], name if isinstance(name, str) and name else "tep", _size(document))
        return Received(chat_id, incoming(kind=DOCUMENT), file=file)
    photos = message.get("photo")
    sizes = [size for size in photos if isinstance(size, dict) and isinstance(size.get("file_id"), str)] \
        if isinstance(photos, list) else []
    if sizes:
        photo = max(sizes, key=lambda size: _number(size.get("width")) * _number(size.get("height")))
        return Received(chat_id, incoming(kind=DOCUMENT), file=FileRef(photo["file_id"], PHOTO_NAME, _size(photo)))
    return Received(chat_id, incoming(kind=UNSUPPORTED))


def _pressed(query: JSON, chat_id: int, codec: ButtonCodec, incoming: Callable[..., Incoming]) -> Received | None:
    """A button press: the option pressed (or a page turn) and the message that carried the button."""
    query_id, data = query.get("id"), query.get("data")
    if not isinstance(query_id, str):
        return None
    data = data if isinstance(data, str) else ""
    shown = _object(query.get("message"))
    accessible = _is_id(shown.get("message_id")) and shown.get("date") != 0  # date 0: no longer accessible
    text = (shown.get("text") or shown.get("caption")) if accessible else None
    text = text if isinstance(text, str) else None
    pressed = Pressed(shown["message_id"], text) if accessible else None
    action = codec.decode(data)
    if isinstance(action, PageTurn):
        fallback = incoming(kind=BUTTON, option=("", data))
        return Received(chat_id, fallback, page=action.page, query_id=query_id, pressed=pressed)
    pressed = Pressed(pressed.message_id, text, action[1]) if pressed else None
    return Received(chat_id, incoming(kind=BUTTON, option=action), query_id=query_id, pressed=pressed)


def _incoming(
    update_id: int, user: JSON, text: str = "", kind: str = TEXT, option: tuple[str, str] | None = None
) -> Incoming:
    """The neutral message; the update id serves as message id, so a repeated delivery is dropped."""
    names = [name for name in (user.get("first_name"), user.get("last_name")) if isinstance(name, str) and name]
    return Incoming(CHANNEL, str(user["id"]), text, kind, option, str(update_id), " ".join(names) or None)


def _object(value: object) -> JSON:
    return value if isinstance(value, dict) else {}


def _is_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _number(value: object) -> int:
    return value if _is_id(value) else 0  # type: ignore[return-value]


def _size(file: JSON) -> int | None:
    size = file.get("file_size")
    return size if _is_id(size) else None


def _international(phone_number: str) -> str:
    """Telegram gives contact numbers in international format, usually without the leading +."""
    digits = phone_number.strip()
    return digits if digits.startswith("+") else f"+{digits}"
