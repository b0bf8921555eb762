"""What the database layer may say in logs and error messages: statements, never the data in them.

Every engine is created with ``hide_parameters=True`` (storage.db), so SQLAlchemy's messages and
its INFO echo name no parameter. That is not enough on its own:

- PostgreSQL adds a DETAIL to constraint errors ("Failing row contains (...)", "Key (...)=(...)"),
  and asyncpg's own argument errors quote the value; every exception of the chain is rewritten
  here (``scrub_error``, an engine ``handle_error`` hook): the message keeps the SQLSTATE wording
  and the names of tables, columns and constraints, with DETAIL and HINT dropped and quoted
  values masked;
- SQLAlchemy logs result rows at DEBUG, and aiosqlite logs each call with its parameters at DEBUG;
  those records are dropped by logger filters, whatever level the loggers are set to.
"""

from __future__ import annotations

import contextlib
import logging
import re
from typing import Any

from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import StatementError

MASK = "…"
_SINGLE_QUOTED = re.compile(r"'(?:[^']|'')*'")
_VALUE_AFTER_COLON = re.compile(r'(:\s*)"(?:[^"]|"")*"')
_DRIVER_EXTRAS = ("detail", "hint")


def mask_values(message: str) -> str:
    """The first line of a database message with quoted values masked (identifiers stay)."""
    first = message.split("\nDETAIL:", 1)[0].split("\nHINT:", 1)[0]
    first = _SINGLE_QUOTED.sub(f"'{MASK}'", first)
    return _VALUE_AFTER_COLON.sub(rf'\1"{MASK}"', first)


def _scrub(error: BaseException) -> None:
    for extra in _DRIVER_EXTRAS:
        if getattr(error, extra, None):
            with contextlib.suppress(AttributeError):  # read-only: the message is masked below anyway
                setattr(error, extra, None)
    error.args = tuple(mask_values(arg) if isinstance(arg, str) else arg for arg in error.args)
    if isinstance(error, StatementError):
        error.params = None
        error.statement = _SINGLE_QUOTED.sub(f"'{MASK}'", error.statement) if error.statement else error.statement


def scrub_error(context: ExceptionContext) -> None:
    """Remove personal data from the database exception about to be raised and from all it chains."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [context.sqlalchemy_exception, context.original_exception]
    while pending:
        error = pending.pop()
        if error is None or id(error) in seen:
            continue
        seen.add(id(error))
        _scrub(error)
        pending.extend((error.__cause__, error.__context__, getattr(error, "orig", None)))


class _DropRecords(logging.Filter):
    """Drops the records of one logger that would print data: by message, or all below a level."""

    def __init__(self, messages: tuple[str, ...] = (), below: int = logging.NOTSET) -> None:
        super().__init__()
        self.messages = messages
        self.below = below

    def filter(self, record: logging.LogRecord) -> bool:
        return record.msg not in self.messages and record.levelno >= self.below


_FILTERS: dict[str, _DropRecords] = {
    "sqlalchemy.engine.Engine": _DropRecords(messages=("Row %r",)),
    "aiosqlite": _DropRecords(below=logging.INFO),
}


def quiet_database_loggers() -> None:
    """Install the filters once per process (idempotent)."""
    for name, record_filter in _FILTERS.items():
        logger: Any = logging.getLogger(name)
        if record_filter not in logger.filters:
            logger.addFilter(record_filter)
