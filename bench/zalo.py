"""Benchmark: simulated users through the Zalo channel in webhook mode against the fake Zalo server.

Run: .venv/bin/python bench/zalo.py [--users 500] [--steps 18] [--think 1] [--ramp 10] [--rate 1000]
                                    [--pacing-users 20] [--pacing-rate 10]

Each user types a whole registration and declaration (numbers and words without diacritics); they
arrive spread over ``--ramp`` seconds and send each next line ``--think`` seconds (0.5x to 1.5x) after
the answer to the previous one has arrived. The bot (Zalo channel, web server, SQLite) runs in its own
process, as in production; the fake Zalo server and the simulated users (posting to the webhook as
Zalo would) share the benchmark's process. A second, small run keeps the fake's own limit of 10 msg/s
with ZALO_RATE=10 to show that pacing holds without a single 429.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.channels.menu_text import render  # noqa: E402
from bot.channels.zalo import channel as zalo  # noqa: E402
from bot.channels.zalo.api import MAX_TEXT_LENGTH  # noqa: E402
from bot.conversation.service import ConversationService  # noqa: E402
from bot.serve import event_loop  # noqa: E402
from bot.serve.startup import configure_logging  # noqa: E402
from bot.serve.web import WebServer, build_app  # noqa: E402
from bot.settings import Settings, load_settings  # noqa: E402
from handlers.protocol import Incoming  # noqa: E402
from handlers.text import split  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.migrate import migrate  # noqa: E402
from tests.fakes.fake_zalo import SECRET_HEADER, FakeZalo, running_fake_zalo, text_update  # noqa: E402
from tests.fakes.serve import free_port  # noqa: E402

SCRIPT = ["chao", "dong y", "nguyen van an", "12 3 1990", "nam", "0912 345 678", "bo qua", "hung yen", "yen my",
          "so 12 thon dong", "1", "cho ban than", "1 va 3", "khong", "ha noi", "12", "2 mui", "1"]
WEBHOOK_URL = "https://khaibao.example/zalo/webhook"
SECRET_KEY = "bench-secret-key-0123456789-abcdefghij"
REPLY_TIMEOUT_SECONDS = 120.0


@dataclass(frozen=True)
class Load:
    """Who types how much, how fast."""

    users: int
    steps: int
    think: float
    ramp: float


@dataclass
class Run:
    """What one phase measured."""

    updates: int = 0
    stalls: Counter[str] = field(default_factory=Counter)
    first_reply: list[float] = field(default_factory=list)
    full_answer: list[float] = field(default_factory=list)
    elapsed: float = 0.0
    bot_cpu: float = 0.0


class Replies:
    """Follows the fake's sent messages per chat (one scan of new messages every few milliseconds)."""

    def __init__(self, fake: FakeZalo) -> None:
        self._fake = fake
        self._seen = 0
        self._waiting: dict[str, tuple[int, asyncio.Future[None]]] = {}
        self.times: dict[str, list[float]] = defaultdict(list)

    async def follow(self) -> None:
        """Record the acceptance time of each new message and wake the user waiting for it."""
        while True:
            new = self._fake.sent[self._seen :]
            self._seen += len(new)
            for message in new:
                times = self.times[message.chat_id]
                times.append(message.time)
                count, future = self._waiting.get(message.chat_id, (0, None))
                if future is not None and len(times) >= count:
                    future.set_result(None)
                    del self._waiting[message.chat_id]
            await asyncio.sleep(0.002)

    async def wait(self, chat_id: str, count: int) -> list[float]:
        """The acceptance times of the messages to ``chat_id`` once there are ``count``."""
        if len(self.times[chat_id]) < count:
            future = asyncio.get_running_loop().create_future()
            self._waiting[chat_id] = (count, future)
            await future
        return self.times[chat_id]


class Webhook:
    """Zalo's side of webhook delivery: POSTs each update to the bot with the secret header."""

    def __init__(self, url: str, secret: str) -> None:
        self._url = url
        self._headers = {SECRET_HEADER: secret}
        # Idle connections are dropped before uvicorn's 5 s keep-alive timeout closes them under us.
        limits = httpx.Limits(max_connections=None, keepalive_expiry=2.0)
        self._client = httpx.AsyncClient(timeout=REPLY_TIMEOUT_SECONDS, limits=limits)

    async def deliver(self, update: dict[str, Any]) -> None:
        """POST, once more if the connection broke (Zalo retries too; the bot drops repeats)."""
        try:
            response = await self._client.post(self._url, json=update, headers=self._headers)
        except httpx.TransportError:
            response = await self._client.post(self._url, json=update, headers=self._headers)
        response.raise_for_status()

    async def aclose(self) -> None:
        await self._client.aclose()


async def answer_sizes(settings: Settings, steps: int) -> list[int]:
    """How many messages answer each line of the script (a dry run on its own database)."""
    with tempfile.TemporaryDirectory() as folder:
        database = Database(f"sqlite+aiosqlite:///{folder}/dry.db")
        await migrate(database)
        service = ConversationService(database, settings)
        sizes = []
        for number, text in enumerate(SCRIPT[:steps]):
            replies = await service.handle(Incoming("zalo", "dry", text=text, message_id=f"dry-{number}"))
            sizes.append(sum(len(split(render(reply), MAX_TEXT_LENGTH)) for reply in replies))
        await database.dispose()
    return sizes


async def user(webhook: Webhook, replies: Replies, user_id: str, sizes: list[int], load: Load, run: Run) -> None:
    """One user typing the script, each line a little while after the previous answer is complete."""
    await asyncio.sleep(random.uniform(0, load.ramp))
    expected = 0
    for number, size in enumerate(sizes):
        started = time.monotonic()
        try:
            async with asyncio.timeout(REPLY_TIMEOUT_SECONDS):
                await webhook.deliver(text_update(user_id, SCRIPT[number], message_id=f"{user_id}-{number}"))
                times = await replies.wait(user_id, expected + size)
        except (TimeoutError, httpx.HTTPError) as exc:
            run.stalls[type(exc).__name__] += 1
            return
        run.first_reply.append(times[expected] - started)
        run.full_answer.append(times[expected + size - 1] - started)
        run.updates += 1
        expected += size
        await asyncio.sleep(load.think * random.uniform(0.5, 1.5))


async def phase(folder: str, name: str, load: Load, rate: float, fake_limit: float | None) -> None:
    """Run ``load`` through webhook mode at ZALO_RATE=``rate`` on a fresh database; print the figures."""
    async with running_fake_zalo(rate_limit=fake_limit, rate_burst=5) as fake:
        port = free_port()
        environment = {
            "DATABASE_URL": f"sqlite+aiosqlite:///{folder}/{name}.db", "KHAIBAO_SECRET_KEY": SECRET_KEY,
            "ZALO_BOT_TOKEN": fake.token, "ZALO_API_BASE_URL": fake.base_url, "ZALO_WEBHOOK_URL": WEBHOOK_URL,
            "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}", "ZALO_RATE": str(rate),
            "WEB_HOST": "127.0.0.1", "WEB_PORT": str(port), "KHAIBAO_LOG_LEVEL": "WARNING",
        }
        settings = load_settings(**environment)  # type: ignore[arg-type]
        database = Database(settings.database_url)
        await migrate(database)
        await database.dispose()
        sizes = await answer_sizes(settings, load.steps)
        run = Run()
        bot = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--serve-bot", env={**os.environ, **environment}, stdout=asyncio.subprocess.PIPE
        )
        try:
            while fake.webhook_url != WEBHOOK_URL:  # the bot has registered its webhook
                if bot.returncode is not None:
                    raise RuntimeError(f"the bot process exited with code {bot.returncode}")
                await asyncio.sleep(0.05)
            webhook = Webhook(f"http://127.0.0.1:{port}/zalo/webhook", fake.webhook_secret)
            replies = Replies(fake)
            follower = asyncio.create_task(replies.follow())
            started = time.monotonic()
            await asyncio.gather(
                *(user(webhook, replies, f"{name}-{n}", sizes, load, run) for n in range(load.users))
            )
            run.elapsed = time.monotonic() - started
            follower.cancel()
            await webhook.aclose()
        finally:
            bot.send_signal(signal.SIGTERM)
            output, _ = await bot.communicate()
        run.bot_cpu = float(output or 0)
        report(name, load, rate, fake_limit, run, fake)


async def serve_bot() -> None:
    """The bot under test, in its own process: the Zalo channel and the web server, until SIGTERM."""
    settings = load_settings()
    configure_logging(settings.log_level)
    database = Database(settings.database_url)
    channel = zalo.build(settings, ConversationService(database, settings))
    web = WebServer(build_app(channel.routes()), settings.web_host, settings.web_port)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await web.start()
    await channel.start()
    started = time.process_time()
    await stop.wait()
    await channel.stop()
    print(time.process_time() - started, flush=True)  # CPU seconds spent serving, for the report
    await web.stop()
    await database.dispose()


def report(name: str, load: Load, rate: float, fake_limit: float | None, run: Run, fake: FakeZalo) -> None:
    sends = sorted(message.time for message in fake.sent)
    span = sends[-1] - sends[0] if len(sends) > 1 else 0.0
    achieved = (len(sends) - 1) / span if span else 0.0
    limit = f"{fake_limit:g} msg/s" if fake_limit else "none"
    stalls = ", ".join(f"{count} {reason}" for reason, count in run.stalls.items()) or "none"
    print(f"[{name}] {load.users} users x {load.steps} lines, think {load.think:g} s, ramp {load.ramp:g} s; "
          f"ZALO_RATE={rate:g} msg/s, fake Zalo limit {limit}")
    print(f"  updates handled: {run.updates} in {run.elapsed:.1f} s = {run.updates / run.elapsed:,.1f} updates/s; "
          f"users stalled: {stalls}")
    print(f"  bot process CPU: {1000 * run.bot_cpu / max(run.updates, 1):.1f} ms per update")
    print(f"  reply latency, first message (ms):  {percentiles(run.first_reply)}")
    print(f"  reply latency, whole answer (ms):   {percentiles(run.full_answer)}")
    print(f"  sends: {len(sends)}, achieved {achieved:,.1f} msg/s of {rate:g} configured "
          f"(peak {fake.stats.peak_per_second} in one clock second), 429 answers: {fake.stats.rate_limited}")


def percentiles(values: list[float]) -> str:
    if len(values) < 2:
        return "n/a"
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return "  ".join(f"p{p} {cuts[p - 1] * 1000:7.1f}" for p in (50, 95, 99))


async def main(arguments: argparse.Namespace) -> None:
    load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load_average} before the run")
    throughput = Load(arguments.users, arguments.steps, arguments.think, arguments.ramp)
    pacing = Load(arguments.pacing_users, 3, 0.0, 0.0)
    with tempfile.TemporaryDirectory() as folder:
        await phase(folder, "throughput", throughput, arguments.rate, None)
        await phase(folder, "pacing", pacing, arguments.pacing_rate, arguments.pacing_rate)
    print("reproduce: .venv/bin/python bench/zalo.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve-bot"]:
        event_loop.run(serve_bot())
        sys.exit()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=500)
    parser.add_argument("--steps", type=int, default=len(SCRIPT), help="lines of the script each user types")
    parser.add_argument("--think", type=float, default=1.0, help="seconds between an answer and the next line")
    parser.add_argument("--ramp", type=float, default=10.0, help="seconds over which the users arrive")
    parser.add_argument("--rate", type=float, default=1000.0, help="ZALO_RATE of the throughput run")
    parser.add_argument("--pacing-users", type=int, default=20)
    parser.add_argument("--pacing-rate", type=float, default=10.0, help="ZALO_RATE and the fake's limit")
    event_loop.run(main(parser.parse_args()))
