"""What every served channel offers the runner: web routes (for webhooks), start and stop."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from starlette.routing import BaseRoute

from handlers.protocol import Reply


class Channel(Protocol):
    """A platform channel run by `khaibao run`."""

    name: str

    def routes(self) -> list[BaseRoute]:
        """Web routes the channel needs (webhook endpoints, image URLs); [] when it only polls."""
        ...

    async def start(self) -> None:
        """Connect to the platform and begin receiving (polling task or webhook registration)."""
        ...

    async def deliver(self, external_id: str, replies: Sequence[Reply]) -> None:
        """Send replies the outbox kept to a user; raises when they did not go out (Undeliverable: never will)."""
        ...

    async def stop(self) -> None:
        """Stop receiving, finish in-flight work and close connections."""
        ...
