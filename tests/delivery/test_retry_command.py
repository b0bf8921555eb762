"""`khaibao broadcast retry ID [--ambiguous] [--yes]`: failed rows go back to the queue; possibly delivered
ones only after the admin confirms."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import select, update

from bot.delivery.planner import Planner
from handlers.audience import Audience
from storage import broadcasts
from storage.models import Delivery, Person
from tests.conftest import SECRET
from tests.delivery.people import add_people

ROOT = Path(__file__).resolve().parents[2]


def khaibao(args: list[str], env: dict[str, str], answer: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli.main", "broadcast", *args], input=answer, capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)


async def statuses(database) -> Counter[str]:  # type: ignore[no-untyped-def]
    async with database.sessions() as session:
        return Counter((await session.execute(select(Delivery.status))).scalars())


async def test_retry_requeues_failed_rows_and_ambiguous_ones_after_confirmation(
    database, db_url, clock, tmp_path
) -> None:
    await add_people(database, 10)
    async with database.engine.begin() as connection:
        broadcast_id = await broadcasts.create(connection, "Tiêm phòng", Audience("everyone"), clock.now)
    planner = Planner(database, clock)
    await planner.tick(report=False)
    ids = [10_000 + n for n in range(10)]
    outcome = {"failed": ids[:3], "ambiguous": ids[3:5], "blocked": ids[5:6], "sent": ids[6:]}
    async with database.engine.begin() as connection:
        for status, chats in outcome.items():
            chosen = Delivery.external_id.in_([str(chat) for chat in chats])  # type: ignore[attr-defined]
            await connection.execute(update(Delivery).where(chosen).values(status=status, attempts=3,
                                                                          last_error="500 Internal Server Error"))
        # a recipient who left meanwhile is not sent to again
        await connection.execute(update(Person).where(Person.external_id == "10002").values(active=False))
    await planner.tick(report=False)
    async with database.sessions() as session:
        assert (await broadcasts.get(session, broadcast_id))["status"] == "done"
    env = {**os.environ, "DATABASE_URL": db_url, "KHAIBAO_SECRET_KEY": SECRET,
           "KHAIBAO_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}

    plain = khaibao(["retry", str(broadcast_id)], env)
    assert plain.returncode == 0, plain.stderr
    assert f"Đã xếp lại 2 người nhận của thông báo #{broadcast_id} vào hàng đợi (2 lỗi, 0 chưa rõ)" in plain.stdout
    assert "Còn 2 người nhận «chưa rõ»" in plain.stdout and "--ambiguous" in plain.stdout
    assert await statuses(database) == Counter({"pending": 2, "failed": 1, "ambiguous": 2, "blocked": 1, "sent": 4})
    async with database.sessions() as session:
        assert (await broadcasts.get(session, broadcast_id))["status"] == "sending"
        requeued = (await session.execute(select(Delivery).where(Delivery.status == "pending"))).scalars().all()
    assert {row.attempts for row in requeued} == {0} and {row.last_error for row in requeued} == {None}

    refused = khaibao(["retry", str(broadcast_id), "--ambiguous"], env, answer="n\n")
    assert refused.returncode == 1 and "có thể họ đã nhận được" in refused.stdout
    assert "Không gửi lại." in refused.stdout and (await statuses(database))["ambiguous"] == 2

    confirmed = khaibao(["retry", str(broadcast_id), "--ambiguous"], env, answer="y\n")
    assert confirmed.returncode == 0, confirmed.stderr
    assert "Đã xếp lại 2 người nhận" in confirmed.stdout and "(0 lỗi, 2 chưa rõ)" in confirmed.stdout
    assert await statuses(database) == Counter({"pending": 4, "failed": 1, "blocked": 1, "sent": 4})

    nothing = khaibao(["retry", str(broadcast_id), "--ambiguous", "--yes"], env)
    assert nothing.returncode == 0 and "không có người nhận nào cần gửi lại" in nothing.stdout

    missing = khaibao(["retry", "999"], env)
    assert missing.returncode == 2 and "Không có thông báo #999." in missing.stderr
    assert "Traceback" not in missing.stderr
