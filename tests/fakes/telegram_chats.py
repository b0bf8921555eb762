"""The fake Telegram server's chats: Bot API methods on the bot's messages, files and commands."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from tests.fakes.telegram_objects import (
    JSON,
    BotMessage,
    TgFile,
    bot_message_json,
    file_json,
    now,
    private_chat_json,
)
from tests.fakes.telegram_wire import (
    bad_request,
    caption_param,
    chat_id_param,
    check_content,
    not_modified,
    scope_key,
    text_param,
)

Handler = Callable[[JSON, dict[str, TgFile]], Any]
CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    }
)
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")


class ChatStore:
    """Each private chat's bot messages (with edits), uploaded files, command lists, button answers."""

    def __init__(self, bot: JSON, keep_history: bool) -> None:
        self.bot = bot
        self.keep_history = keep_history
        self.files: dict[str, TgFile] = {}
        self.callback_answers: dict[str, JSON] = {}
        self.commands: dict[tuple[str, str], list[JSON]] = {}
        self._chats: dict[int, dict[int, BotMessage]] = {}
        self._message_ids: dict[int, int] = {}
        self._names: dict[int, str] = {}
        self._open_queries: set[str] = set()
        self._ids = itertools.count(1)

    def chat_methods(self) -> dict[str, Handler]:
        """Bot API methods served here, by name."""
        return {
            "sendMessage": self._send_message,
            "sendPhoto": self._send_photo,
            "sendDocument": self._send_document,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "sendChatAction": self._send_chat_action,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "getFile": self._get_file,
        }

    # ----- sending -----

    def _send_message(self, params: JSON, files: dict[str, TgFile]) -> JSON:
        return self._store_message(params, "text", text_param(params), None)

    def _send_photo(self, params: JSON, files: dict[str, TgFile]) -> JSON:
        file = self._input_file(params, files, "photo")
        return self._store_message(params, "photo", caption_param(params), file)

    def _send_document(self, params: JSON, files: dict[str, TgFile]) -> JSON:
        file = self._input_file(params, files, "document")
        return self._store_message(params, "document", caption_param(params), file)

    def _store_message(self, params: JSON, kind: str, text: str | None, file: TgFile | None) -> JSON:
        chat_id = chat_id_param(params)
        parse_mode, markup = params.get("parse_mode"), params.get("reply_markup")
        check_content(text, parse_mode, markup)
        message_id = self.new_message_id(chat_id)
        message = BotMessage(chat_id, message_id, now(), kind, text, parse_mode, markup, file)
        if self.keep_history:
            self._chats.setdefault(chat_id, {})[message.message_id] = message
        return self.message_json(message)

    def _input_file(self, params: JSON, files: dict[str, TgFile], name: str) -> TgFile:
        """The file a send refers to: an upload, an attach:// part, a known file_id or a URL."""
        reference = params.get(name)
        if isinstance(reference, str) and reference.startswith("attach://"):
            file = files.get(reference.removeprefix("attach://"))
        elif reference:
            known = self.files.get(reference)
            file = known or TgFile(reference.rsplit("/", 1)[-1], "application/octet-stream", b"")
        else:
            file = files.get(name)
        if file is None:
            raise bad_request(f"there is no {name} in the request")
        return file if file.file_id else self.store_file(file)

    def store_file(self, file: TgFile) -> TgFile:
        """Give a file an id and keep it for getFile and downloads."""
        file.file_id = f"F{next(self._ids):08d}"
        self.files[file.file_id] = file
        return file

    # ----- editing and deleting -----

    def _edit_message_text(self, params: JSON, files: dict[str, TgFile]) -> JSON:
        message = self._editable(params)
        if message.kind != "text":
            raise bad_request("there is no text in the message to edit")
        text, parse_mode, markup = text_param(params), params.get("parse_mode"), params.get("reply_markup")
        check_content(text, parse_mode, markup)
        if (text, parse_mode, markup) == (message.text, message.parse_mode, message.reply_markup):
            raise not_modified()
        message.text, message.parse_mode, message.reply_markup = text, parse_mode, markup
        return self._record_edit(message, params)

    def _edit_message_reply_markup(self, params: JSON, files: dict[str, TgFile]) -> JSON:
        message = self._editable(params)
        markup = params.get("reply_markup")
        check_content(None, None, markup)
        if markup == message.reply_markup:
            raise not_modified()
        message.reply_markup = markup
        return self._record_edit(message, params)

    def _editable(self, params: JSON) -> BotMessage:
        if "inline_message_id" in params:
            raise bad_request("inline messages are not supported by this fake")
        message = self._chats.get(chat_id_param(params), {}).get(params.get("message_id", 0))
        if message is None or message.deleted:
            raise bad_request("message to edit not found")
        return message

    def _record_edit(self, message: BotMessage, params: JSON) -> JSON:
        message.edits.append(dict(params))
        message.edit_date = now()
        return self.message_json(message)

    def _delete_message(self, params: JSON, files: dict[str, TgFile]) -> bool:
        chat_id, message_id = chat_id_param(params), params.get("message_id", 0)
        message = self._chats.get(chat_id, {}).get(message_id)
        if message is not None and not message.deleted:
            message.deleted = True
        elif message is not None or not 0 < message_id <= self._message_ids.get(chat_id, 0):
            raise bad_request("message to delete not found")
        return True

    # ----- other methods -----

    def _answer_callback_query(self, params: JSON, files: dict[str, TgFile]) -> bool:
        query_id = params.get("callback_query_id")
        if query_id not in self._open_queries:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        self._open_queries.discard(query_id)
        self.callback_answers[query_id] = params
        return True

    def _send_chat_action(self, params: JSON, files: dict[str, TgFile]) -> bool:
        chat_id_param(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    def _set_my_commands(self, params: JSON, files: dict[str, TgFile]) -> bool:
        commands = params.get("commands") or []
        for command in commands:
            valid_name = _COMMAND.fullmatch(command.get("command", ""))
            if not valid_name or not 1 <= len(command.get("description", "")) <= 256:
                raise bad_request("BOT_COMMAND_INVALID")
        self.commands[scope_key(params)] = commands
        return True

    def _get_my_commands(self, params: JSON, files: dict[str, TgFile]) -> list[JSON]:
        return self.commands.get(scope_key(params), [])

    def _get_file(self, params: JSON, files: dict[str, TgFile]) -> JSON:
        file = self.files.get(params.get("file_id", ""))
        if file is None:
            raise bad_request("invalid file_id")
        return {**file_json(file), "file_path": f"documents/{file.file_id}"}

    # ----- shared with the simulated users -----

    def new_message_id(self, chat_id: int) -> int:
        """Next message id of a chat (user and bot messages share one sequence, as on Telegram)."""
        self._message_ids[chat_id] = self._message_ids.get(chat_id, 0) + 1
        return self._message_ids[chat_id]

    def message_json(self, message: BotMessage) -> JSON:
        """The Message object Telegram returns for a bot message."""
        chat = private_chat_json(message.chat_id, self._names.get(message.chat_id, "An"))
        return bot_message_json(message, self.bot, chat)

    # ----- readers for tests -----

    def messages(self, chat_id: int) -> list[BotMessage]:
        """The bot's messages in a chat that are not deleted, oldest first."""
        return [m for m in self._chats.get(chat_id, {}).values() if not m.deleted]

    def message(self, chat_id: int, message_id: int) -> BotMessage:
        """One bot message (deleted ones included); LookupError if the bot never sent it."""
        try:
            return self._chats[chat_id][message_id]
        except KeyError:
            raise LookupError(f"the bot sent no message {message_id} to chat {chat_id}") from None

    def last_message(self, chat_id: int) -> BotMessage:
        """The newest visible bot message in a chat."""
        visible = self.messages(chat_id)
        if not visible:
            raise LookupError(f"the bot sent nothing to chat {chat_id}")
        return visible[-1]

    def last_text(self, chat_id: int) -> str | None:
        """Text (or caption) of the newest bot message, as sent; None when there is none."""
        visible = self.messages(chat_id)
        return visible[-1].text if visible else None

    def buttons(self, chat_id: int, message_id: int | None = None) -> list[list[tuple[str, str]]]:
        """Inline keyboard of a bot message (default: the newest) as rows of (text, data)."""
        message = self.last_message(chat_id) if message_id is None else self.message(chat_id, message_id)
        return message.buttons

    def reply_keyboard(self, chat_id: int) -> list[list[str]] | None:
        """Texts of the reply keyboard the chat currently shows, None when there is none."""
        for message in reversed(self.messages(chat_id)):
            markup = message.reply_markup or {}
            if "keyboard" in markup:
                return [[b if isinstance(b, str) else b["text"] for b in row] for row in markup["keyboard"]]
            if "remove_keyboard" in markup:
                return None
        return None

    def my_commands(self, scope: JSON | None = None, language_code: str = "") -> list[tuple[str, str]]:
        """Commands set with setMyCommands for a scope and language, as (command, description)."""
        key = scope_key({"scope": scope, "language_code": language_code})
        return [(c["command"], c["description"]) for c in self.commands.get(key, [])]
