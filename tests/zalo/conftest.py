"""Fixtures of the Zalo channel tests: a fake Zalo Bot API server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from tests.fakes.fake_zalo import FakeZalo, running_fake_zalo


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeZalo]:
    """A fake Zalo Bot API server."""
    async with running_fake_zalo() as server:
        yield server
