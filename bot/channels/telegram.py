"""The Telegram channel: python-telegram-bot receives updates (long polling or webhook), the engine answers."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import traceback
from collections import deque
from pathlib import Path

from starlette.routing import BaseRoute
from telegram import BotCommand, Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, ContextTypes, TypeHandler

import messages_vi
from bot.channels.telegram_buttons import ButtonCodec
from bot.channels.telegram_http import AiohttpRequest
from bot.channels.telegram_lanes import Lanes
from bot.channels.telegram_memory import ChatMemory
from bot.channels.telegram_pacing import ChatPacer
from bot.channels.telegram_receive import CHANNEL, FileRef, Received, receive
from bot.channels.telegram_render import page, render
from bot.channels.telegram_send import Conversations, Sender
from bot.channels.telegram_webhook import TelegramApp, webhook_path, webhook_route
from bot.limits import shared_limiter
from bot.settings import Settings
from bot.uploads import file_incoming
from handlers.protocol import Incoming, Reply

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
COMMANDS = (
    ("khaibao", "telegram.command.khaibao"),
    ("quaylai", "telegram.command.quaylai"),
    ("huy", "telegram.command.huy"),
    ("batdau", "telegram.command.batdau"),
    ("huongdan", "telegram.command.huongdan"),
    ("vungdich", "telegram.command.vungdich"),
)
CHAT_BURST = 3  # messages a chat may receive at once before per-chat pacing spaces them
RECENT_UPDATES = 10_000  # update ids remembered to drop repeated deliveries early
# Chats handled at the same time: enough to hide Telegram's round trips, few enough that httpcore's
# per-request bookkeeping over its pool (linear in the connections) stays cheap.
ACTIVE_CHATS = 32
CONNECTIONS = 2 * ACTIVE_CHATS  # each chat may answer a button and send a reply at once
POOL_TIMEOUT = 10.0
BOOTSTRAP_RETRIES = 3


def build(settings: Settings, service: Conversations) -> TelegramChannel:
    """The Telegram channel for ``settings`` (TELEGRAM_BOT_TOKEN must be set)."""
    return TelegramChannel(settings, service)


class TelegramChannel:
    """Receives with PTB, orders each chat's updates in a lane, renders the engine's replies."""

    name = CHANNEL

    def __init__(self, settings: Settings, service: Conversations) -> None:
        if settings.telegram_bot_token is None:
            raise ValueError("TELEGRAM_BOT_TOKEN is not set")
        self._service = service
        self._admins = settings.admin_identities
        self._webhook_url = settings.telegram_webhook_url
        secret = settings.telegram_webhook_secret
        self._secret = secret.get_secret_value() if secret else settings.derived_secret("telegram-webhook")
        self._app = _application(settings, settings.telegram_bot_token.get_secret_value())
        self._app.add_handler(TypeHandler(Update, self._dispatch))
        self._app.add_error_handler(self._on_error)
        limiter = shared_limiter(settings, CHANNEL)
        self._codec = ButtonCodec()
        self._memory = ChatMemory()
        self._lanes = Lanes(ACTIVE_CHATS)
        self._recent = _RecentUpdates(RECENT_UPDATES)
        pacer = ChatPacer(settings.telegram_per_chat_interval, CHAT_BURST)
        self._sender = Sender(self._app.bot, service, self._memory, limiter, pacer)

    def routes(self) -> list[BaseRoute]:
        """The webhook endpoint in webhook mode; nothing when polling."""
        if not self._webhook_url:
            return []
        return [webhook_route(webhook_path(self._webhook_url), self._secret, self._app)]

    async def start(self) -> None:
        """Connect, publish the command menu, then register the webhook or start long polling."""
        app = self._app
        await app.initialize()
        commands = [BotCommand(command, messages_vi.t(key)) for command, key in COMMANDS]
        await app.bot.set_my_commands(commands)
        await app.start()
        if self._webhook_url:
            await app.bot.set_webhook(self._webhook_url, secret_token=self._secret, allowed_updates=ALLOWED_UPDATES)
        else:
            assert app.updater is not None
            await app.updater.start_polling(
                allowed_updates=ALLOWED_UPDATES, bootstrap_retries=BOOTSTRAP_RETRIES, error_callback=_polling_failed
            )

    async def stop(self) -> None:
        """Stop receiving, finish the updates already received, close the connections."""
        app = self._app
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await self._lanes.join()
        await app.shutdown()

    async def _dispatch(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """PTB calls this for every update, one at a time: queue it in its chat's lane and return."""
        if not self._recent.first_time(update.update_id):
            return
        received = receive(update, self._codec)
        if received is not None:
            self._lanes.submit(received.chat_id, functools.partial(self._process, update, received))

    async def _process(self, update: Update, received: Received) -> None:
        answering = asyncio.create_task(self._sender.answer(received.query_id)) if received.query_id else None
        try:
            with contextlib.suppress(Forbidden):  # blocked by the user: already marked unreachable
                await self._respond(received)
        except Exception as error:
            await self._app.process_error(update, error)
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
        await self._sender.send(chat_id, render(replies, chat_id, self._codec, pressed=pressed, keyboard_shown=shown))

    async def _with_file(self, incoming: Incoming, file: FileRef) -> Incoming:
        """The message with the document's or photo's text, fetched with getFile (admins only)."""

        async def fetch() -> bytes:
            try:
                found = await self._app.bot.get_file(file.file_id)
                return bytes(await found.download_as_bytearray())
            except TelegramError as error:
                raise OSError("telegram file download failed") from error

        admin = (CHANNEL, incoming.user_id) in self._admins
        return await file_incoming(incoming, file.name, file.size, fetch, admin)

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the failure without personal data and apologise to the user."""
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("telegram update %s failed: %s", update_id, _describe(context.error))
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            return
        with contextlib.suppress(TelegramError):
            await self._sender.send(chat.id, render([Reply(messages_vi.t("error.apology"))], chat.id, self._codec))


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


def _application(settings: Settings, token: str) -> TelegramApp:
    root = settings.telegram_api_base_url
    builder = (
        Application.builder()
        .token(token)
        .base_url(f"{root}/bot")
        .base_file_url(f"{root}/file/bot")
        .concurrent_updates(False)  # dispatch only queues into per-chat lanes, which run concurrently
        .request(AiohttpRequest(CONNECTIONS, pool_timeout=POOL_TIMEOUT))
        .get_updates_request(AiohttpRequest(1))
        .job_queue(None)
    )
    if settings.telegram_webhook_url:
        builder = builder.updater(None)
    return builder.build()


def _describe(error: BaseException | None) -> str:
    """The error's type and where it was raised; never its message, which may hold personal data."""
    if error is None:
        return "unknown error"
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    frame = frames[-1]
    return f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno} in {frame.name}"


def _polling_failed(error: TelegramError) -> None:
    log.warning("telegram polling failed: %s", type(error).__name__)
