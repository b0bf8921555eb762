"""Progress of a broadcast as text: counts, rate and ETA, posted to the admin's chat as it goes."""

from __future__ import annotations

import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TextIO

import messages
from handlers.areas import catalog
from handlers.audience import Audience

SETTLED = ("sent", "failed", "blocked", "ambiguous", "cancelled")


def describe_audience(audience: Audience, locale: str = messages.VI) -> str:
    """'người dân ở Xã Yên Mỹ, Hưng Yên', 'cán bộ', ... ('citizens of ...', 'officials' in English)."""
    if audience.kind in ("area", "area_officials"):
        return messages.t(locale, f"audience.{audience.kind}", area=catalog().label(audience.area_code or ""))
    if audience.kind == "person":
        return messages.t(locale, "audience.person", id=str(audience.person_id))
    text = messages.t(locale, f"audience.{audience.kind}")
    if audience.area_code:
        text += f" ({catalog().label(audience.area_code)})"
    return text


@dataclass
class Snapshot:
    """A broadcast's counts at one moment, with what is derived from them."""

    broadcast: dict[str, Any]
    counts: dict[str, int]
    rate: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return sum(self.counts.get(status, 0) for status in SETTLED)

    @property
    def remaining(self) -> int:
        return self.total - self.done

    @property
    def waiting(self) -> int:
        """Recipients whose platform failed transiently: retried automatically, not failed."""
        return self.counts.get("waiting", 0)

    def eta_seconds(self) -> float | None:
        """Seconds left at the current rate, None when unknown."""
        return self.remaining / self.rate if self.rate > 0 else None

    def text(self, locale: str = messages.VI) -> str:
        """The progress or final message."""
        params = {
            "id": str(self.broadcast["id"]),
            "audience": describe_audience(Audience.from_json(self.broadcast["audience"]), locale),
            "total": str(self.total),
            **{status: str(self.counts.get(status, 0)) for status in SETTLED},
        }
        if self.broadcast["status"] in ("done", "cancelled"):
            return messages.t(locale, "broadcast.finished", **params)
        eta = self.eta_seconds()
        text = messages.t(
            locale, "broadcast.progress", **{k: v for k, v in params.items() if k != "cancelled"},
            done=str(self.done), remaining=str(self.remaining), rate=f"{self.rate:.0f}",
            eta=_duration(eta) if eta is not None and not self.waiting else "—",
        )
        if self.waiting:
            text += "\n" + messages.t(locale, "broadcast.waiting", waiting=str(self.waiting))
        return text


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass
class RateMeter:
    """Settled rows per second per broadcast, measured between two looks."""

    seen: dict[int, tuple[float, int]] = field(default_factory=dict)

    def rate(self, broadcast_id: int, done: int) -> float:
        now = time.monotonic()
        previous = self.seen.get(broadcast_id)
        self.seen[broadcast_id] = (now, done)
        if previous is None or now <= previous[0]:
            return 0.0
        return max(0.0, (done - previous[1]) / (now - previous[0]))


class Notifier(Protocol):
    """Posts or updates a progress message in one chat; returns the message id when it can be edited."""

    async def post(self, chat_id: str, text: str, message_id: str | None, final: bool) -> str | None:
        """Show ``text`` (``final`` for the closing statistics)."""
        ...


class ConsoleNotifier:
    """Prints progress lines (only those for console user ``only`` when given: that user's window)."""

    def __init__(self, out: TextIO = sys.stdout, only: str | None = None) -> None:
        self._out = out
        self._only = only

    async def post(self, chat_id: str, text: str, message_id: str | None, final: bool) -> str | None:
        """Print the progress line."""
        if self._only is None or chat_id == self._only:
            print(text, file=self._out, flush=True)
        return None


class ThrottledNotifier:
    """For channels that cannot edit messages (Zalo): a new message at most every ``every`` seconds, and the last."""

    def __init__(self, send: Callable[[str, str], Awaitable[object]], every: float = 60.0) -> None:
        self._send = send
        self._every = every
        self._last: dict[str, float] = {}

    async def post(self, chat_id: str, text: str, message_id: str | None, final: bool) -> str | None:
        """Send when due or final."""
        now = time.monotonic()
        if final or now - self._last.get(chat_id, -self._every) >= self._every:
            self._last[chat_id] = now
            await self._send(chat_id, text)
        return None
