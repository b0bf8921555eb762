"""python-telegram-bot's HTTP layer on aiohttp: the same Bot API calls at a fraction of httpx's CPU per request.

Under load the bot's time went mostly to httpx/httpcore bookkeeping for each Bot API call; aiohttp
does the same work in C-accelerated code. PTB only needs ``do_request`` to return the status and
the body, and its own error mapping (``TimedOut``, ``NetworkError``) is kept.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
from telegram import Bot
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData
from yarl import URL

from bot.channels.http_proxy import env_proxy

JSON_HEADERS = {"Content-Type": "application/json"}
Timeout = float | None | object  # a number, None (no limit) or PTB's DefaultValue (not passed)
_DefaultValue = type(BaseRequest.DEFAULT_NONE)


class AiohttpRequest(BaseRequest):
    """A pooled aiohttp session for PTB's Bot API calls (one per Application; another for getUpdates)."""

    def __init__(
        self,
        connections: int,
        *,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._connections = connections
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[str, tuple[URL | None, aiohttp.BasicAuth | None]] = {}

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout (PTB adds it to long polling's own timeout)."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session (inside the running event loop, as aiohttp requires)."""
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._connections)
            self._session = aiohttp.ClientSession(connector=connector, headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Timeout = BaseRequest.DEFAULT_NONE,
        write_timeout: Timeout = BaseRequest.DEFAULT_NONE,
        connect_timeout: Timeout = BaseRequest.DEFAULT_NONE,
        pool_timeout: Timeout = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send one request: form fields with JSON-encoded values, multipart when there are files."""
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        files = request_data.multipart_data if request_data else None
        body: aiohttp.FormData | bytes | None = None
        headers = {}
        if files:
            body = aiohttp.FormData(request_data.json_parameters if request_data else {})
            for name, (filename, content, mime_type) in files.items():
                body.add_field(name, content, filename=filename, content_type=mime_type)
        elif request_data is not None:  # one JSON document: cheaper than form-encoding each JSON value
            body = json.dumps(request_data.parameters, ensure_ascii=False).encode()
            headers = JSON_HEADERS
        pool = _given(pool_timeout, self._pool_timeout)
        connect = _given(connect_timeout, self._connect_timeout)
        write = _given(write_timeout, self._media_write_timeout if files else self._write_timeout)
        read = _given(read_timeout, self._read_timeout)
        timeout = aiohttp.ClientTimeout(  # aiohttp's "connect" is waiting for a pooled connection plus connecting
            connect=None if pool is None or connect is None else pool + connect,
            sock_connect=connect,
            sock_read=read,
            total=None if not files or write is None or read is None else write + read,
        )
        origin = url.split("/bot", 1)[0]
        if origin not in self._proxies:  # HTTPS_PROXY / NO_PROXY, as httpx reads them, once per host
            self._proxies[origin] = env_proxy(origin)
        proxy, proxy_auth = self._proxies[origin]
        try:
            async with self._session.request(method, url, data=body, headers=headers, timeout=timeout, proxy=proxy,
                                             proxy_auth=proxy_auth) as response:
                return response.status, await response.read()
        except TimeoutError:  # "from None": aiohttp's messages hold the URL, and so the token
            raise TimedOut from None
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}") from None


def _given(value: Timeout, default: float | None) -> float | None:
    """The per-call timeout PTB passed, or this request's default."""
    return default if isinstance(value, _DefaultValue) else value  # type: ignore[return-value]


class JsonBot(Bot):
    """PTB's Bot with two calls that give the Bot API's JSON instead of objects, where objects cost CPU for nothing.

    Polled updates are stored as they came (turning PTB's objects back into JSON cost a tenth of the
    channel's CPU), and text sends give the JSON of the sent message, of which the channel reads one id.
    Both go through PTB's own request path (``_post``: defaults, timeouts, error mapping).
    """

    async def updates_json(self, offset: int, timeout: int, allowed_updates: list[str]) -> list[dict[str, Any]]:
        """getUpdates, long polling for ``timeout`` seconds: the updates as JSON objects."""
        read_timeout = (self._request[0].read_timeout or 0) + timeout
        data = {"timeout": timeout, "offset": offset, "allowed_updates": allowed_updates}
        result = await self._post("getUpdates", data, read_timeout=read_timeout)
        return [update for update in result if isinstance(update, dict)] if isinstance(result, list) else []

    async def call_json(self, endpoint: str, data: dict[str, Any]) -> Any:
        """A Bot API method whose parameters are JSON or PTB objects (no files): the result as JSON."""
        return await self._post(endpoint, data)
