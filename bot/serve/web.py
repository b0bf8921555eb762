"""The web server for webhooks and the few web endpoints (Starlette served by uvicorn in the bot's loop)."""

from __future__ import annotations

import asyncio

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import BaseRoute, Route


async def _health(request: Request) -> PlainTextResponse:
    return PlainTextResponse("ok")


def build_app(routes: list[BaseRoute]) -> Starlette:
    """The application: the channels' routes plus /healthz."""
    return Starlette(routes=[Route("/healthz", _health), *routes])


class WebServer:
    """uvicorn running inside the current event loop."""

    def __init__(self, app: Starlette, host: str, port: int) -> None:
        config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="off", access_log=False)
        self._server = uvicorn.Server(config)
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Start serving and wait until the socket listens."""
        self._task = asyncio.create_task(self._server.serve())
        while not self._server.started:
            if self._task.done():
                self._task.result()
            await asyncio.sleep(0.01)

    async def stop(self) -> None:
        """Stop serving."""
        if self._task:
            self._server.should_exit = True
            await self._task
