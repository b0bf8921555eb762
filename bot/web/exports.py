"""Lists to .xlsx or CSV: declarations with /xuat's own writer, other lists with the same streaming .xlsx writer.

The file is written to a temporary file (flat memory whatever the row count), then streamed and removed.
"""

from __future__ import annotations

import asyncio
import csv
import os
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from starlette.background import BackgroundTask
from starlette.responses import StreamingResponse

from bot.records.exports import FORMULA_STARTS, write_csv, write_xlsx
from bot.records.xlsx_stream import XlsxStreamWriter

Row = dict[str, Any]
Column = tuple[str, float, Callable[[Row], Any]]  # header, width, value of a row
KINDS = ("xlsx", "csv")
MEDIA = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "csv": "text/csv; charset=utf-8"}
CHUNK = 64 * 1024


def _temporary(kind: str) -> str:
    handle, path = tempfile.mkstemp(prefix="khaibao-web-", suffix=f".{kind}")
    os.close(handle)
    return path


async def declarations_file(rows: AsyncIterator[Row], kind: str, zone: ZoneInfo) -> tuple[str, int]:
    """The declarations written as /xuat writes them; the file's path and the row count."""
    path = _temporary(kind)
    count = await (write_csv if kind == "csv" else write_xlsx)(rows, path, zone)
    return path, count


def _text(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


async def table_file(rows: AsyncIterator[Row], columns: Sequence[Column], kind: str, sheet: str) -> tuple[str, int]:
    """Any list written with the same streaming writer (or as UTF-8 CSV with a BOM), in chunks; path and count."""
    path = _temporary(kind)
    headers = [header for header, _, _ in columns]
    if kind == "csv":
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            return path, await _feed(rows, columns, writer.writerows)
    sheet_writer = await asyncio.to_thread(XlsxStreamWriter, path, sheet[:31], headers,
                                           [width for _, width, _ in columns], "DD/MM/YYYY HH:MM")
    try:
        count = await _feed(rows, columns, sheet_writer.add_rows)
        await asyncio.to_thread(sheet_writer.close)
    except BaseException:
        sheet_writer.abort()
        raise
    return path, count


async def _feed(rows: AsyncIterator[Row], columns: Sequence[Column], write: Callable[[list[list[Any]]], Any]) -> int:
    count = 0
    chunk: list[list[Any]] = []
    async for row in rows:
        chunk.append([_text(value(row)) for _, _, value in columns])
        if len(chunk) == 500:
            await asyncio.to_thread(write, chunk)
            count, chunk = count + len(chunk), []
    if chunk:
        await asyncio.to_thread(write, chunk)
    return count + len(chunk)


def _chunks(path: str) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def download(path: str, name: str, kind: str) -> StreamingResponse:
    """Stream a written file as an attachment and remove it afterwards."""
    return StreamingResponse(_chunks(path), media_type=MEDIA[kind], background=BackgroundTask(os.remove, path),
                             headers={"Content-Disposition": f'attachment; filename="{name}.{kind}"',
                                      "Cache-Control": "no-store"})
