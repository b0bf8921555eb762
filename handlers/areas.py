"""The July 2025 administrative map (34 provinces, 3,321 communes) and accent-insensitive search."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import vietnam_provinces

from handlers.text import fold

# Short names people type for a province, folded, to its code.
PROVINCE_ALIASES = {
    "hcm": "79", "tphcm": "79", "tp hcm": "79", "sai gon": "79", "saigon": "79", "sg": "79",
    "hn": "01", "ha noi": "01", "hp": "31", "dn": "48", "hue": "46", "ct": "92",
}
_PREFIXES = re.compile(r"^(thanh pho|tinh|tp|xa|phuong|dac khu|thi tran)\s+")


@dataclass(frozen=True)
class Area:
    """A province (2-digit code) or a commune (5-digit code) with its province."""

    code: str
    name: str
    level: str  # "province" or "commune"
    province_code: str
    folded: str  # folded name without the division prefix
    full_folded: str  # folded name with its prefix ("xa yen my")

    @property
    def is_province(self) -> bool:
        """True for a province-level area."""
        return self.level == "province"


def _bare(name: str) -> str:
    return _PREFIXES.sub("", fold(name))


@dataclass(frozen=True)
class AreaCatalog:
    """Every area by code, provinces in the package's order, communes grouped by province."""

    by_code: dict[str, Area]
    provinces: tuple[Area, ...]
    communes: dict[str, tuple[Area, ...]]

    def province_of(self, code: str) -> Area | None:
        """The province an area belongs to (itself for a province)."""
        area = self.by_code.get(code)
        return self.by_code.get(area.province_code) if area else None

    def label(self, code: str) -> str:
        """'Xã Yên Mỹ, Tỉnh Hưng Yên' for a commune, the name for a province, the code if unknown."""
        area = self.by_code.get(code)
        if area is None:
            return code
        if area.is_province:
            return area.name
        return f"{area.name}, {self.by_code[area.province_code].name}"

    def search(self, query: str, province_code: str | None = None, limit: int = 8) -> list[Area]:
        """Communes matching ``query`` ignoring accents and case, best first (in one province if given)."""
        pool = self.communes.get(province_code, ()) if province_code else self.all_communes
        return _rank(pool, query, limit)

    def search_provinces(self, query: str, limit: int = 8) -> list[Area]:
        """Provinces matching ``query`` or a common short name ("hcm", "sai gon"), best first."""
        alias = PROVINCE_ALIASES.get(fold(query).replace(".", "").strip())
        if alias:
            return [self.by_code[alias]]
        return _rank(self.provinces, query, limit)

    def named(self, query: str) -> Area | None:
        """The one province, else the one commune, whose name is exactly ``query`` (accents ignored)."""
        wanted = _bare(query)
        alias = PROVINCE_ALIASES.get(wanted)
        if alias:
            return self.by_code[alias]
        for pool in (self.provinces, self.all_communes):
            found = [area for area in pool if area.folded == wanted]
            if found:
                return found[0] if len(found) == 1 else None
        return None

    @cached_property
    def all_communes(self) -> tuple[Area, ...]:
        """Every commune of the country."""
        return tuple(area for group in self.communes.values() for area in group)


def _rank(pool: tuple[Area, ...] | list[Area], query: str, limit: int) -> list[Area]:
    wanted = _bare(query)
    if not wanted:
        return []
    tokens = wanted.split()
    scored = []
    for area in pool:
        if wanted in (area.folded, area.full_folded):
            score = 0
        elif area.folded.startswith(wanted):
            score = 1
        elif all(_has_word_prefix(area.folded, token) for token in tokens):
            score = 2
        else:
            continue
        scored.append((score, len(area.folded), area.name, area))
    scored.sort(key=lambda row: row[:3])
    return [row[3] for row in scored[:limit]]


def _has_word_prefix(text: str, token: str) -> bool:
    return any(word.startswith(token) for word in text.split())


@lru_cache(maxsize=1)
def catalog() -> AreaCatalog:
    """The map shipped by the vietnam-provinces package, loaded once."""
    with open(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH, encoding="utf-8") as handle:
        provinces = json.load(handle)
    by_code: dict[str, Area] = {}
    province_list = []
    communes: dict[str, tuple[Area, ...]] = {}
    for item in provinces:
        pcode = f"{item['code']:02d}"
        province = Area(pcode, item["name"], "province", pcode, _bare(item["name"]), fold(item["name"]))
        by_code[pcode] = province
        province_list.append(province)
        group = tuple(
            Area(f"{ward['code']:05d}", ward["name"], "commune", pcode, _bare(ward["name"]), fold(ward["name"]))
            for ward in item["wards"]
        )
        communes[pcode] = group
        by_code.update((area.code, area) for area in group)
    return AreaCatalog(by_code, tuple(province_list), communes)
