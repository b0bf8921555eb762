"""Lookups by (channel, external id) that every database answers from its unique index."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import ColumnElement, Table, and_, false, or_


def any_identity(table: Table, keys: list[tuple[str, str]]) -> ColumnElement[bool]:
    """``(channel, external_id) IN keys`` as ``channel = ? AND external_id IN (...)`` per channel.

    SQLAlchemy writes a tuple IN as ``IN (VALUES ...)`` on SQLite, which SQLite answers by scanning
    the whole table; this form uses the (channel, external_id) index on SQLite and PostgreSQL alike.
    """
    by_channel: defaultdict[str, list[str]] = defaultdict(list)
    for channel, external_id in keys:
        by_channel[channel].append(external_id)
    if not by_channel:
        return false()
    return or_(*(and_(table.c.channel == channel, table.c.external_id.in_(ids)) for channel, ids in by_channel.items()))
