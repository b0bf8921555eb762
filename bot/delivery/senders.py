"""Bulk senders per channel: one text to one chat, with platform errors mapped to what the queue does next."""

from __future__ import annotations

import logging
import sys
from typing import Protocol, TextIO

import httpx

import messages_vi
from bot.channels import zalo_api

logging.getLogger("httpx").setLevel(logging.WARNING)


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

    async def send(self, chat_id: str, text: str) -> None:
        """Send ``text`` (at most ``text_limit`` characters) to ``chat_id``."""
        ...

    async def aclose(self) -> None:
        """Close connections."""
        ...


class TelegramSender:
    """sendMessage over a pooled httpx client (lighter than building PTB objects for every recipient)."""

    text_limit = 4096

    def __init__(self, base_url: str, token: str, *, paid_broadcast: bool = False, timeout: float = 10.0) -> None:
        self._url = f"{base_url.rstrip('/')}/bot{token}/sendMessage"
        self._paid = paid_broadcast
        limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
        self._client = httpx.AsyncClient(timeout=timeout, limits=limits)

    async def send(self, chat_id: str, text: str) -> None:
        """POST sendMessage and map the answer."""
        body: dict[str, object] = {"chat_id": chat_id, "text": text}
        if self._paid:
            body["allow_paid_broadcast"] = True
        try:
            response = await self._client.post(self._url, json=body)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise Transient(type(exc).__name__) from None
        except httpx.HTTPError as exc:
            raise Ambiguous(type(exc).__name__) from None
        _raise_for_telegram(response)

    async def post(self, chat_id: str, text: str, message_id: str | None, final: bool) -> str | None:
        """Progress for an admin: edit the earlier message when there is one, else send a new one."""
        base = self._url.rsplit("/", 1)[0]
        if message_id:
            body = {"chat_id": chat_id, "message_id": int(message_id), "text": text}
            response = await self._client.post(f"{base}/editMessageText", json=body)
            if response.status_code == 200 or "not modified" in response.text:
                return message_id
        response = await self._client.post(f"{base}/sendMessage", json={"chat_id": chat_id, "text": text})
        _raise_for_telegram(response)
        return str(response.json()["result"]["message_id"])

    async def aclose(self) -> None:
        """Close the HTTP client."""
        await self._client.aclose()


def _raise_for_telegram(response: httpx.Response) -> None:
    try:
        payload = response.json()
    except ValueError:
        payload = {}
    if response.status_code == 200 and payload.get("ok"):
        return
    code = payload.get("error_code", response.status_code)
    description = str(payload.get("description", response.reason_phrase))
    if code == 429:
        raise RateLimited(float((payload.get("parameters") or {}).get("retry_after", 1)))
    if code == 403:
        raise Blocked(description)
    if code in (400, 404):
        raise Rejected(description)
    raise Transient(f"{code} {description}")


class ZaloSender:
    """sendMessage through the Zalo Bot API client."""

    text_limit = zalo_api.MAX_TEXT_LENGTH

    def __init__(self, api: zalo_api.ZaloBotApi) -> None:
        self._api = api

    async def send(self, chat_id: str, text: str) -> None:
        """Send and map the client's typed errors."""
        try:
            await self._api.send_message(chat_id, text)
        except zalo_api.ZaloRateLimited as exc:
            raise RateLimited(exc.retry_after) from None
        except zalo_api.ZaloForbidden as exc:
            raise Blocked(exc.description) from None
        except zalo_api.ZaloTimedOut as exc:
            raise Ambiguous(exc.description) from None
        except zalo_api.ZaloApiError as exc:
            raise (Transient if exc.transient else Rejected)(f"{exc.error_code} {exc.description}") from None

    async def aclose(self) -> None:
        """Close the client."""
        await self._api.aclose()


class ConsoleSender:
    """Prints broadcasts for console users (trying the bot locally)."""

    text_limit = 100_000

    def __init__(self, out: TextIO = sys.stdout) -> None:
        self._out = out

    async def send(self, chat_id: str, text: str) -> None:
        """Print the text with a prefix."""
        print(f"{messages_vi.t('broadcast.console_prefix')} {text}", file=self._out, flush=True)

    async def aclose(self) -> None:
        """Nothing to close."""
