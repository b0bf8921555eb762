"""Check-ins and what follows a confirmed case: the case's visits, who overlapped them, the exposures told.

The overlap query is one range scan of ix_checkin_venue_at per visit of the case, so finding the
exposed people stays fast however many check-ins the table holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, true, update

from handlers.venues.windows import Visit
from storage.broadcasts import BROADCAST, DELIVERY
from storage.models import Area, Checkin, Declaration, Exposure, ExposureCase, Venue
from storage.statistics import in_area_column
from storage.upsert import Executor, rows_changed

CHECKIN = Checkin.__table__  # type: ignore[attr-defined]
EXPOSURE = Exposure.__table__  # type: ignore[attr-defined]
CASE = ExposureCase.__table__  # type: ignore[attr-defined]
VENUE = Venue.__table__  # type: ignore[attr-defined]
DECLARATION = Declaration.__table__  # type: ignore[attr-defined]
AREA = Area.__table__  # type: ignore[attr-defined]
HOUSEHOLD_DAYS = 90  # the people someone declared for this recently may be checked in with them


async def add_many(executor: Executor, rows: list[dict[str, Any]]) -> None:
    """Store check-ins (venue_id, person_id, subject_name: None for the account holder, at) in one statement."""
    if rows:
        await executor.execute(insert(CHECKIN), rows)


async def households(executor: Executor, person_ids: Iterable[int], now: datetime) -> dict[int, list[str]]:
    """For each account, the names of the people it declared for lately (its family), sorted."""
    ids = sorted(set(person_ids))
    if not ids:
        return {}
    query = select(DECLARATION.c.person_id, DECLARATION.c.subject_name).distinct().where(
        DECLARATION.c.person_id.in_(ids), DECLARATION.c.for_self.is_(False), DECLARATION.c.subject_name != "",
        DECLARATION.c.created_at >= now - timedelta(days=HOUSEHOLD_DAYS))
    found: dict[int, list[str]] = {}
    for person_id, name in await executor.execute(query):
        found.setdefault(person_id, []).append(name)
    return {person_id: sorted(set(names)) for person_id, names in found.items()}


async def of_person(executor: Executor, person_id: int) -> list[dict[str, Any]]:
    """One account's check-ins (its own and its family's), oldest first, with the venue's name and code."""
    query = (select(CHECKIN.c.at, CHECKIN.c.subject_name, VENUE.c.name.label("venue"), VENUE.c.code)
             .select_from(CHECKIN.join(VENUE, VENUE.c.id == CHECKIN.c.venue_id))
             .where(CHECKIN.c.person_id == person_id).order_by(CHECKIN.c.at, CHECKIN.c.id))
    return [dict(row._mapping) for row in await executor.execute(query)]


async def exposures_of(executor: Executor, person_id: int) -> list[dict[str, Any]]:
    """The exposure notices one account was sent, oldest first: the venue, the visit's time, when it was told
    and when it declared (never who the case is)."""
    query = (select(VENUE.c.name.label("venue"), VENUE.c.code, EXPOSURE.c.visit_at, EXPOSURE.c.notified_at,
                    EXPOSURE.c.declared_at)
             .select_from(EXPOSURE.join(VENUE, VENUE.c.id == EXPOSURE.c.venue_id))
             .where(EXPOSURE.c.person_id == person_id).order_by(EXPOSURE.c.notified_at, EXPOSURE.c.id))
    return [dict(row._mapping) for row in await executor.execute(query)]


async def count_between(executor: Executor, venue_ids: Iterable[int], start: datetime, end: datetime) -> dict[int, int]:
    """Check-ins per venue in [start, end) (people, never names)."""
    ids = sorted(set(venue_ids))
    if not ids:
        return {}
    query = (select(CHECKIN.c.venue_id, func.count()).where(CHECKIN.c.venue_id.in_(ids), CHECKIN.c.at >= start,
                                                           CHECKIN.c.at < end).group_by(CHECKIN.c.venue_id))
    return {venue_id: int(count) for venue_id, count in await executor.execute(query)}


async def visits_of(executor: Executor, person_id: int, subject_name: str | None, since: datetime) -> list[Visit]:
    """The check-ins of one person (the account holder when ``subject_name`` is None) since ``since``."""
    who = CHECKIN.c.subject_name.is_(None) if subject_name is None else CHECKIN.c.subject_name == subject_name
    query = (select(CHECKIN.c.venue_id, CHECKIN.c.at).where(CHECKIN.c.person_id == person_id, who,
                                                            CHECKIN.c.at >= since).order_by(CHECKIN.c.at))
    return [Visit(venue_id, at, person_id, subject_name) for venue_id, at in await executor.execute(query)]


async def overlapping(executor: Executor, case_visits: list[tuple[Visit, timedelta]]) -> list[Visit]:
    """Everyone else's check-ins within each (visit, window): the same venue, the visit's time ± the window."""
    if not case_visits:
        return []
    ranges = or_(*(and_(CHECKIN.c.venue_id == visit.venue_id, CHECKIN.c.at >= visit.at - window,
                        CHECKIN.c.at <= visit.at + window) for visit, window in case_visits))
    case = case_visits[0][0]
    own = CHECKIN.c.subject_name.is_(None) if case.subject_name is None else CHECKIN.c.subject_name == case.subject_name
    query = select(CHECKIN.c.venue_id, CHECKIN.c.at, CHECKIN.c.person_id, CHECKIN.c.subject_name).where(
        ranges, ~and_(CHECKIN.c.person_id == case.person_id, own))
    return [Visit(*row) for row in await executor.execute(query)]


async def case_of(executor: Executor, declaration_id: int) -> dict[str, Any] | None:
    """The case already marked from this declaration, if any."""
    row = (await executor.execute(select(CASE).where(CASE.c.declaration_id == declaration_id))).first()
    return dict(row._mapping) if row else None


async def marked_people(executor: Executor, person_ids: Iterable[int], since: datetime,
                        ) -> set[tuple[int, str | None]]:
    """Who among these accounts was marked a confirmed case since ``since``: (account, None) for the account
    holder, (account, name) for a family member it declared for."""
    ids = sorted(set(person_ids))
    if not ids:
        return set()
    query = (select(DECLARATION.c.person_id, DECLARATION.c.for_self, DECLARATION.c.subject_name)
             .select_from(CASE.join(DECLARATION, DECLARATION.c.id == CASE.c.declaration_id))
             .where(DECLARATION.c.person_id.in_(ids), CASE.c.marked_at >= since))
    return {(person_id, None if for_self else name) for person_id, for_self, name in await executor.execute(query)}


async def create_case(executor: Executor, values: dict[str, Any]) -> int:
    """Store a marked case (declaration_id, area_code, look_back_days, marked_by, marked_at, visits); its id."""
    result = await executor.execute(insert(CASE).values(notified=0, venues=[], **values).returning(CASE.c.id))
    return int(result.scalar_one())


async def set_case_result(executor: Executor, case_id: int, notified: int, broadcast_id: int | None,
                          venues: list[dict[str, Any]]) -> None:
    """Record how many people a case's notices went to, the broadcast carrying them, and per venue the case's
    hours there and the people told ({"venue_id", "first", "last", "told"})."""
    await executor.execute(update(CASE).where(CASE.c.id == case_id).values(notified=notified,
                                                                            broadcast_id=broadcast_id, venues=venues))


async def case_venues(executor: Executor, area_code: str | None, since: datetime,
                      cases: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The venues of an area (None: everywhere) that cases visited since ``since`` (or these ``cases`` of
    case_statistics): per case and venue, the venue row, the case's first and last check-in there and the people
    told (never who the case is), newest case first."""
    if cases is None:
        cases = await case_statistics(executor, area_code, since)
    wanted = {int(item["venue_id"]) for case in cases for item in case["venues"]}
    places: dict[int, dict[str, Any]] = {}
    if wanted:
        query = select(VENUE).where(VENUE.c.id.in_(wanted), _venue_in(area_code))
        places = {row.id: dict(row._mapping) for row in await executor.execute(query)}
    return [{"case_id": case["id"], "marked_at": case["marked_at"], "venue": places[int(item["venue_id"])],
             "first": datetime.fromisoformat(item["first"]), "last": datetime.fromisoformat(item["last"]),
             "told": int(item["told"])}
            for case in cases for item in case["venues"] if int(item["venue_id"]) in places]


async def add_exposures(executor: Executor, rows: list[dict[str, Any]]) -> None:
    """Store the exposures of one case (case_id, person_id, venue_id, visit_at, notified_at)."""
    if rows:
        await executor.execute(insert(EXPOSURE), rows)


async def notified_since(executor: Executor, person_ids: Iterable[int], since: datetime) -> set[int]:
    """Which of these people were sent an exposure notice since ``since``."""
    ids = sorted(set(person_ids))
    if not ids:
        return set()
    query = select(EXPOSURE.c.person_id).distinct().where(EXPOSURE.c.person_id.in_(ids),
                                                          EXPOSURE.c.notified_at >= since)
    return set((await executor.execute(query)).scalars())


async def mark_declared(executor: Executor, person_ids: Iterable[int], now: datetime, within: timedelta) -> int:
    """Note that these people declared: their exposures told within ``within`` and not declared yet."""
    ids = sorted(set(person_ids))
    if not ids:
        return 0
    result = await executor.execute(update(EXPOSURE).where(
        EXPOSURE.c.person_id.in_(ids), EXPOSURE.c.declared_at.is_(None), EXPOSURE.c.notified_at >= now - within,
    ).values(declared_at=now))
    return rows_changed(result)


async def daily_counts(executor: Executor, area_code: str | None, start: datetime, end: datetime,
                       bucket_starts: list[datetime], venue_ids: Iterable[int] | None = None,
                       ) -> list[tuple[dict[str, Any], list[int]]]:
    """Check-ins per venue of an area (None: everywhere; or only these venues) per day: each venue with one
    count per bucket ([start_i, start_i+1))."""
    ends = [*bucket_starts[1:], end]
    query = (select(VENUE.c.id, CHECKIN.c.at).select_from(CHECKIN.join(VENUE, VENUE.c.id == CHECKIN.c.venue_id))
             .where(_venue_in(area_code), CHECKIN.c.at >= start, CHECKIN.c.at < end))
    if venue_ids is not None:
        query = query.where(VENUE.c.id.in_(sorted(set(venue_ids))))
    rows = (await executor.execute(query)).all()
    counts: dict[int, list[int]] = {}
    for venue_id, at in rows:
        index = next(i for i, bucket_end in enumerate(ends) if at < bucket_end)
        counts.setdefault(venue_id, [0] * len(bucket_starts))[index] += 1
    if not counts:
        return []
    venues = {row.id: dict(row._mapping) for row in await executor.execute(select(VENUE).where(VENUE.c.id.in_(counts)))}
    return sorted(((venues[i], days) for i, days in counts.items()), key=lambda item: (-sum(item[1]), item[0]["name"]))


async def case_statistics(executor: Executor, area_code: str | None, since: datetime,
                          before: tuple[datetime, int] | None = None, limit: int | None = None,
                          ) -> list[dict[str, Any]]:
    """Cases of an area (None: everywhere) marked since ``since``, newest first, with their declaration's code
    and commune: visits, people told, and how many of them declared within 24 hours of their notice; ``before``
    the (marked_at, id) of the previous page's last case (keyset)."""
    query = (select(CASE, DECLARATION.c.code, DECLARATION.c.commune_code)
             .select_from(CASE.outerjoin(DECLARATION, DECLARATION.c.id == CASE.c.declaration_id))
             .where(_case_in_area(area_code), CASE.c.marked_at >= since)
             .order_by(CASE.c.marked_at.desc(), CASE.c.id.desc()).limit(limit))
    if before is not None:
        marked_at, case_id = before
        query = query.where(or_(CASE.c.marked_at < marked_at, and_(CASE.c.marked_at == marked_at, CASE.c.id < case_id)))
    cases = [dict(row._mapping) for row in await executor.execute(query)]
    for case in cases:
        case["told"] = case["declared"] = 0
    by_id = {case["id"]: case for case in cases}
    if by_id:
        rows = await executor.execute(select(EXPOSURE.c.case_id, EXPOSURE.c.notified_at, EXPOSURE.c.declared_at)
                                      .where(EXPOSURE.c.case_id.in_(by_id)))
        for case_id, notified_at, declared_at in rows:
            by_id[case_id]["told"] += 1
            if declared_at is not None and declared_at - notified_at <= timedelta(hours=24):
                by_id[case_id]["declared"] += 1
    return cases


def _venue_in(area_code: str | None) -> Any:
    """Venues of a province or commune; None: every venue."""
    return in_area_column(VENUE, area_code) if area_code else true()


def _case_in_area(area_code: str | None) -> Any:
    """Cases marked by officials of the area, or that told people about a venue in it; None: every case."""
    if area_code is None:
        return true()
    if len(area_code) == 5:
        marked_here = CASE.c.area_code == area_code
    else:
        marked_here = or_(CASE.c.area_code == area_code,
                          CASE.c.area_code.in_(select(AREA.c.code).where(AREA.c.province_code == area_code)))
    venues_here = select(VENUE.c.id).where(_venue_in(area_code))
    return or_(marked_here, CASE.c.id.in_(select(EXPOSURE.c.case_id).where(EXPOSURE.c.venue_id.in_(venues_here))))


async def retain(executor: Executor, before: datetime) -> int:
    """Delete the check-ins older than ``before`` (the check-in retention); how many went."""
    return rows_changed(await executor.execute(delete(CHECKIN).where(CHECKIN.c.at < before)))


async def queue_notices(executor: Executor, text: str, rows: list[dict[str, Any]], now: datetime,
                        created_by: str) -> int:
    """Queue one text per recipient (person_id, channel, external_id, text, button) as an urgent broadcast
    already expanded, so the delivery workers send it at each platform's rate; the broadcast's id."""
    result = await executor.execute(insert(BROADCAST).values(
        kind="exposure", text=text, audience={"kind": "exposure", "area_code": None}, urgent=True, status="sending",
        scheduled_at=now, started_at=now, created_by=created_by, created_at=now, expanded_through=-1,
        total=len(rows)).returning(BROADCAST.c.id))
    broadcast_id = int(result.scalar_one())
    if rows:
        await executor.execute(insert(DELIVERY), [
            {**row, "broadcast_id": broadcast_id, "status": "pending", "attempts": 0, "next_attempt_at": now}
            for row in rows])
    return broadcast_id
