"""`khaibao broadcast ...` and `khaibao sender`: create, watch and cancel broadcasts; run the senders."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

import messages
from bot.channels import registry
from bot.cli.support import fitted, local_time, with_database
from bot.clock import utc_now
from bot.delivery.planner import Planner
from bot.delivery.progress import Snapshot, describe_audience
from bot.delivery.service import DeliveryService
from bot.serve.runner import stop_on_signals
from bot.settings import Settings
from handlers.audience import Audience, AudienceError, parse_audience
from messages import VI
from storage import audit, broadcasts
from storage.db import Database

app = typer.Typer(help="Thông báo gửi hàng loạt.", no_args_is_help=True)
console = Console()


def _fail(key: str, **params: str) -> None:
    typer.echo(messages.t(VI, key, **params), err=True)
    raise typer.Exit(2)


def _local_time(value: str, settings: Settings) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        _fail("broadcast.bad_time", value=value)
        raise
    return moment if moment.tzinfo else moment.replace(tzinfo=settings.zone)


@app.command("send", help=messages.t(VI, "help.broadcast.send"))
def send(
    text: str = typer.Option(None, "--text", help="Nội dung."),
    file: Path = typer.Option(None, "--file", exists=True, dir_okay=False, help="Tệp nội dung (UTF-8)."),
    audience: str = typer.Option("everyone", "--audience", help=messages.t(VI, "help.broadcast.audience")),
    urgent: bool = typer.Option(False, "--urgent", help="Khẩn: gửi cả trong giờ yên tĩnh."),
    at: str = typer.Option(None, "--at", help="Gửi lúc (YYYY-MM-DD HH:MM, giờ địa phương)."),
    text_en: str = typer.Option(None, "--text-en", help=messages.t(VI, "help.broadcast.text_en")),
    file_en: Path = typer.Option(None, "--file-en", exists=True, dir_okay=False,
                                 help=messages.t(VI, "help.broadcast.file_en")),
) -> None:
    """Queue a broadcast (the senders of `khaibao run` or `khaibao sender` deliver it)."""
    body = (file.read_text(encoding="utf-8") if file else text or "").strip()
    if not body:
        _fail("broadcast.empty_text")
    if text_en is not None and file_en is not None:
        _fail("cli.text_en_conflict")
    english = (file_en.read_text(encoding="utf-8") if file_en else text_en or "").strip() or None
    try:
        target = parse_audience(audience)
    except AudienceError as error:
        _fail(error.key, **error.params)
        raise

    async def create(database: Database, settings: Settings) -> tuple[int, datetime]:
        now = utc_now()
        when = _local_time(at, settings) if at else now
        async with database.transaction() as session:
            new_id = await broadcasts.create(session, body, target, now, scheduled_at=when, urgent=urgent,
                                             created_by="cli", text_en=english)
            await audit.record(session, now, "cli", "admin", "broadcast.create", target.area_code,
                               broadcast_id=new_id, audience=target.kind, urgent=urgent)
        return new_id, when.astimezone(settings.zone)

    new_id, when = with_database(create)
    typer.echo(messages.t(VI, "broadcast.created", id=str(new_id), audience=describe_audience(target),
                             at=when.strftime("%H:%M %d/%m/%Y")))


@app.command("list", help=messages.t(VI, "help.broadcast.list"))
def list_broadcasts(limit: int = typer.Option(20, "--limit", help=messages.t(VI, "help.broadcast.limit"))) -> None:
    """The newest broadcasts with their delivery counts."""
    async def rows(database: Database, settings: Settings) -> list[str]:
        async with database.sessions() as session:
            found = await broadcasts.recent(session, limit)
            return [_summary(row, await broadcasts.counts(session, row["id"]), settings) for row in found]

    found = with_database(rows)
    typer.echo("\n\n".join(found) if found else messages.t(VI, "broadcast.none"))


def _summary(row: dict[str, Any], counts: dict[str, int], settings: Settings) -> str:
    """One broadcast in a few short lines: kind, status, audience, local time, counts."""
    text = messages.t(VI, 
        "broadcast.summary", id=str(row["id"]), kind=messages.t(VI, f"broadcast.kind.{row['kind']}"),
        status=messages.t(VI, f"broadcast.status.{row['status']}"),
        urgent=f" · {messages.t(VI, 'broadcast.urgent_mark')}" if row["urgent"] else "",
        audience=describe_audience(Audience.from_json(row["audience"])),
        at=local_time(row["scheduled_at"], settings), total=str(sum(counts.values())),
        **{status: str(counts.get(status, 0)) for status in ("sent", "waiting", "failed", "blocked", "ambiguous")},
    )
    return fitted(text)


@app.command("status", help=messages.t(VI, "help.broadcast.status"))
def status(
    broadcast_id: int = typer.Argument(..., help=messages.t(VI, "help.broadcast.id")),
    watch: bool = typer.Option(False, "--watch", help=messages.t(VI, "help.broadcast.watch")),
) -> None:
    """A broadcast's progress bar and statistics."""
    async def show(database: Database, settings: Settings) -> None:
        planner = Planner(database, utc_now)
        snapshot = await planner.snapshot(broadcast_id)
        if snapshot is None:
            _fail("broadcast.not_found", id=str(broadcast_id))
            return
        typer.echo(_summary(snapshot.broadcast, snapshot.counts, settings))
        rate = TextColumn(messages.t(VI, "broadcast.rate_column", rate="{task.fields[rate]}"))
        columns = (TextColumn("#{task.fields[id]}"), BarColumn(), TextColumn("{task.completed}/{task.total}"), rate,
                   TimeRemainingColumn(), TextColumn("{task.fields[state]}"))
        with Progress(*columns, console=console) as bar:
            task = bar.add_task("", total=max(snapshot.total, 1), completed=snapshot.done, id=broadcast_id, rate="0",
                                state=_state(snapshot))
            while watch and snapshot.broadcast["status"] in ("scheduled", "sending"):
                await asyncio.sleep(1)
                snapshot = await planner.snapshot(broadcast_id) or snapshot
                bar.update(task, total=max(snapshot.total, 1), completed=snapshot.done, rate=f"{snapshot.rate:.0f}",
                           state=_state(snapshot))
        typer.echo(fitted(snapshot.text()))

    with_database(show)


def _state(snapshot: Snapshot) -> str:
    return messages.t(VI, "broadcast.waiting_short") if snapshot.waiting else ""


@app.command("retry", help=messages.t(VI, "help.broadcast.retry"))
def retry(
    broadcast_id: int = typer.Argument(..., help=messages.t(VI, "help.broadcast.id")),
    ambiguous: bool = typer.Option(False, "--ambiguous", help=messages.t(VI, "help.broadcast.ambiguous")),
    yes: bool = typer.Option(False, "--yes", help=messages.t(VI, "help.broadcast.yes")),
) -> None:
    """Queue a broadcast's failed deliveries again; with --ambiguous also the possibly delivered ones."""
    async def counted(database: Database, settings: Settings) -> dict[str, int]:
        async with database.sessions() as session:
            row = await broadcasts.get(session, broadcast_id)
            if row is None:
                _fail("broadcast.not_found", id=str(broadcast_id))
            elif row["status"] not in ("sending", "done"):
                _fail("broadcast.retry_not_allowed", id=str(broadcast_id), status=row["status"])
            return await broadcasts.counts(session, broadcast_id)

    counts = with_database(counted)
    unsure = counts.get("ambiguous", 0)
    question = messages.t(VI, "broadcast.retry_confirm", id=str(broadcast_id), count=str(unsure))
    if ambiguous and unsure and not yes and not typer.confirm(question):
        typer.echo(messages.t(VI, "broadcast.retry_aborted"))
        raise typer.Exit(1)
    statuses = ("failed", "ambiguous") if ambiguous else ("failed",)

    async def queue(database: Database, settings: Settings) -> dict[str, int]:
        now = utc_now()
        queued: dict[str, int] = {}
        async with database.transaction() as session:
            for state in statuses:
                queued[state] = await broadcasts.requeue(session, broadcast_id, (state,), now)
            await audit.record(session, now, "cli", "admin", "broadcast.retry", None, broadcast_id=broadcast_id,
                               **queued)
        return queued

    queued = with_database(queue)
    total = sum(queued.values())
    if total:
        detail = messages.t(VI, "broadcast.retry_detail", failed=str(queued.get("failed", 0)),
                               ambiguous=str(queued.get("ambiguous", 0)))
        typer.echo(messages.t(VI, "broadcast.retried", id=str(broadcast_id), count=str(total), detail=detail))
    else:
        typer.echo(messages.t(VI, "broadcast.retry_none", id=str(broadcast_id)))
    if unsure and not ambiguous:
        typer.echo(messages.t(VI, "broadcast.retry_ambiguous_hint", count=str(unsure)))


@app.command("cancel", help=messages.t(VI, "help.broadcast.cancel"))
def cancel(broadcast_id: int = typer.Argument(..., help=messages.t(VI, "help.broadcast.id"))) -> None:
    """Cancel a scheduled or running broadcast."""
    async def stop(database: Database, settings: Settings) -> None:
        async with database.transaction() as session:
            row = await broadcasts.get(session, broadcast_id)
            if row is None:
                _fail("broadcast.not_found", id=str(broadcast_id))
                return
            if row["status"] not in ("scheduled", "sending"):
                status = messages.t(VI, f"broadcast.status.{row['status']}")
                _fail("broadcast.not_cancellable", id=str(broadcast_id), status=status)
            count = await broadcasts.cancel(session, broadcast_id, utc_now())
            await audit.record(session, utc_now(), "cli", "admin", "broadcast.cancel", broadcast_id=broadcast_id)
        typer.echo(messages.t(VI, "broadcast.cancelled", id=str(broadcast_id), count=str(count)))

    with_database(stop)


def sender() -> None:
    """Run only the delivery queue (planner and senders) until stopped; several may run on PostgreSQL."""
    async def work(database: Database, settings: Settings) -> None:
        service = DeliveryService(database, settings, registry.outlets(settings))
        await service.start()
        await stop_on_signals().wait()
        await service.stop()

    with_database(work)
