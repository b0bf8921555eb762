"""The webhook endpoint: checks Telegram's secret header, stores the update, then answers.

The update is written to the database before the 200 (store first). A body that is not a JSON
object, or too large, is refused with 400 or 413; an object that is no usable update is recorded
as rejected and answered 200, so Telegram does not deliver it again. Nothing here answers a 5xx
except 503 while the channel cannot store (Telegram then delivers again later).
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.channels.webhook_body import json_object, read_limited

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
DEFAULT_PATH = "/telegram/webhook"
MAX_BODY = 1 << 20  # bytes; the largest real update (a long message with entities) is far smaller

Accept = Callable[[dict[str, Any]], Awaitable[bool]]
"""Stores and queues one update; False when the channel is not accepting (stopping, or the store failed)."""


def webhook_path(url: str) -> str:
    """The path part of the public webhook URL, served by our web server."""
    return urlsplit(url).path or DEFAULT_PATH


def webhook_route(path: str, secret: str, accept: Accept) -> Route:
    """A POST route that hands verified update bodies to ``accept``."""
    expected = secret.encode()

    async def receive(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            return Response(status_code=403)
        body = await read_limited(request, MAX_BODY)
        if body is None:
            return Response(status_code=413)
        data = json_object(body)
        if data is None:
            return Response(status_code=400)
        return Response(status_code=200 if await accept(data) else 503)

    return Route(path, receive, methods=["POST"])
