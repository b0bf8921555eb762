"""Officials are people: invites carry a name and phone, an official without a profile is asked their name,
and staff lists show names; area codes are found by name from the command line too."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import SECRET
from tests.transcript import REGISTRATION, Chat

ROOT = Path(__file__).resolve().parents[2]


async def _invite(service, *answers: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    admin = Chat(service, user_id="admin")
    await admin.say_all("/moi_canbo", "1", "yen my", *answers)
    created = await admin.send("1")
    return re.search(r"Mã mời: ([A-Z0-9]+)", created).group(1), created  # type: ignore[union-attr]


async def test_an_invite_with_name_and_phone_names_the_official_in_the_list(service) -> None:
    code, created = await _invite(service, "tran van can", "0987 654 321")
    assert "Đã tạo lời mời cán bộ cho Xã Yên Mỹ, Hưng Yên (người được mời: Tran Van Can)" in created
    official = Chat(service, user_id="o1")
    assert "họ tên của anh/chị là gì?" in await official.send(f"/canbo {code}")
    assert "Bạn đã là cán bộ của Xã Yên Mỹ, Hưng Yên" in await official.send("bo qua")
    listing = await Chat(service, user_id="admin").send("/dscanbo")
    assert re.search(r"#\d+ · Tran Van Can · 0987 654 321 · cán bộ · Xã Yên Mỹ, Hưng Yên · console", listing)


async def test_an_official_without_a_profile_gives_their_name(service) -> None:
    code, _ = await _invite(service, "bo qua", "bo qua")
    official = Chat(service, user_id="o1")
    asked = await official.send(f"/start inv_{code}")
    assert "họ tên của anh/chị là gì?" in asked
    assert "Họ tên chỉ gồm chữ cái" in await official.send("12345")
    assert "Bạn đã là cán bộ" in await official.send("le thi tu")
    assert "Le Thi Tu · — · cán bộ" in await Chat(service, user_id="admin").send("/dscanbo")


async def test_a_registered_person_redeems_at_once_under_their_own_name(service) -> None:
    code, _ = await _invite(service, "bo qua", "bo qua")
    person = Chat(service, user_id="c1")
    await person.say_all(*REGISTRATION)
    await person.send("/huy")
    assert "Bạn đã là cán bộ" in await person.send(f"/canbo {code}")
    assert "Nguyen Van An · 0912 345 678 · cán bộ" in await Chat(service, user_id="admin").send("/dscanbo")


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot.cli.main", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


def test_the_command_line_invites_by_name_and_finds_area_codes(db_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": db_url, "KHAIBAO_SECRET_KEY": SECRET, "COLUMNS": "120",
           "KHAIBAO_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
    found = _run(["area", "search", "yen my, hung yen"], env)
    assert found.returncode == 0 and "12052 · Xã Yên Mỹ, Hưng Yên" in found.stdout
    assert _run(["area", "search", "qwzx vbnm"], env).returncode == 1
    created = _run(["invite", "create", "--area", "12052", "--name", "pham van bao", "--phone", "0912345678"], env)
    assert created.returncode == 0 and "(người được mời: Pham Van Bao)" in created.stdout
    listed = _run(["invite", "list"], env)
    assert listed.returncode == 0 and "Xã Yên Mỹ" in listed.stdout
    bad = _run(["invite", "create", "--area", "12052", "--phone", "12"], env)
    assert bad.returncode == 2 and "Số điện thoại chưa hợp lệ" in bad.stderr
