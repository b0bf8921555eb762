"""Settings checks and the khaibao command line, run as a real process where it matters."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import messages
from bot.settings import Settings, SettingsError, load_settings
from tests.conftest import SECRET

ROOT = Path(__file__).resolve().parents[1]


def test_defaults_are_sensible(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.database_url == "sqlite+aiosqlite:///./data/khaibao.db"
    assert settings.timezone == "Asia/Ho_Chi_Minh" and settings.retention_days == 30
    assert ("console", "admin") in settings.admin_identities


def test_the_default_database_follows_the_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("KHAIBAO_DATA_DIR", str(tmp_path / "x"))
    assert load_settings().database_url == f"sqlite+aiosqlite:///{tmp_path}/x/khaibao.db"
    monkeypatch.setenv("KHAIBAO_DATA_DIR", "rel/dir/")
    assert load_settings().database_url == "sqlite+aiosqlite:///rel/dir/khaibao.db"
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://u@h/db")
    assert load_settings().database_url == "postgresql+asyncpg://u@h/db", "a given DATABASE_URL is kept"


@pytest.mark.parametrize(
    "variable, value",
    [
        ("KHAIBAO_TIMEZONE", "Mars/Olympus"),
        ("KHAIBAO_ADMINS", "whatsapp:1"),
        ("KHAIBAO_SECRET_KEY", "short"),
        ("KHAIBAO_RETENTION_DAYS", "-1"),
        ("DATABASE_URL", "mysql://x"),
    ],
)
def test_invalid_setting_names_the_variable(variable: str, value: str) -> None:
    with pytest.raises(SettingsError, match=variable):
        load_settings(**{variable: value})


def test_admin_identities_parse() -> None:
    settings = load_settings(KHAIBAO_ADMINS="console:admin, telegram:123,zalo:abc")
    assert settings.admin_identities == {("console", "admin"), ("telegram", "123"), ("zalo", "abc")}


def _run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli.main", *args], input=stdin, capture_output=True, text=True, env=env,
        cwd=ROOT, timeout=120,
    )


@pytest.fixture
def env(db_url: str, tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": db_url, "KHAIBAO_SECRET_KEY": SECRET,
            "KHAIBAO_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}


def test_invalid_settings_stop_the_start_with_a_clear_message(env: dict[str, str]) -> None:
    result = _run(["migrate"], {**env, "KHAIBAO_TIMEZONE": "Nowhere/City"})
    assert result.returncode == 2 and "KHAIBAO_TIMEZONE" in result.stderr and "Traceback" not in result.stderr


def test_migrate_creates_a_new_database(env: dict[str, str], tmp_path: Path) -> None:
    fresh = tmp_path / "fresh" / "k.db"
    result = _run(["migrate"], {**env, "DATABASE_URL": f"sqlite+aiosqlite:///{fresh}"})
    assert result.returncode == 0 and fresh.exists()


def test_scripted_chat_then_declarations_json(env: dict[str, str]) -> None:
    lines = ["chao", "1", "nguyen van an", "12/3/1990", "nam", "0912345678", "bo qua", "hung yen", "yen my",
             "so 12 thon dong", "1", "1", "sot ho", "khong", "khong", "khong", "2", "1"]
    result = _run(["chat", "--user", "script"], env, "\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    blocks = result.stdout.split("\n>\n")
    assert len(blocks) == len(lines) + 1 and blocks[-1] == ""
    assert "Bạn có đồng ý không?" in blocks[0]
    assert "Mức nguy cơ: VÀNG" in blocks[-2] and "Ảnh mã QR đã lưu tại" in blocks[-2]
    dumped = _run(["declarations", "--json"], env)
    rows = json.loads(dumped.stdout)
    assert len(rows) == 1
    row = rows[0]
    assert row["risk_level"] == "yellow" and row["reasons"] == ["symptoms"]
    assert row["province_code"] == "33" and row["commune_code"] == "12052" and row["for_self"] is True
    assert row["answers"]["symptoms"] == ["fever", "cough"] and row["code"] in blocks[-2]
    assert set(row) >= {"code", "created_at", "risk_level", "reasons", "province_code", "commune_code",
                        "for_self", "answers"}


def test_outbreak_add_list_remove(env: dict[str, str]) -> None:
    assert _run(["outbreak", "add", "12052", "--from", "2026-11-01"], env).returncode == 0
    listed = _run(["outbreak", "list"], env).stdout
    assert "12052  Xã Yên Mỹ, Hưng Yên  01/11/2026" in listed
    assert "Đã đưa" in _run(["outbreak", "remove", "12052"], env).stdout
    assert "Hiện không có" in _run(["outbreak", "list"], env).stdout


def test_outbreak_takes_a_country_code(env: dict[str, str]) -> None:
    assert _run(["outbreak", "add", "kr", "--from", "2026-11-01"], env).returncode == 0
    assert "KR  Hàn Quốc  01/11/2026" in _run(["outbreak", "list"], env).stdout  # local date format
    assert "Hàn Quốc" in _run(["outbreak", "remove", "KR"], env).stdout


def test_outbreak_add_refuses_unknown_area(env: dict[str, str]) -> None:
    result = _run(["outbreak", "add", "99999"], env)
    assert result.returncode == 2 and "99999" in result.stderr


def test_every_setting_says_what_is_expected_in_vietnamese() -> None:
    aliases = {info.alias for info in Settings.model_fields.values()}
    assert {f"settings.expect.{alias}" for alias in aliases} <= set(messages.catalog(messages.VI))


def test_a_wrong_setting_is_named_with_what_is_expected() -> None:
    with pytest.raises(SettingsError) as raised:
        load_settings(WEB_PORT="tám nghìn", KHAIBAO_SECRET_KEY="ngan-qua")
    lines = str(raised.value).splitlines()
    assert lines[0] == "Cấu hình không hợp lệ (biến môi trường hoặc tệp .env):"
    assert "- WEB_PORT = «tám nghìn»: cần số cổng nguyên từ 1 đến 65535." in lines
    assert any(line.startswith("- KHAIBAO_SECRET_KEY: cần chuỗi bí mật dài ít nhất 32 ký tự") for line in lines)
    assert "ngan-qua" not in str(raised.value)


def test_env_example_copied_as_is_starts(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text((ROOT / ".env.example").read_text(encoding="utf-8"), encoding="utf-8")
    clean = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    for command in (["migrate"], ["run"]):
        result = subprocess.run([sys.executable, "-m", "bot.cli.main", *command], input="", capture_output=True,
                                text=True, env=clean, cwd=tmp_path, timeout=120)
        assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Cửa sổ này là người dùng «local»")
    assert (tmp_path / "data" / "khaibao.db").exists()
