"""Benchmark: 500 simulated users register and declare through the real PTB stack against the fake Bot API.

Run: .venv/bin/python bench/telegram.py [--users 500] [--paced-rate 200] [--only full,echo,paced]

The fake Telegram server and the simulated users run in this process; the bot (PTB Application,
the Telegram channel, the conversation service on a fresh migrated SQLite file) runs in a child
process, as in production, and long-polls the fake over HTTP. Each user types and presses buttons
(23 updates: registration, then a declaration with ✅ toggles and a page turn) and acts as soon as
the whole answer to its previous update has reached the fake. Latency is the time from the fake
receiving an update to the last Bot API call of the bot's answer arriving at the fake.

Runs: "full" (as fast as the bot answers), "echo" (the same stack with a handler that echoes each
update with one message: the ceiling) and "paced" (the full stack, updates offered at --paced-rate
per second overall, per-chat pacing as in production). TELEGRAM_RATE is 1000 in every run (the
fake has no flood limit; real Telegram allows about 30 messages/s without paid broadcasts).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Run as a script, this file's folder comes first on the path, where its name would hide the telegram package.
sys.path[0] = str(Path(__file__).resolve().parents[1])

from pydantic import SecretStr  # noqa: E402

from bot.channels.telegram.channel import build  # noqa: E402
from bot.conversation.service import ConversationService  # noqa: E402
from bot.delivery.pacing import RateLimiter  # noqa: E402
from bot.serve import event_loop  # noqa: E402
from bot.settings import Settings, load_settings  # noqa: E402
from handlers.protocol import Incoming, Reply  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.migrate import migrate  # noqa: E402
from tests.fakes.fake_telegram import DEFAULT_TOKEN, Call, FakeTelegram  # noqa: E402
from tests.fakes.serve import serving  # noqa: E402

SECRET_KEY = "bench-secret-key-0123456789-abcdefghij"
OUTPUTS = frozenset({"sendmessage", "sendphoto", "editmessagetext", "editmessagereplymarkup"})
SCRIPT: tuple[tuple[str, str], ...] = (
    ("say", "chao"), ("press", "consent:agree"), ("say", "nguyen van an"), ("say", "12/3/1990"),
    ("press", "gender:male"), ("say", "0912345678"), ("say", "bo qua"), ("say", "hung yen"), ("say", "yen my"),
    ("say", "so 12 thon dong"), ("press", "review:confirm"), ("press", "for_whom:self"),
    ("press", "symptoms:fever"), ("press", "symptoms:cough"), ("press", "symptoms:__done__"),
    ("press", "exposure:none"), ("press", "exposure:__done__"), ("say", "ha noi"), ("press", "~1"),
    ("press", "conditions:none"), ("press", "conditions:__done__"), ("press", "vaccine:doses_2"),
    ("press", "review:confirm"),
)
QUIET = 1.0  # seconds without a new call that end an answer while calibrating (a loaded machine is slow)
REPLY_TIMEOUT = 60.0
OFFER_BURST = 10  # updates the paced run may offer at once to make up for a late wake-up


class BenchTelegram(FakeTelegram):
    """The fake Bot API, counting each chat's answers (sends and edits) and waking whoever waits for them."""

    def __init__(self) -> None:
        super().__init__()
        self.outputs: Counter[int] = Counter()
        self._waiters: dict[int, tuple[int, asyncio.Future[float]]] = {}

    async def _answer(self, call: Call) -> Any:
        result = await super()._answer(call)
        chat_id = call.params.get("chat_id")
        if call.method.lower() in OUTPUTS and isinstance(chat_id, int):
            self.outputs[chat_id] += 1
            waiter = self._waiters.get(chat_id)
            if waiter and self.outputs[chat_id] >= waiter[0]:
                del self._waiters[chat_id]
                waiter[1].set_result(time.perf_counter())
        return result

    def reached(self, chat_id: int, count: int) -> asyncio.Future[float]:
        """Resolves with the time at which the chat has received ``count`` answers in all."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        if self.outputs[chat_id] >= count:
            future.set_result(time.perf_counter())
        else:
            self._waiters[chat_id] = (count, future)
        return future


@dataclass
class Result:
    """What one run measured."""

    name: str
    updates: int = 0
    elapsed: float = 0.0
    latencies: list[float] = field(default_factory=list)
    by_step: dict[int, list[float]] = field(default_factory=lambda: defaultdict(list))
    bot_cpu: float | None = None

    @property
    def rate(self) -> float:
        """Updates handled per second."""
        return self.updates / self.elapsed

    def percentile(self, p: float, latencies: list[float] | None = None) -> float:
        """Latency percentile in milliseconds (of every step, or of ``latencies``)."""
        ordered = sorted(self.latencies if latencies is None else latencies)
        return 1000 * ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

    def slowest_steps(self, count: int = 3) -> str:
        """The steps with the highest p99, e.g. to see whether the tail comes from one kind of answer."""
        ranked = sorted(self.by_step.items(), key=lambda item: -self.percentile(99, item[1]))[:count]
        return ", ".join(
            f"{SCRIPT[step][1]!r} p50 {self.percentile(50, values):.0f} ms p99 {self.percentile(99, values):.0f} ms"
            for step, values in ranked
        )

    @property
    def cpu_per_update(self) -> float | None:
        """Milliseconds of the bot process's CPU time per update."""
        return 1000 * self.bot_cpu / self.updates if self.bot_cpu is not None else None

    def line(self) -> str:
        """The run's figures on one line."""
        cpu = self.cpu_per_update
        cpu_text = f"; bot CPU {cpu:.2f} ms/update (one free core: ~{1000 / cpu:.0f} updates/s)" if cpu else ""
        return (
            f"{self.name:<6} {self.updates:>6} updates in {self.elapsed:6.2f} s = {self.rate:7.1f} updates/s; "
            f"latency p50 {self.percentile(50):6.1f} ms, p95 {self.percentile(95):6.1f} ms, "
            f"p99 {self.percentile(99):6.1f} ms{cpu_text}"
        )


# ----- the bot process ---------------------------------------------------------------------------


class MemoryInbox:
    """Accepts every arrival without storing it: the echo run measures the channel alone."""

    async def store(self, incoming: Incoming, raw: dict[str, Any]) -> bool:
        return True

    def sent(self, incoming: Incoming) -> None:
        return None

    def unsent(self, incoming: Incoming) -> None:
        return None

    async def flush(self) -> None:
        return None

    async def unhandled(self, channel: str, limit: int = 0) -> list[dict[str, Any]]:
        return []


class EchoService:
    """A no-op conversation handler: one message back per update."""

    inbox = MemoryInbox()

    async def handle(self, incoming: Incoming) -> list[Reply]:
        return [Reply(incoming.text or "ok")]

    async def mark_unreachable(self, channel: str, user_id: str) -> None:
        return None


def bot_settings(api: str, database_url: str, per_chat_interval: float) -> Settings:
    """Settings of the bot process."""
    settings = load_settings(DATABASE_URL=database_url, KHAIBAO_SECRET_KEY=SECRET_KEY, TELEGRAM_RATE=1000)
    update = {
        "telegram_bot_token": SecretStr(DEFAULT_TOKEN),
        "telegram_api_base_url": api,
        "telegram_per_chat_interval": per_chat_interval,
    }
    return settings.model_copy(update=update)


async def serve_bot(mode: str, api: str, database_url: str, per_chat_interval: float) -> None:
    """Run the Telegram channel until SIGTERM; prints "ready" once it polls."""
    settings = bot_settings(api, database_url, per_chat_interval)
    database = Database(database_url)
    service = ConversationService(database, settings) if mode == "full" else EchoService()
    channel = build(settings, service)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await channel.start()
    print("ready", flush=True)
    await stop.wait()
    await channel.stop()
    await database.dispose()


# ----- the users --------------------------------------------------------------------------------


async def act(fake: BenchTelegram, user_id: int, kind: str, value: str, check: bool) -> None:
    """One update from a user: a text, or a press on the newest bot message."""
    if kind == "say":
        await fake.user_sends_text(user_id, value)
    else:
        await fake.user_presses(user_id, fake.last_message(user_id).message_id, value, check_button=check)


async def calibrate(fake: BenchTelegram, user_id: int, quiet: float) -> list[int]:
    """Answers (sends and edits) the bot gives to each step, learnt from one user waiting for quiet each time."""
    counts = []
    for kind, value in SCRIPT:
        before = fake.outputs[user_id]
        await act(fake, user_id, kind, value, check=True)
        await asyncio.wait_for(fake.reached(user_id, before + 1), REPLY_TIMEOUT)
        seen = -1
        while seen != fake.outputs[user_id]:
            seen = fake.outputs[user_id]
            await asyncio.sleep(quiet)
        counts.append(fake.outputs[user_id] - before)
    return counts


async def run_user(
    fake: BenchTelegram, user_id: int, counts: list[int], check: bool, pacer: RateLimiter | None, result: Result
) -> None:
    """Take every step, each as soon as the whole answer to the previous one has arrived."""
    total = fake.outputs[user_id]
    for step, ((kind, value), count) in enumerate(zip(SCRIPT, counts, strict=True)):
        if pacer is not None:
            await pacer.acquire()
        total += count
        answered = fake.reached(user_id, total)
        started = time.perf_counter()
        await act(fake, user_id, kind, value, check)
        latency = await asyncio.wait_for(answered, REPLY_TIMEOUT) - started
        result.latencies.append(latency)
        result.by_step[step].append(latency)
        result.updates += 1


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of a process, when /proc tells it."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Plan:
    """One run: which handler, per-chat pacing, offered rate."""

    name: str
    mode: str  # "full" or "echo"
    per_chat_interval: float
    offered_rate: float | None


@dataclass
class Bench:
    """The settings shared by every run."""

    users: int
    folder: Path
    template: Path
    profiler: str | None  # py-spy executable: profile the bot process of each run
    counts: list[int] | None = None  # answers per step of the full conversation, once calibrated

    def fresh_database(self, name: str) -> str:
        """A copy of the migrated template for one run."""
        target = self.folder / f"{name}.db"
        shutil.copy(self.template, target)
        return f"sqlite+aiosqlite:///{target}"


async def run(bench: Bench, plan: Plan) -> Result:
    """One run: a fresh fake server, database and bot process; every user through the script."""
    fake = BenchTelegram()
    result = Result(plan.name)
    async with serving(fake.app) as api:
        fake.base_url = api
        command = [sys.executable, __file__, "--serve", plan.mode, "--api", api,
                   "--database", bench.fresh_database(plan.name), "--per-chat-interval", str(plan.per_chat_interval)]
        bot = await asyncio.create_subprocess_exec(*command, stdout=asyncio.subprocess.PIPE)
        try:
            await _ready(bot)
            full = plan.mode == "full"
            if full and bench.counts is None:
                bench.counts = await calibrate(fake, 1, QUIET + plan.per_chat_interval)
            counts = bench.counts if full and bench.counts else [1] * len(SCRIPT)
            # a small burst lets the pacer catch up after this busy process wakes late, so the offered rate holds
            pacer = RateLimiter(plan.offered_rate, burst=OFFER_BURST) if plan.offered_rate else None
            output = bench.folder.parent / f"telegram-{plan.name}.txt"
            async with profiling(bench.profiler, bot.pid, output):
                cpu_before, started = cpu_seconds(bot.pid), time.perf_counter()
                users = (run_user(fake, 1000 + n, counts, full, pacer, result) for n in range(bench.users))
                await asyncio.gather(*users)
                result.elapsed, cpu_after = time.perf_counter() - started, cpu_seconds(bot.pid)
            if cpu_before is not None and cpu_after is not None:
                result.bot_cpu = cpu_after - cpu_before
        finally:
            bot.send_signal(signal.SIGTERM)
            await bot.wait()
            await fake.close()
    answered = sum(fake.outputs[1000 + n] for n in range(bench.users))
    if answered != bench.users * sum(counts):
        raise RuntimeError(f"{plan.name}: expected {bench.users * sum(counts)} answers from the bot, got {answered}")
    return result


@contextlib.asynccontextmanager
async def profiling(profiler: str | None, pid: int, output: Path) -> AsyncIterator[None]:
    """py-spy recording process ``pid`` into ``output`` while the block runs; nothing without ``profiler``."""
    if profiler is None:
        yield
        return
    spy = await asyncio.create_subprocess_exec(
        profiler, "record", "--pid", str(pid), "--rate", "200", "--format", "raw", "--output", str(output),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        spy.send_signal(signal.SIGINT)
        await spy.wait()


async def _ready(bot: asyncio.subprocess.Process) -> None:
    assert bot.stdout is not None
    while (line := await asyncio.wait_for(bot.stdout.readline(), 120)) != b"ready\n":
        if not line:
            raise RuntimeError("the bot process ended before it was ready")


async def migrated_template(folder: Path) -> Path:
    """A migrated SQLite file that each run copies."""
    path = folder / "template.db"
    database = Database(f"sqlite+aiosqlite:///{path}")
    await migrate(database)
    await database.dispose()
    return path


async def main(users: int, paced_rate: float, paced_interval: float, only: set[str], profiler: str | None) -> None:
    plans = [
        Plan("full", "full", 0.0, None),
        Plan("echo", "echo", 0.0, None),
        Plan("paced", "full", paced_interval, paced_rate),
    ]
    results: dict[str, Result] = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "runs"
        folder.mkdir()
        bench = Bench(users, folder, await migrated_template(folder), profiler)
        for plan in plans:
            if plan.name in only:
                results[plan.name] = await run(bench, plan)
                print(results[plan.name].line(), flush=True)
        if profiler:
            for path in Path(name).glob("telegram-*.txt"):
                shutil.copy(path, Path.cwd() / path.name)
                print(f"profile of the bot process: {path.name}")
    print()
    if "full" in results and "echo" in results:
        full, echo = results["full"], results["echo"]
        print(f"full stack / echo ceiling: {full.rate / echo.rate:.0%} of the throughput (target >= 50%)", end="")
        if full.cpu_per_update and echo.cpu_per_update:
            print(f", {echo.cpu_per_update / full.cpu_per_update:.0%} by CPU per update", end="")
        print()
    if "paced" in results:
        paced = results["paced"]
        print(f"paced: {paced_rate:.0f} updates/s offered, {paced.rate:.1f} handled, "
              f"p99 {paced.percentile(99):.1f} ms (target < 100 ms)")
        print(f"paced, slowest steps: {paced.slowest_steps()}")
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f} at the end (other work skews the figures)")
    print("reproduce: .venv/bin/python bench/telegram.py")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=500)
    parser.add_argument("--paced-rate", type=float, default=200.0, help="updates per second offered in the paced run")
    parser.add_argument(
        "--paced-chat-interval", type=float, default=1.0, help="TELEGRAM_PER_CHAT_INTERVAL of the paced run"
    )
    parser.add_argument("--only", default="full,echo,paced", help="runs to make, comma-separated")
    parser.add_argument("--py-spy", help="py-spy executable: profile each run's bot process into telegram-<run>.txt")
    parser.add_argument("--serve", choices=["full", "echo"], help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--per-chat-interval", type=float, default=0.0, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.serve:
        event_loop.run(serve_bot(arguments.serve, arguments.api, arguments.database, arguments.per_chat_interval))
    else:
        only = set(arguments.only.split(","))
        options = (arguments.paced_rate, arguments.paced_chat_interval, only, arguments.py_spy)
        event_loop.run(main(arguments.users, *options))
