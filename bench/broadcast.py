"""Benchmark: an urgent Telegram broadcast through `khaibao sender` against the fake server at 1,000 msg/s.

Run: .venv/bin/python bench/broadcast.py [--quick] [--only memory,rate,outage] [--outage 15] [--py-spy PATH]

Each run gets a fresh SQLite database with N consenting citizens and one urgent broadcast to
everyone, a fresh fake Telegram server in its own process (1,000 msg/s overall, one message per
chat per second, 429 beyond), and `python -m bot.cli.main sender` as a subprocess with
TELEGRAM_PAID_BROADCAST=true. The sustained rate is the sent rows over the time between the first
and the last `sent_at`; 429s are the fake's count; the peak RSS is the sender's VmHWM read just
before it is stopped with SIGTERM; CPU is the sender's user + system time over its whole life.
The outage run makes the fake answer 500 to every request for 15 s mid-broadcast: everyone must
still be served, none failed (the sender runs with its default retry settings).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.clock import utc_now  # noqa: E402
from handlers.audience import Audience  # noqa: E402
from storage import broadcasts  # noqa: E402
from storage.broadcasts import DELIVERY, OPEN  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.migrate import migrate  # noqa: E402
from tests.delivery.people import add_people  # noqa: E402
from tests.fakes.serve import free_port  # noqa: E402

LIMIT = 1000
TOKEN = "123456:TEST-khaibao-token"
SECRET_KEY = "bench-secret-key-0123456789-abcdefghij"
TEXT = ("Sở Y tế thông báo: từ 18 giờ hôm nay, người có triệu chứng sốt, ho, khó thở cần khai báo y tế "
        "qua khaibao và liên hệ trạm y tế xã gần nhất; không tự ý dùng thuốc kháng sinh.")
RATE_RUN = 50_000
MEMORY_RUNS = (10_000, 200_000)
QUICK_RATE_RUN = 5_000
QUICK_MEMORY_RUNS = (2_000, 20_000)
OUTAGE_RUN = 30_000
QUICK_OUTAGE_RUN = 10_000
OUTAGE_AFTER = 5.0  # seconds after the sender starts (start-up and the first sends)
RATE_TARGET = 0.95
RSS_TARGET_MB = 30.0
PROGRESS_EVERY = 10
SLOWEST_SHARE = 0.05  # a run is abandoned when it would take longer than at this share of the limit
OWN_ENV = ("ZALO_BOT_TOKEN", "TELEGRAM_RATE", "DELIVERY_BATCH", "DELIVERY_LEASE_SECONDS", "DELIVERY_RETRY_HOURS",
           "DELIVERY_RETRY_MAX_DELAY_SECONDS")


@dataclass
class Run:
    """What one broadcast measured."""

    recipients: int
    seconds: float = 0.0
    sent: int = 0
    too_many: int = 0
    peak_per_second: int = 0
    peak_rss_mb: float = 0.0
    cpu_seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    finished: bool = False
    outage: float = 0.0  # seconds the fake answered 500 to everything
    refused: int = 0  # requests answered 500 during the outage
    wall_seconds: float = 0.0  # from the sender's start to the broadcast done

    @property
    def rate(self) -> float:
        """Sends per second between the first and the last send."""
        return (self.sent - 1) / self.seconds if self.sent > 1 and self.seconds > 0 else 0.0

    @property
    def cpu_ms_per_message(self) -> float:
        """The sender's CPU time (start-up and expansion included) per message sent."""
        return 1000 * self.cpu_seconds / self.sent if self.sent else 0.0

    def total(self, *statuses: str) -> int:
        """How many delivery rows ended in one of ``statuses``."""
        return sum(self.counts.get(status, 0) for status in statuses)


@dataclass(frozen=True)
class Setup:
    """One run's folder, fake server and broadcast."""

    folder: Path
    api_url: str
    recipients: int
    broadcast_id: int = 0

    @property
    def path(self) -> Path:
        """The SQLite file."""
        return self.folder / "bench.db"

    @property
    def url(self) -> str:
        """The database URL."""
        return f"sqlite+aiosqlite:///{self.path}"

    @property
    def log(self) -> Path:
        """The sender's output."""
        return self.folder / "sender.log"


@contextlib.contextmanager
def fake_telegram(folder: Path) -> Iterator[str]:
    """A fake Telegram server in its own process, limited to 1,000 msg/s and 1 s per chat; yields its URL."""
    port = free_port()
    command = [sys.executable, "-m", "tests.fakes.fake_telegram", "--port", str(port), "--token", TOKEN,
               "--rate", str(LIMIT), "--per-chat-interval", "1", "--no-history"]
    with open(folder / "fake.log", "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                   stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait()


def wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    """Return once the fake answers /stats; fail if it exits or stays silent."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the fake Telegram server exited with {process.returncode}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/stats", timeout=1).is_success:
                return
        time.sleep(0.1)
    raise RuntimeError("the fake Telegram server did not answer")


def fake_stats(url: str) -> dict[str, int]:
    """The fake's counters."""
    return dict(httpx.get(f"{url}/stats", timeout=5).json())


async def prepare(setup: Setup) -> int:
    """Migrate the database, add the citizens and queue one urgent broadcast to everyone; its id."""
    database = Database(setup.url)
    try:
        await migrate(database)
        await add_people(database, setup.recipients)
        async with database.engine.begin() as connection:
            return await broadcasts.create(connection, TEXT, Audience("everyone"), utc_now(), urgent=True,
                                           created_by="bench")
    finally:
        await database.dispose()


def sender_env(setup: Setup) -> dict[str, str]:
    """The environment of `khaibao sender`: this database, the fake, paid broadcasts, no quiet hours."""
    env = {name: value for name, value in os.environ.items() if name not in OWN_ENV}
    env.update({
        "PYTHONPATH": str(ROOT), "DATABASE_URL": setup.url, "KHAIBAO_SECRET_KEY": SECRET_KEY,
        "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": setup.api_url, "TELEGRAM_PAID_BROADCAST": "true",
        "TELEGRAM_PER_CHAT_INTERVAL": "1", "QUIET_HOURS": "off",
    })
    return env


@contextlib.contextmanager
def running_sender(setup: Setup) -> Iterator[subprocess.Popen[bytes]]:
    """`python -m bot.cli.main sender` in the run's folder (so no .env is read), stopped with SIGTERM afterwards."""
    with open(setup.log, "wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "bot.cli.main", "sender"], cwd=setup.folder,
                                   env=sender_env(setup), stdout=log, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def broadcast_status(setup: Setup) -> str:
    """The broadcast's status, read without taking the database's write lock."""
    with contextlib.closing(sqlite3.connect(f"file:{setup.path}?mode=ro", uri=True, timeout=10)) as connection:
        row = connection.execute("SELECT status FROM broadcast WHERE id = ?", (setup.broadcast_id,)).fetchone()
    return str(row[0]) if row else "missing"


def wait_until_done(process: subprocess.Popen[bytes], setup: Setup) -> bool:
    """Poll once a second until the planner marks the broadcast done, printing progress every 10 s.

    False when the run takes longer than at 5% of the limit; an error when the sender exits.
    """
    deadline = time.monotonic() + 60 + setup.recipients / (SLOWEST_SHARE * LIMIT)
    last_sent, seconds = 0, 0
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = setup.log.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"the sender exited with {process.returncode}:\n{tail}")
        if broadcast_status(setup) == "done":
            return True
        time.sleep(1)
        seconds += 1
        if seconds % PROGRESS_EVERY == 0:
            sent = fake_stats(setup.api_url)["sent"]
            print(f"  {sent:,}/{setup.recipients:,} sent, {(sent - last_sent) / PROGRESS_EVERY:.0f} msg/s", flush=True)
            last_sent = sent
    return False


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident set size (VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """The process's user and system CPU time so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def settle(setup: Setup, run: Run) -> None:
    """Fill in the final counts and the first-to-last send interval from the database."""
    database = Database(setup.url)
    try:
        async with database.engine.connect() as connection:
            run.counts = await broadcasts.counts(connection, setup.broadcast_id)
            query = select(func.min(DELIVERY.c.sent_at), func.max(DELIVERY.c.sent_at), func.count()).where(
                DELIVERY.c.broadcast_id == setup.broadcast_id, DELIVERY.c.status == "sent"
            )
            first, last, run.sent = (await connection.execute(query)).one()
            run.errors = await failures(connection, setup.broadcast_id)
    finally:
        await database.dispose()
    if isinstance(first, datetime) and isinstance(last, datetime):
        run.seconds = (last - first).total_seconds()


async def failures(connection: AsyncConnection, broadcast_id: int) -> dict[str, int]:
    """Ambiguous and failed rows by status and last error."""
    query = (
        select(DELIVERY.c.status, DELIVERY.c.last_error, func.count())
        .where(DELIVERY.c.broadcast_id == broadcast_id, DELIVERY.c.status.in_(("ambiguous", "failed")))
        .group_by(DELIVERY.c.status, DELIVERY.c.last_error)
    )
    return {f"{status}: {error}": int(number) for status, error, number in await connection.execute(query)}


@contextlib.contextmanager
def profiling(profiler: str | None, pid: int, output: Path) -> Iterator[None]:
    """py-spy recording ``pid`` into ``output`` (raw, for flame graphs or grep) while the block runs."""
    if profiler is None:
        yield
        return
    command = [profiler, "record", "--pid", str(pid), "--rate", "200", "--format", "raw", "--output", str(output)]
    spy = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield
    finally:
        spy.send_signal(signal.SIGINT)
        spy.wait(timeout=60)
        print(f"  profile: {output}", flush=True)


def start_outage(url: str, after: float, seconds: float) -> threading.Timer:
    """Make the fake answer 500 to everything for ``seconds``, ``after`` seconds from now."""
    timer = threading.Timer(after, lambda: httpx.post(f"{url}/outage", json={"seconds": seconds}, timeout=5))
    timer.start()
    return timer


def measure(recipients: int, profiler: str | None = None, outage: float = 0.0) -> Run:
    """One broadcast to ``recipients`` people through a sender subprocess, optionally with an outage."""
    run = Run(recipients, outage=outage)
    with tempfile.TemporaryDirectory() as name, fake_telegram(Path(name)) as api_url:
        setup = Setup(Path(name), api_url, recipients)
        setup = replace(setup, broadcast_id=asyncio.run(prepare(setup)))
        started = time.monotonic()
        with running_sender(setup) as process, profiling(profiler, process.pid, Path(f"broadcast-{recipients}.txt")):
            timer = start_outage(api_url, OUTAGE_AFTER, outage) if outage else None
            run.finished = wait_until_done(process, setup)
            run.wall_seconds = time.monotonic() - started
            run.peak_rss_mb, run.cpu_seconds = peak_rss_mb(process.pid), cpu_seconds(process.pid)
            if timer is not None:
                timer.cancel()
        stats = fake_stats(api_url)
        run.too_many, run.peak_per_second = stats["too_many_requests"], stats["peak_per_second"]
        run.refused = stats["injected_failures"]
        asyncio.run(settle(setup, run))
    return run


def print_table(runs: list[Run]) -> None:
    """One line per run."""
    header = (f"{'recipients':>10} {'seconds':>8} {'msg/s':>7} {'% limit':>8} {'429s':>5} {'peak/s':>6} "
              f"{'peak RSS MB':>11} {'CPU ms/msg':>10} {'ambiguous':>9} {'failed':>6} {'done':>5}")
    print(header)
    print("-" * len(header))
    for run in runs:
        print(f"{run.recipients:>10,} {run.seconds:>8.1f} {run.rate:>7.1f} {100 * run.rate / LIMIT:>7.1f}% "
              f"{run.too_many:>5} {run.peak_per_second:>6} {run.peak_rss_mb:>11.1f} "
              f"{run.cpu_ms_per_message:>10.2f} {run.total('ambiguous'):>9} {run.total('failed'):>6} "
              f"{'yes' if run.finished else 'NO':>5}")


def report(rate_run: Run, small: Run, large: Run, quick: bool) -> None:
    """The table, the two targets, the settled rows and the command to reproduce."""
    runs = (small, rate_run, large)
    print()
    print_table(sorted(runs, key=lambda run: run.recipients))
    share = rate_run.rate / LIMIT
    verdict = "met" if share >= RATE_TARGET and rate_run.too_many == 0 else "MISSED"
    print(f"\nrate: {rate_run.rate:.1f} msg/s with {rate_run.recipients:,} recipients = {100 * share:.1f}% of "
          f"{LIMIT} msg/s, {rate_run.too_many} x 429 (target >= {100 * RATE_TARGET:.0f}%, no 429): {verdict}")
    growth = large.peak_rss_mb - small.peak_rss_mb
    verdict = "met" if growth < RSS_TARGET_MB else "MISSED"
    print(f"memory: peak RSS {small.peak_rss_mb:.1f} MB at {small.recipients:,} -> {large.peak_rss_mb:.1f} MB at "
          f"{large.recipients:,} recipients = {growth:+.1f} MB (target < {RSS_TARGET_MB:.0f} MB): {verdict}")
    print(f"deliveries ambiguous: {sum(run.total('ambiguous') for run in runs)}, failed: "
          f"{sum(run.total('failed') for run in runs)}, still open: {sum(run.total(*OPEN) for run in runs)} "
          "(all expected 0)")
    for run in runs:
        for reason, number in run.errors.items():
            print(f"  {run.recipients:,} recipients: {number} x {reason}")
    loads = " ".join(f"{load:.2f}" for load in os.getloadavg())
    print(f"load average (1, 5, 15 min) at the end: {loads} on {os.cpu_count()} cores (other work slows the sender)")
    print(f"reproduce: .venv/bin/python bench/broadcast.py{' --quick' if quick else ''}")


def report_outage(run: Run, quick: bool) -> None:
    """How a broadcast fared through an outage of the Bot API."""
    lost = run.outage + run.recipients / (LIMIT * RATE_TARGET)
    verdict = "met" if run.finished and run.total("failed") == 0 and run.sent == run.recipients else "MISSED"
    print(f"\noutage: the Bot API answered 500 for {run.outage:g} s from {OUTAGE_AFTER:g} s in; {run.sent:,}/"
          f"{run.recipients:,} sent, failed={run.total('failed')}, ambiguous={run.total('ambiguous')}, "
          f"{run.refused} requests refused; done {run.wall_seconds:.1f} s after the sender started (outage plus "
          f"the sends at 95% of the limit: {lost:.1f} s, plus start-up) (target: everyone served, 0 failed): "
          f"{verdict}")
    print(f"reproduce: .venv/bin/python bench/broadcast.py --only outage{' --quick' if quick else ''}")


def main(quick: bool, only: set[str], profiler: str | None, outage: float) -> None:
    """Run the broadcasts asked for and report."""
    rate_size = QUICK_RATE_RUN if quick else RATE_RUN
    small_size, large_size = QUICK_MEMORY_RUNS if quick else MEMORY_RUNS
    runs: dict[int, Run] = {}
    sizes = [*(() if "memory" not in only else (small_size,)), *(() if "rate" not in only else (rate_size,)),
             *(() if "memory" not in only else (large_size,))]
    for size in sizes:
        print(f"broadcast to {size:,} recipients ...", flush=True)
        runs[size] = measure(size, profiler if size == rate_size else None)
    if "memory" in only and "rate" in only:
        report(runs[rate_size], runs[small_size], runs[large_size], quick)
    elif runs:
        print()
        print_table(list(runs.values()))
        print(f"reproduce: .venv/bin/python bench/broadcast.py --only {','.join(sorted(only))}")
    if "outage" in only and outage > 0:
        size = QUICK_OUTAGE_RUN if quick else OUTAGE_RUN
        print(f"broadcast to {size:,} recipients through a {outage:g} s outage ...", flush=True)
        report_outage(measure(size, outage=outage), quick)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="2,000 / 5,000 / 20,000 recipients for a fast check")
    parser.add_argument("--only", default="memory,rate,outage", help="runs to make: memory, rate, outage")
    parser.add_argument("--outage", type=float, default=15.0, help="seconds of Bot API outage in the outage run")
    parser.add_argument("--py-spy", help="py-spy executable: profile the rate run's sender into broadcast-N.txt")
    arguments = parser.parse_args()
    main(arguments.quick, set(arguments.only.split(",")), arguments.py_spy, arguments.outage)
