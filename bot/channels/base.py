"""What every served channel offers the runner (web routes, start, stop), and what a platform registers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from starlette.routing import BaseRoute

from bot.conversation.service import ConversationService
from bot.delivery.progress import Notifier
from bot.delivery.senders import BulkSender
from bot.settings import Settings
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


@dataclass(frozen=True)
class Platform:
    """One platform as the channel registry knows it: each part built from the settings when configured."""

    name: str
    configured: Callable[[Settings], bool]  # its token is set
    channel: Callable[[Settings, ConversationService], Channel]  # the chat: receiving, rendering, sending
    sender: Callable[[Settings], BulkSender]  # one text to one chat, for the delivery queue
    notifier: Callable[[BulkSender], Notifier]  # a broadcast's progress in the admin's chat, over its sender
    rate: Callable[[Settings], tuple[float, float]]  # (messages/s overall, seconds between sends to one chat)
