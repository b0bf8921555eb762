"""The July 2025 administrative map (34 provinces, 3,321 communes); matching names lives in handlers.matching."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache

import vietnam_provinces

# Short names people type for a province, folded, to its code (read by handlers.matching.places).
PROVINCE_ALIASES = {
    "hcm": "79", "tphcm": "79", "tp hcm": "79", "sai gon": "79", "saigon": "79", "sg": "79",
    "hn": "01", "ha noi": "01", "hp": "31", "dn": "48", "hue": "46", "ct": "92",
}


@dataclass(frozen=True)
class Area:
    """A province (2-digit code) or a commune (5-digit code) with its province."""

    code: str
    name: str
    level: str  # "province" or "commune"
    province_code: str

    @property
    def is_province(self) -> bool:
        """True for a province-level area."""
        return self.level == "province"


@dataclass(frozen=True)
class AreaCatalog:
    """Every area by code, provinces in the package's order, communes grouped by province."""

    by_code: dict[str, Area]
    provinces: tuple[Area, ...]
    communes: dict[str, tuple[Area, ...]]

    def label(self, code: str) -> str:
        """'Xã Yên Mỹ, Tỉnh Hưng Yên' for a commune, the name for a province, the code if unknown."""
        area = self.by_code.get(code)
        if area is None:
            return code
        if area.is_province:
            return area.name
        return f"{area.name}, {self.by_code[area.province_code].name}"

    @cached_property
    def all_communes(self) -> tuple[Area, ...]:
        """Every commune of the country."""
        return tuple(area for group in self.communes.values() for area in group)


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
        province = Area(pcode, item["name"], "province", pcode)
        by_code[pcode] = province
        province_list.append(province)
        group = tuple(
            Area(f"{ward['code']:05d}", ward["name"], "commune", pcode)
            for ward in item["wards"]
        )
        communes[pcode] = group
        by_code.update((area.code, area) for area in group)
    return AreaCatalog(by_code, tuple(province_list), communes)
