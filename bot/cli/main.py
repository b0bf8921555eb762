"""The `khaibao` command line: run, chat, migrate, declarations, outbreak list, directives."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from typing import Any

import typer

import messages
from bot.channels.console import channel as console
from bot.cli import broadcast as cli_broadcast
from bot.cli import directive as cli_directive
from bot.cli import officials as cli_officials
from bot.cli import records as cli_records
from bot.cli.support import cli_settings, fitted, with_database
from bot.clock import utc_now
from bot.conversation.service import ConversationService
from bot.records import user_files
from bot.serve import runner
from bot.settings import Settings, SettingsError
from handlers import field_sizes, matching
from handlers.area_search import area_lines, find_areas
from handlers.areas import catalog
from handlers.matching import countries
from messages import VI
from storage import audit, declarations, outbreak
from storage.db import Database

app = typer.Typer(help="khaibao: khai báo y tế qua Telegram, Zalo và cửa sổ dòng lệnh.", no_args_is_help=True,
                  add_completion=False)
outbreak_app = typer.Typer(help="Danh sách vùng dịch.", no_args_is_help=True)
app.add_typer(outbreak_app, name="outbreak")
area_app = typer.Typer(help=messages.t(VI, "help.area"), no_args_is_help=True)
app.add_typer(area_app, name="area")
app.add_typer(cli_broadcast.app, name="broadcast")
app.add_typer(cli_directive.app, name="directive")
app.add_typer(cli_officials.invite_app, name="invite")
app.add_typer(cli_officials.officials_app, name="officials")
app.add_typer(cli_officials.schedule_app, name="schedule")
app.command("verify", help=messages.t(VI, "help.verify"))(cli_records.verify_command)
app.command("export", help=messages.t(VI, "help.export"))(cli_records.export_command)
app.command("audit", help=messages.t(VI, "help.audit"))(cli_records.audit_command)
app.command("retention", help=messages.t(VI, "help.retention"))(cli_records.retention_command)
app.command("sender", help=messages.t(VI, "help.sender"))(cli_broadcast.sender)


@app.command(help=messages.t(VI, "help.migrate"))
def migrate() -> None:
    """Create or upgrade the database schema."""

    async def done(database: Database, settings: Settings) -> None:
        typer.echo(messages.t(VI, "cli.migrated"))

    with_database(done)

@app.command(help=messages.t(VI, "help.chat"))
def chat(user: str = typer.Option("local", "--user", help=messages.t(VI, "help.chat.user"))) -> None:
    """Chat with the bot in this terminal (no platform token needed)."""

    async def talk(database: Database, settings: Settings) -> None:
        service = ConversationService(database, settings)
        await console.chat(service, user, user_files.folder(settings, console.CHANNEL, user))

    with_database(talk)

@app.command(help=messages.t(VI, "help.run"))
def run() -> None:
    """Serve every channel whose token is configured; the console chat when none is."""

    async def serve(database: Database, settings: Settings) -> None:
        matching.warm()  # the place and country indexes, before the first message rather than during it
        await runner.serve(settings, ConversationService(database, settings))

    with_database(serve)

@app.command("declarations", help=messages.t(VI, "help.declarations"))
def list_declarations(as_json: bool = typer.Option(False, "--json", help=messages.t(VI, "help.json"))) -> None:
    """Print the stored declarations."""

    async def dump(database: Database, settings: Settings) -> list[dict[str, Any]]:
        async with database.sessions() as session:
            return [_declaration_json(row) async for row in declarations.stream_all(session)]

    rows = with_database(dump)
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    zone = cli_settings().zone
    for row in rows:
        at = datetime.fromisoformat(row["created_at"]).astimezone(zone).strftime("%H:%M %d/%m/%Y")
        level = messages.t(VI, f"level.{row['risk_level']}")
        typer.echo(fitted(f"{row['code']}  {at}  {level}  {row['commune_code'] or ''}"))

def _declaration_json(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": row["code"],
        "created_at": row["created_at"].isoformat(),
        "valid_until": row["valid_until"].isoformat(),
        "risk_level": row["risk_level"],
        "reasons": row["reasons"],
        "province_code": row["province_code"],
        "commune_code": row["commune_code"],
        "for_self": row["for_self"],
        "subject_name": row["subject_name"],
        "answers": row["answers"],
    }

def _area_code(code: str) -> str:
    """A province or commune code, or a country code ("KR", "kr") for the outbreak list."""
    if code.upper() in countries.codes():
        return code.upper()
    if code not in catalog().by_code:
        typer.echo(messages.t(VI, "cli.unknown_place", code=code), err=True)
        raise typer.Exit(2)
    return code

@outbreak_app.command("add", help=messages.t(VI, "help.outbreak.add"))
def outbreak_add(
    area: str = typer.Argument(..., help="Mã tỉnh (2 số), xã/phường (5 số) hoặc mã nước (KR, US...)."),
    since: str = typer.Option(None, "--from", help="Ngày bắt đầu YYYY-MM-DD (mặc định: hôm nay)."),
    note: str = typer.Option(None, "--note", help="Ghi chú."),
) -> None:
    """Put a province, commune or country on the outbreak list."""
    code = _area_code(area)
    if note and len(note) > field_sizes.OUTBREAK_NOTE:
        typer.echo(messages.t(VI, "cli.too_long", option="--note", limit=str(field_sizes.OUTBREAK_NOTE)), err=True)
        raise typer.Exit(2)
    try:
        started = date.fromisoformat(since) if since else None
    except ValueError:
        typer.echo(messages.t(VI, "cli.bad_date", value=since), err=True)
        raise typer.Exit(2) from None

    async def add(database: Database, settings: Settings) -> None:
        now = utc_now()
        async with database.transaction() as session:
            await outbreak.add(session, code, started or now.astimezone(settings.zone).date(), now, note)
            await audit.record(session, now, "cli", "admin", "outbreak.add", code)
        typer.echo(messages.t(VI, "cli.outbreak_added", area=countries.place_label(code)))

    with_database(add)

@outbreak_app.command("remove", help=messages.t(VI, "help.outbreak.remove"))
def outbreak_remove(area: str = typer.Argument(..., help="Mã tỉnh, xã/phường hoặc mã nước.")) -> None:
    """Take an area off the outbreak list from today."""
    code = _area_code(area)

    async def remove(database: Database, settings: Settings) -> int:
        async with database.transaction() as session:
            ended = await outbreak.remove(session, code, utc_now().astimezone(settings.zone).date())
            await audit.record(session, utc_now(), "cli", "admin", "outbreak.remove", code)
            return ended

    if not with_database(remove):
        typer.echo(messages.t(VI, "cli.outbreak_not_listed", area=countries.place_label(code)), err=True)
        raise typer.Exit(1)
    typer.echo(messages.t(VI, "cli.outbreak_removed", area=countries.place_label(code)))

@outbreak_app.command("list", help=messages.t(VI, "help.outbreak.list"))
def outbreak_list() -> None:
    """Show the outbreak list."""

    async def listed(database: Database, settings: Settings) -> Any:
        async with database.sessions() as session:
            return await outbreak.listed(session)

    areas = with_database(listed)
    if not areas:
        typer.echo(fitted(messages.t(VI, "outbreak.none")))
    for area in areas:
        typer.echo(fitted(f"{area.area_code}  {countries.place_label(area.area_code)}  {area.started_on:%d/%m/%Y}"))


@area_app.command("search", help=messages.t(VI, "help.area.search"))
def area_search(text: str = typer.Argument(..., help=messages.t(VI, "help.area.text"))) -> None:
    """Find area codes by name (accents and case ignored)."""
    if not find_areas(text):
        typer.echo(messages.t(VI, "area_search.none", text=text.strip()), err=True)
        raise typer.Exit(1)
    typer.echo(fitted(area_lines(text)))


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except SettingsError as exc:
        print(exc, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
