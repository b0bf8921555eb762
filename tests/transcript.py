"""A transcript helper for conversation tests: the user sends, the bot's replies are read as text."""

from __future__ import annotations

import itertools

from bot.channels.menu_text import render
from bot.conversation.service import ConversationService
from handlers.protocol import BUTTON, Incoming, Reply

_ids = itertools.count(1)


class Chat:
    """One user talking to the service on one channel."""

    def __init__(self, service: ConversationService, user_id: str = "u1", channel: str = "console") -> None:
        self.service = service
        self.user_id = user_id
        self.channel = channel
        self.replies: list[Reply] = []

    async def send(self, text: str) -> str:
        """Send a text; the bot's replies rendered as numbered menus, joined by blank lines."""
        incoming = Incoming(self.channel, self.user_id, text=text, message_id=f"m{next(_ids)}")
        self.replies = await self.service.handle(incoming)
        return self.text

    async def press(self, step: str, option: str) -> str:
        """Press a button."""
        incoming = Incoming(self.channel, self.user_id, kind=BUTTON, option=(step, option), message_id=f"m{next(_ids)}")
        self.replies = await self.service.handle(incoming)
        return self.text

    @property
    def text(self) -> str:
        """The last replies as the user reads them."""
        return "\n\n".join(render(reply) for reply in self.replies)

    @property
    def step(self) -> str | None:
        """The step id of the last question asked."""
        steps = [reply.step for reply in self.replies if reply.step]
        return steps[-1] if steps else None

    async def say_all(self, *lines: str) -> str:
        """Send several lines; the replies to the last one."""
        for line in lines:
            await self.send(line)
        return self.text


REGISTRATION = (
    "chao", "1", "nguyen van an", "12/3/1990", "nam", "0912345678", "bo qua", "hung yen", "yen my",
    "so 12 thon dong", "1",
)
