"""Telegram's bulk sender for the delivery queue: one text to one chat, errors mapped to what the queue does next."""

from __future__ import annotations

from typing import Any

import aiohttp

from bot.channels.http_proxy import env_proxy
from bot.delivery.senders import Ambiguous, Blocked, RateLimited, Rejected, Transient

# Answers that do not say the Bot API refused the message: a 200 it could not read, or a gateway
# timing out while Telegram may still have sent it. Retrying these could send twice.
MAYBE_DELIVERED = frozenset({200, 504})


class TelegramSender:
    """sendMessage over one pooled aiohttp session (a fraction of httpx's CPU per request at 1,000 msg/s)."""

    text_limit = 4096

    def __init__(
        self, base_url: str, token: str, *, paid_broadcast: bool = False, timeout: float = 10.0, connections: int = 320
    ) -> None:
        self._base = f"{base_url.rstrip('/')}/bot{token}"
        self._paid = paid_broadcast
        # connect covers waiting for a pooled connection too: running out there means nothing left
        self._timeout = aiohttp.ClientTimeout(connect=timeout, sock_read=timeout)
        self._connections = connections
        self._session: aiohttp.ClientSession | None = None

    async def send(self, chat_id: str, text: str, button: dict[str, str] | None = None) -> None:
        """POST sendMessage (with a URL button under the text when given) and map the answer."""
        body: dict[str, object] = {"chat_id": chat_id, "text": text}
        if button:
            body["reply_markup"] = {"inline_keyboard": [[{"text": button["label"], "url": button["url"]}]]}
        if self._paid:
            body["allow_paid_broadcast"] = True
        _raise_for_telegram(*await self._call("sendMessage", body))

    async def post(self, chat_id: str, text: str, message_id: str | None, final: bool) -> str | None:
        """Progress for an admin: edit the earlier message when there is one, else send a new one."""
        if message_id:
            body = {"chat_id": chat_id, "message_id": int(message_id), "text": text}
            status, payload = await self._call("editMessageText", body)
            if status == 200 or "not modified" in str(payload.get("description", "")):
                return message_id
        status, payload = await self._call("sendMessage", {"chat_id": chat_id, "text": text})
        _raise_for_telegram(status, payload)
        return str(payload["result"]["message_id"])

    async def _call(self, method: str, body: dict[str, object]) -> tuple[int, dict[str, Any]]:
        """One Bot API call: (HTTP status, decoded JSON or {}); errors before the request left are Transient."""
        if self._session is None:  # created inside the running loop, as aiohttp requires
            connector = aiohttp.TCPConnector(limit=self._connections)
            proxy, proxy_auth = env_proxy(self._base)
            self._session = aiohttp.ClientSession(
                connector=connector, timeout=self._timeout, proxy=proxy, proxy_auth=proxy_auth
            )
        try:
            async with self._session.post(f"{self._base}/{method}", json=body) as response:
                try:
                    payload = await response.json(content_type=None)
                except ValueError:
                    payload = None
                return response.status, payload if isinstance(payload, dict) else {"description": response.reason}
        except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:
            raise Transient(type(exc).__name__) from None
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise Ambiguous(type(exc).__name__) from None

    async def aclose(self) -> None:
        """Close the HTTP session."""
        if self._session is not None:
            await self._session.close()
            self._session = None


def _raise_for_telegram(status: int, payload: dict[str, Any]) -> None:
    if status == 200 and payload.get("ok"):
        return
    if status in MAYBE_DELIVERED and "error_code" not in payload:
        raise Ambiguous(f"{status} {payload.get('description', '')}".strip())
    code = payload.get("error_code", status)
    description = str(payload.get("description", ""))
    if code == 429:
        raise RateLimited(float((payload.get("parameters") or {}).get("retry_after", 1)))
    if code == 403:
        raise Blocked(description)
    if code in (400, 404):
        raise Rejected(description)
    raise Transient(f"{code} {description}")
