"""Checking a receipt at a gate: by the QR's signed token or by the declaration code typed under it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import messages
from bot.settings import Settings
from handlers import receipt
from handlers.flows import arrival
from handlers.masking import mask_name
from handlers.matching.travel_papers import masked
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
    valid_until: datetime | None = None
    arrival: dict[str, str] | None = None  # an arrival declaration's entry, gate, nationality, masked passport

    def text(self, settings: Settings, locale: str = messages.VI) -> str:
        """The verdict in the checker's language."""
        if self.status not in GENUINE:
            return messages.t(locale, "verify.forged")
        assert self.declared_at is not None and self.valid_until is not None
        entered = f"\n{messages.t(locale, 'arrival.gate_screen', **self.arrival)}" if self.arrival else ""
        return messages.t(
            locale, f"verify.{self.status}", action=messages.t(locale, f"verify.action.{self.level}"),
            level=messages.t(locale, f"level.{self.level}"), name=self.masked_name or "—", code=self.code or "",
            time=self.declared_at.astimezone(settings.zone).strftime("%H:%M %d/%m/%Y"),
            until=self.valid_until.astimezone(settings.zone).strftime("%H:%M %d/%m/%Y"),
        ) + entered


async def verify(executor: Executor, presented: str, now: datetime, settings: Settings) -> Verdict:
    """Check what a gate was shown, the same way whoever checks: the QR's content (a deep link, or a token with
    or without 'v_') or the declaration code typed from under it (spaces, dashes and lower case are fine)."""
    value = "".join(presented.split())
    value = value.rsplit("start=", 1)[-1]
    value = value[2:] if value[:2].lower() == "v_" else value
    typed = value.replace("-", "").replace(".", "").upper()
    if len(value) == receipt.TOKEN_LENGTH:
        check = receipt.verify(value, settings.secret, now, settings.receipt_valid_hours)
        if check.status == "forged" or check.code is None:
            return Verdict("forged")
        code = check.code
    elif len(typed) == receipt.CODE_LENGTH and typed.isalnum() and typed.isascii():
        code = typed
    else:
        return Verdict("forged")
    declaration = await find_by_code(executor, code)
    if declaration is None or not declaration["subject_name"]:
        return Verdict("forged")
    status = "valid" if now <= declaration["valid_until"] else "expired"
    return Verdict(status, code, declaration["commune_code"], declaration["risk_level"], declaration["created_at"],
                   mask_name(declaration["subject_name"]), declaration["valid_until"],
                   _arrival(declaration["answers"] or {}))


def _arrival(answers: dict[str, Any]) -> dict[str, str] | None:
    """What a gate may see of an arrival: the day, gate and nationality, and the document number masked."""
    if "paper" not in answers:
        return None
    shown = arrival.summary_fields(answers, messages.VI)
    paper = {**answers["paper"], "number": masked(answers["paper"]["number"])}
    return {"entry_date": shown["entry_date"], "gate": shown["gate"], "nationality": shown["nationality"],
            "paper": arrival.paper_text(paper, messages.VI)}
