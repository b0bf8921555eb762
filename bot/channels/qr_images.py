"""Signed, expiring URLs that serve QR receipts as PNG images for platforms that fetch photos by URL."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import struct
from datetime import timedelta

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from bot.clock import Clock
from handlers import receipt

PATH_PREFIX = "/qr/"
_DOMAIN = b"khaibao-qr-image-v1"
_MAC_BYTES = 16
_EXPIRY = struct.Struct(">Q")


class QrImages:
    """Makes ``{public_base_url}/qr/<signed>.png`` URLs and serves them until they expire."""

    def __init__(self, secret: bytes, public_base_url: str, valid_for: timedelta, clock: Clock) -> None:
        self._secret = secret
        self._base_url = public_base_url.rstrip("/")
        self._valid_for = valid_for
        self._clock = clock

    def url_for(self, content: str) -> str:
        """A public URL of the QR image of ``content``, valid for the receipt's validity from now."""
        expires = int((self._clock() + self._valid_for).timestamp())
        return f"{self._base_url}{PATH_PREFIX}{self.sign(content, expires)}.png"

    def sign(self, content: str, expires: int) -> str:
        """The URL-safe token holding ``content`` and its expiry (epoch seconds), MAC first."""
        payload = _EXPIRY.pack(expires) + content.encode()
        return _b64encode(self._mac(payload) + payload)

    def route(self) -> Route:
        """The web route serving the images (GET)."""
        return Route(PATH_PREFIX + "{signed}.png", self._serve, methods=["GET"])

    async def _serve(self, request: Request) -> Response:
        raw = _b64decode(request.path_params["signed"])
        if raw is None or len(raw) < _MAC_BYTES + _EXPIRY.size:
            return PlainTextResponse("forbidden", status_code=403)
        mac, payload = raw[:_MAC_BYTES], raw[_MAC_BYTES:]
        if not hmac.compare_digest(mac, self._mac(payload)):
            return PlainTextResponse("forbidden", status_code=403)
        (expires,) = _EXPIRY.unpack_from(payload)
        if expires < self._clock().timestamp():
            return PlainTextResponse("expired", status_code=410)
        content = payload[_EXPIRY.size :].decode(errors="replace")
        return Response(receipt.qr_png(content), media_type="image/png", headers={"Cache-Control": "private"})

    def _mac(self, payload: bytes) -> bytes:
        return hmac.new(self._secret, _DOMAIN + payload, hashlib.sha256).digest()[:_MAC_BYTES]


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _b64decode(text: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(text.encode("ascii") + b"=" * (-len(text) % 4))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
