"""Telegram updates turned into neutral Incoming messages, or into what the adapter answers by itself."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from telegram import Message, Update, User
from telegram.constants import ChatType

import messages
from bot.channels.telegram.buttons import ButtonCodec, PageTurn
from bot.channels.telegram.render import Pressed
from bot.conversation.uploads import PHOTO_NAME
from handlers.protocol import BUTTON, CONTACT, DOCUMENT, TEXT, UNSUPPORTED, Incoming, Reply

CHANNEL = "telegram"


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


def receive(update: Update, codec: ButtonCodec) -> Received | None:
    """What ``update`` asks for; None for updates the bot ignores (groups, channels, other bots, edits)."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or chat.type != ChatType.PRIVATE or user.is_bot:
        return None
    incoming = functools.partial(_incoming, update.update_id, user)
    query = update.callback_query
    if query is not None:
        shown = query.message if isinstance(query.message, Message) and query.message.is_accessible else None
        text = (shown.text or shown.caption) if shown else None
        pressed = Pressed(shown.message_id, text) if shown else None
        action = codec.decode(query.data or "")
        if isinstance(action, PageTurn):
            fallback = incoming(kind=BUTTON, option=("", query.data or ""))
            return Received(chat.id, fallback, page=action.page, query_id=query.id, pressed=pressed)
        pressed = Pressed(pressed.message_id, text, action[1]) if pressed else None
        return Received(chat.id, incoming(kind=BUTTON, option=action), query_id=query.id, pressed=pressed)
    message = update.message
    if message is None:
        return None
    if message.contact is not None:
        if message.contact.user_id != user.id:
            locale = messages.EN if (user.language_code or "").startswith(messages.EN) else messages.VI
            return Received(chat.id, replies=(Reply(messages.t(locale, "telegram.contact_refused"), locale=locale),))
        return Received(chat.id, incoming(text=_international(message.contact.phone_number), kind=CONTACT))
    if isinstance(message.text, str):
        return Received(chat.id, incoming(text=message.text))
    if message.document is not None:
        document = message.document
        file = FileRef(document.file_id, document.file_name or "tep", document.file_size)
        return Received(chat.id, incoming(kind=DOCUMENT), file=file)
    if message.photo:
        photo = max(message.photo, key=lambda size: size.width * size.height)
        return Received(chat.id, incoming(kind=DOCUMENT), file=FileRef(photo.file_id, PHOTO_NAME, photo.file_size))
    return Received(chat.id, incoming(kind=UNSUPPORTED))


def _incoming(
    update_id: int, user: User, text: str = "", kind: str = TEXT, option: tuple[str, str] | None = None
) -> Incoming:
    """The neutral message; the update id serves as message id, so a repeated delivery is dropped."""
    return Incoming(CHANNEL, str(user.id), text, kind, option, str(update_id), user.full_name)


def _international(phone_number: str) -> str:
    """Telegram gives contact numbers in international format, usually without the leading +."""
    digits = phone_number.strip()
    return digits if digits.startswith("+") else f"+{digits}"
