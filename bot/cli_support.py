"""Helpers shared by the command-line modules: checked settings and a migrated database per command."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import typer

from bot import event_loop
from bot.app import configure_logging, open_database
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
