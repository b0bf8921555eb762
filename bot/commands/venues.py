"""Venue commands answered by the server: register a venue and its poster, the answer to a check-in, today's
count, an area's venues, suspend or reopen one, and /cabenh, which marks a confirmed case and tells everyone
whose check-ins overlapped it.

Roles and areas are checked here: a venue's owner sees its counts (never names); gatekeepers, officials and
admins see those of their area; only officials (of the venue's commune or province) and admins suspend.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncConnection

import messages
from bot.commands.caller import Caller, covers
from bot.records.poster import poster_pdf
from handlers.areas import catalog
from handlers.audience import Audience
from handlers.protocol import Reply, SaveCheckin, ServerCommand
from handlers.text import fold
from handlers.venues import codes
from handlers.venues.notice import declare_button, exposure_text, local_time, venue_summary_line
from handlers.venues.windows import group_by_account, parse_windows
from storage import audit, broadcasts, checkins, declarations, venues
from storage.models import Person
from storage.statistics import day_start

PERSON = Person.__table__  # type: ignore[attr-defined]
REOPEN_WORDS = frozenset({"mo", "mo lai", "mo cua", "tiep tuc", "bo", "open", "reopen"})
LISTED = 30  # venues shown by /dsdiadiem


def _registered(caller: Caller) -> bool:
    return bool(caller.person and caller.person["consent_at"] and caller.person["active"])


def _sees_area(caller: Caller, commune_code: str) -> bool:
    """Admins, and officials or gatekeepers whose area holds the commune."""
    if caller.is_admin:
        return True
    person = caller.person
    if not person or not person["active"] or person["role"] not in ("official", "gatekeeper"):
        return False
    if not person["area_code"]:
        return False
    return covers(person["area_code"], commune_code)


def _owns(caller: Caller, venue: dict[str, Any]) -> bool:
    return bool(caller.person and venue["owner_id"] == caller.person["id"])


def _poster_reply(caller: Caller, venue: dict[str, Any], key: str) -> Reply:
    """The poster as a PDF; on Zalo, whose bots send no files, the QR image with the code instead."""
    username = caller.settings.telegram_bot_username
    text = messages.t(caller.locale, key, name=venue["name"], code=venue["code"])
    if caller.identity[0] == "zalo":
        note = messages.t(caller.locale, "venue.poster_zalo", code=venue["code"])
        return Reply(f"{text}\n{note}", qr=codes.qr_content(venue["code"], venue["token"], username))
    return Reply(text, document=(f"poster-{venue['code']}.pdf", poster_pdf(venue, username)))


async def save_venue(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """The end of /diadiem: store the venue (owned by the sender) and send its poster; audited."""
    if not (_registered(caller) or caller.is_admin) or caller.person is None:
        return caller.say("venue.register_first")
    data = dict(command.data or {})
    official = caller.official_area is not None and covers(caller.official_area, data["commune"])
    venue = await venues.create(connection, {
        "name": data["name"], "kind": data["kind"], "province_code": data["province"], "commune_code": data["commune"],
        "street": data["street"], "schedule": data.get("schedule"), "owner_id": caller.person["id"],
        "created_by": caller.actor,
    }, caller.now)
    role = "official" if official else ("admin" if caller.is_admin else "citizen")
    await audit.record(connection, caller.now, caller.actor, role, "venue.create", data["commune"],
                       venue=venue["id"], code=venue["code"])
    return [_poster_reply(caller, venue, "venue.saved")]


def checkin_reply(checkin: SaveCheckin, checked_in: list[str | None] | None, person: Mapping[str, Any] | None,
                  now: datetime, zone: ZoneInfo) -> Reply:
    """The answer to a confirmed check-in the service stored (or did not: not registered, venue suspended)."""
    locale = messages.normal(person.get("locale") if person else None)
    if not (person and person.get("consent_at")):
        return Reply(messages.t(locale, "checkin.register_again"))
    if checked_in is None:
        return Reply(messages.t(locale, "checkin.suspended", name=checkin.venue_name))
    people = ", ".join(name for name in checked_in if name)
    return Reply(messages.t(locale, "checkin.done_family" if people else "checkin.done", name=checkin.venue_name,
                            time=local_time(now, zone), names=people, count=str(len(checked_in))))


async def _venue_by_code(connection: AsyncConnection, argument: str) -> tuple[dict[str, Any] | None, str]:
    words = argument.split()
    code = codes.normal_code(words[0]) if words else None
    return (await venues.find(connection, "code", code) if code else None), " ".join(words[1:])


def _today(caller: Caller) -> tuple[Any, Any]:
    day = caller.now.astimezone(caller.settings.zone).date()
    return day_start(day, caller.settings.zone), day_start(day + timedelta(days=1), caller.settings.zone)


async def today_count(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """/luotvao [CODE]: today's check-ins at a venue (its owner, or staff of its area); without a code, the
    sender's own venues. Only numbers, never who."""
    start, end = _today(caller)
    if not command.argument.strip():
        owned = await venues.owned_by(connection, caller.person["id"]) if caller.person else []
        if not owned:
            return caller.say("venue.count_usage")
        counts = await checkins.count_between(connection, [venue["id"] for venue in owned], start, end)
        lines = [messages.t(caller.locale, "venue.count_line", name=venue["name"], code=venue["code"],
                            count=str(counts.get(venue["id"], 0))) for venue in owned]
        return [Reply("\n".join([messages.t(caller.locale, "venue.count_heading"), *lines]))]
    venue, _ = await _venue_by_code(connection, command.argument)
    if venue is None or not (_owns(caller, venue) or _sees_area(caller, venue["commune_code"])):
        return caller.say("venue.not_yours", code=command.argument.split()[0].upper())
    count = (await checkins.count_between(connection, [venue["id"]], start, end)).get(venue["id"], 0)
    if not _owns(caller, venue):
        await audit.record(connection, caller.now, caller.actor, caller.role, "venue.count", venue["commune_code"],
                           venue=venue["id"])
    return caller.say("venue.count_one", name=venue["name"], code=venue["code"], count=str(count))


async def send_poster(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """/inposter CODE: the venue's poster again, for its owner or the officials of its area."""
    venue, _ = await _venue_by_code(connection, command.argument)
    if venue is None or not (_owns(caller, venue) or _sees_area(caller, venue["commune_code"])):
        return caller.say("venue.poster_usage")
    if not _owns(caller, venue):
        await audit.record(connection, caller.now, caller.actor, caller.role, "venue.poster", venue["commune_code"],
                           venue=venue["id"])
    return [_poster_reply(caller, venue, "venue.poster")]


async def area_venues(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """/dsdiadiem: an official's area's venues with today's check-ins and their status; audited."""
    area = caller.official_area
    if area is None:
        return caller.say("staff.officials_only")
    listed = await venues.in_area(connection, area, LISTED + 1)
    if not listed:
        return caller.say("venue.area_none", area=catalog().label(area))
    start, end = _today(caller)
    counts = await checkins.count_between(connection, [venue["id"] for venue in listed], start, end)
    locale = caller.locale
    lines = [messages.t(locale, "venue.area_heading", area=catalog().label(area))]
    for venue in listed[:LISTED]:
        key = "venue.area_line" if venue["status"] == venues.ACTIVE else "venue.area_line_suspended"
        lines.append(messages.t(locale, key, name=venue["name"], code=venue["code"],
                                commune=catalog().by_code[venue["commune_code"]].name,
                                count=str(counts.get(venue["id"], 0))))
    if len(listed) > LISTED:
        lines.append(messages.t(locale, "venue.area_more", count=str(LISTED)))
    await audit.record(connection, caller.now, caller.actor, "official", "venue.list", area)
    return [Reply("\n".join(lines))]


async def suspend(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """/tamdung CODE (suspend) or /tamdung CODE mo (reopen): officials of the venue's area and admins; audited."""
    if caller.official_area is None and not caller.is_admin:
        return caller.say("staff.officials_only")
    venue, rest = await _venue_by_code(connection, command.argument)
    if venue is None or not (caller.is_admin or covers(caller.official_area or "", venue["commune_code"])):
        return caller.say("venue.suspend_usage")
    reopen = fold(rest).strip() in REOPEN_WORDS
    status = venues.ACTIVE if reopen else venues.SUSPENDED
    changed = await venues.set_status(connection, venue["id"], status, caller.now)
    await audit.record(connection, caller.now, caller.actor, caller.role, "venue.reopen" if reopen else "venue.suspend",
                       venue["commune_code"], venue=venue["id"], changed=changed)
    key = ("venue.reopened" if changed else "venue.already_open") if reopen else (
        "venue.suspended" if changed else "venue.already_suspended")
    return caller.say(key, name=venue["name"], code=venue["code"])


async def mark_case(connection: AsyncConnection, caller: Caller, command: ServerCommand) -> list[Reply]:
    """/cabenh CODE [DAYS]: mark the person of a declaration of the official's area as a confirmed case; everyone
    whose check-ins overlap the case's (same venue, within the kind's window) and who was not marked a case in the
    look-back themself is told once, through the queue,
    with the venue and hour only; each venue's commune officials get the list, the province the totals."""
    area = caller.official_area
    if area is None:
        return caller.say("staff.officials_only")
    parts = command.argument.split()
    settings = caller.settings
    if not parts or len(parts) > 2 or (len(parts) == 2 and not (parts[1].isdigit() and 1 <= int(parts[1]) <= 60)):
        return caller.say("case.usage")
    code = parts[0].upper()
    days = int(parts[1]) if len(parts) == 2 else settings.exposure_look_back_days
    declaration = await declarations.find_by_code(connection, code)
    if declaration is None or not covers(area, declaration["commune_code"]):
        return caller.say("case.not_found", code=code)
    earlier = await checkins.case_of(connection, declaration["id"])
    if earlier is not None:
        return caller.say("case.already", code=code, notified=str(earlier["notified"]),
                    at=local_time(earlier["marked_at"], settings.zone))
    subject = None if declaration["for_self"] else declaration["subject_name"]
    visits = await checkins.visits_of(connection, declaration["person_id"], subject, caller.now - timedelta(days=days))
    places = await venues.get_many(connection, [visit.venue_id for visit in visits])
    windows = parse_windows(settings.exposure_window_hours, settings.exposure_window_by_kind)
    overlapping = await checkins.overlapping(
        connection, [(visit, windows[places[visit.venue_id]["kind"]]) for visit in visits])
    cases = await checkins.marked_people(connection, [visit.person_id for visit in overlapping],
                                         caller.now - timedelta(days=days))
    exposed = group_by_account(visit for visit in overlapping if (visit.person_id, visit.subject_name) not in cases)
    case_id = await checkins.create_case(connection, {
        "declaration_id": declaration["id"], "area_code": area, "look_back_days": days, "marked_by": caller.actor,
        "marked_at": caller.now, "visits": len(visits)})
    notified, told, broadcast_id = await _tell(connection, caller, case_id, exposed, places)
    summary = _per_venue(visits, told)
    await checkins.set_case_result(connection, case_id, notified, broadcast_id, summary)
    await _tell_officials(connection, caller, summary, places)
    await audit.record(connection, caller.now, caller.actor, "official", "case.mark", declaration["commune_code"],
                       case=case_id, code=code, days=days, visits=len(visits), notified=notified)
    return caller.say("case.marked", code=code, days=str(days), visits=str(len(visits)),
                venues=str(len({visit.venue_id for visit in visits})), notified=str(notified))


async def _tell(connection: AsyncConnection, caller: Caller, case_id: int, exposed: dict[int, Any],
                places: dict[int, dict[str, Any]]) -> tuple[int, dict[int, int], int]:
    """Queue each reachable exposed account's notice and record its exposure; the accounts told, the accounts
    told per venue, and the broadcast carrying the notices."""
    people = {row.id: row for row in await connection.execute(
        PERSON.select().where(PERSON.c.id.in_(sorted(exposed)), PERSON.c.active.is_(True)))} if exposed else {}
    rows, exposures = [], []
    told: dict[int, int] = defaultdict(int)
    zone, username = caller.settings.zone, caller.settings.telegram_bot_username
    for person_id, account in sorted(exposed.items()):
        person = people.get(person_id)
        if person is None:
            continue
        locale = messages.normal(person.locale)
        rows.append({"person_id": person_id, "channel": person.channel, "external_id": person.external_id,
                     "text": exposure_text(locale, account, places, zone),
                     "button": declare_button(locale, username) if person.channel == "telegram" else None})
        venue_id, visit_at = min(account.visits.items(), key=lambda item: item[1])
        exposures.append({"case_id": case_id, "person_id": person_id, "venue_id": venue_id, "visit_at": visit_at,
                          "notified_at": caller.now})
        for venue in account.visits:
            told[venue] += 1
    await checkins.add_exposures(connection, exposures)
    broadcast_id = await checkins.queue_notices(connection, messages.t("vi", "exposure.notice.generic"), rows,
                                                caller.now, f"case:{case_id}")
    return len(rows), told, broadcast_id


def _per_venue(visits: list[Any], told: dict[int, int]) -> list[dict[str, Any]]:
    """Per venue the case visited, in the order of the first visit: its first and last check-in, the people told."""
    times: dict[int, list[datetime]] = defaultdict(list)
    for visit in visits:
        times[visit.venue_id].append(visit.at)
    return [{"venue_id": venue_id, "first": min(at).isoformat(), "last": max(at).isoformat(),
             "told": told.get(venue_id, 0)} for venue_id, at in times.items()]


async def _tell_officials(connection: AsyncConnection, caller: Caller, summary: list[dict[str, Any]],
                          places: dict[int, dict[str, Any]]) -> None:
    """Each venue's commune officials: the venues, the case's hours there and the people told; the provinces:
    the totals. Never who the case is."""
    by_commune: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in summary:
        by_commune[places[item["venue_id"]]["commune_code"]].append(item)
    zone = caller.settings.zone
    provinces: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for commune, items in sorted(by_commune.items()):
        lines = [venue_summary_line("vi", places[item["venue_id"]], datetime.fromisoformat(item["first"]),
                                    datetime.fromisoformat(item["last"]), item["told"], zone) for item in items]
        text = messages.t("vi", "exposure.summary.commune", area=catalog().label(commune), lines="\n".join(lines))
        await broadcasts.create(connection, text, Audience("area_officials", commune), caller.now, kind="message",
                                urgent=True, created_by="case")
        totals = provinces[catalog().by_code[commune].province_code]
        totals[0] += len(items)
        totals[1] += sum(item["told"] for item in items)
    for province, (venue_count, people) in sorted(provinces.items()):
        text = messages.t("vi", "exposure.summary.province", area=catalog().label(province), venues=str(venue_count),
                          people=str(people))
        await broadcasts.create(connection, text, Audience("area_officials", province), caller.now, kind="message",
                                urgent=True, created_by="case")


async def statistics_text(connection: AsyncConnection, caller: Caller, area: str) -> str:
    """/thongke's venue part: check-ins per venue per day over 7 days, and the area's recent cases with the
    people told and how many of them declared within 24 hours."""
    locale, zone = caller.locale, caller.settings.zone
    today = caller.now.astimezone(zone).date()
    starts = [day_start(today - timedelta(days=back), zone) for back in range(6, -1, -1)]
    end = day_start(today + timedelta(days=1), zone)
    per_venue = await checkins.daily_counts(connection, area, starts[0], end, starts)
    lines = [messages.t(locale, "stats.venues_heading" if per_venue else "stats.venues_none")]
    lines += [messages.t(locale, "stats.venue_line", name=venue["name"], code=venue["code"],
                         days=" ".join(map(str, days)), total=str(sum(days))) for venue, days in per_venue[:LISTED]]
    cases = await checkins.case_statistics(connection, area, caller.now - timedelta(days=30))
    if cases:
        lines.append(messages.t(locale, "stats.cases_heading"))
        lines += [messages.t(locale, "stats.case_line", at=local_time(case["marked_at"], zone),
                             visits=str(case["visits"]), told=str(case["told"]), declared=str(case["declared"]))
                  for case in cases[:LISTED]]
    return "\n".join(lines)
