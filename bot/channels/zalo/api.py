"""Async httpx client for the Zalo Bot Platform API, with typed errors that never show the token."""

from __future__ import annotations

import logging
import math
from types import TracebackType
from typing import Any, ClassVar, Self

import httpx

DEFAULT_BASE_URL = "https://bot-api.zaloplatforms.com"
MAX_TEXT_LENGTH = 2000
POLL_GRACE_SECONDS = 5.0
DEFAULT_RETRY_AFTER = 1.0
EMPTY_POLL_CODE = 408

logger = logging.getLogger(__name__)
# Request URLs contain the bot token: keep httpx's per-request log lines out of every log.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)

JSON = dict[str, Any]

# The request never reached Zalo: resending cannot duplicate a message.
_NOT_SENT = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.WriteError,
    httpx.WriteTimeout,
    httpx.LocalProtocolError,
    httpx.ProxyError,
    httpx.UnsupportedProtocol,
)


class ZaloApiError(Exception):
    """Zalo refused or failed a call; ``error_code`` is Zalo's code (or the HTTP status), if any."""

    transient: ClassVar[bool] = False
    """True when the same call may succeed later."""

    def __init__(self, error_code: int | None, description: str) -> None:
        message = description if error_code is None else f"{description} (error_code={error_code})"
        super().__init__(message)
        self.error_code = error_code
        self.description = description


class ZaloBadRequest(ZaloApiError):
    """400: the call itself is wrong (bad chat id, text, URL ...)."""


class ZaloUnauthorized(ZaloApiError):
    """401: the bot token is invalid or revoked."""


class ZaloForbidden(ZaloApiError):
    """403: the recipient blocked the bot or may not be messaged; mark inactive, never retry."""


class ZaloRateLimited(ZaloApiError):
    """429: too many requests; pause all sending for ``retry_after`` seconds."""

    transient = True

    def __init__(
        self, retry_after: float, description: str = "Too Many Requests", error_code: int = 429
    ) -> None:
        super().__init__(error_code, description)
        self.retry_after = retry_after


class ZaloServerError(ZaloApiError):
    """5xx: Zalo failed; transient."""

    transient = True


class ZaloNetworkError(ZaloApiError):
    """The request never reached Zalo (connect failure): not delivered, safe to retry."""

    transient = True


class ZaloTimedOut(ZaloApiError):
    """The request was sent but no answer came: ambiguous, the message may have been delivered."""

    transient = True


_ERRORS_BY_CODE: dict[int, type[ZaloApiError]] = {
    400: ZaloBadRequest,
    401: ZaloUnauthorized,
    403: ZaloForbidden,
}


class ZaloBotApi:
    """One bot's calls to ``{base_url}/bot{token}/{method}`` (POST, JSON body, ``ok`` envelope)."""

    def __init__(
        self,
        token: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        client: httpx.AsyncClient | None = None,
        timeout: float = 10.0,
    ) -> None:
        if not token:
            raise ValueError("a bot token is required")
        self._token = token
        self._base_url = base_url.rstrip("/")
        self._timeout = timeout
        self._client = client or httpx.AsyncClient()
        self._owns_client = client is None

    def __repr__(self) -> str:
        return f"ZaloBotApi(base_url={self._base_url!r})"

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP client if this object created it."""
        if self._owns_client:
            await self._client.aclose()

    async def get_me(self) -> JSON:
        """The bot's own account: ``{id, account_name, account_type, can_join_groups}``."""
        return _as_dict(await self._call("getMe", {}))

    async def get_updates(self, timeout: int = 30) -> JSON | None:
        """Long-poll for one update (reading removes it from Zalo's queue); None when none came."""
        try:
            result = await self._call(
                "getUpdates", {"timeout": str(timeout)}, read_timeout=timeout + POLL_GRACE_SECONDS
            )
        except ZaloApiError as exc:
            if exc.error_code == EMPTY_POLL_CODE:
                return None
            raise
        if isinstance(result, dict) and result:
            return result
        if result:
            logger.warning("zalo getUpdates returned an unexpected %s", type(result).__name__)
        return None

    async def set_webhook(self, url: str, secret_token: str) -> JSON:
        """Deliver updates to ``url`` with header ``X-Bot-Api-Secret-Token: secret_token``."""
        if not 8 <= len(secret_token) <= 256:
            raise ValueError("secret_token must be 8 to 256 characters")
        return _as_dict(await self._call("setWebhook", {"url": url, "secret_token": secret_token}))

    async def delete_webhook(self) -> JSON:
        """Stop webhook delivery (required before polling)."""
        return _as_dict(await self._call("deleteWebhook", {}))

    async def get_webhook_info(self) -> JSON:
        """The current webhook: ``{url, updated_at}``."""
        return _as_dict(await self._call("getWebhookInfo", {}))

    async def send_message(self, chat_id: str, text: str) -> JSON:
        """Send a text of 1 to 2000 characters; returns ``{message_id, date}``."""
        _check_chat_id(chat_id)
        if not text.strip() or len(text) > MAX_TEXT_LENGTH:
            raise ValueError(f"text must be 1 to {MAX_TEXT_LENGTH} characters, got {len(text)}")
        return _as_dict(await self._call("sendMessage", {"chat_id": chat_id, "text": text}))

    async def send_photo(self, chat_id: str, photo_url: str, caption: str | None = None) -> JSON:
        """Send a photo that Zalo fetches from a public URL; returns ``{message_id, date}``."""
        _check_chat_id(chat_id)
        if not photo_url.startswith(("https://", "http://")):
            raise ValueError("photo_url must be a public http(s) URL")
        payload: JSON = {"chat_id": chat_id, "photo": photo_url}
        if caption is not None:
            payload["caption"] = caption
        return _as_dict(await self._call("sendPhoto", payload))

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> None:
        """Show a chat action such as "typing" to the user."""
        _check_chat_id(chat_id)
        await self._call("sendChatAction", {"chat_id": chat_id, "action": action})

    async def _call(self, method: str, payload: JSON, *, read_timeout: float | None = None) -> Any:
        response = await self._post(method, payload, read_timeout)
        body = _json_or_none(response)
        if response.status_code == 200 and isinstance(body, dict) and body.get("ok") is True:
            logger.debug("zalo %s: ok", method)
            return body.get("result")
        error = self._error(response, body)
        logger.debug("zalo %s: HTTP %d, %s", method, response.status_code, error)
        raise error

    async def _post(self, method: str, payload: JSON, read_timeout: float | None) -> httpx.Response:
        timeout = httpx.Timeout(self._timeout, read=read_timeout or self._timeout)
        url = f"{self._base_url}/bot{self._token}/{method}"
        try:
            return await self._client.post(url, json=payload, timeout=timeout)
        except _NOT_SENT as exc:
            raise ZaloNetworkError(None, self._describe(method, exc)) from None
        except httpx.TransportError as exc:
            raise ZaloTimedOut(None, self._describe(method, exc)) from None

    def _describe(self, method: str, exc: Exception) -> str:
        detail = f": {exc}" if str(exc) else ""
        return self._redact(f"{method}: {type(exc).__name__}{detail}")

    def _redact(self, text: str) -> str:
        return text.replace(self._token, "<token>")

    def _error(self, response: httpx.Response, body: object) -> ZaloApiError:
        envelope = body if isinstance(body, dict) else {}
        code = _as_int(envelope.get("error_code"))
        if code is None and response.status_code != 200:
            code = response.status_code
        default = "malformed response body" if body is None else response.reason_phrase
        description = self._redact(str(envelope.get("description") or default))
        if code == 429:
            return ZaloRateLimited(_retry_after(envelope, response), description)
        if code is not None and code >= 500:
            return ZaloServerError(code, description)
        return _ERRORS_BY_CODE.get(code or 0, ZaloApiError)(code, description)


def _check_chat_id(chat_id: str) -> None:
    if not chat_id:
        raise ValueError("chat_id is required")


def _json_or_none(response: httpx.Response) -> object:
    try:
        return response.json()
    except ValueError:
        return None


def _as_dict(result: object) -> JSON:
    return result if isinstance(result, dict) else {}


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _retry_after(envelope: JSON, response: httpx.Response) -> float:
    parameters = envelope.get("parameters")
    value = parameters.get("retry_after") if isinstance(parameters, dict) else None
    if value is None:
        value = response.headers.get("Retry-After")
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return DEFAULT_RETRY_AFTER
    return seconds if math.isfinite(seconds) and seconds > 0 else DEFAULT_RETRY_AFTER
