"""The Zalo webhook endpoint: checks the secret header, stores the update, answers 200, handles it after."""

from __future__ import annotations

import hmac
import logging

from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bot.channels.webhook_body import json_object, read_limited
from bot.channels.zalo.inbox import InboxClosed, ZaloInbox
from bot.channels.zalo.updates import unwrap

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Bot-Api-Secret-Token"
MAX_BODY = 1 << 20  # bytes; a real update is a few kilobytes


def webhook_route(path: str, secret: str, inbox: ZaloInbox) -> Route:
    """A POST route at ``path`` for wrapped or flat update bodies carrying ``secret`` in the secret header."""
    expected = secret.encode()

    async def receive(request: Request) -> Response:
        if not hmac.compare_digest(request.headers.get(SECRET_HEADER, "").encode(), expected):
            return PlainTextResponse("forbidden", status_code=403)
        body = await read_limited(request, MAX_BODY)
        if body is None:
            return PlainTextResponse("too large", status_code=413)
        update = unwrap(json_object(body))
        if update is None:
            return PlainTextResponse("bad request", status_code=400)
        try:
            await inbox.accept(update)
        except InboxClosed:
            return PlainTextResponse("stopping", status_code=503)
        except SQLAlchemyError as exc:
            log.error("zalo webhook: update not stored (%s)", type(exc).__name__)
            return PlainTextResponse("unavailable", status_code=503)
        return JSONResponse({"ok": True})

    return Route(path, receive, methods=["POST"])
