"""Benchmark: khaibao's Telegram channel echo against aiogram's and python-telegram-bot's echo bots.

Run: make bench-peers   (installs the optional `bench` extra, aiogram, then runs this file)
  or .venv/bin/pip install -e '.[bench]' && .venv/bin/python bench/peers.py [--users 500] [--messages 23]

Four echo bots, each in its own process long-polling the same fake Bot API (tests/fakes/fake_telegram.py),
one after another in the same run: aiogram 3 (Dispatcher polling, its default aiohttp session);
python-telegram-bot (Application + Updater, its default httpx request class); python-telegram-bot
on khaibao's aiohttp request class (bot/channels/telegram/http.py); and khaibao's own Telegram channel
(bot/channels/telegram/channel.py: received, ordered per chat, rendered and sent as in production)
with a handler that echoes each update with one message, as bench/telegram.py's "echo" run (its send
limiter still runs, set far above any rate reached here, since the other bots have none); and the same
channel with its sends paced at 1,000 msg/s (TELEGRAM_RATE=1000, as in bench/telegram.py): the ceiling
that paid broadcasts allow, below which the channel holds its answers whatever its CPU could do.
Both PTB bots handle updates concurrently (``concurrent_updates(True)``), as aiogram does by default.
Every simulated user sends ``--messages`` texts, each as soon as the answer to the previous one has
arrived. Figures: updates per second, the bot process's CPU per update, and both as a ratio to aiogram.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# Run as a script, this file's folder comes first on the path, where bench/telegram.py would hide PTB.
ROOT = Path(__file__).resolve().parents[1]
sys.path[0] = str(ROOT)

from tests.fakes.fake_telegram import DEFAULT_TOKEN  # noqa: E402
from tests.fakes.serve import serving  # noqa: E402


def _bench_telegram():  # type: ignore[no-untyped-def]
    """bench/telegram.py as a module (its file name is also the name of PTB's package)."""
    spec = importlib.util.spec_from_file_location("bench_telegram", ROOT / "bench" / "telegram.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_telegram"] = module
    spec.loader.exec_module(module)
    return module


BOTS = ("aiogram", "ptb", "ptb-aiohttp", "khaibao", "khaibao-paced")
LABELS = {
    "aiogram": "aiogram 3 echo",
    "ptb": "python-telegram-bot echo (httpx)",
    "ptb-aiohttp": "python-telegram-bot echo (our aiohttp request)",
    "khaibao": "khaibao channel echo",
    "khaibao-paced": "khaibao channel echo, paced at 1,000 msg/s",
}
REPLY_TIMEOUT = 60.0
UNCAPPED_RATE = 1_000_000.0  # khaibao paces its sends to Telegram's limit; the peers have no limiter to match


# ----- the bot processes --------------------------------------------------------------------------


async def _until_sigterm() -> None:
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    print("ready", flush=True)
    await stop.wait()


async def serve_aiogram(api: str) -> None:
    """aiogram's echo bot: a Dispatcher with one message handler, polling."""
    from aiogram import Bot, Dispatcher
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.types import Message

    bot = Bot(DEFAULT_TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(api)))
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "ok")

    polling = asyncio.create_task(dispatcher.start_polling(bot, handle_signals=False, polling_timeout=10))
    await _until_sigterm()
    await dispatcher.stop_polling()
    await polling
    await bot.session.close()


async def serve_ptb(api: str, ours: bool) -> None:
    """PTB's echo bot: Application + Updater with a MessageHandler; ``ours`` swaps in our aiohttp request class."""
    from telegram import Update
    from telegram.ext import Application, ContextTypes, MessageHandler, filters

    builder = Application.builder().token(DEFAULT_TOKEN).base_url(f"{api}/bot").concurrent_updates(True)
    if ours:
        from bot.channels.telegram.http import AiohttpRequest

        builder = builder.request(AiohttpRequest(64)).get_updates_request(AiohttpRequest(1))
    application = builder.build()

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(update.message.text or "ok")

    application.add_handler(MessageHandler(filters.TEXT, echo))
    await application.initialize()
    assert application.updater is not None
    await application.updater.start_polling(timeout=10)
    await application.start()
    await _until_sigterm()
    await application.updater.stop()
    await application.stop()
    await application.shutdown()


async def serve_khaibao(api: str, folder: str, paced: bool) -> None:
    """khaibao's Telegram channel with bench/telegram.py's echo handler; ``paced``: sends at most 1,000 msg/s."""
    from bot.channels.telegram.channel import build

    bench = _bench_telegram()
    settings = bench.bot_settings(api, f"sqlite+aiosqlite:///{folder}/unused.db", 0.0)
    if not paced:
        settings = settings.model_copy(update={"telegram_rate": UNCAPPED_RATE})
    channel = build(settings, bench.EchoService())
    await channel.start()
    await _until_sigterm()
    await channel.stop()


async def serve(bot: str, api: str, folder: str) -> None:
    """Run one echo bot until SIGTERM."""
    if bot == "aiogram":
        await serve_aiogram(api)
    elif bot.startswith("khaibao"):
        await serve_khaibao(api, folder, paced=bot == "khaibao-paced")
    else:
        await serve_ptb(api, ours=bot == "ptb-aiohttp")


# ----- the users ----------------------------------------------------------------------------------


@dataclass
class Result:
    """One bot's run."""

    bot: str
    updates: int
    elapsed: float
    cpu: float | None

    @property
    def rate(self) -> float:
        """Updates answered per second."""
        return self.updates / self.elapsed

    @property
    def cpu_per_update(self) -> float | None:
        """Milliseconds of the bot process's CPU per update."""
        return 1000 * self.cpu / self.updates if self.cpu is not None else None


async def run(  # type: ignore[no-untyped-def]
    bench, bot: str, users: int, messages: int, folder: str, profiler: str | None = None
) -> Result:
    """A fresh fake and bot process; every user sends its texts one after another (``profiler``: py-spy)."""
    fake = bench.BenchTelegram()
    async with serving(fake.app) as api:
        fake.base_url = api
        child = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--serve", bot, "--api", api, "--folder", folder, stdout=asyncio.subprocess.PIPE
        )
        try:
            await bench._ready(child)

            async def user(chat_id: int) -> None:
                for number in range(1, messages + 1):
                    answered = fake.reached(chat_id, number)
                    await fake.user_sends_text(chat_id, f"tin nhắn {number}")
                    await asyncio.wait_for(answered, REPLY_TIMEOUT)

            async with bench.profiling(profiler, child.pid, Path(f"peers-{bot}.txt")):
                cpu_before, started = bench.cpu_seconds(child.pid), time.perf_counter()
                await asyncio.gather(*(user(1000 + n) for n in range(users)))
                elapsed, cpu_after = time.perf_counter() - started, bench.cpu_seconds(child.pid)
        finally:
            child.send_signal(signal.SIGTERM)
            await child.wait()
            await fake.close()
    cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
    return Result(bot, users * messages, elapsed, cpu)


def table(results: dict[str, Result]) -> list[str]:
    """The bots side by side, with their ratios to aiogram."""
    base = results.get("aiogram")
    lines = [f"{'bot':<48} {'updates/s':>10} {'CPU ms/update':>14} {'rate vs aiogram':>16} {'CPU vs aiogram':>15}"]
    for bot, result in results.items():
        cpu = result.cpu_per_update
        rate_ratio = f"{result.rate / base.rate:.2f}x" if base else "-"
        cpu_ratio = f"{cpu / base.cpu_per_update:.2f}x" if base and cpu and base.cpu_per_update else "-"
        cpu_text = f"{cpu:.3f}" if cpu else "-"
        lines.append(f"{LABELS[bot]:<48} {result.rate:>10.0f} {cpu_text:>14} {rate_ratio:>16} {cpu_ratio:>15}")
    return lines


async def main(users: int, messages: int, bots: list[str], rounds: int, profiler: str | None) -> None:
    bench = _bench_telegram()
    best: dict[str, Result] = {}
    with tempfile.TemporaryDirectory() as folder:
        for round_number in range(rounds):
            for bot in bots:
                result = await run(bench, bot, users, messages, folder, profiler)
                print(f"round {round_number + 1}: {LABELS[bot]:<48} {result.rate:7.0f} updates/s", flush=True)
                if bot not in best or result.rate > best[bot].rate:
                    best[bot] = result
    print()
    if rounds > 1:
        print(f"best of {rounds} rounds per bot:")
    print("\n".join(table(best)))
    print(f"{users} users x {messages} texts each; machine: {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at the end (other work skews the figures)")
    print(f"reproduce: .venv/bin/python bench/peers.py --users {users} --messages {messages} --rounds {rounds}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=500)
    parser.add_argument("--messages", type=int, default=23, help="texts each user sends")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each bot, alternating; the best counts")
    parser.add_argument("--only", default=",".join(BOTS), help=f"bots to run, comma-separated: {', '.join(BOTS)}")
    parser.add_argument("--py-spy", help="py-spy executable: profile each bot process into peers-<bot>.txt")
    parser.add_argument("--serve", choices=BOTS, help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    from bot.serve import event_loop

    if args.serve:
        event_loop.run(serve(args.serve, args.api, args.folder))
    else:
        event_loop.run(main(args.users, args.messages, [bot for bot in BOTS if bot in args.only.split(",")],
                         args.rounds, args.py_spy))
