"""Finding area codes by name for operators: "yen my", "hung yen", "yen my, hung yen", old names too."""

from __future__ import annotations

import messages
from handlers.areas import Area, catalog
from handlers.matching import places
from handlers.matching.former import COMMUNE, PROVINCE


def find_areas(text: str, limit: int = 10) -> list[Area]:
    """The new provinces and communes ``text`` names, best first, through the matching layer: new and old
    names, "commune, province", typos; an old unit gives the new communes it went into."""
    areas = catalog()
    found: list[Area] = []
    for wanted in (PROVINCE, COMMUNE):
        for unit in places.resolve(text, wanted=wanted, limit=limit).units:
            if places.is_new(unit) and places.level(unit) == wanted:
                found.append(areas.by_code[unit.code])
            elif not places.is_new(unit) and wanted == COMMUNE:
                found.extend(areas.by_code[code] for code in places.new_communes(unit) if code in areas.by_code)
    return list(dict.fromkeys(found))[:limit]


def area_lines(text: str, locale: str = messages.VI) -> str:
    """The matches as "12052 · Xã Yên Mỹ, Hưng Yên" lines under a heading, or why there are none."""
    found = find_areas(text)
    if not found:
        return messages.t(locale, "area_search.none", text=text.strip())
    lines = [messages.t(locale, "area_search.line", code=area.code, label=catalog().label(area.code)) for area in found]
    return "\n".join([messages.t(locale, "area_search.heading", text=text.strip()), *lines])
