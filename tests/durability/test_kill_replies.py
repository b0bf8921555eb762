"""kill -9 the bot in the middle of a burst of users, then start it again: every accepted update is answered.

The fake Bot API runs in the test process; `khaibao run` runs as a subprocess and is killed twice at
random moments. Users behave as people do: each sends the next line only after the bot answered the
previous one, and an update the webhook did not accept with 200 is delivered again (as Telegram does).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sys
from pathlib import Path

import httpx
import pytest

from tests.conftest import SECRET
from tests.fakes.fake_telegram import FakeTelegram, running_fake_telegram
from tests.fakes.serve import free_port

ROOT = Path(__file__).resolve().parents[2]
USERS = 30
KILLS = 2
IN_FLIGHT = 32  # the channel's concurrent chats: the most sends that can be in the air at a kill
SCRIPT = (  # what each user types, and a piece of the answer it must get
    ("chao", "Bạn có đồng ý không?"),
    ("1", "Họ và tên"),
    ("nguyen van an", "Ngày sinh"),
    ("12/3/1990", "Giới tính"),
    ("nam", "Số điện thoại"),
    ("0912345678", "CCCD"),
)


def bot_env(fake: FakeTelegram, db_url: str, data: Path, webhook_port: int | None) -> dict[str, str]:
    env = {
        **os.environ, "PYTHONPATH": str(ROOT), "DATABASE_URL": db_url, "KHAIBAO_SECRET_KEY": SECRET,
        "KHAIBAO_DATA_DIR": str(data), "TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_BASE_URL": fake.base_url,
        "TELEGRAM_PER_CHAT_INTERVAL": "0", "TELEGRAM_RATE": "500", "QUIET_HOURS": "off", "WEB_HOST": "127.0.0.1",
    }
    if webhook_port is not None:
        env.update(TELEGRAM_WEBHOOK_URL=f"http://127.0.0.1:{webhook_port}/telegram/webhook",
                   WEB_PORT=str(webhook_port))
    return env


async def start_bot(env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    with log.open("a") as output:  # the bot's log, shown when the test fails
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli.main", "run", cwd=ROOT, env=env,
            stdin=asyncio.subprocess.DEVNULL, stdout=output, stderr=output,
        )


def texts(fake: FakeTelegram, user_id: int) -> list[str]:
    return [message.text or "" for message in fake.messages(user_id)]


def answered_after(fake: FakeTelegram, user_id: int, seen: int, piece: str) -> int | None:
    """How many messages the user has once one after the first ``seen`` holds ``piece``; None before."""
    for number, text in enumerate(texts(fake, user_id)[seen:], seen + 1):
        if piece in text:
            return number
    return None


async def send_until_accepted(fake: FakeTelegram, user_id: int, text: str, webhook: bool) -> None:
    """Deliver one typed line; through a webhook, the same update again until the bot answers 200."""
    update = fake.user_message_update(user_id, {"text": text})
    while True:
        try:
            delivery = await fake.deliver(update)
        except httpx.HTTPError:  # the bot is down: Telegram keeps the update and tries later
            await asyncio.sleep(0.2)
            continue
        if not webhook or delivery.status == 200:
            return
        await asyncio.sleep(0.2)


async def user(fake: FakeTelegram, user_id: int, webhook: bool) -> None:
    seen = 0
    for text, piece in SCRIPT:
        await send_until_accepted(fake, user_id, text, webhook)
        await fake.wait_for(lambda seen=seen, piece=piece: answered_after(fake, user_id, seen, piece) is not None,
                            timeout=90, what=f"user {user_id}: answer to {text!r}")
        seen = answered_after(fake, user_id, seen, piece) or seen


@pytest.mark.parametrize("mode", ["webhook", "polling"])
async def test_kill_nine_loses_no_accepted_update_and_repeats_at_most_the_sends_in_flight(
    mode: str, db_url: str, tmp_path: Path
) -> None:
    webhook = mode == "webhook"
    async with running_fake_telegram() as fake:
        env = bot_env(fake, db_url, tmp_path / "data", free_port() if webhook else None)
        log = tmp_path / "bot.log"
        bot = await start_bot(env, log)
        if webhook:
            await fake.wait_for(lambda: fake.webhook is not None, timeout=60, what="the webhook")
        else:
            await fake.wait_for_calls("getUpdates", timeout=60)
        users = [asyncio.create_task(user(fake, 7000 + n, webhook)) for n in range(USERS)]
        try:
            total = USERS * len(SCRIPT)
            for kill in range(KILLS):  # each kill at a random point of its share of the burst
                share = total // KILLS
                target = random.randint(kill * share + share // 5, kill * share + share * 4 // 5)
                await fake.wait_for(lambda target=target: len(fake.calls_to("sendMessage")) >= target,
                                    timeout=120, what=f"{target} sends")
                bot.send_signal(signal.SIGKILL)
                await bot.wait()
                bot = await start_bot(env, log)
            async with asyncio.timeout(240):
                try:
                    await asyncio.gather(*users)
                except AssertionError as error:
                    raise AssertionError(f"{error}\nbot log:\n{log.read_text()[-4000:]}") from None
        finally:
            for task in users:
                task.cancel()
            bot.send_signal(signal.SIGTERM)
            await bot.wait()
    repeated = 0
    for n in range(USERS):
        got = texts(fake, 7000 + n)
        distinct = list(dict.fromkeys(got))  # a reply sent again (its send was in flight at a kill) counts once
        assert len(distinct) == len(SCRIPT), f"user {7000 + n}: {[text[:30] for text in got]}"
        assert all(piece in text for (_, piece), text in zip(SCRIPT, distinct, strict=True))
        repeated += len(got) - len(distinct)
    print(f"{mode}: {repeated} replies repeated")
    assert repeated <= KILLS * IN_FLIGHT, f"{repeated} replies sent twice"
