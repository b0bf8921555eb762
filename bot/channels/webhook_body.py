"""Webhook bodies read defensively: a size limit before reading it all, and JSON objects of bounded depth."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

MAX_DEPTH = 32  # JSON nesting; real updates of either platform nest a few levels


async def read_limited(request: Request, limit: int) -> bytes | None:
    """The request body, or None once it passes ``limit`` bytes (the rest is not read)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def json_object(body: bytes) -> dict[str, Any] | None:
    """``body`` as a JSON object of bounded depth, or None."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) and _depth(data) <= MAX_DEPTH else None


def _depth(value: Any) -> int:
    """How deeply ``value`` nests (iteratively, so no input can exhaust the stack)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if deepest > MAX_DEPTH:
                return deepest
            stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest
