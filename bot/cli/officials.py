"""`khaibao invite|officials|schedule ...`: onboarding officials and reporting schedules from the command line."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

import messages
from bot.cli.support import cli_settings, local_time, with_database
from bot.clock import utc_now
from bot.commands.notices import schedule_from
from bot.commands.officials import INVITE_ALPHABET
from bot.settings import Settings
from handlers import field_sizes
from handlers.areas import catalog
from handlers.directive import DirectiveError, parse_directive
from handlers.directive.document import text_from_upload
from handlers.flow import Invalid, Ok, Parsed
from handlers.parsers import parse_name, parse_phone, phone_display
from handlers.report_rhythm import rhythm_for
from messages import VI
from storage import audit, officials, reporting
from storage.db import Database

invite_app = typer.Typer(help="Lời mời cán bộ.", no_args_is_help=True)
officials_app = typer.Typer(help="Cán bộ.", no_args_is_help=True)
schedule_app = typer.Typer(help="Lịch nhắc báo cáo.", no_args_is_help=True)
console = Console()
ROLES = ("official", "gatekeeper")
LEVELS = ("commune", "province")


def _fail(key: str, exit_code: int = 2, **params: str) -> None:
    """Print the message on stderr and exit: 2 for a wrong argument, 1 for a request that failed."""
    typer.echo(messages.t(VI, key, **params), err=True)
    raise typer.Exit(exit_code)


def _checked(parse: Callable[[str], Parsed], value: str) -> str:
    """A name or phone as the chat would store it, or exit 2 with the chat's reason."""
    parsed = parse(value)
    if isinstance(parsed, Invalid):
        _fail(parsed.key, 2, **parsed.params)
    assert isinstance(parsed, Ok)
    return str(parsed.value)


def _area(code: str) -> str:
    if code not in catalog().by_code:
        _fail("cli.unknown_area", code=code)
    return code


@invite_app.command("create", help=messages.t(VI, "help.invite.create"))
def invite_create(
    role: str = typer.Option("official", "--role", help=messages.t(VI, "help.invite.role")),
    area: str = typer.Option(..., "--area", help=messages.t(VI, "help.invite.area")),
    name: str = typer.Option(None, "--name", help=messages.t(VI, "help.invite.name")),
    phone: str = typer.Option(None, "--phone", help=messages.t(VI, "help.invite.phone")),
) -> None:
    """Create a one-time invite (for a named person, when given) and print its code and link."""
    if role not in ROLES:
        _fail("cli.bad_role", value=role)
    code_area = _area(area)
    person_name = _checked(parse_name, name) if name else None
    person_phone = _checked(parse_phone, phone) if phone else None

    async def create(database: Database, settings: Settings) -> tuple[str, Any]:
        now = utc_now()
        code = "".join(secrets.choice(INVITE_ALPHABET) for _ in range(10))
        expires = now + timedelta(hours=settings.invite_valid_hours)
        async with database.transaction() as session:
            invite_id = await officials.create_invite(session, code, role, code_area, "cli", now, expires,
                                                      person_name, person_phone)
            await audit.record(session, now, "cli", "admin", "invite.create", code_area, invite_id=invite_id,
                               invited_role=role)
        username = settings.telegram_bot_username
        link = f"https://t.me/{username}?start=inv_{code}" if username else messages.t(VI, "invite.no_link")
        person = f" {messages.t(VI, 'invite.for_person', name=person_name)}" if person_name else ""
        return code, messages.t(VI, "invite.created", role=messages.t(VI, f"role.{role}"),
                                   area=catalog().label(code_area), person=person, code=code, link=link,
                                   expires=expires.astimezone(settings.zone).strftime("%H:%M %d/%m/%Y"))

    _, text = with_database(create)
    typer.echo(text)


@invite_app.command("list", help=messages.t(VI, "help.invite.list"))
def invite_list() -> None:
    """Invites that can still be redeemed."""

    async def rows(database: Database, settings: Settings) -> list[dict[str, Any]]:
        async with database.sessions() as session:
            return await officials.open_invites(session, utc_now())

    table = Table(*messages.t(VI, "cli.columns.invites").split("|"))
    for row in with_database(rows):
        table.add_row(row["code"], messages.t(VI, f"role.{row['role']}"), catalog().label(row["area_code"]),
                      local_time(row["expires_at"], cli_settings()))
    console.print(table)


@invite_app.command("revoke", help=messages.t(VI, "help.invite.revoke"))
def invite_revoke(code: str = typer.Argument(..., help=messages.t(VI, "help.invite.code"))) -> None:
    """Revoke an unused invite."""

    async def revoke(database: Database, settings: Settings) -> bool:
        async with database.transaction() as session:
            done = await officials.revoke_invite(session, code.upper(), utc_now())
            if done:
                await audit.record(session, utc_now(), "cli", "admin", "invite.revoke")
            return done

    if not with_database(revoke):
        _fail("invite.invalid", exit_code=1)
    typer.echo(messages.t(VI, "cli.invite_revoked"))


@officials_app.command("list", help=messages.t(VI, "help.officials.list"))
def officials_list() -> None:
    """Every official and gatekeeper."""

    async def rows(database: Database, settings: Settings) -> list[dict[str, Any]]:
        async with database.sessions() as session:
            return await officials.staff(session)

    table = Table(*messages.t(VI, "cli.columns.officials").split("|"))
    for row in with_database(rows):
        name = row["full_name"] or row["display_name"] or "—"
        table.add_row(str(row["id"]), name, phone_display(row["phone"]) if row["phone"] else "—",
                      messages.t(VI, f"role.{row['role']}"),
                      catalog().label(row["area_code"] or ""), row["channel"])
    console.print(table)


@officials_app.command("remove", help=messages.t(VI, "help.officials.remove"))
def officials_remove(person_id: int = typer.Argument(..., help=messages.t(VI, "help.officials.id"))) -> None:
    """Take an official's role away."""

    async def remove(database: Database, settings: Settings) -> bool:
        async with database.transaction() as session:
            done = await officials.dismiss(session, person_id, utc_now())
            if done:
                await audit.record(session, utc_now(), "cli", "admin", "staff.remove", person_id=person_id)
            return done

    if not with_database(remove):
        _fail("staff.not_found", exit_code=1, id=str(person_id))
    typer.echo(messages.t(VI, "staff.removed", id=str(person_id)))


@schedule_app.command("add", help=messages.t(VI, "help.schedule.add"))
def schedule_add(
    title: str = typer.Option(..., "--title", help="Tên báo cáo."),
    level: str = typer.Option("commune", "--level", help=messages.t(VI, "help.schedule.level")),
    area: str = typer.Option(None, "--area", help="Chỉ một địa bàn (mặc định: mọi địa bàn của cấp)."),
    days: str = typer.Option("*", "--days", help="Thứ trong tuần: * (hằng ngày), tue, mon,thu ..."),
    day_of_month: str = typer.Option("*", "--day-of-month", help="Ngày trong tháng, ví dụ 24."),
    at: str = typer.Option("16:00", "--at", help="Giờ nhắc (HH:MM, giờ địa phương)."),
    due_hours: float = typer.Option(8.0, "--due-hours", help="Hạn báo cáo: số giờ sau khi nhắc."),
) -> None:
    """Add a reporting schedule."""
    if level not in LEVELS:
        _fail("cli.bad_level", value=level)
    if len(title) > field_sizes.SCHEDULE_TITLE:
        _fail("cli.too_long", option="--title", limit=str(field_sizes.SCHEDULE_TITLE))
    values = {"level": level, "area_code": _area(area) if area else None, "day_of_week": days,
              "day_of_month": day_of_month, "at_time": at, "due_hours": due_hours, "title": title,
              "source": None, "created_by": "cli"}
    typer.echo(messages.t(VI, "cli.schedule_added", id=str(with_database(_adder([values]))[0]), title=title))


def _adder(rows: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
    async def add(database: Database, settings: Settings) -> list[int]:
        from bot.jobs.scheduler import trigger_for

        for values in rows:
            try:
                trigger_for(values, settings)
            except ValueError:
                _fail("cli.bad_schedule", value=f"{values['day_of_week']} {values['day_of_month']} {values['at_time']}")
        async with database.transaction() as session:
            ids = [await reporting.add_schedule(session, values, utc_now()) for values in rows]
            await audit.record(session, utc_now(), "cli", "admin", "schedule.add", schedules=ids)
            return ids

    return add


@schedule_app.command("from-directive", help=messages.t(VI, "help.schedule.from_directive"))
def schedule_from_directive(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help=messages.t(VI, "help.schedule.file")),
    level: str = typer.Option("commune", "--level", help=messages.t(VI, "help.schedule.level")),
) -> None:
    """Create schedules from the reporting duties a directive sets."""
    try:
        directive = parse_directive(text_from_upload(file.read_bytes(), file.name))
    except DirectiveError as error:
        _fail(error.message_key)
        return
    duties = [obligation.to_json_dict() for obligation in directive.obligations]
    rows = [{**schedule_from(duty, "cli"), "level": level} for duty in duties if rhythm_for(duty) is not None]
    ids = with_database(_adder(rows)) if rows else []
    typer.echo(messages.t(VI, "cli.schedules_from_directive", count=str(len(ids))))


@schedule_app.command("list", help=messages.t(VI, "help.schedule.list"))
def schedule_list(as_json: bool = typer.Option(False, "--json", help=messages.t(VI, "help.json"))) -> None:
    """Active reporting schedules."""

    async def rows(database: Database, settings: Settings) -> list[dict[str, Any]]:
        async with database.sessions() as session:
            return await reporting.schedules(session)

    found = with_database(rows)
    if as_json:
        typer.echo(json.dumps(found, default=str, ensure_ascii=False, indent=2))
        return
    table = Table(*messages.t(VI, "cli.columns.schedules").split("|"))
    for row in found:
        area = catalog().label(row["area_code"] or "") or "*"
        table.add_row(str(row["id"]), messages.t(VI, f"cli.level.{row['level']}"), area,
                      row["day_of_week"], row["day_of_month"], row["at_time"], f"{row['due_hours']:g}",
                      row["title"][:60])
    console.print(table)


@schedule_app.command("remove", help=messages.t(VI, "help.schedule.remove"))
def schedule_remove(schedule_id: int = typer.Argument(..., help=messages.t(VI, "help.schedule.id"))) -> None:
    """Stop a reporting schedule."""

    async def remove(database: Database, settings: Settings) -> bool:
        async with database.transaction() as session:
            done = await reporting.deactivate_schedule(session, schedule_id)
            if done:
                await audit.record(session, utc_now(), "cli", "admin", "schedule.remove", schedule_id=schedule_id)
            return done

    if not with_database(remove):
        _fail("cli.schedule_not_found", exit_code=1, id=str(schedule_id))
    typer.echo(messages.t(VI, "cli.schedule_removed", id=str(schedule_id)))
