"""Finding area codes by name for operators: "yen my", "hung yen", "yen my, hung yen" (accents ignored)."""

from __future__ import annotations

import messages_vi
from handlers.areas import Area, catalog


def find_areas(text: str, limit: int = 10) -> list[Area]:
    """Provinces then communes whose names match ``text``; "commune, province" narrows to that province."""
    areas = catalog()
    place, _, province_text = text.partition(",")
    if province_text.strip():
        provinces = areas.search_provinces(province_text.strip(), limit=1)
        if not provinces:
            return []
        return areas.search(place.strip(), provinces[0].code, limit) if place.strip() else provinces
    found = areas.search_provinces(text, limit=limit) + areas.search(text, limit=limit)
    return found[:limit]


def area_lines(text: str) -> str:
    """The matches as "12052 · Xã Yên Mỹ, Hưng Yên" lines under a heading, or why there are none."""
    found = find_areas(text)
    if not found:
        return messages_vi.t("area_search.none", text=text.strip())
    lines = [messages_vi.t("area_search.line", code=area.code, label=catalog().label(area.code)) for area in found]
    return "\n".join([messages_vi.t("area_search.heading", text=text.strip()), *lines])
