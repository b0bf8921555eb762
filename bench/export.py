"""Benchmark: export 100,000 declarations of one province to .xlsx (and CSV) with the streaming writers.

Run: .venv/bin/python bench/export.py [--rows N]

Builds a fresh migrated SQLite database with N declarations in five communes of Hưng Yên (a tenth of
them declared for someone else) plus N/5 in Hà Nội that the export must leave out, then exports the
province in a child process per format, whose peak RSS (VmHWM, reset just before) is the export's own.
Prints rows, seconds, the RSS before the export and its peak, and the longest the event loop stalled.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.records import exports  # noqa: E402
from handlers.areas import catalog  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.exports import stream_declarations  # noqa: E402
from storage.migrate import migrate  # noqa: E402
from storage.models import Declaration, Person  # noqa: E402
from tests.delivery.people import add_people  # noqa: E402
from tests.reports.seed import CHILD_ANSWERS, SELF_ANSWERS, ZONE  # noqa: E402

NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
PROVINCE, OTHER_PROVINCE = "33", "01"
PEOPLE = 20_000
CHUNK = 5_000
LEVELS = ("green", "green", "green", "yellow", "red")
SECONDS_TARGET = 30.0
RSS_TARGET_MB = 200.0
WRITERS = {"xlsx": exports.write_xlsx, "csv": exports.write_csv}


def declaration(number: int, person_id: int, commune: str, province: str) -> dict[str, Any]:
    """A plausible declaration spread over the last 30 days."""
    created = NOW - timedelta(seconds=(number * 26) % (30 * 86_400))
    level = LEVELS[number % len(LEVELS)]
    answers = CHILD_ANSWERS if number % 10 == 0 else SELF_ANSWERS
    return {
        "code": f"B{number:07d}", "person_id": person_id, "created_at": created,
        "valid_until": created + timedelta(hours=24), "for_self": answers is SELF_ANSWERS,
        "subject_name": answers.get("subject_name", f"Nguyễn Văn {number}"), "province_code": province,
        "commune_code": commune, "risk_level": level, "reasons": [] if level == "green" else ["symptoms"],
        "answers": answers,
    }


async def build(url: str, rows: int) -> float:
    """Migrate and fill the database; the seconds it took."""
    started = time.perf_counter()
    database = Database(url)
    await migrate(database)
    await add_people(database, PEOPLE, full_name="Nguyễn Văn An", street="Số 1 đường Lê Lợi")
    async with database.engine.connect() as connection:
        people = [row[0] for row in await connection.execute(select(Person.id).order_by(Person.id))]
    communes = [area.code for area in catalog().communes[PROVINCE][:5]]
    other = catalog().communes[OTHER_PROVINCE][0].code
    plan = [(communes[n % 5], PROVINCE) for n in range(rows)] + [(other, OTHER_PROVINCE)] * (rows // 5)
    table = Declaration.__table__  # type: ignore[attr-defined]
    for first in range(0, len(plan), CHUNK):
        batch = [declaration(n, people[n % PEOPLE], *plan[n]) for n in range(first, min(first + CHUNK, len(plan)))]
        async with database.engine.begin() as connection:
            await connection.execute(insert(table), batch)
    await database.dispose()
    return time.perf_counter() - started


def memory_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process from /proc; ru_maxrss (KiB) where there is no /proc."""
    status = Path("/proc/self/status")
    if not status.exists():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    line = next(line for line in status.read_text().splitlines() if line.startswith(field + ":"))
    return int(line.split()[1]) / 1024


def reset_peak() -> None:
    """Let the peak (VmHWM) start from the current RSS, so it shows the export's own peak (Linux)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


async def heartbeat(stalls: list[float]) -> None:
    """Record how late each 10 ms sleep wakes up: the longest time the event loop was blocked."""
    loop = asyncio.get_running_loop()
    while True:
        before = loop.time()
        await asyncio.sleep(0.01)
        stalls.append(loop.time() - before - 0.01)


async def export(url: str, kind: str, target: str) -> dict[str, Any]:
    """Export the province once, measuring time, memory and event-loop stalls."""
    database = Database(url)
    stalls: list[float] = [0.0]
    reset_peak()
    before = memory_mb("VmRSS")
    ticker = asyncio.create_task(heartbeat(stalls))
    started, cpu = time.perf_counter(), time.process_time()
    async with database.sessions() as session:
        rows = stream_declarations(session, PROVINCE, NOW - timedelta(days=31), NOW + timedelta(seconds=1))
        count = await WRITERS[kind](rows, target, ZONE)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    ticker.cancel()
    await database.dispose()
    return {
        "format": kind, "rows": count, "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
        "rss_before_mb": round(before, 1), "rss_peak_mb": round(memory_mb("VmHWM"), 1),
        "longest_stall_ms": round(max(stalls) * 1000), "file_mb": round(Path(target).stat().st_size / 1e6, 1),
    }


def measure(url: str, kind: str, folder: Path) -> dict[str, Any]:
    """Run one export in a fresh child process and read its figures."""
    target = str(folder / f"declarations.{kind}")
    found = subprocess.run([sys.executable, __file__, "--export", url, kind, target],
                           capture_output=True, text=True, check=True)
    return dict(json.loads(found.stdout))


def report(kind: str, run: dict[str, Any], rows: int) -> None:
    """Print one export's figures against the targets."""
    within = run["rows"] == rows and run["seconds"] < SECONDS_TARGET and run["rss_peak_mb"] < RSS_TARGET_MB
    print(f"{kind}: {run['rows']:,} rows in {run['seconds']} s (CPU {run['cpu_seconds']} s), {run['file_mb']} MB; "
          f"RSS {run['rss_before_mb']} MB before, {run['rss_peak_mb']} MB peak "
          f"(+{run['rss_peak_mb'] - run['rss_before_mb']:.1f} MB); event loop stalled at most "
          f"{run['longest_stall_ms']} ms; load average {os.getloadavg()[0]:.1f} "
          f"[{'ok' if within else 'MISSED'}: < {SECONDS_TARGET:.0f} s, < {RSS_TARGET_MB:.0f} MB]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--export", nargs=3, metavar=("URL", "FORMAT", "TARGET"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.export:
        print(json.dumps(asyncio.run(export(*options.export))))
        return
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{folder}/bench.db"
        seconds = asyncio.run(build(url, options.rows))
        print(f"built {options.rows:,} + {options.rows // 5:,} declarations in {seconds:.1f} s")
        for kind in WRITERS:
            report(kind, measure(url, kind, Path(folder)), options.rows)
    print("reproduce: .venv/bin/python bench/export.py")


if __name__ == "__main__":
    main()
