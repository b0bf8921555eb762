"""Settings from environment variables and `.env`, checked when the program starts."""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

CHANNELS = ("console", "telegram", "zalo")


class SettingsError(Exception):
    """Invalid settings; the message names each offending variable."""


class Settings(BaseSettings):
    """Every setting of khaibao; `.env.example` documents each one."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field("sqlite+aiosqlite:///./data/khaibao.db", alias="DATABASE_URL")
    timezone: str = Field("Asia/Ho_Chi_Minh", alias="KHAIBAO_TIMEZONE")
    admins: str = Field("console:admin", alias="KHAIBAO_ADMINS")
    secret_key: SecretStr = Field(SecretStr("dev-only-change-me-0123456789abcdef"), alias="KHAIBAO_SECRET_KEY")
    retention_days: int = Field(30, alias="KHAIBAO_RETENTION_DAYS", ge=1, le=3650)
    session_idle_hours: int = Field(24, alias="KHAIBAO_SESSION_IDLE_HOURS", ge=1, le=720)
    receipt_valid_hours: int = Field(24, alias="KHAIBAO_RECEIPT_VALID_HOURS", ge=1, le=168)
    data_dir: str = Field("./data", alias="KHAIBAO_DATA_DIR")
    log_level: str = Field("INFO", alias="KHAIBAO_LOG_LEVEL")

    telegram_bot_token: SecretStr | None = Field(None, alias="TELEGRAM_BOT_TOKEN")
    telegram_bot_username: str | None = Field(None, alias="TELEGRAM_BOT_USERNAME")

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

    @field_validator("secret_key")
    @classmethod
    def _long_secret(cls, value: SecretStr) -> SecretStr:
        if len(value.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters")
        return value

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        return value

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
        return self.secret_key.get_secret_value().encode()


def load_settings(**overrides: object) -> Settings:
    """Read and check the settings; raise SettingsError naming each invalid variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "?"
            alias = Settings.model_fields[field].alias if field in Settings.model_fields else field
            problems.append(f"{alias or field}: {error['msg']}")
        raise SettingsError("Invalid settings — " + "; ".join(problems)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings."""
    return load_settings()
