"""Province and commune answers from what people type, old names included, as step results.

The province question takes a province (new or old), an old district, or a whole address; a whole
address fills the commune too. An old province or district narrows the commune question to the
communes that came from it. What happened to an old unit is said in one line.
"""

from __future__ import annotations

from typing import Any

import messages
from handlers.areas import Area, catalog
from handlers.flow import Invalid, Ok, Parsed, Pick
from handlers.matching.former import COMMUNE, DISTRICT, PROVINCE, Former, formers
from handlers.matching.places import Found, Scope, Unit, bare_name, level, near_provinces, new_province, resolve

FROM = "_from"  # suffix of the hidden answer holding the old unit a province answer came from
_LIST = 12  # longest numbered list


def province_phrase(code: str, locale: str = messages.VI) -> str:
    """'tỉnh Hưng Yên' or 'thành phố Hà Nội' ('Hưng Yên province', 'Hà Nội city' in English)."""
    name = catalog().by_code[code].name
    if name.startswith("Thành phố"):
        return messages.t(locale, "place.city", name=_short(name))
    return messages.t(locale, "place.province", name=name)


def _short(name: str) -> str:
    return name.removeprefix("Tỉnh ").removeprefix("Thành phố ")


def unit_of(code: str) -> Unit | None:
    """The new area (by code) or the old unit (by key) a listed choice stands for."""
    return catalog().by_code.get(code) or formers().get(code)


def unit_id(unit: Unit) -> str:
    """The id a unit is listed under: a new code or an old unit's key."""
    return unit.code if isinstance(unit, Area) else unit.key


def unit_label(unit: Unit, locale: str = messages.VI) -> str:
    """A listed unit as people read it, saying where an old one is now."""
    if isinstance(unit, Area):
        return unit.name if unit.is_province else catalog().label(unit.code)
    where = province_phrase(unit.new_province, locale)
    if unit.level == PROVINCE:
        return messages.t(locale, "former.label_province", old=_short(unit.name), where=where)
    parent = unit.district or _short(unit.province)
    return messages.t(locale, "former.label_unit", old=unit.name, parent=parent, where=where)


def former_note(unit: Former, locale: str = messages.VI) -> tuple[str, dict[str, str]]:
    """The one line saying what became of an old unit."""
    where = province_phrase(unit.new_province, locale)
    if unit.level == PROVINCE:
        return "former.province", {"old": _short(unit.name), "new": where}
    if unit.level == DISTRICT:
        return "former.district", {"old": unit.name, "province": _short(unit.province), "new": where}
    if unit.split:
        return "former.split", {"old": unit.name, "district": unit.district, "new": where}
    return "former.commune", {"old": unit.name, "district": unit.district, "new": catalog().label(unit.new_codes[0])}


def _communes_pick(unit: Former, key: str, locale: str) -> Pick:
    """The new communes an old unit went into, to choose from (the one that took most of it first)."""
    return Pick(tuple((code, catalog().label(code)) for code in unit.new_codes[:_LIST]), key,
                former_note(unit, locale)[1])


def _undecided(found: Found, query: str, pick_key: str, locale: str) -> Pick:
    if not found.exact:
        names = {bare_name(unit) for unit in found.units}
        if len(names) == 1:
            unit = found.units[0]
            label = unit_label(unit, locale)
            return Pick(((unit_id(unit), label),), "area.did_you_mean", {"name": label})
        return Pick(tuple((unit_id(u), unit_label(u, locale)) for u in found.units[:_LIST]), "area.pick_near", {})
    return Pick(tuple((unit_id(u), unit_label(u, locale)) for u in found.units[:_LIST]), pick_key, {"query": query})


def answer_province(text: str, step_id: str, commune_step: str, locale: str = messages.VI) -> Parsed:
    """The province answer: a province, or an address giving the province and perhaps the commune."""
    found = resolve(text, Scope(), wanted=PROVINCE)
    if not found.readings:
        return Invalid("area.province_not_found", {"query": text})
    if found.exact and level(found.units[0]) != PROVINCE and len(found.readings[0].matches) == 1:
        provinces = near_provinces(text)  # "vinh phuoc": more likely Vĩnh Phúc than a ward of that name
        if provinces:
            units = [*provinces, *found.units][:_LIST]
            return Pick(tuple((unit_id(u), unit_label(u, locale)) for u in units), "area.pick_near", {})
    if len(found.units) > 1 or not found.exact:
        return _undecided(found, text, "area.pick_province", locale)
    return province_chosen(found.units[0], step_id, commune_step, locale)


def province_chosen(unit: Unit, step_id: str, commune_step: str, locale: str = messages.VI) -> Parsed:
    """The province answer for one unit: the province, the old unit it narrows to, the commune if known."""
    province = new_province(unit)
    narrowed: dict[str, Any] = {step_id + FROM: None}
    if isinstance(unit, Area):
        if unit.is_province:
            return Ok(province, "area.chosen", {"name": unit.name}, extra=narrowed)
        return Ok(province, "area.chosen", {"name": catalog().label(unit.code)}, presets={commune_step: unit.code},
                  extra=narrowed)
    key, params = former_note(unit, locale)
    if unit.level == COMMUNE and not unit.split:
        return Ok(province, key, params, presets={commune_step: unit.new_codes[0]}, extra=narrowed)
    if unit.level == COMMUNE:
        return _communes_pick(unit, "former.split", locale)
    return Ok(province, key, params, extra={step_id + FROM: unit.key})


def answer_commune(text: str, province: str | None, former: str | None, locale: str = messages.VI) -> Parsed:
    """The commune answer within the province (and the old unit) answered before."""
    found = resolve(text, Scope(province, former), wanted=COMMUNE)
    if not found.readings:
        return Invalid("area.commune_not_found",
                       {"query": text, "province": commune_scope_label(province, former, locale)})
    if len(found.units) > 1 or not found.exact:
        return _undecided(found, text, "area.pick_commune", locale)
    return commune_chosen(found.units[0], text, locale)


def commune_chosen(unit: Unit, text: str = "", locale: str = messages.VI) -> Parsed:
    """The commune answer for one unit: a new commune, or the choice among those an old unit went into."""
    if isinstance(unit, Area):
        if unit.is_province:
            return Invalid("area.need_commune", {"query": text or unit.name})
        return Ok(unit.code, "area.chosen", {"name": catalog().label(unit.code)})
    if level(unit) == COMMUNE and not unit.split:
        key, params = former_note(unit, locale)
        return Ok(unit.new_codes[0], key, params)
    return _communes_pick(unit, "former.split" if level(unit) == COMMUNE else "former.pick_from", locale)


def answer_area(text: str, missing: str, locale: str = messages.VI) -> Parsed:
    """Any one province or commune of the new map by its new or old name; ``missing``: the hint key if none."""
    found = resolve(text, Scope(), wanted=PROVINCE)
    if not found.readings:
        return Invalid(missing, {"query": text})
    if len(found.units) > 1 or not found.exact:
        return _undecided(found, text, "area.pick_commune", locale)
    return area_chosen(found.units[0], locale)


def area_chosen(unit: Unit, locale: str = messages.VI) -> Parsed:
    """The new province or commune one unit stands for; the choice when an old unit went to several."""
    if isinstance(unit, Area):
        return Ok(unit.code, "area.chosen", {"name": unit_label(unit, locale)})
    if unit.level == PROVINCE:
        key, params = former_note(unit, locale)
        return Ok(unit.new_province, key, params)
    return commune_chosen(unit, locale=locale)


def commune_scope_label(province: str | None, former: str | None, locale: str = messages.VI) -> str:
    """'tỉnh Hưng Yên' or 'Thái Bình (cũ), nay thuộc tỉnh Hưng Yên' for the commune question."""
    if former and former in formers():
        return unit_label(formers()[former], locale)
    return catalog().label(province) if province else ""


def place_code(unit: Unit) -> tuple[str, str]:
    """(area code, province code) of a place travelled: a commune where one is known, else the province."""
    if isinstance(unit, Area):
        return unit.code, unit.province_code
    if unit.level == COMMUNE:
        return unit.new_codes[0], unit.new_province
    return unit.new_province, unit.new_province
