"""Places travelled: provinces, communes (new or old names) and countries, several in one message."""

from __future__ import annotations

import re
from typing import Any

from handlers.areas import catalog
from handlers.flow import Invalid, Ok, Parsed
from handlers.matching import countries
from handlers.matching.addresses import place_code, unit_label
from handlers.matching.former import PROVINCE
from handlers.matching.normal import meaningful, tokens
from handlers.matching.places import Scope, index, new_province, resolve, words_of
from handlers.text import fold

_SPLIT = re.compile(r"[,;\n/+&]|\b(?:va|voi|roi|and|sau do|ca)\b")
_AROUND = frozenset({
    "di", "den", "ve", "tu", "ben", "phia", "sang", "o", "tai", "qua", "toi", "em", "minh", "co", "da", "nuoc",
    "du", "lich", "cong", "tac", "tham", "que", "nha", "choi", "ngay", "hom", "truoc", "tuan", "thang", "nam",
    "nay", "ra", "vao", "len", "xuong", "chuyen", "bay", "mot", "chut",
    "to", "in", "from", "visited", "went", "the", "been", "trip", "travelled", "traveled", "flew", "city",
})
NOWHERE = frozenset({
    "khong", "khong co", "chua", "khong di dau", "khong di", "o nha", "chua di dau", "khong co di dau",
    "khong dau", "bo qua", "khong di dau ca", "o nha thoi", "khong ra khoi nha", "0",
    "none", "no", "n", "nowhere", "no where", "nothing", "home", "at home", "stayed home", "stayed at home",
    "no travel", "not travelled", "not traveled", "didn t travel", "didnt travel", "i didn t travel", "skip",
    "haven t travelled", "haven t traveled", "no trips", "nope",
})


def _core(piece: str) -> str:
    words = [word for word in re.split(r"[^0-9a-z]+", fold(piece)) if word]
    while words and (words[0] in _AROUND or words[0] in ("i", "we") and len(words) > 1 and words[1] in _AROUND):
        words.pop(0)
    while words and words[-1] in _AROUND:
        words.pop()
    return " ".join(words)


def country_place(code: str) -> dict[str, Any]:
    """A travelled country as stored with the declaration."""
    return {"text": countries.country_name(code), "code": None, "province": None, "country": code}


def area_place(area_code: str, province: str) -> dict[str, Any]:
    """A travelled province or commune as stored with the declaration."""
    return {"text": catalog().label(area_code), "code": area_code, "province": province}


def _named(core: str) -> list[dict[str, Any]] | None:
    """The one country or place ``core`` names as a whole; None if it names none or several."""
    country = countries.exact(core)
    if country:
        return [country_place(country)]
    found = resolve(core, Scope(), wanted=PROVINCE)
    named = [word for word in words_of(core) if word not in _AROUND]
    if not (found.readings and found.exact and found.readings[0].words >= len(named)):
        return None
    if len(found.units) == 1 or found.units[0].level == PROVINCE:
        return [area_place(*place_code(found.units[0]))]
    provinces = {new_province(unit) for unit in found.units}
    if len(provinces) == 1:
        code = provinces.pop()
        return [area_place(code, code)]
    return None


def _one(piece: str, locale: str) -> list[dict[str, Any]] | Invalid:
    core = _core(piece)
    if not core:
        return []
    whole = " ".join(re.split(r"[^0-9a-z]+", fold(piece))).strip()
    for variant in dict.fromkeys((core, whole)):  # "di ha noi" -> "ha noi", but "da nang" stays whole
        found = _named(variant) or _several(variant)
        if found:
            return found
    suggestions = [countries.country_name(code, locale) for code in countries.near(core)]
    suggestions += [unit_label(unit, locale) for unit in resolve(core, Scope(), wanted=PROVINCE).units[:4]]
    if suggestions:
        return Invalid("travel.unknown", {"place": piece.strip(), "suggestions": "; ".join(suggestions[:5])})
    return Invalid("travel.unknown_none", {"place": piece.strip()})


def _several(core: str) -> list[dict[str, Any]] | None:
    """Provinces and countries named one after another without commas ("ha noi hai phong"); None if not."""
    words = words_of(core)
    found: list[dict[str, Any]] = []
    position = 0
    while position < len(words):
        for end in range(min(len(words), position + 5), position, -1):
            phrase = " ".join(words[position:end])
            country = countries.exact(phrase)
            provinces = {new_province(unit) for unit, _ in index().names.get(phrase, ()) if unit.level == PROVINCE}
            if country or len(provinces) == 1:
                found.append(country_place(country) if country else area_place(*(provinces.pop(),) * 2))
                position = end
                break
        else:
            if words[position] not in _AROUND:
                return None
            position += 1
    return found if len(found) > 1 else None


def _whole(text: str) -> list[dict[str, Any]] | None:
    """The one place the whole answer names, commas and all ("xa yen my, hung yen"); None if not one."""
    core = _core(text)
    found = resolve(core, Scope(), wanted=PROVINCE)
    if not (found.exact and len(found.units) == 1):
        return None
    named = [word for word in words_of(core) if word not in _AROUND]
    return [area_place(*place_code(found.units[0]))] if found.readings[0].words >= len(named) else None


def label(place: dict[str, Any], locale: str = "vi") -> str:
    """A travelled place as shown in ``locale``: a country by its name there, a place by its (Vietnamese) name."""
    return countries.country_name(place["country"], locale) if place.get("country") else str(place["text"])


def places_travelled(text: str, locale: str = "vi") -> Parsed:
    """Every place in the answer, or a hint naming the one that matched nothing (with suggestions)."""
    if " ".join(meaningful(text)) in NOWHERE or " ".join(tokens(text)) in NOWHERE:
        return Ok([])
    whole = _whole(text) if "," in text else None
    if whole:
        return Ok(whole, "travel.understood", {"places": label(whole[0], locale)})
    result: list[dict[str, Any]] = []
    for piece in _SPLIT.split(fold(text)):
        found = _one(piece, locale)
        if isinstance(found, Invalid):
            return found
        result.extend(place for place in found if place not in result)
    if not result:
        return Invalid("input.empty")
    return Ok(result, "travel.understood", {"places": ", ".join(label(place, locale) for place in result)})
