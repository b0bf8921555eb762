"""Checking a receipt at a gate: by the QR's signed token or by the declaration code typed under it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import messages_vi
from bot.settings import Settings
from handlers import receipt
from handlers.masking import mask_name
from storage.declarations import find_by_code
from storage.upsert import Executor

GENUINE = ("valid", "expired")


@dataclass(frozen=True)
class Verdict:
    """What a checker may see: status, and for a genuine receipt its level, time and masked name."""

    status: str  # valid | expired | forged
    code: str | None = None
    commune_code: str | None = None
    level: str | None = None
    declared_at: datetime | None = None
    masked_name: str | None = None

    def text(self, settings: Settings) -> str:
        """The verdict in Vietnamese."""
        if self.status not in GENUINE:
            return messages_vi.t("verify.forged")
        assert self.declared_at is not None
        return messages_vi.t(
            f"verify.{self.status}", level=messages_vi.t(f"level.{self.level}"), name=self.masked_name or "—",
            time=self.declared_at.astimezone(settings.zone).strftime("%H:%M %d/%m/%Y"), code=self.code or "",
        )


async def verify(executor: Executor, presented: str, now: datetime, settings: Settings) -> Verdict:
    """Check a token (from the QR, with or without 'v_') or a declaration code."""
    value = presented.strip()
    value = value[2:] if value.startswith("v_") else value
    if len(value) == receipt.TOKEN_LENGTH:
        check = receipt.verify(value, settings.secret, now, settings.receipt_valid_hours)
        if check.status == "forged" or check.code is None:
            return Verdict("forged")
        code = check.code
    elif len(value) == receipt.CODE_LENGTH and value.isalnum():
        code = value.upper()
    else:
        return Verdict("forged")
    declaration = await find_by_code(executor, code)
    if declaration is None or not declaration["subject_name"]:
        return Verdict("forged")
    status = "valid" if now <= declaration["valid_until"] else "expired"
    return Verdict(status, code, declaration["commune_code"], declaration["risk_level"], declaration["created_at"],
                   mask_name(declaration["subject_name"]))
