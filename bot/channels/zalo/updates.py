"""Zalo Bot Platform updates (webhook bodies, wrapped or flat, and getUpdates results) to neutral Incoming."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from handlers.protocol import DOCUMENT, TEXT, UNSUPPORTED, Incoming

CHANNEL = "zalo"
TEXT_EVENT = "message.text.received"
IMAGE_EVENT = "message.image.received"
GROUP = "GROUP"

JSON = dict[str, Any]
_WEB = ("https://", "http://")


@dataclass(frozen=True)
class ZaloUpdate:
    """One user message: the neutral Incoming plus where to answer."""

    incoming: Incoming
    chat_id: str
    group: bool = False
    photo_url: str | None = None  # a photo the user sent, fetched before the service reads it

    @property
    def message_id(self) -> str:
        """The platform's message id (always set for a parsed update)."""
        return self.incoming.message_id or ""


def unwrap(body: object) -> JSON | None:
    """The update inside a webhook body, ``{"ok": true, "result": {...}}`` or flat; None if not an object."""
    if not isinstance(body, dict):
        return None
    result = body.get("result")
    if "ok" in body and isinstance(result, dict):
        return result
    return body


def parse(update: JSON) -> ZaloUpdate | None:
    """The message an update carries; None for events that are not a user's message."""
    event = update.get("event_name")
    message = update.get("message")
    if not isinstance(event, str) or not event.startswith("message.") or not isinstance(message, dict):
        return None
    sender = _object(message.get("from"))
    chat = _object(message.get("chat"))
    user_id = _id(sender.get("id"))
    chat_id = _id(chat.get("id")) or user_id
    if not user_id or sender.get("is_bot") is True:
        return None
    text = message.get("text")
    is_text = event == TEXT_EVENT and isinstance(text, str)
    photo = message.get("photo_url") or message.get("photo")
    photo_url = photo if event == IMAGE_EVENT and isinstance(photo, str) and photo.startswith(_WEB) else None
    display_name = sender.get("display_name")
    incoming = Incoming(
        CHANNEL,
        user_id,
        text=text if isinstance(text, str) and is_text else "",
        kind=TEXT if is_text else DOCUMENT if photo_url else UNSUPPORTED,
        message_id=_id(message.get("message_id")) or _fingerprint(update),
        display_name=display_name if isinstance(display_name, str) else None,
    )
    return ZaloUpdate(incoming, chat_id, group=chat.get("chat_type") == GROUP, photo_url=photo_url)


def _object(value: object) -> JSON:
    return value if isinstance(value, dict) else {}


def _id(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return ""
    return str(value).strip()


def _fingerprint(update: JSON) -> str:
    """A stable id for an update without a message id, so a repeated delivery is still recognised."""
    canonical = json.dumps(update, sort_keys=True, ensure_ascii=False, default=str)
    return "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()[:40]
