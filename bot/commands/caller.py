"""Who sent a server command, its reply helper and the area rule every handler applies."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

import messages
from bot.settings import Settings
from handlers.areas import catalog
from handlers.commands import help_role
from handlers.protocol import Reply, ServerCommand


@dataclass(frozen=True)
class Caller:
    """Who sent a server command."""

    identity: tuple[str, str]
    person: dict[str, Any] | None
    is_admin: bool
    now: datetime
    settings: Settings
    locale: str = "vi"  # the language the sender speaks

    def t(self, key: str, **params: str) -> str:
        """A message in the sender's language."""
        return messages.t(self.locale, key, **params)

    def say(self, key: str, **params: str) -> list[Reply]:
        """One reply with a message in the sender's language."""
        return [Reply(self.t(key, **params))]

    @property
    def actor(self) -> str:
        """The sender as the audit log names them."""
        return ":".join(self.identity)

    @property
    def role(self) -> str:
        """admin (from the settings), else the stored role, else citizen."""
        if self.is_admin:
            return "admin"
        if self.person and self.person["active"]:
            return str(self.person["role"])
        return "citizen"

    @property
    def help_role(self) -> str:
        """The role whose commands /huongdan lists (officials split into commune and province)."""
        return help_role(self.role, self.person["area_code"] if self.person else None)

    @property
    def official_area(self) -> str | None:
        """The area of an active official, else None."""
        if self.person and self.person["role"] == "official" and self.person["active"]:
            return self.person["area_code"]
        return None


Handler = Callable[[AsyncConnection, Caller, ServerCommand], Awaitable[list[Reply]]]


def covers(official_area: str, commune_code: str | None) -> bool:
    """True when an official's area (a commune, or a province) contains the commune."""
    if not commune_code:
        return False
    if len(official_area) == 5:
        return commune_code == official_area
    area = catalog().by_code.get(commune_code)
    return area is not None and area.province_code == official_area
