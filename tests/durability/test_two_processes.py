"""Two `khaibao run` processes on one PostgreSQL behind a round-robin proxy: each user's messages stay in order.

Every webhook delivery goes to the other process than the one before, so a user's consecutive
messages land on different processes. Users type their next line as soon as the webhook accepted the
previous one, without waiting for the answer. Every conversation must still end with the right
declaration: the state never loses an update and never takes two messages out of order.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import sys
from pathlib import Path

import httpx
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from storage.db import Database
from storage.models import Declaration, Person
from tests.conftest import SECRET
from tests.fakes.fake_telegram import FakeTelegram, running_fake_telegram
from tests.fakes.serve import free_port, serving

ROOT = Path(__file__).resolve().parents[2]
USERS = 200
SCRIPT = ("chao", "1", "nguyen van an", "12/3/1990", "nam", "0912345678", "bo qua", "hung yen", "yen my",
          "so 12 thon dong", "1", "1", "sot ho", "khong", "khong", "khong", "2", "1")


def round_robin(upstreams: list[str]) -> Starlette:
    """A reverse proxy sending each request to the next upstream in turn."""
    turn = itertools.cycle(upstreams)
    client = httpx.AsyncClient(timeout=30)

    async def forward(request: Request) -> Response:
        upstream = next(turn)
        headers = {k: v for k, v in request.headers.items() if k.lower() not in ("host", "content-length")}
        try:
            answer = await client.post(f"{upstream}{request.url.path}", content=await request.body(), headers=headers)
        except httpx.HTTPError:
            return Response(status_code=502)
        return Response(answer.content, status_code=answer.status_code)

    return Starlette(routes=[Route("/{path:path}", forward, methods=["POST"])])


async def start_bot(fake: FakeTelegram, db_url: str, data: Path, port: int, public: str) -> asyncio.subprocess.Process:
    env = {
        **os.environ, "PYTHONPATH": str(ROOT), "DATABASE_URL": db_url, "KHAIBAO_SECRET_KEY": SECRET,
        "KHAIBAO_DATA_DIR": str(data), "TELEGRAM_BOT_TOKEN": fake.token, "TELEGRAM_API_BASE_URL": fake.base_url,
        "TELEGRAM_PER_CHAT_INTERVAL": "0", "TELEGRAM_RATE": "1000", "QUIET_HOURS": "off", "WEB_HOST": "127.0.0.1",
        "WEB_PORT": str(port), "TELEGRAM_WEBHOOK_URL": f"{public}/telegram/webhook",
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli.main", "run", cwd=ROOT, env=env,
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )


async def user(fake: FakeTelegram, user_id: int) -> None:
    """Type every line as soon as the previous one was accepted (200), as a quick typist would."""
    for text in SCRIPT:
        while (await fake.user_sends_text(user_id, text)).status != 200:
            await asyncio.sleep(0.1)


async def test_two_processes_keep_each_users_order(postgres_database: str, tmp_path: Path) -> None:
    from tests.conftest import _empty

    await _empty(postgres_database)
    ports = [free_port(), free_port()]
    proxy_port = free_port()
    public = f"http://127.0.0.1:{proxy_port}"
    async with running_fake_telegram() as fake, serving(round_robin([f"http://127.0.0.1:{p}" for p in ports]),
                                                        proxy_port):
        bots = [await start_bot(fake, postgres_database, tmp_path / f"data{n}", port, public)
                for n, port in enumerate(ports)]
        try:
            await fake.wait_for(lambda: len(fake.calls_to("setWebhook")) >= 2, timeout=60, what="both webhooks")
            async with asyncio.timeout(60):  # both processes answer before the users start
                while (await fake.user_sends_text(1, "chao")).status != 200:
                    await asyncio.sleep(0.2)
            async with asyncio.timeout(300):
                await asyncio.gather(*(user(fake, 8000 + n) for n in range(USERS)))
                await fake.wait_for(
                    lambda: all(any("Mức nguy cơ" in (message.text or "") for message in fake.messages(8000 + n))
                                for n in range(USERS)),
                    timeout=240, what="every receipt")
        finally:
            for bot in bots:
                bot.send_signal(signal.SIGTERM)
            for bot in bots:
                await bot.wait()
    database = Database(postgres_database)
    try:
        async with database.sessions() as session:
            rows = (await session.execute(select(Person.external_id, Declaration)
                                          .join(Person, Person.id == Declaration.person_id))).all()
    finally:
        await database.dispose()
    by_user = {external_id: declaration for external_id, declaration in rows}
    assert len(rows) == USERS and set(by_user) == {str(8000 + n) for n in range(USERS)}
    for declaration in by_user.values():
        assert declaration.commune_code == "12052" and declaration.risk_level == "yellow"
        assert declaration.answers["symptoms"] == ["fever", "cough"]
