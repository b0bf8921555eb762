"""Settings from environment variables and `.env`, checked when the program starts."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from datetime import time
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

import messages
from handlers.venues.windows import parse_windows
from messages import VI

CHANNELS = ("console", "telegram", "zalo")
KEY_FILE = "secret.key"
"""The console-only install's own signing key, in the data directory."""


class SettingsError(Exception):
    """Invalid settings; the message names each offending variable."""


class Settings(BaseSettings):
    """Every setting of khaibao; `.env.example` documents each one."""

    # an empty value (as in a copied .env.example) means "not set": the default applies
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True)

    database_url: str = Field("", alias="DATABASE_URL")  # unset: the SQLite file khaibao.db in KHAIBAO_DATA_DIR
    timezone: str = Field("Asia/Ho_Chi_Minh", alias="KHAIBAO_TIMEZONE")
    admins: str = Field("console:admin", alias="KHAIBAO_ADMINS")
    secret_key: SecretStr | None = Field(None, alias="KHAIBAO_SECRET_KEY")
    retention_days: int = Field(30, alias="KHAIBAO_RETENTION_DAYS", ge=1, le=3650)
    session_idle_hours: int = Field(24, alias="KHAIBAO_SESSION_IDLE_HOURS", ge=1, le=720)
    receipt_valid_hours: int = Field(24, alias="KHAIBAO_RECEIPT_VALID_HOURS", ge=1, le=168)
    data_dir: str = Field("./data", alias="KHAIBAO_DATA_DIR")
    log_level: str = Field("INFO", alias="KHAIBAO_LOG_LEVEL")

    web_host: str = Field("0.0.0.0", alias="WEB_HOST")
    web_port: int = Field(8080, alias="WEB_PORT", ge=1, le=65535)
    public_base_url: str | None = Field(None, alias="PUBLIC_BASE_URL")
    web_idle_minutes: int = Field(60, alias="WEB_SESSION_IDLE_MINUTES", ge=5, le=1440)

    telegram_bot_token: SecretStr | None = Field(None, alias="TELEGRAM_BOT_TOKEN")
    telegram_bot_username: str | None = Field(None, alias="TELEGRAM_BOT_USERNAME")
    telegram_api_base_url: str = Field("https://api.telegram.org", alias="TELEGRAM_API_BASE_URL")
    telegram_webhook_url: str | None = Field(None, alias="TELEGRAM_WEBHOOK_URL")
    telegram_webhook_secret: SecretStr | None = Field(None, alias="TELEGRAM_WEBHOOK_SECRET")
    telegram_rate: float = Field(30.0, alias="TELEGRAM_RATE", gt=0, le=1000)
    telegram_per_chat_interval: float = Field(1.0, alias="TELEGRAM_PER_CHAT_INTERVAL", ge=0, le=60)
    telegram_paid_broadcast: bool = Field(False, alias="TELEGRAM_PAID_BROADCAST")

    zalo_bot_token: SecretStr | None = Field(None, alias="ZALO_BOT_TOKEN")
    zalo_api_base_url: str = Field("https://bot-api.zaloplatforms.com", alias="ZALO_API_BASE_URL")
    zalo_webhook_url: str | None = Field(None, alias="ZALO_WEBHOOK_URL")
    zalo_webhook_secret: SecretStr | None = Field(None, alias="ZALO_WEBHOOK_SECRET")
    zalo_rate: float = Field(10.0, alias="ZALO_RATE", gt=0, le=1000)

    invite_valid_hours: int = Field(72, alias="INVITE_VALID_HOURS", ge=1, le=720)
    monitoring_days: int = Field(14, alias="MONITORING_DAYS", ge=1, le=60)
    arrival_auto_monitoring_days: int = Field(0, alias="ARRIVAL_AUTO_MONITORING_DAYS", ge=0, le=60)
    monitoring_slots: str = Field("07:30,16:30", alias="MONITORING_SLOTS")
    alert_yellow: bool = Field(False, alias="ALERT_YELLOW")
    alert_ack_hours: float = Field(2.0, alias="ALERT_ACK_HOURS", gt=0, le=72)
    escalate_after_hours: float = Field(2.0, alias="ESCALATE_AFTER_HOURS", gt=0, le=72)

    quiet_hours: str = Field("21:00-07:00", alias="QUIET_HOURS")
    delivery_lease_seconds: float = Field(60.0, alias="DELIVERY_LEASE_SECONDS", gt=0, le=3600)
    delivery_retry_hours: float = Field(24.0, alias="DELIVERY_RETRY_HOURS", gt=0, le=168)
    delivery_retry_max_delay: float = Field(60.0, alias="DELIVERY_RETRY_MAX_DELAY_SECONDS", gt=0, le=3600)
    delivery_batch: int = Field(500, alias="DELIVERY_BATCH", ge=1, le=10000)

    checkin_retention_days: int = Field(21, alias="CHECKIN_RETENTION_DAYS", ge=1, le=365)
    exposure_window_hours: float = Field(2.0, alias="EXPOSURE_WINDOW_HOURS", gt=0, le=48)
    exposure_window_by_kind: str = Field("", alias="EXPOSURE_WINDOW_BY_KIND")
    exposure_look_back_days: int = Field(14, alias="EXPOSURE_LOOK_BACK_DAYS", ge=1, le=60)

    @field_validator("exposure_window_by_kind")
    @classmethod
    def _kind_windows(cls, value: str) -> str:
        parse_windows(1, value)  # raises on an unknown kind or hours out of range
        return value

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("admins")
    @classmethod
    def _admin_identities(cls, value: str) -> str:
        for identity in filter(None, (part.strip() for part in value.split(","))):
            channel, _, user_id = identity.partition(":")
            if channel not in CHANNELS or not user_id:
                raise ValueError(f"{identity!r} is not CHANNEL:USER_ID with CHANNEL one of {', '.join(CHANNELS)}")
        return value

    @field_validator("secret_key", mode="before")
    @classmethod
    def _long_secret(cls, value: object) -> object:
        raw = value.get_secret_value() if isinstance(value, SecretStr) else value
        if raw is None or raw == "":
            return None
        if not isinstance(raw, str) or len(raw) < 32:
            raise ValueError("cần ít nhất 32 ký tự (must be at least 32 characters)")
        return raw

    @model_validator(mode="after")
    def _signing_key(self) -> Settings:
        """No key in the code: a platform needs KHAIBAO_SECRET_KEY; the console alone keeps its own key file."""
        if self.secret_key is None:
            if self.platform_configured:
                raise ValueError(messages.t(VI, "settings.no_secret_key"))
            self.secret_key = SecretStr(install_key(Path(self.data_dir)))
        return self

    @property
    def platform_configured(self) -> bool:
        """True when any Telegram or Zalo token or webhook is set."""
        return any((self.telegram_bot_token, self.telegram_webhook_url, self.telegram_webhook_secret,
                    self.zalo_bot_token, self.zalo_webhook_url, self.zalo_webhook_secret))

    @model_validator(mode="after")
    def _database_in_data_dir(self) -> Settings:
        """Without DATABASE_URL the SQLite file lives in the data folder."""
        if not self.database_url:
            self.database_url = f"sqlite+aiosqlite:///{self.data_dir.rstrip('/') or '/'}/khaibao.db"
        return self

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        if value and not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        return value

    @field_validator("quiet_hours")
    @classmethod
    def _quiet_window(cls, value: str) -> str:
        if value.strip().lower() in ("", "off", "none"):
            return value
        first, dash, second = value.partition("-")
        try:
            time.fromisoformat(first.strip()), time.fromisoformat(second.strip())
        except ValueError:
            raise ValueError("must look like 21:00-07:00, or off") from None
        if not dash:
            raise ValueError("must look like 21:00-07:00, or off")
        return value

    @field_validator("monitoring_slots")
    @classmethod
    def _slot_times(cls, value: str) -> str:
        try:
            [time.fromisoformat(part.strip()) for part in value.split(",") if part.strip()]
        except ValueError:
            raise ValueError("must be local times like 07:30,16:30") from None
        return value

    @property
    def slot_times(self) -> list[time]:
        """The daily monitoring reminder times."""
        return sorted(time.fromisoformat(part.strip()) for part in self.monitoring_slots.split(",") if part.strip())

    @field_validator("telegram_api_base_url", "zalo_api_base_url", "public_base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return value.rstrip("/") if value else value

    @field_validator("telegram_webhook_url", "zalo_webhook_url")
    @classmethod
    def _https_webhook(cls, value: str | None) -> str | None:
        loopback = value and value.startswith(("http://127.0.0.1:", "http://localhost:"))
        if value and not value.startswith("https://") and not loopback:
            raise ValueError("must be an https:// URL (http:// only for 127.0.0.1 or localhost)")
        return value or None

    def derived_secret(self, purpose: str) -> str:
        """A stable secret for ``purpose`` derived from the signing key (URL-safe, 43 characters)."""
        digest = hmac.new(self.secret, purpose.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    @property
    def zone(self) -> ZoneInfo:
        """The local time zone."""
        return ZoneInfo(self.timezone)

    @property
    def admin_identities(self) -> frozenset[tuple[str, str]]:
        """The (channel, user id) pairs that have the admin role."""
        pairs = (part.strip().partition(":") for part in self.admins.split(","))
        return frozenset((channel, user_id) for channel, _, user_id in pairs if channel and user_id)

    @property
    def secret(self) -> bytes:
        """The signing secret as bytes."""
        assert self.secret_key is not None  # set by _signing_key
        return self.secret_key.get_secret_value().encode()


def install_key(folder: Path) -> str:
    """This install's signing key: read from ``folder``/secret.key, created once (mode 0600) when missing."""
    path = folder / KEY_FILE
    folder.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
        if len(key) < 32:
            raise ValueError(f"{path} không chứa khóa hợp lệ: xóa tệp này để tạo khóa mới") from None
        return key
    key = secrets.token_urlsafe(48)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(key + "\n")
    return key


def load_settings(**overrides: object) -> Settings:
    """Read and check the settings; raise SettingsError naming each invalid variable (in Vietnamese)."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = [_problem(error) for error in exc.errors()]
        raise SettingsError("\n".join([messages.t(VI, "settings.invalid"), *problems])) from None


def _problem(error: Any) -> str:
    """One line: the variable, the value given (never a secret's) and what is expected."""
    if not error["loc"]:  # a check of several settings together: its message names them
        return messages.t(VI, "settings.problem_whole", detail=error["msg"].removeprefix("Value error, "))
    variable = str(error["loc"][0])
    info = next((info for name, info in Settings.model_fields.items() if variable in (name, info.alias)), None)
    variable = (info.alias if info else None) or variable
    secret = info is not None and "Secret" in str(info.annotation)
    given = error.get("input")
    key = f"settings.expect.{variable}"
    expected = messages.t(VI, key) if key in messages.catalog(VI) else messages.t(VI, "settings.generic",
                                                                                       detail=error["msg"])
    if secret or not isinstance(given, str | int | float):
        return messages.t(VI, "settings.problem", variable=variable, expected=expected)
    return messages.t(VI, "settings.problem_value", variable=variable, value=given, expected=expected)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings."""
    return load_settings()
