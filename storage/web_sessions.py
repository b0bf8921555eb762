"""Web console logins and sessions: one-time links and browser sessions, stored by their token's hash only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, or_, select, update

from storage.models import Person, WebLogin, WebSession
from storage.upsert import Executor, rows_changed

LOGIN = WebLogin.__table__  # type: ignore[attr-defined]
SESSION = WebSession.__table__  # type: ignore[attr-defined]
PERSON = Person.__table__  # type: ignore[attr-defined]


async def create_login(executor: Executor, token_hash: str, holder: dict[str, Any], now: datetime,
                       expires_at: datetime) -> int:
    """Store a login link for ``holder`` (identity, person_id, role, area_code); its id."""
    result = await executor.execute(
        insert(LOGIN).values(token_hash=token_hash, created_at=now, expires_at=expires_at, **holder)
        .returning(LOGIN.c.id)
    )
    return int(result.scalar_one())


async def find_login(executor: Executor, token_hash: str) -> dict[str, Any] | None:
    """The login link with that hash, used or not."""
    row = (await executor.execute(select(LOGIN).where(LOGIN.c.token_hash == token_hash))).first()
    return dict(row._mapping) if row else None


async def use_login(executor: Executor, token_hash: str, now: datetime) -> dict[str, Any] | None:
    """Spend an unused, unexpired link at once (one statement, so two clicks cannot both win); the link or None."""
    result = await executor.execute(
        update(LOGIN)
        .where(LOGIN.c.token_hash == token_hash, LOGIN.c.used_at.is_(None), LOGIN.c.expires_at > now)
        .values(used_at=now)
        .returning(*LOGIN.c)
    )
    row = result.first()
    return dict(row._mapping) if row else None


async def open_session(executor: Executor, token_hash: str, login: dict[str, Any], csrf: str, now: datetime,
                       user_agent: str | None) -> int:
    """Open a session with the role and area of a spent login link; its id."""
    result = await executor.execute(
        insert(SESSION).values(
            token_hash=token_hash, identity=login["identity"], person_id=login["person_id"], role=login["role"],
            area_code=login["area_code"], csrf=csrf, user_agent=(user_agent or "")[:200] or None, created_at=now,
            seen_at=now,
        ).returning(SESSION.c.id)
    )
    return int(result.scalar_one())


async def live_session(executor: Executor, token_hash: str, idle_since: datetime) -> dict[str, Any] | None:
    """The session with that hash when not ended and seen after ``idle_since``, with its person's role, area and
    whether they are active now (``person_role``, ``person_area``, ``person_active``; None without a person)."""
    query = (select(SESSION, PERSON.c.role.label("person_role"), PERSON.c.area_code.label("person_area"),
                    PERSON.c.active.label("person_active"))
             .outerjoin(PERSON, PERSON.c.id == SESSION.c.person_id)
             .where(SESSION.c.token_hash == token_hash, SESSION.c.ended_at.is_(None), SESSION.c.seen_at > idle_since))
    row = (await executor.execute(query)).first()
    return dict(row._mapping) if row else None


async def touch(executor: Executor, session_id: int, now: datetime) -> None:
    """Note that the session was used now (its idle time starts again)."""
    await executor.execute(update(SESSION).where(SESSION.c.id == session_id).values(seen_at=now))


async def end(executor: Executor, session_id: int, now: datetime) -> bool:
    """End one session; False when it had already ended."""
    result = await executor.execute(
        update(SESSION).where(SESSION.c.id == session_id, SESSION.c.ended_at.is_(None)).values(ended_at=now)
    )
    return bool(rows_changed(result))


async def end_all_of(executor: Executor, identity: str, now: datetime) -> int:
    """End every open session of one chat identity (/dangxuat); how many ended."""
    result = await executor.execute(
        update(SESSION).where(SESSION.c.identity == identity, SESSION.c.ended_at.is_(None)).values(ended_at=now)
    )
    return rows_changed(result)


async def open_sessions(executor: Executor, idle_since: datetime) -> list[dict[str, Any]]:
    """Every session still usable, newest first (for admins to review and revoke)."""
    query = select(SESSION).where(SESSION.c.ended_at.is_(None), SESSION.c.seen_at > idle_since)
    return [dict(row._mapping) for row in await executor.execute(query.order_by(SESSION.c.id.desc()))]


async def forget_holder(executor: Executor, identity: str, person_id: int) -> None:
    """Erasure: the person's login links and sessions (open ones end with them) are deleted."""
    for table in (LOGIN, SESSION):
        await executor.execute(delete(table).where(or_(table.c.identity == identity, table.c.person_id == person_id)))


async def forget_links_before(executor: Executor, before: datetime) -> int:
    """Retention: login links made before ``before`` are deleted; how many."""
    return rows_changed(await executor.execute(delete(LOGIN).where(LOGIN.c.created_at < before)))


async def forget_sessions_before(executor: Executor, before: datetime) -> int:
    """Retention: sessions last used before ``before`` are deleted; how many."""
    return rows_changed(await executor.execute(delete(SESSION).where(SESSION.c.seen_at < before)))
