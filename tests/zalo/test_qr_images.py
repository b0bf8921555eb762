"""Signed, expiring QR image URLs: served as PNG while valid, refused when tampered with or expired."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from bot.channels.qr_images import QrImages
from bot.serve.web import build_app

SECRET = b"q" * 32
NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def images(clock: Clock) -> QrImages:
    return QrImages(SECRET, "https://khaibao.example/", timedelta(hours=24), clock)


async def fetch(images: QrImages, url: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=build_app([images.route()]))
    async with httpx.AsyncClient(transport=transport, base_url="https://khaibao.example") as client:
        return await client.get(url)


async def test_a_signed_url_serves_the_png(images: QrImages) -> None:
    url = images.url_for("https://t.me/khaibao_bot?start=v_token")
    assert url.startswith("https://khaibao.example/qr/") and url.endswith(".png")
    response = await fetch(images, url)
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")


async def test_it_expires_with_the_receipt(images: QrImages, clock: Clock) -> None:
    url = images.url_for("v_token")
    clock.now += timedelta(hours=23, minutes=59)
    assert (await fetch(images, url)).status_code == 200
    clock.now += timedelta(minutes=2)
    assert (await fetch(images, url)).status_code == 410


@pytest.mark.parametrize("change", ["flip", "other content", "garbage", "short", "other key"])
async def test_tampered_urls_are_forbidden(images: QrImages, clock: Clock, change: str) -> None:
    expires = int((NOW + timedelta(hours=1)).timestamp())
    signed = images.sign("v_token", expires)
    if change == "flip":
        signed = signed[:-2] + ("A" if signed[-2] != "A" else "B") + signed[-1]
    elif change == "other content":
        raw = base64.urlsafe_b64decode(signed + "=" * (-len(signed) % 4))
        signed = base64.urlsafe_b64encode(raw.replace(b"v_token", b"v_other")).decode().rstrip("=")
    elif change == "garbage":
        signed = "!!not-base64!!"
    elif change == "short":
        signed = signed[:10]
    else:
        signed = QrImages(b"x" * 32, "https://khaibao.example", timedelta(hours=1), clock).sign("v_token", expires)
    assert (await fetch(images, f"/qr/{signed}.png")).status_code == 403


async def test_an_expired_signature_cannot_be_extended(images: QrImages) -> None:
    past = images.sign("v_token", int((NOW - timedelta(seconds=1)).timestamp()))
    assert (await fetch(images, f"/qr/{past}.png")).status_code == 410
