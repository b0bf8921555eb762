"""The webhook endpoint: checks Telegram's secret header, queues the update and answers at once."""

from __future__ import annotations

import hmac
import json
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
DEFAULT_PATH = "/telegram/webhook"

TelegramApp = Application[Any, Any, Any, Any, Any, Any]


def webhook_path(url: str) -> str:
    """The path part of the public webhook URL, served by our web server."""
    return urlsplit(url).path or DEFAULT_PATH


def webhook_route(path: str, secret: str, application: TelegramApp) -> Route:
    """A POST route that hands verified updates to ``application``'s update queue."""
    expected = secret.encode()

    async def receive(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            return Response(status_code=403)
        if not application.running:
            return Response(status_code=503)  # Telegram delivers it again later
        try:
            data = json.loads(await request.body())
            update = Update.de_json(data, application.bot) if isinstance(data, dict) else None
        except (ValueError, KeyError, TypeError):
            update = None
        if update is None:
            return Response(status_code=400)
        await application.update_queue.put(update)
        return Response(status_code=200)

    return Route(path, receive, methods=["POST"])
