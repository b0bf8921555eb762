"""Bot API request decoding (JSON, urlencoded, multipart), error answers and parameter checks."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request

from tests.fakes.telegram_objects import JSON, FormatError, TgFile, check_html, check_inline_keyboard

# Parameters Telegram treats as plain strings; every other form value is JSON-decoded.
STRING_PARAMS = frozenset(
    {
        "text", "caption", "parse_mode", "secret_token", "url", "callback_query_id", "action",
        "language_code", "photo", "document", "file_id", "inline_message_id",
        "business_connection_id", "message_effect_id", "ip_address",
    }
)


def decode_value(name: str, value: str) -> Any:
    """A form value as Telegram reads it: JSON unless the parameter is a plain string."""
    if name in STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def decode_form(pairs: list[tuple[str, str]]) -> JSON:
    """Decode form fields (urlencoded or multipart text parts) into typed parameters."""
    return {name: decode_value(name, value) for name, value in pairs}


def parse_urlencoded(body: bytes) -> list[tuple[str, str]]:
    """Fields of an application/x-www-form-urlencoded body."""
    return parse_qsl(body.decode(), keep_blank_values=True)


def parse_multipart(body: bytes, content_type: str) -> tuple[list[tuple[str, str]], dict[str, TgFile]]:
    """Text fields and file parts of a multipart/form-data body."""
    match = re.search(r'boundary="?([^";]+)"?', content_type)
    if match is None:
        raise ValueError("multipart body without boundary")
    fields: list[tuple[str, str]] = []
    files: dict[str, TgFile] = {}
    for part in body.split(b"--" + match.group(1).encode())[1:-1]:
        head, _, content = part.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        content = content.removesuffix(b"\r\n")
        headers = head.decode()
        name = _header_param(headers, "name") or ""
        filename = _header_param(headers, "filename")
        if filename is None:
            fields.append((name, content.decode()))
            continue
        mime = re.search(r"(?im)^content-type:\s*([^\r\n]+)", headers)
        files[name] = TgFile(filename, mime.group(1).strip() if mime else "application/octet-stream", content)
    return fields, files


def _header_param(headers: str, name: str) -> str | None:
    match = re.search(rf';\s*{name}="([^"]*)"', headers)
    return match.group(1).replace("%22", '"') if match else None


async def decode_request(request: Request) -> tuple[JSON, dict[str, TgFile]]:
    """Parameters from the query string and a JSON, urlencoded or multipart body, plus uploads."""
    params: JSON = {name: decode_value(name, value) for name, value in request.query_params.items()}
    body = await request.body()
    content_type = request.headers.get("content-type", "")
    files: dict[str, TgFile] = {}
    if content_type.startswith("application/json"):
        loaded = json.loads(body or b"{}")
        params.update({k: decode_value(k, v) if isinstance(v, str) else v for k, v in loaded.items()})
    elif content_type.startswith("multipart/form-data"):
        fields, files = parse_multipart(body, content_type)
        params.update(decode_form(fields))
    elif body:
        params.update(decode_form(parse_urlencoded(body)))
    return params, files


class ApiError(Exception):
    """An error answer of the Bot API."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def body(self) -> JSON:
        """The JSON body Telegram sends with this error."""
        body: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(reason: str) -> ApiError:
    """A 400 answer with Telegram's "Bad Request: ..." wording."""
    return ApiError(400, f"Bad Request: {reason}")


def not_modified() -> ApiError:
    """Telegram's answer to an edit that changes nothing."""
    return bad_request(
        "message is not modified: specified new message content and reply markup are exactly the same "
        "as a current content and reply markup of the message"
    )


def chat_id_param(params: JSON) -> int:
    """The numeric chat_id of a request (private chats only)."""
    chat_id = params.get("chat_id")
    if chat_id is None or chat_id == "":
        raise bad_request("chat_id is empty")
    if not isinstance(chat_id, int):
        raise bad_request("chat not found")
    return chat_id


def text_param(params: JSON) -> str:
    """The ``text`` of sendMessage / editMessageText, within Telegram's limits."""
    text = params.get("text")
    if not isinstance(text, str) or not text.strip():
        raise bad_request("message text is empty")
    if len(text) > 4096:
        raise bad_request("message is too long")
    return text


def caption_param(params: JSON) -> str | None:
    """The optional ``caption`` of a media message, within Telegram's limit."""
    caption = params.get("caption")
    if caption is not None and len(caption) > 1024:
        raise bad_request("message caption is too long")
    return caption


def check_content(text: str | None, parse_mode: str | None, markup: JSON | None) -> None:
    """Refuse malformed HTML and invalid callback data as Telegram does."""
    try:
        if text and (parse_mode or "").upper() == "HTML":
            check_html(text)
        check_inline_keyboard(markup)
    except FormatError as error:
        raise bad_request(f"can't parse entities: {error}") from None
    except ValueError as error:
        raise bad_request(str(error)) from None


def scope_key(params: JSON) -> tuple[str, str]:
    """Key of a command list: its scope (default scope when absent) and language code."""
    scope = params.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), params.get("language_code") or ""
