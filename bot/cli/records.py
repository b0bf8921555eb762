"""`khaibao verify|export|audit|retention`: receipts, exports and the audit log for admins and scripts."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

import messages
from bot.cli.support import cli_settings, local_time, with_database
from bot.clock import utc_now
from bot.commands import data_rights
from bot.records import user_files
from bot.records.exports import write_csv, write_xlsx
from bot.records.verification import Verdict, verify
from bot.settings import Settings
from handlers.areas import catalog
from messages import VI
from storage import audit, exports
from storage.db import Database

console = Console()


def _day(value: str, settings: Settings) -> datetime:
    try:
        return datetime.combine(datetime.fromisoformat(value).date(), time(), settings.zone)
    except ValueError:
        typer.echo(messages.t(VI, "cli.bad_date", value=value), err=True)
        raise typer.Exit(2) from None


def verify_command(code: str = typer.Argument(..., help="Mã dưới mã QR, hoặc mã trong QR (v_...).")) -> None:
    """Check a declaration receipt, as a gatekeeper would (logged)."""

    async def check(database: Database, settings: Settings) -> tuple[Verdict, str]:
        now = utc_now()
        async with database.transaction() as session:
            verdict = await verify(session, code, now, settings)
            await audit.record(session, now, "cli", "admin", "verify", verdict.commune_code, status=verdict.status,
                               code=verdict.code)
        return verdict, verdict.text(settings)

    verdict, text = with_database(check)
    typer.echo(text)
    if verdict.status != "valid":
        raise typer.Exit(1)


def export_command(
    area: str = typer.Option(..., "--area", help="Mã tỉnh hoặc xã/phường."),
    start: str = typer.Option(None, "--from", help="Từ ngày YYYY-MM-DD (mặc định: 30 ngày trước)."),
    end: str = typer.Option(None, "--to", help="Đến hết ngày YYYY-MM-DD (mặc định: hôm nay)."),
    level: list[str] = typer.Option(None, "--level", help=messages.t(VI, "help.export.level")),
    kind: str = typer.Option("xlsx", "--format", help=messages.t(VI, "help.export.format")),
    output: Path = typer.Option(None, "--output", "-o", help=messages.t(VI, "help.export.output")),
) -> None:
    """Export an area's declarations (streamed, constant memory)."""
    if area not in catalog().by_code:
        typer.echo(messages.t(VI, "cli.unknown_area", code=area), err=True)
        raise typer.Exit(2)
    if kind not in ("xlsx", "csv") or not set(level or ()) <= {"green", "yellow", "red"}:
        typer.echo(messages.t(VI, "cli.bad_export"), err=True)
        raise typer.Exit(2)

    async def run(database: Database, settings: Settings) -> tuple[Path, int]:
        now = utc_now()
        first = _day(start, settings) if start else now - timedelta(days=30)
        last = _day(end, settings) + timedelta(days=1) if end else now
        name = f"khai-bao-{area}-{first:%Y%m%d}-{last - timedelta(seconds=1):%Y%m%d}.{kind}"
        target = output or user_files.exports_folder(settings) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        async with database.sessions() as session:
            rows = exports.stream_declarations(session, area, first, last, set(level) if level else None)
            count = await (write_csv if kind == "csv" else write_xlsx)(rows, target, settings.zone)
        async with database.transaction() as session:
            await audit.record(session, now, "cli", "admin", "export", area, rows=count, format=kind)
        return target, count

    target, count = with_database(run)
    typer.echo(messages.t(VI, "cli.exported", count=str(count), path=str(target)))


def audit_command(
    action: str = typer.Option(None, "--action", help=messages.t(VI, "help.audit.action")),
    area: str = typer.Option(None, "--area", help=messages.t(VI, "help.audit.area")),
    actor: str = typer.Option(None, "--actor", help=messages.t(VI, "help.audit.actor")),
    since: str = typer.Option(None, "--since", help=messages.t(VI, "help.audit.since")),
    limit: int = typer.Option(200, "--limit", help=messages.t(VI, "help.audit.limit")),
    as_json: bool = typer.Option(False, "--json", help=messages.t(VI, "help.json")),
) -> None:
    """List the audit log, newest first."""

    async def rows(database: Database, settings: Settings) -> list[dict[str, Any]]:
        async with database.sessions() as session:
            return await audit.entries(session, action=action, area_code=area, actor=actor,
                                       since=_day(since, settings) if since else None, limit=limit)

    found = with_database(rows)
    if as_json:
        typer.echo(json.dumps(found, default=str, ensure_ascii=False, indent=2))
        return
    settings = cli_settings()
    table = Table(*messages.t(VI, "cli.columns.audit").split("|"))
    for row in found:
        table.add_row(str(row["id"]), local_time(row["at"], settings), row["actor"], row["role"],
                      row["action"], row["area_code"] or "", json.dumps(row["detail"] or {}, ensure_ascii=False))
    console.print(table)


def retention_command() -> None:
    """Anonymise or delete what is older than the retention setting (the daily job does this too)."""

    async def run(database: Database, settings: Settings) -> dict[str, int]:
        return await data_rights.retention(database, settings, utc_now(), "cli", "admin")

    counts = with_database(run)
    typer.echo(messages.t(VI, "cli.retention", counts=", ".join(f"{key} {value}" for key, value in counts.items())))
