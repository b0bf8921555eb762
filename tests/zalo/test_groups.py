"""The group-chat notice memory: each group is told now and then, with bounded memory."""

from __future__ import annotations

from bot.channels.zalo.groups import GroupNotices


def test_each_group_is_told_once_per_interval_with_bounded_memory() -> None:
    now = [0.0]
    notices = GroupNotices(interval=60, capacity=2, clock=lambda: now[0])
    assert notices.due("g1") and not notices.due("g1")
    now[0] = 61
    assert notices.due("g1")
    assert notices.due("g2") and notices.due("g3")  # g1 is forgotten: memory holds two groups
    assert notices.due("g1")
