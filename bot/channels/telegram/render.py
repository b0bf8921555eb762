"""Neutral replies rendered as Bot API calls: escaped HTML, inline buttons with pages and ✅, the contact keyboard."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.constants import ParseMode

import messages
from bot.channels.telegram.buttons import ButtonCodec, page_data
from handlers import receipt
from handlers.engine import DONE
from handlers.protocol import Reply
from handlers.text import split

PAGE_SIZE = 8
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
SHORT_LABEL = 16  # when every label is at most this long, buttons go two to a row
CONTACT_STEPS = frozenset({"phone"})  # the citizen's own phone: offer Telegram's contact button
QR_FILENAME = "khaibao-qr.png"
SENDS = frozenset({"send_message", "send_photo", "send_document"})
CHART_FILENAME = "khaibao-bieu-do.png"


@dataclass(frozen=True)
class Pressed:
    """The bot message whose inline button was pressed."""

    message_id: int
    text: str | None = None  # its text (or caption) as the user sees it
    option: str | None = None  # the option pressed, when it was an option


@dataclass(frozen=True)
class Outgoing:
    """One Bot API call: a method of PTB's ``Bot`` and its keyword arguments."""

    method: str
    kwargs: dict[str, Any]
    prompt: Reply | None = None  # the reply whose paged buttons this message shows
    keyboard: bool | None = None  # True: shows the contact keyboard; False: removes it


def render(
    replies: Sequence[Reply],
    chat_id: int,
    codec: ButtonCodec,
    *,
    pressed: Pressed | None = None,
    keyboard_shown: bool = False,
) -> list[Outgoing]:
    """The calls that show ``replies`` in a chat, in order.

    ``pressed`` is the message a button press came from (a reply with ``edit`` redraws it);
    ``keyboard_shown`` says the chat still shows the contact keyboard, which is removed with the
    first plain message unless the phone is asked again.
    """
    calls = [call for reply in replies for call in _render_one(reply, chat_id, codec, pressed)]
    if keyboard_shown and not any(_offers_contact(reply) for reply in replies):
        _attach_removal(calls)
    return calls


def page(reply: Reply, chat_id: int, message_id: int, number: int, codec: ButtonCodec) -> Outgoing:
    """Show page ``number`` of a prompt's buttons on the message that carries them."""
    markup = keyboard(reply, codec, number)
    return Outgoing(
        "edit_message_reply_markup", {"chat_id": chat_id, "message_id": message_id, "reply_markup": markup}, reply
    )


def keyboard(reply: Reply, codec: ButtonCodec, number: int = 0) -> InlineKeyboardMarkup | None:
    """The inline keyboard of a prompt: one page of options, ◀ ▶ when there are more, "Xong" for a multi-choice."""
    if not reply.options:
        return None
    step = reply.step or ""
    pages = math.ceil(len(reply.options) / PAGE_SIZE)
    number = min(max(number, 0), pages - 1)
    shown = reply.options[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
    columns = 2 if all(len(option.label) <= SHORT_LABEL for option in reply.options) else 1
    buttons = [
        InlineKeyboardButton(_label(reply, option.id, option.label), callback_data=codec.encode(step, option.id))
        for option in shown
    ]
    rows = [buttons[start : start + columns] for start in range(0, len(buttons), columns)]
    turns = []
    if number > 0:
        turns.append(InlineKeyboardButton(messages.t(reply.locale, "telegram.page_previous"),
                                          callback_data=page_data(number - 1)))
    if number < pages - 1:
        turns.append(InlineKeyboardButton(messages.t(reply.locale, "telegram.page_next"),
                                          callback_data=page_data(number + 1)))
    if turns:
        rows.append(turns)
    if reply.multi:
        done = InlineKeyboardButton(messages.t(reply.locale, "telegram.done"), callback_data=codec.encode(step, DONE))
        rows.append([done])
    return InlineKeyboardMarkup(rows)


def escaped_pieces(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """``text`` HTML-escaped, in pieces of at most ``limit`` characters cut at line or sentence boundaries."""
    return [fitted for piece in split(text, limit) for fitted in _fitted(piece, limit)]


def _fitted(piece: str, limit: int) -> list[str]:
    """``piece`` escaped, cut smaller where escaping made it longer than ``limit``."""
    escaped = _escape(piece)
    if len(escaped) <= limit:
        return [escaped]
    cut = max(1, len(piece) * limit // len(escaped))
    return [fitted for part in split(piece, cut) for fitted in _fitted(part, limit)]


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _label(reply: Reply, option_id: str, label: str) -> str:
    return f"✅ {label}" if reply.multi and option_id in reply.selected else label


def _page_of(reply: Reply, option_id: str | None) -> int:
    ids = [option.id for option in reply.options]
    return ids.index(option_id) // PAGE_SIZE if option_id in ids else 0


def _offers_contact(reply: Reply) -> bool:
    return reply.step in CONTACT_STEPS and not reply.options and not reply.edit


def _contact_keyboard(locale: str) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        [[KeyboardButton(messages.t(locale, "telegram.share_phone"), request_contact=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
        input_field_placeholder=messages.t(locale, "telegram.phone_placeholder"),
    )


def _render_one(reply: Reply, chat_id: int, codec: ButtonCodec, pressed: Pressed | None) -> list[Outgoing]:
    if reply.edit and pressed is not None:
        edit = _edit(reply, chat_id, codec, pressed)
        if edit is not None:
            return [edit]
    prompt = reply if len(reply.options) > PAGE_SIZE else None
    markup: Any = keyboard(reply, codec)
    contact = markup is None and _offers_contact(reply)
    if contact:
        markup = _contact_keyboard(reply.locale)
    extra = {"reply_markup": markup} if markup is not None else {}
    shows = True if contact else None
    calls: list[Outgoing] = []
    attachment = _attachment(reply, chat_id)
    if attachment is not None:
        method, params = attachment
        caption = _escape(reply.text)
        if len(caption) <= CAPTION_LIMIT:
            captioned = {**params, "caption": caption, "parse_mode": ParseMode.HTML, **extra}
            return [Outgoing(method, captioned, prompt, shows)]
        calls.append(Outgoing(method, params))
    pieces = escaped_pieces(reply.text)
    for number, piece in enumerate(pieces, 1):
        params = {"chat_id": chat_id, "text": piece, "parse_mode": ParseMode.HTML}
        if number < len(pieces):
            calls.append(Outgoing("send_message", params))
        else:
            calls.append(Outgoing("send_message", {**params, **extra}, prompt, shows))
    return calls


def _attachment(reply: Reply, chat_id: int) -> tuple[str, dict[str, Any]] | None:
    """The photo (QR receipt, chart) or file (export) a reply carries, as a send call, if any."""
    if reply.qr:
        return "send_photo", {"chat_id": chat_id, "photo": receipt.qr_png(reply.qr), "filename": QR_FILENAME}
    if reply.image:
        return "send_photo", {"chat_id": chat_id, "photo": reply.image, "filename": CHART_FILENAME}
    if reply.document:
        name, content = reply.document
        return "send_document", {"chat_id": chat_id, "document": content, "filename": name}
    return None


def _edit(reply: Reply, chat_id: int, codec: ButtonCodec, pressed: Pressed) -> Outgoing | None:
    """Redraw the pressed message: only its buttons when the text is unchanged."""
    text = _escape(reply.text)
    if len(text) > TEXT_LIMIT:
        return None
    params = {
        "chat_id": chat_id,
        "message_id": pressed.message_id,
        "reply_markup": keyboard(reply, codec, _page_of(reply, pressed.option)),
    }
    prompt = reply if len(reply.options) > PAGE_SIZE else None
    if pressed.text is not None and pressed.text.strip() == reply.text.strip():
        return Outgoing("edit_message_reply_markup", params, prompt)
    return Outgoing("edit_message_text", {**params, "text": text, "parse_mode": ParseMode.HTML}, prompt)


def _attach_removal(calls: list[Outgoing]) -> None:
    """Remove the contact keyboard with the first new message that carries no other markup."""
    for index, call in enumerate(calls):
        if call.method in SENDS and "reply_markup" not in call.kwargs:
            kwargs = {**call.kwargs, "reply_markup": ReplyKeyboardRemove()}
            calls[index] = replace(call, kwargs=kwargs, keyboard=False)
            return
