"""Files a Zalo user sends: fetched from the platform's media URL, at most the size an upload may have."""

from __future__ import annotations

import httpx

from bot.conversation.uploads import TooLarge
from handlers.directive.document import MAX_BYTES

FETCH_TIMEOUT = 30.0


async def fetch_url(client: httpx.AsyncClient, url: str) -> bytes:
    """A file from the platform's media URL, at most ``MAX_BYTES`` (OSError otherwise)."""
    if not url.startswith(("https://", "http://")):
        raise OSError("not a web address")
    try:
        async with client.stream("GET", url, timeout=FETCH_TIMEOUT) as response:
            response.raise_for_status()
            chunks, size = [], 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise TooLarge(url)
                chunks.append(chunk)
    except httpx.HTTPError as error:
        raise OSError("download failed") from error
    return b"".join(chunks)
