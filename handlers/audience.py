"""Who a broadcast goes to: everyone, citizens, officials, or the people of one province or commune."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from handlers.areas import catalog

KINDS = ("everyone", "citizens", "officials", "area")
# Kinds used by the system itself: the officials of exactly one area; people under monitoring.
SYSTEM_KINDS = ("area_officials", "monitoring", "person")
OFFICIAL_ROLES = ("official", "admin")


@dataclass(frozen=True)
class Audience:
    """An audience; ``area_code`` (province or commune) is set for kind "area" and may narrow officials."""

    kind: str
    area_code: str | None = None
    person_id: int | None = None  # kind "person": one recipient

    def to_json(self) -> dict[str, Any]:
        """The audience as stored with a broadcast."""
        data: dict[str, Any] = {"kind": self.kind, "area_code": self.area_code}
        if self.person_id is not None:
            data["person_id"] = self.person_id
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Audience:
        """The audience stored with a broadcast."""
        return cls(data["kind"], data.get("area_code"), data.get("person_id"))

    @property
    def is_province(self) -> bool:
        """True when the audience is limited to a province (2-digit code)."""
        return bool(self.area_code) and len(self.area_code or "") == 2


class AudienceError(ValueError):
    """An audience that cannot be understood; carries a message key."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def parse_audience(text: str) -> Audience:
    """'everyone', 'citizens', 'officials', 'officials:01', 'area:12052' (or a bare area code)."""
    kind, _, code = text.strip().lower().partition(":")
    if kind.isdigit() and not code:
        kind, code = "area", kind
    if kind not in KINDS:
        raise AudienceError("audience.unknown", value=text)
    if kind == "area" and not code:
        raise AudienceError("audience.needs_area")
    if code and code not in catalog().by_code:
        raise AudienceError("audience.unknown_area", code=code)
    if kind in ("everyone", "citizens") and code:
        kind = "area"
    return Audience(kind, code or None)
