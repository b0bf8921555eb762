"""Group chats: the bot never takes declarations there and tells each group so at most once a day."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

NOTICE_INTERVAL_SECONDS = 24 * 3600.0
REMEMBERED_GROUPS = 10_000


class GroupNotices:
    """Decides when a group chat is due the private-chat notice (a bounded, least-recently-told memory)."""

    def __init__(
        self,
        interval: float = NOTICE_INTERVAL_SECONDS,
        capacity: int = REMEMBERED_GROUPS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._interval = interval
        self._capacity = capacity
        self._clock = clock
        self._told: OrderedDict[str, float] = OrderedDict()

    def due(self, chat_id: str) -> bool:
        """True (and remembered as told) when ``chat_id`` was not told within the interval."""
        now = self._clock()
        told = self._told.get(chat_id)
        if told is not None and now - told < self._interval:
            return False
        self._told[chat_id] = now
        self._told.move_to_end(chat_id)
        while len(self._told) > self._capacity:
            self._told.popitem(last=False)
        return True
