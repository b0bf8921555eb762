"""Bulk senders per channel: one text to one chat, with platform errors mapped to what the queue does next."""

from __future__ import annotations

from typing import Protocol


class SendError(Exception):
    """A send that did not succeed; the subclass says what to do next."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason[:200]


class RateLimited(SendError):
    """The platform asks to wait ``retry_after`` seconds (429)."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited for {retry_after:g} s")
        self.retry_after = retry_after


class Blocked(SendError):
    """The recipient blocked the bot or left (403): never retried."""


class Transient(SendError):
    """A failure worth retrying (network, 5xx)."""


class Ambiguous(SendError):
    """The request left but no answer came: it may have been delivered."""


class Rejected(SendError):
    """The platform refused this message for good (400)."""


class BulkSender(Protocol):
    """Sends one text to one chat; raises a SendError subclass on failure."""

    text_limit: int

    async def send(self, chat_id: str, text: str, button: dict[str, str] | None = None) -> None:
        """Send ``text`` (at most ``text_limit`` characters) to ``chat_id``, with a link ``button`` ({label, url})
        under it where the platform shows buttons (the worker passes one only for rows that have it)."""
        ...

    async def aclose(self) -> None:
        """Close connections."""
        ...
