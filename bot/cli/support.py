"""Helpers shared by the command-line modules: checked settings and a migrated database per command."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TypeVar

import typer

from bot.serve import event_loop
from bot.serve.startup import configure_logging, open_database
from bot.settings import Settings, SettingsError, get_settings
from storage.db import Database

T = TypeVar("T")


def cli_settings() -> Settings:
    """The settings, or exit code 2 with a message naming each invalid variable."""
    try:
        settings = get_settings()
    except SettingsError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    configure_logging(settings.log_level)
    return settings


def local_time(moment: datetime, settings: Settings) -> str:
    """A stored (UTC) moment as local time, e.g. 09:00 22/11/2026."""
    return moment.astimezone(settings.zone).strftime("%H:%M %d/%m/%Y")


def fitted(text: str) -> str:
    """``text`` with each line wrapped to the terminal's width (continuations indented under it)."""
    width = max(20, shutil.get_terminal_size().columns)
    lines = []
    for line in text.split("\n"):
        indent = " " * (len(line) - len(line.lstrip(" ")))
        lines.append(textwrap.fill(line, width, subsequent_indent=indent + "  ") if line.strip() else line)
    return "\n".join(lines)


def with_database(work: Callable[[Database, Settings], Awaitable[T]]) -> T:
    """Run ``work`` with the migrated database, then close it."""
    settings = cli_settings()

    async def run() -> T:
        database = await open_database(settings)
        try:
            return await work(database, settings)
        finally:
            await database.dispose()

    return event_loop.run(run())
