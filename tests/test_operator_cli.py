"""Operator commands never crash: every audience kind through `broadcast list/status` with a Vietnamese label,
local times, exit codes 0/non-zero, a narrow terminal, and --help in Vietnamese."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click
import pytest
import typer.main
from sqlalchemy import update

import messages
from bot.cli.main import app
from handlers.audience import KINDS, SYSTEM_KINDS, Audience
from storage import broadcasts
from storage.db import Database
from storage.models import Declaration
from tests.conftest import SECRET
from tests.transcript import REGISTRATION

ROOT = Path(__file__).resolve().parents[1]
WIDTH = 40
AT = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)  # 09:00 in Hanoi
AUDIENCES = {
    "everyone": (Audience("everyone"), "mọi người"),
    "citizens": (Audience("citizens"), "người dân"),
    "officials": (Audience("officials", "33"), "cán bộ (Hưng Yên)"),
    "area": (Audience("area", "12052"), "người dân ở Xã Yên Mỹ, Hưng Yên"),
    "area_officials": (Audience("area_officials", "12052"), "cán bộ của Xã Yên Mỹ, Hưng Yên"),
    "monitoring": (Audience("monitoring", "12052"), "người đang được theo dõi sức khỏe (Xã Yên Mỹ, Hưng Yên)"),
    "person": (Audience("person", person_id=7), "một người (số 7)"),
}


def _run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli.main", *args], input=stdin, capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)


@pytest.fixture
def env(db_url: str, tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": db_url, "KHAIBAO_SECRET_KEY": SECRET, "COLUMNS": str(WIDTH),
            "KHAIBAO_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}


async def _queue_every_kind(db_url: str) -> dict[str, int]:
    database = Database(db_url)
    ids = {}
    async with database.transaction() as session:
        for kind, (audience, _) in AUDIENCES.items():
            ids[kind] = await broadcasts.create(session, f"Nội dung gửi tới {kind}", audience, AT,
                                                kind="alert" if kind == "area_officials" else "notice",
                                                urgent=kind == "person")
    await database.dispose()
    return ids


def _fits(text: str) -> None:
    assert all(len(line) <= WIDTH for line in text.splitlines()), text


def test_every_audience_kind_through_list_and_status(env: dict[str, str], db_url: str) -> None:
    assert set(AUDIENCES) == set(KINDS) | set(SYSTEM_KINDS)
    ids = asyncio.run(_queue_every_kind(db_url))
    listed = _run(["broadcast", "list"], env)
    assert listed.returncode == 0, listed.stderr
    _fits(listed.stdout)
    flat = " ".join(listed.stdout.split())
    for kind, (_, label) in AUDIENCES.items():
        assert f"#{ids[kind]} · " in flat and " ".join(label.split()) in flat, kind
        status = _run(["broadcast", "status", str(ids[kind])], env)
        assert status.returncode == 0, status.stderr
        _fits(status.stdout)
        shown = " ".join(status.stdout.split())
        assert " ".join(label.split()) in shown and "Gửi lúc: 09:00 22/11/2026" in shown, kind
    assert f"#{ids['person']} · thông báo · đã hẹn giờ · KHẨN" in listed.stdout
    assert f"#{ids['area_officials']} · cảnh báo · đã hẹn giờ" in listed.stdout


def test_failures_exit_non_zero_with_a_vietnamese_reason(env: dict[str, str]) -> None:
    failures = [
        (["broadcast", "status", "999"], 2, "Không có thông báo #999."),
        (["broadcast", "cancel", "999"], 2, "Không có thông báo #999."),
        (["invite", "revoke", "KHONGCOMA"], 1, "Mã mời không hợp lệ"),
        (["officials", "remove", "999"], 1, ""),
        (["schedule", "remove", "999"], 1, "Không có lịch #999"),
        (["outbreak", "remove", "12052"], 1, "không có trong danh sách vùng dịch"),
        (["export", "--area", "99999"], 2, "Không có mã địa bàn «99999»"),
        (["verify", "ABCD2345"], 1, "KHÔNG PHẢI MÃ THẬT"),
        (["verify", "v_" + "A" * 40], 1, "KHÔNG PHẢI MÃ THẬT"),
    ]
    for args, code, reason in failures:
        result = _run(args, env)
        assert result.returncode == code, (args, result.stdout, result.stderr)
        assert reason in result.stdout + result.stderr and "Traceback" not in result.stderr, args
    for args in (["broadcast", "list"], ["invite", "list"], ["officials", "list"], ["schedule", "list"],
                 ["outbreak", "list"], ["audit"], ["declarations"]):
        result = _run(args, env)
        assert result.returncode == 0, (args, result.stderr)
        _fits(result.stdout)


def test_verify_exits_0_for_a_valid_receipt_and_1_once_it_expired(env: dict[str, str], db_url: str) -> None:
    lines = [*REGISTRATION, "1", "khong", "khong", "khong", "khong", "2", "1"]
    chat = _run(["chat", "--user", "gate"], env, "\n".join(lines) + "\n")
    code = re.search(r"Mã khai báo: ([A-Z0-9]{8})", chat.stdout)
    assert chat.returncode == 0 and code, chat.stdout[-2000:]
    valid = _run(["verify", code.group(1)], env)
    assert valid.returncode == 0 and "HỢP LỆ" in valid.stdout, valid.stdout + valid.stderr

    async def expire() -> None:
        database = Database(db_url)
        async with database.transaction() as session:
            await session.execute(update(Declaration).values(valid_until=datetime.now(UTC) - timedelta(hours=1)))
        await database.dispose()

    asyncio.run(expire())
    expired = _run(["verify", code.group(1)], env)
    assert expired.returncode == 1 and "HẾT HẠN" in expired.stdout.upper(), expired.stdout


VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.IGNORECASE)


def _commands(command: click.Command, path: str = "khaibao") -> list[tuple[str, click.Command]]:
    found = [(path, command)]
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            found += _commands(sub, f"{path} {name}")
    return found


def test_help_texts_are_vietnamese() -> None:
    for path, command in _commands(typer.main.get_command(app)):
        assert command.help and VIETNAMESE.search(command.help), path
        for parameter in command.params:
            if parameter.name == "help":
                continue
            text = getattr(parameter, "help", None)
            assert text and VIETNAMESE.search(text), f"{path} {parameter.name}"
    assert "help.verify" in messages.catalog(messages.VI)


def test_exports_and_downloads_are_written_under_the_data_directory(env: dict[str, str], tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    result = subprocess.run([sys.executable, "-m", "bot.cli.main", "export", "--area", "12052", "--format", "csv"],
                            capture_output=True, text=True, env=env, cwd=work, timeout=120)
    assert result.returncode == 0, result.stderr
    exports = list((tmp_path / "data" / "exports").glob("khai-bao-12052-*.csv"))
    assert len(exports) == 1 and str(exports[0]) in " ".join(result.stdout.split())
    chat = subprocess.run([sys.executable, "-m", "bot.cli.main", "chat", "--user", "dl"], input="\n".join(
        [*REGISTRATION, "/dulieucuatoi"]) + "\n", capture_output=True, text=True, env=env, cwd=work, timeout=120)
    saved = re.findall(r"\[Tệp đã lưu tại: (.+)\]", chat.stdout)
    assert saved and all(Path(path).is_relative_to(tmp_path / "data") for path in saved)
    assert list(work.iterdir()) == []
