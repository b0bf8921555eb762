"""Storage first: each Zalo update is stored before it is acknowledged, then handled once, in order per user."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

import messages
from bot.channels.zalo.groups import GroupNotices
from bot.channels.zalo.send import ZaloReplySender
from bot.channels.zalo.updates import CHANNEL, ZaloUpdate, parse
from bot.conversation.ordering import Lanes, describe
from bot.conversation.service import ConversationService
from bot.conversation.uploads import PHOTO_NAME, file_incoming
from handlers.protocol import Incoming, Reply

log = logging.getLogger(__name__)


JSON = dict[str, Any]


class ReplyNotSent(Exception):
    """Replies the platform did not take (the outbox keeps them for a later attempt)."""


class InboxClosed(Exception):
    """The channel is stopping: the update was not stored (the webhook answers 503 so Zalo retries)."""


class ZaloInbox:
    """Stores updates, then hands them to the conversation service and the replies to the sender."""

    def __init__(
        self, service: ConversationService, sender: ZaloReplySender, group_notices: GroupNotices | None = None,
        fetch: Callable[[str], Awaitable[bytes]] | None = None,
    ) -> None:
        self._service = service
        self._fetch = fetch
        self._sender = sender
        self._groups = group_notices or GroupNotices()
        self._store = service.inbox
        self._chains = Lanes()  # handling, in order per user
        self._arrivals = Lanes()  # storing, in arrival order per user
        self._closed = False

    async def accept(self, update: JSON) -> None:
        """Store ``update`` and queue it behind the same user's earlier updates; raises if it was not stored.

        A repeated delivery (same message id) is stored once and handled once. Group chats are not
        stored: they get the private-chat notice now and then.
        """
        if self._closed:
            raise InboxClosed
        parsed = parse(update)
        if parsed is None:
            log.info("zalo: an update that is no user's message was rejected")
            return
        if parsed.group:
            self._notify_group(parsed.chat_id)
            return
        user_id = parsed.incoming.user_id
        async with self._arrivals.hold(user_id):  # FIFO: queued in the order the updates arrived
            if await self._store.store(parsed.incoming, update):
                self._chains.submit(user_id, partial(self._handle, parsed))

    async def recover(self) -> int:
        """Queue the updates stored but not handled before a crash, oldest first; how many."""
        payloads = await self._store.unhandled(CHANNEL)
        for payload in payloads:
            parsed = parse(payload)
            if parsed is not None and not parsed.group:
                self._chains.submit(parsed.incoming.user_id, partial(self._handle, parsed))
        if payloads:
            log.info("zalo: %d stored updates recovered", len(payloads))
        return len(payloads)

    async def close(self, timeout: float) -> bool:
        """Accept nothing more, then drain; False when updates were still queued after ``timeout``."""
        self._closed = True
        return await self.drain(timeout)

    async def drain(self, timeout: float | None = None) -> bool:
        """Wait until every queued update is handled, answered and marked handled; False on timeout."""
        if not await self._chains.join(timeout):
            return False
        await self._store.flush()
        return True

    async def deliver(self, external_id: str, replies: list[Reply]) -> None:
        """Send replies the outbox kept, behind the user's queued updates; raises when they did not go out."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        async def send() -> None:
            sent = await self._sender.send(external_id, replies, external_id)
            if sent:
                done.set_result(None)
            else:
                done.set_exception(ReplyNotSent(external_id))

        self._chains.submit(external_id, send)
        await done

    async def _handle(self, update: ZaloUpdate) -> None:
        try:
            replies = await self._service.handle(await self._with_photo(update))
        except Exception as exc:
            log.error("zalo: handling an update failed: %s", describe(exc))
            apology = [Reply(messages.t(messages.VI, "error.apology"))]
            await self._sender.send(update.chat_id, apology, update.incoming.user_id)
            return
        if await self._sender.send(update.chat_id, replies, update.incoming.user_id):
            self._store.sent(update.incoming)
        else:
            self._store.unsent(update.incoming)  # the outbox relay tries again

    async def _with_photo(self, update: ZaloUpdate) -> Incoming:
        """The message with the text of the photo it carries (admins only; fetched from Zalo's URL)."""
        incoming, url, fetch = update.incoming, update.photo_url, self._fetch
        if url is None or fetch is None:
            return incoming
        admin = (incoming.channel, incoming.user_id) in self._service.settings.admin_identities
        return await file_incoming(incoming, PHOTO_NAME, None, lambda: fetch(url), admin)

    def _notify_group(self, chat_id: str) -> None:
        if self._groups.due(chat_id):
            notice = [Reply(messages.t(messages.VI, "zalo.group_private_only"))]
            self._chains.submit(f"group:{chat_id}", partial(self._sender.send, chat_id, notice))
