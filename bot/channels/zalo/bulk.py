"""Zalo's bulk sender for the delivery queue: one text to one chat, errors mapped to what the queue does next."""

from __future__ import annotations

from bot.channels.zalo import api as zalo_api
from bot.delivery.senders import Ambiguous, Blocked, RateLimited, Rejected, Transient


class ZaloSender:
    """sendMessage through the Zalo Bot API client."""

    text_limit = zalo_api.MAX_TEXT_LENGTH

    def __init__(self, api: zalo_api.ZaloBotApi) -> None:
        self._api = api

    async def send(self, chat_id: str, text: str, button: dict[str, str] | None = None) -> None:
        """Send and map the client's typed errors; Zalo bots show no buttons (the text says what to type)."""
        try:
            await self._api.send_message(chat_id, text)
        except zalo_api.ZaloRateLimited as exc:
            raise RateLimited(exc.retry_after) from None
        except zalo_api.ZaloForbidden as exc:
            raise Blocked(exc.description) from None
        except zalo_api.ZaloTimedOut as exc:
            raise Ambiguous(exc.description) from None
        except zalo_api.ZaloApiError as exc:
            raise (Transient if exc.transient else Rejected)(f"{exc.error_code} {exc.description}") from None

    async def aclose(self) -> None:
        """Close the client."""
        await self._api.aclose()
