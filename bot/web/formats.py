"""How values look on the console's pages: local times, numbers, area names, masked names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.numbers import format_decimal

from handlers.areas import catalog
from handlers.masking import mask_name


@dataclass(frozen=True)
class Formats:
    """Formatters for one language and time zone, handed to every template as ``fmt``."""

    locale: str
    zone: ZoneInfo

    def time(self, moment: datetime | None) -> str:
        return moment.astimezone(self.zone).strftime("%H:%M %d/%m/%Y") if moment else "—"

    def day(self, moment: datetime | None) -> str:
        return moment.astimezone(self.zone).strftime("%d/%m/%Y") if moment else "—"

    def number(self, value: float | int) -> str:
        return format_decimal(value, locale=self.locale, format="#,##0.#")

    def area(self, code: str | None) -> str:
        """'Xã Yên Mỹ, Hưng Yên' for a commune, the name for a province."""
        return catalog().label(code) if code else "—"

    def commune(self, code: str | None) -> str:
        area = catalog().by_code.get(code or "")
        return area.name if area else (code or "—")

    def masked(self, name: str | None) -> str:
        return mask_name(name) if name else "—"


def formats(locale: str, zone: ZoneInfo) -> Formats:
    """The formatters of one language."""
    return Formats(locale, zone)
