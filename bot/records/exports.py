"""Declaration exports for officials: streamed .xlsx (bot.records.xlsx_stream) and UTF-8 CSV with a BOM."""

from __future__ import annotations

import asyncio
import csv
import io
import os
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import IO, Any
from zoneinfo import ZoneInfo

import messages
from bot.records.xlsx_stream import Target, XlsxStreamWriter
from handlers.areas import catalog
from handlers.flows import arrival

Row = dict[str, Any]

# (header message key, column width in characters)
COLUMNS = (
    ("reports.column.code", 12), ("reports.column.time", 17), ("reports.column.name", 24),
    ("reports.column.birth_year", 9), ("reports.column.gender", 9), ("reports.column.phone", 13),
    ("reports.column.province", 18), ("reports.column.commune", 20), ("reports.column.street", 28),
    ("reports.column.for_whom", 10), ("reports.column.declarant", 24), ("reports.column.declarant_phone", 13),
    ("reports.column.level", 11), ("reports.column.reasons", 40), ("reports.column.symptoms", 30),
    ("reports.column.exposure", 30), ("reports.column.travel", 30), ("reports.column.conditions", 24),
    ("reports.column.vaccine", 12),
    # an arrival declaration's answers (handlers.flows.arrival), empty for the others
    ("arrival.column.nationality", 14), ("arrival.column.paper", 14), ("arrival.column.entry_date", 12),
    ("arrival.column.gate", 28), ("arrival.column.vehicle", 16), ("arrival.column.visited", 28),
)
TIME_COLUMN = 1
TYPED_COLUMNS = (2, 5, 8, 10, 11, 16, 20, 22, 23)  # names, phones, addresses, places, papers: what people typed
EXCEL_TIME = "DD/MM/YYYY HH:MM"
CSV_TIME = "%d/%m/%Y %H:%M"
GENDER_KEYS = {"male": "option.male", "female": "option.female", "other": "option.gender_other"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 500  # rows handed to a worker thread at a time, so the event loop keeps serving chats


def headers(locale: str = messages.VI) -> list[str]:
    """The column headers, in order."""
    return [messages.t(locale, key) for key, _ in COLUMNS]


@lru_cache(maxsize=1024)
def label(key: str, locale: str = messages.VI) -> str:
    """The text of a message key; the key's last part when the catalog has none (an option since retired)."""
    return messages.catalog(messages.normal(locale)).get(key, key.rsplit(".", 1)[-1])


def _labels(prefix: str, ids: list[str] | None, locale: str) -> str | None:
    return "; ".join(label(f"{prefix}.{value}", locale) for value in ids or () if value != "none") or None


def _phone(e164: str | None) -> str | None:
    """A stored number as dialled in Viet Nam (0912345678); foreign numbers as stored."""
    if not e164:
        return None
    return "0" + e164[3:] if e164.startswith("+84") else e164


def _place(place: dict[str, Any]) -> str:
    return catalog().label(place["code"]) if place.get("code") else str(place.get("text", ""))


def _area_name(code: str | None) -> str | None:
    area = catalog().by_code.get(code or "")
    return area.name if area else code


def cells(row: Row, zone: ZoneInfo, locale: str = messages.VI) -> list[Any]:
    """One declaration as cell values in column order: None for an empty cell, the time as naive local."""
    answers = row["answers"] or {}
    own = bool(row["for_self"])
    same_address = own or answers.get("subject_same_address") == "yes"
    gender = row["person_gender"] if own else answers.get("subject_gender")
    return [
        row["code"],
        row["created_at"].astimezone(zone).replace(tzinfo=None),
        row["subject_name"],
        row["person_birth_year"] if own else (answers.get("subject_birth") or {}).get("year"),
        label(GENDER_KEYS[gender], locale) if gender in GENDER_KEYS else None,
        _phone(row["person_phone"] if own else answers.get("subject_phone")),
        _area_name(row["province_code"]),
        _area_name(row["commune_code"]),
        (row["person_street"] if same_address else answers.get("subject_street")) or None,
        label("reports.for_self" if own else "reports.for_other", locale),
        None if own else row["person_name"],
        None if own else _phone(row["person_phone"]),
        label(f"reports.level.{row['risk_level']}", locale),
        _labels("triage.reason", row["reasons"], locale),
        _labels("symptom", answers.get("symptoms"), locale),
        _labels("exposure", answers.get("exposure"), locale),
        "; ".join(_place(place) for place in answers.get("travel") or ()) or None,
        _labels("condition", answers.get("conditions"), locale),
        label(f"vaccine.{answers['vaccine']}", locale) if answers.get("vaccine") else None,
        *_arrival_cells(answers, locale),
    ]


def _arrival_cells(answers: dict[str, Any], locale: str) -> list[str | None]:
    """Nationality, passport or CCCD, date of entry, gate, flight or vehicle, countries: an arrival's answers."""
    if "paper" not in answers:
        return [None] * 6
    shown = arrival.summary_fields(answers, locale)
    return [shown["nationality"], answers["paper"]["number"], shown["entry_date"], shown["gate"],
            shown["vehicle"], shown["visited"]]


def _neutral(values: list[Any]) -> list[Any]:
    """The row with typed text that a spreadsheet would read as a formula quoted, so it stays text."""
    for index in TYPED_COLUMNS:
        value = values[index]
        if value and value.startswith(FORMULA_STARTS):
            values[index] = "'" + value
    return values


async def _feed(rows: AsyncIterator[Row], write: Callable[[list[Row]], None]) -> int:
    """Hand ``rows`` to ``write`` in chunks on a worker thread; how many rows there were."""
    total = 0
    chunk: list[Row] = []
    async for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            await asyncio.to_thread(write, chunk)
            total += len(chunk)
            chunk = []
    if chunk:
        await asyncio.to_thread(write, chunk)
        total += len(chunk)
    return total


async def write_xlsx(rows: AsyncIterator[Row], path_or_stream: Target, zone: ZoneInfo,
                     locale: str = messages.VI) -> int:
    """Write the declarations to an .xlsx file or binary stream in constant memory; how many were written."""
    sheet = await asyncio.to_thread(
        XlsxStreamWriter, path_or_stream, messages.t(locale, "reports.export.sheet"), headers(locale),
        [width for _, width in COLUMNS], EXCEL_TIME,
    )

    def write(chunk: list[Row]) -> None:
        sheet.add_rows([_neutral(cells(row, zone, locale)) for row in chunk])

    try:
        total = await _feed(rows, write)
        await asyncio.to_thread(sheet.close)
    except BaseException:
        sheet.abort()
        raise
    return total


@contextmanager
def _text_output(target: Target) -> Iterator[IO[str]]:
    """A UTF-8 text file (with a BOM) on a path or on a caller's binary stream, which stays open."""
    if isinstance(target, str | os.PathLike):
        with open(target, "w", encoding="utf-8-sig", newline="") as handle:
            yield handle
        return
    wrapper = io.TextIOWrapper(target, encoding="utf-8-sig", newline="")
    try:
        yield wrapper
    finally:
        wrapper.flush()
        wrapper.detach()


async def write_csv(rows: AsyncIterator[Row], path_or_stream: Target, zone: ZoneInfo,
                    locale: str = messages.VI) -> int:
    """Write the declarations as CSV (same columns as the .xlsx); how many were written."""
    with _text_output(path_or_stream) as output:
        writer = csv.writer(output)
        writer.writerow(headers(locale))

        def write(chunk: list[Row]) -> None:
            for row in chunk:
                values = _neutral(cells(row, zone, locale))
                values[TIME_COLUMN] = values[TIME_COLUMN].strftime(CSV_TIME)
                writer.writerow(values)

        return await _feed(rows, write)

