"""The Zalo channel over the Zalo Bot Platform API: webhook or long polling in, numbered menus out."""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from datetime import timedelta
from urllib.parse import urlsplit

import httpx
from starlette.routing import BaseRoute

from bot.channels.qr_images import QrImages
from bot.channels.zalo.api import ZaloBotApi
from bot.channels.zalo.inbox import ZaloInbox
from bot.channels.zalo.media import fetch_url
from bot.channels.zalo.polling import POLL_TIMEOUT, ZaloPoller
from bot.channels.zalo.send import ZaloReplySender, in_flight_for, rate
from bot.channels.zalo.updates import CHANNEL
from bot.channels.zalo.webhook import webhook_route
from bot.conversation.service import ConversationService
from bot.delivery.limits import shared_limiter
from bot.settings import Settings
from handlers.protocol import Reply

log = logging.getLogger(__name__)

STOP_TIMEOUT_SECONDS = 30.0


class ZaloChannel:
    """Receives by webhook when a webhook URL is set, else by long polling; replies through the sender."""

    name = CHANNEL

    def __init__(
        self,
        api: ZaloBotApi,
        inbox: ZaloInbox,
        *,
        http: httpx.AsyncClient,
        webhook_url: str | None,
        webhook_secret: str,
        qr_images: QrImages | None,
        poll_timeout: int = POLL_TIMEOUT,
    ) -> None:
        self._api = api
        self._inbox = inbox
        self._http = http
        self._webhook_url = webhook_url
        self._webhook_secret = webhook_secret
        self._qr_images = qr_images
        self._poller = ZaloPoller(api, inbox, poll_timeout)

    def routes(self) -> list[BaseRoute]:
        """The webhook endpoint (at the webhook URL's path) and the QR image URLs, when configured."""
        routes: list[BaseRoute] = []
        if self._webhook_url:
            path = urlsplit(self._webhook_url).path or "/"
            routes.append(webhook_route(path, self._webhook_secret, self._inbox))
        if self._qr_images:
            routes.append(self._qr_images.route())
        return routes

    async def start(self) -> None:
        """Queue the updates a crash left unhandled, then register the webhook or start polling."""
        await self._inbox.recover()
        if self._webhook_url:
            await self._api.set_webhook(self._webhook_url, self._webhook_secret)
            log.info("zalo: webhook registered")
        else:
            self._poller.start()
            log.info("zalo: long polling")

    async def deliver(self, external_id: str, replies: Sequence[Reply]) -> None:
        """Send replies the outbox kept to a user, in order with their updates; raises when not sent."""
        await self._inbox.deliver(external_id, list(replies))

    async def settle(self, timeout: float | None = None) -> bool:
        """Wait until every update received so far is handled and answered; False on timeout."""
        return await self._inbox.drain(timeout)

    async def stop(self) -> None:
        """Stop polling (the webhook stays registered), finish queued updates and close the connections."""
        await self._poller.stop()
        if not await self._inbox.close(STOP_TIMEOUT_SECONDS):
            log.warning("zalo: stopped with updates still queued; they are handled after the restart")
        await self._http.aclose()


def webhook_secret(settings: Settings) -> str:
    """ZALO_WEBHOOK_SECRET, or a secret derived from the signing key."""
    if settings.zalo_webhook_secret:
        return settings.zalo_webhook_secret.get_secret_value()
    return settings.derived_secret("zalo-webhook")


def build(settings: Settings, service: ConversationService, *, poll_timeout: int = POLL_TIMEOUT) -> ZaloChannel:
    """The Zalo channel for ``settings`` (ZALO_BOT_TOKEN must be set)."""
    if settings.zalo_bot_token is None:
        raise ValueError("ZALO_BOT_TOKEN is not set")
    in_flight = in_flight_for(settings.zalo_rate)
    connections = in_flight + 2  # the sends, the long poll and a spare
    http = httpx.AsyncClient(limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections))
    api = ZaloBotApi(settings.zalo_bot_token.get_secret_value(), settings.zalo_api_base_url, client=http)
    qr_images = None
    if settings.public_base_url:
        valid_for = timedelta(hours=settings.receipt_valid_hours)
        qr_images = QrImages(settings.secret, settings.public_base_url, valid_for, service.clock)
    limiter = shared_limiter(CHANNEL, *rate(settings))
    sender = ZaloReplySender(api, limiter, service, qr_images, in_flight=in_flight)
    return ZaloChannel(
        api,
        ZaloInbox(service, sender, fetch=functools.partial(fetch_url, http)),
        http=http,
        webhook_url=settings.zalo_webhook_url,
        webhook_secret=webhook_secret(settings),
        qr_images=qr_images,
        poll_timeout=poll_timeout,
    )
