"""`khaibao run`: serve every channel whose token is configured, or the console chat when none is."""

from __future__ import annotations

import asyncio
import logging
import signal
from datetime import timedelta

import messages
from bot.channels import registry
from bot.channels.console import channel as console
from bot.conversation.outbox_relay import OutboxRelay
from bot.conversation.service import ConversationService
from bot.delivery.service import DeliveryService
from bot.jobs.scheduler import Scheduler
from bot.records import user_files
from bot.serve.web import WebServer, build_app
from bot.settings import Settings
from messages import VI

log = logging.getLogger(__name__)
RUN_WINDOW_USER = "local"


async def serve(settings: Settings, service: ConversationService, stop: asyncio.Event | None = None) -> None:
    """Run the channels, the delivery queue and the scheduler until SIGINT/SIGTERM (or ``stop``).

    With no platform token configured, the console chat of user "local" runs instead; what is pushed to
    that user prints there (other console users read theirs in `khaibao chat --user ID`).
    """
    delivery = DeliveryService(service.db, settings, registry.outlets(settings))
    scheduler = Scheduler(service.db, settings)
    await delivery.start()
    await scheduler.start()
    try:
        await _serve_channels(settings, service, stop)
    finally:
        await scheduler.stop()
        await delivery.stop()


async def _serve_channels(settings: Settings, service: ConversationService, stop: asyncio.Event | None) -> None:
    channels = registry.channels(settings, service)
    if not channels:
        await console.chat(service, RUN_WINDOW_USER, user_files.folder(settings, console.CHANNEL, RUN_WINDOW_USER),
                           intro=messages.t(VI, "cli.console_fallback"))
        return
    stop = stop or stop_on_signals()
    routes = [route for channel in channels for route in channel.routes()]
    web = WebServer(build_app(routes), settings.web_host, settings.web_port) if routes else None
    if web:
        await web.start()
    for channel in channels:
        await channel.start()
        log.info("channel started", extra={"channel": channel.name})
    relay = OutboxRelay(
        service.db, {channel.name: channel.deliver for channel in channels}, service.clock,
        retry_for=timedelta(hours=settings.delivery_retry_hours), max_delay=settings.delivery_retry_max_delay,
        inbox=service.inbox,
    )
    await relay.start()
    try:
        await stop.wait()
    finally:
        await relay.stop()
        for channel in reversed(channels):
            await channel.stop()
        if web:
            await web.stop()


def stop_on_signals() -> asyncio.Event:
    """An event set by SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return stop
