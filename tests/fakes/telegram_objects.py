"""Telegram Bot API objects for the fake server: files, bot messages, HTML rules, JSON shapes."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

JSON = dict[str, Any]

HTML_TAGS = frozenset(
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
        "code", "pre", "blockquote", "tg-emoji",
    }
)
_BARE_LT = re.compile(r"<(?![A-Za-z/])")


class FormatError(ValueError):
    """Text that Telegram would refuse with "can't parse entities"."""


@dataclass
class TgFile:
    """A file uploaded to or offered by the fake server; ``file_id`` is set once stored."""

    filename: str
    mime_type: str
    data: bytes
    file_id: str = ""


@dataclass
class BotMessage:
    """A message the bot sent to a chat, as it stands now (edits applied)."""

    chat_id: int
    message_id: int
    date: int
    kind: str  # "text", "photo" or "document"
    text: str | None  # text or caption exactly as sent, markup included
    parse_mode: str | None
    reply_markup: JSON | None
    file: TgFile | None = None
    edits: list[JSON] = field(default_factory=list)
    edit_date: int | None = None
    deleted: bool = False

    @property
    def plain_text(self) -> str | None:
        """The text as the user reads it (HTML tags removed, entities unescaped)."""
        if self.text is not None and (self.parse_mode or "").upper() == "HTML":
            return html_to_plain(self.text)
        return self.text

    @property
    def buttons(self) -> list[list[tuple[str, str]]]:
        """Inline keyboard rows as (text, callback_data or url)."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [[(b["text"], b.get("callback_data") or b.get("url", "")) for b in row] for row in rows]


def now() -> int:
    """Unix time in whole seconds, as Telegram dates are."""
    return int(time.time())


class _HtmlChecker(HTMLParser):
    """Walks Telegram-flavoured HTML, collecting the plain text and the first error."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open_tags: list[str] = []
        self.parts: list[str] = []
        self.error: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            self.error = self.error or f'Unsupported start tag "{tag}"'
        self.open_tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags or self.open_tags[-1] != tag:
            self.error = self.error or f'Unexpected end tag "{tag}"'
            return
        self.open_tags.pop()

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _run_checker(text: str) -> _HtmlChecker:
    checker = _HtmlChecker()
    checker.feed(text)
    checker.close()
    return checker


def check_html(text: str) -> None:
    """Raise FormatError where Telegram's HTML parse mode would reject ``text``."""
    bare = _BARE_LT.search(text)
    if bare:
        raise FormatError(f'Unsupported start tag "" at byte offset {len(text[: bare.start()].encode())}')
    checker = _run_checker(text)
    if checker.error:
        raise FormatError(checker.error)
    if checker.open_tags:
        raise FormatError(f'Can\'t find end tag corresponding to start tag "{checker.open_tags[-1]}"')


def html_to_plain(text: str) -> str:
    """Telegram HTML rendered to the plain text the user reads."""
    return "".join(_run_checker(text).parts)


def check_inline_keyboard(markup: JSON | None) -> None:
    """Raise ValueError for callback data Telegram refuses (1-64 bytes)."""
    for row in (markup or {}).get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= 64:
                raise ValueError("BUTTON_DATA_INVALID")


def user_json(user_id: int, first_name: str) -> JSON:
    """A human Telegram user."""
    return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "vi"}


def bot_json(bot_id: int, username: str) -> JSON:
    """The bot's own User object, as getMe returns it."""
    return {
        "id": bot_id,
        "is_bot": True,
        "first_name": "khaibao",
        "username": username,
        "can_join_groups": False,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
    }


def private_chat_json(chat_id: int, first_name: str) -> JSON:
    """The private chat between the bot and a user (chat id equals the user id)."""
    return {"id": chat_id, "type": "private", "first_name": first_name}


def file_json(file: TgFile) -> JSON:
    """The fields shared by Telegram's file objects."""
    return {"file_id": file.file_id, "file_unique_id": f"u{file.file_id}", "file_size": len(file.data)}


def photo_json(file: TgFile) -> list[JSON]:
    """A photo as Telegram returns it: a list of sizes (one here)."""
    return [{**file_json(file), "width": 320, "height": 320}]


def document_json(file: TgFile) -> JSON:
    """A Document object."""
    return {**file_json(file), "file_name": file.filename, "mime_type": file.mime_type}


def bot_message_json(message: BotMessage, bot: JSON, chat: JSON) -> JSON:
    """A Message object for a message the bot sent."""
    body: JSON = {"message_id": message.message_id, "date": message.date, "chat": chat, "from": bot}
    if message.kind == "text":
        body["text"] = message.plain_text
    else:
        assert message.file is not None
        media = photo_json if message.kind == "photo" else document_json
        body[message.kind] = media(message.file)
        if message.text:
            body["caption"] = message.plain_text
    if message.edit_date:
        body["edit_date"] = message.edit_date
    if message.reply_markup and "inline_keyboard" in message.reply_markup:
        body["reply_markup"] = message.reply_markup
    return body


def command_entities(text: str) -> list[JSON]:
    """The bot_command entity Telegram attaches to a message starting with "/"."""
    command = text.split(maxsplit=1)[0]
    return [{"type": "bot_command", "offset": 0, "length": len(command.encode("utf-16-le")) // 2}]
