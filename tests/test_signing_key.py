"""The signing key: never a default written in the code."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import KEY_FILE, SettingsError, load_settings
from handlers import receipt

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "variable, value",
    [
        ("TELEGRAM_BOT_TOKEN", "123:abc"),
        ("ZALO_BOT_TOKEN", "zalo-token"),
        ("TELEGRAM_WEBHOOK_URL", "https://bot.example.gov.vn/telegram"),
        ("ZALO_WEBHOOK_SECRET", "a-webhook-secret"),
    ],
)
def test_a_platform_without_a_key_is_refused(variable: str, value: str, tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="KHAIBAO_SECRET_KEY chưa được đặt"):
        load_settings(**{variable: value, "KHAIBAO_DATA_DIR": str(tmp_path)})
    assert not (tmp_path / KEY_FILE).exists()


def test_an_empty_key_counts_as_unset(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="KHAIBAO_SECRET_KEY"):
        load_settings(KHAIBAO_SECRET_KEY="", TELEGRAM_BOT_TOKEN="123:abc", KHAIBAO_DATA_DIR=str(tmp_path))


def test_console_install_keeps_its_own_private_key(tmp_path: Path) -> None:
    first = load_settings(KHAIBAO_DATA_DIR=str(tmp_path / "a"))
    again = load_settings(KHAIBAO_DATA_DIR=str(tmp_path / "a"))
    other = load_settings(KHAIBAO_DATA_DIR=str(tmp_path / "b"))
    assert first.secret == again.secret != other.secret and len(first.secret) >= 32
    assert stat.S_IMODE(os.stat(tmp_path / "a" / KEY_FILE).st_mode) == 0o600
    assert first.derived_secret("telegram-webhook") != other.derived_secret("telegram-webhook")


def test_two_installs_sign_receipts_differently(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    now = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
    one = load_settings(KHAIBAO_DATA_DIR=str(tmp_path / "one"))
    two = load_settings(KHAIBAO_DATA_DIR=str(tmp_path / "two"))
    token = receipt.sign("AB23CD45", now, one.secret)
    assert receipt.verify(token, one.secret, now, 24).status == "valid"
    assert receipt.verify(token, two.secret, now, 24).status == "forged"


def test_start_with_a_token_and_no_key_stops_with_a_vietnamese_message(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "KHAIBAO_SECRET_KEY"}
    env.update(TELEGRAM_BOT_TOKEN="123:abc", KHAIBAO_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT),
               DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'k.db'}")
    result = subprocess.run([sys.executable, "-m", "bot.cli.main", "run"], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode != 0
    assert "KHAIBAO_SECRET_KEY chưa được đặt" in result.stderr and "Traceback" not in result.stderr
