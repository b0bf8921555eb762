"""The Telegram channel: updates stored first (long polling or webhook), then answered in per-chat lanes.

Every update is written to the database before it is acknowledged: the webhook answers 200 only
after the commit, and the polling offset moves past a batch only once the batch is stored. Stored
updates left unhandled by a crash are handled at the next start; replies left unsent go out again
through the outbox relay (``deliver``).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import traceback
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from starlette.routing import BaseRoute
from telegram import BotCommand, Update
from telegram.error import BadRequest, Forbidden, TelegramError

import messages
from bot.channels.telegram.buttons import ButtonCodec
from bot.channels.telegram.http import AiohttpRequest, JsonBot
from bot.channels.telegram.memory import ChatMemory
from bot.channels.telegram.pacing import ChatPacer, rate
from bot.channels.telegram.receive import CHANNEL, JSON, FileRef, Received, receive
from bot.channels.telegram.render import page, render
from bot.channels.telegram.send import Conversations, Sender
from bot.channels.telegram.webhook import webhook_path, webhook_route
from bot.conversation.ordering import Lanes
from bot.conversation.outbox_relay import Undeliverable
from bot.conversation.uploads import file_incoming
from bot.delivery.limits import shared_limiter
from bot.settings import Settings
from handlers import commands
from handlers.protocol import Incoming, Reply

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
CHAT_BURST = 3  # messages a chat may receive at once before per-chat pacing spaces them
RECENT_UPDATES = 10_000  # update ids remembered to drop repeated deliveries early
ACTIVE_CHATS = 32  # chats handled at the same time: enough to hide Telegram's round trips
CONNECTIONS = 2 * ACTIVE_CHATS  # each chat may answer a button and send a reply at once
POOL_TIMEOUT = 10.0
POLL_SECONDS = 10  # long-polling wait
POLL_BACKOFF = (1.0, 30.0)  # first and longest pause after a failed poll or store


def build(settings: Settings, service: Conversations) -> TelegramChannel:
    """The Telegram channel for ``settings`` (TELEGRAM_BOT_TOKEN must be set)."""
    return TelegramChannel(settings, service)


class TelegramChannel:
    """Receives with PTB's Bot, orders each chat's updates in a lane, renders the engine's replies."""

    name = CHANNEL

    def __init__(self, settings: Settings, service: Conversations) -> None:
        if settings.telegram_bot_token is None:
            raise ValueError("TELEGRAM_BOT_TOKEN is not set")
        self._service = service
        self._admins = settings.admin_identities
        self._webhook_url = settings.telegram_webhook_url
        secret = settings.telegram_webhook_secret
        self._secret = secret.get_secret_value() if secret else settings.derived_secret("telegram-webhook")
        self._bot = _bot(settings, settings.telegram_bot_token.get_secret_value())
        limiter = shared_limiter(CHANNEL, *rate(settings))
        self._codec = ButtonCodec()
        self._memory = ChatMemory()
        self._lanes = Lanes(active=ACTIVE_CHATS)
        self._recent = _RecentUpdates(RECENT_UPDATES)
        pacer = ChatPacer(settings.telegram_per_chat_interval, CHAT_BURST)
        self._sender = Sender(self._bot, service, self._memory, limiter, pacer)
        self._accepting = False
        self._polling: asyncio.Task[None] | None = None

    def routes(self) -> list[BaseRoute]:
        """The webhook endpoint in webhook mode; nothing when polling."""
        if not self._webhook_url:
            return []
        return [webhook_route(webhook_path(self._webhook_url), self._secret, self._accept_body)]

    async def start(self) -> None:
        """Connect, publish the command menu, handle what a crash left, then take the webhook or poll."""
        bot = self._bot
        await bot.initialize()
        for locale in messages.LOCALES:
            language = None if locale == messages.DEFAULT else locale  # the default menu, and one per other language
            await bot.set_my_commands(menu_commands(locale), language_code=language)
        await self._recover()
        self._accepting = True
        if self._webhook_url:
            await bot.set_webhook(self._webhook_url, secret_token=self._secret, allowed_updates=ALLOWED_UPDATES)
        else:
            await bot.delete_webhook()
            self._polling = asyncio.create_task(self._poll())

    async def stop(self) -> None:
        """Stop receiving, finish the updates already received, close the connections."""
        self._accepting = False
        if self._polling is not None:
            self._polling.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._polling
        await self._lanes.join()
        await self._service.inbox.flush()
        await self._bot.shutdown()

    async def deliver(self, external_id: str, replies: Sequence[Reply]) -> None:
        """Send replies the outbox kept (after a crash or an outage), in the chat's lane; raises on failure."""
        chat_id = int(external_id)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        async def send() -> None:
            try:
                await self._sender.send(chat_id, render(replies, chat_id, self._codec))
            except (Forbidden, BadRequest) as error:  # blocked, or no such chat: no retry can help
                done.set_exception(Undeliverable(type(error).__name__))
            except Exception as error:
                done.set_exception(error)
            else:
                done.set_result(None)

        self._lanes.submit(chat_id, send)
        await done

    async def _poll(self) -> None:
        """Long polling; the offset (which confirms a batch to Telegram) moves only past stored updates."""
        offset, pause = 0, POLL_BACKOFF[0]
        while True:
            try:
                payloads = await self._bot.updates_json(offset, POLL_SECONDS, ALLOWED_UPDATES)
                await self._accept(payloads)
            except Exception as error:  # the platform or the database is away: wait, then ask again
                log.warning("telegram polling failed: %s", type(error).__name__)
                await asyncio.sleep(pause)
                pause = min(pause * 2, POLL_BACKOFF[1])
                continue
            pause = POLL_BACKOFF[0]
            if payloads:
                offset = max(_update_number(payload) for payload in payloads) + 1

    async def _accept_body(self, data: dict[str, Any]) -> bool:
        """The webhook's update: stored and queued (True), or not accepted now (False: Telegram retries)."""
        if not self._accepting:
            return False
        try:
            await self._accept([data])
        except Exception as error:
            log.error("telegram: storing update %s failed: %s", _update_id(data), type(error).__name__)
            return False
        return True

    async def _accept(self, updates: Sequence[JSON]) -> None:
        """Store the updates (as received) that start a conversation step, then queue each in its chat's lane."""
        received = []
        for update in updates:
            try:
                found = receive(update, self._codec)
            except Exception as error:  # a shape that makes no sense: recorded, never retried
                log.warning("telegram: rejected update %s (%s)", _update_id(update), type(error).__name__)
                continue
            if found is None:
                if not isinstance(update.get("update_id"), int):
                    log.warning("telegram: rejected update %s (no update)", _update_id(update))
                continue
            if self._recent.first_time(update["update_id"]):
                received.append((update, found))
        stored = [item for item in received if _durable(item[1])]
        fresh = await asyncio.gather(*(self._service.inbox.store(found.incoming, update)
                                       for update, found in stored if found.incoming is not None))
        new = {update["update_id"] for (update, _), is_new in zip(stored, fresh, strict=True) if is_new}
        for update, found in received:
            if not _durable(found) or update["update_id"] in new:
                self._lanes.submit(found.chat_id, functools.partial(self._process, update["update_id"], found))

    async def _recover(self) -> None:
        """Queue the updates stored but not handled before a crash, oldest first."""
        payloads = await self._service.inbox.unhandled(CHANNEL)
        for payload in payloads:
            with contextlib.suppress(Exception):
                found = receive(payload, self._codec)
                if found is not None and _durable(found):
                    self._recent.first_time(payload["update_id"])
                    self._lanes.submit(found.chat_id, functools.partial(self._process, payload["update_id"], found))
        if payloads:
            log.info("telegram: %d stored updates recovered", len(payloads))

    async def _process(self, update_id: int, received: Received) -> None:
        answering = asyncio.create_task(self._sender.answer(received.query_id)) if received.query_id else None
        try:
            with contextlib.suppress(Forbidden):  # blocked by the user: already marked unreachable
                await self._respond(received)
        except Exception as error:
            await self._apologise(update_id, received.chat_id, error)
        finally:
            if answering is not None:
                await answering

    async def _respond(self, received: Received) -> None:
        chat_id, pressed = received.chat_id, received.pressed
        if received.page is not None and pressed is not None:
            prompt = self._memory.prompt(chat_id, pressed.message_id)
            if prompt is not None:
                turn = page(prompt, chat_id, pressed.message_id, received.page, self._codec)
                await self._sender.send(chat_id, [turn])
                return
        if received.incoming is None:  # the adapter's own answer leaves the conversation (and keyboard) as it is
            await self._sender.send(chat_id, render(received.replies, chat_id, self._codec))
            return
        incoming = received.incoming
        if received.file is not None:
            incoming = await self._with_file(incoming, received.file)
        replies = await self._service.handle(incoming)
        shown = self._memory.keyboard_shown(chat_id)
        try:
            await self._sender.send(
                chat_id, render(replies, chat_id, self._codec, pressed=pressed, keyboard_shown=shown)
            )
        except Forbidden:
            self._service.inbox.sent(received.incoming)  # blocked for good: nothing left to resend
            raise
        except Exception:
            self._service.inbox.unsent(received.incoming)  # the outbox relay tries again
            raise
        self._service.inbox.sent(received.incoming)

    async def _with_file(self, incoming: Incoming, file: FileRef) -> Incoming:
        """The message with the document's or photo's text, fetched with getFile (admins only)."""

        async def fetch() -> bytes:
            try:
                found = await self._bot.get_file(file.file_id)
                return bytes(await found.download_as_bytearray())
            except TelegramError as error:
                raise OSError("telegram file download failed") from error

        admin = (CHANNEL, incoming.user_id) in self._admins
        return await file_incoming(incoming, file.name, file.size, fetch, admin)

    async def _apologise(self, update_id: int, chat_id: int, error: BaseException) -> None:
        """Log the failure without personal data and apologise to the user."""
        log.error("telegram update %s failed: %s", update_id, _describe(error))
        with contextlib.suppress(TelegramError):
            apology = Reply(messages.t(messages.VI, "error.apology"))
            await self._sender.send(chat_id, render([apology], chat_id, self._codec))


def menu_commands(locale: str = messages.DEFAULT) -> list[BotCommand]:
    """Telegram's command menu in ``locale``: the registry's ``menu`` entries, each with its "telegram.command.<name>"
    text, under their English names in English."""
    return [BotCommand(commands.shown_name(command, locale), messages.t(locale, f"telegram.command.{command.name}"))
            for command in commands.menu()]


def _durable(received: Received) -> bool:
    """True for updates the conversation service handles (stored first); page turns are the adapter's own."""
    return received.incoming is not None and received.page is None


def _update_id(data: dict[str, Any]) -> str:
    value = data.get("update_id")
    return str(value) if isinstance(value, int) else "?"


def _update_number(data: dict[str, Any]) -> int:
    value = data.get("update_id")
    return value if isinstance(value, int) else -1


class _RecentUpdates:
    """The newest update ids seen, so a repeated delivery is dropped before it costs a database round trip."""

    def __init__(self, size: int) -> None:
        self._order: deque[int] = deque(maxlen=size)
        self._seen: set[int] = set()

    def first_time(self, update_id: int) -> bool:
        """True the first time ``update_id`` is seen."""
        if update_id in self._seen:
            return False
        if len(self._order) == self._order.maxlen:
            self._seen.discard(self._order[0])
        self._order.append(update_id)
        self._seen.add(update_id)
        return True


def _bot(settings: Settings, token: str) -> JsonBot:
    root = settings.telegram_api_base_url
    return JsonBot(
        token,
        base_url=f"{root}/bot",
        base_file_url=f"{root}/file/bot",
        request=AiohttpRequest(CONNECTIONS, pool_timeout=POOL_TIMEOUT),
        get_updates_request=AiohttpRequest(1),
    )


def _describe(error: BaseException | None) -> str:
    """The error's type and where it was raised; never its message, which may hold personal data."""
    if error is None:
        return "unknown error"
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    frame = frames[-1]
    return f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno} in {frame.name}"
