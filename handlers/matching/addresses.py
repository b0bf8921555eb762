"""Province and commune answers from what people type, old names included, as step results.

The province question takes a province (new or old), an old district, or a whole address; a whole
address fills the commune too. An old province or district narrows the commune question to the
communes that came from it. What happened to an old unit is said in one line.
"""

from __future__ import annotations

from typing import Any

from handlers.areas import Area, catalog
from handlers.flow import Invalid, Ok, Parsed, Pick
from handlers.matching.former import COMMUNE, DISTRICT, PROVINCE, Former, formers
from handlers.matching.places import Found, Scope, Unit, bare_name, level, near_provinces, new_province, resolve

FROM = "_from"  # suffix of the hidden answer holding the old unit a province answer came from
_LIST = 12  # longest numbered list


def province_phrase(code: str) -> str:
    """'tỉnh Hưng Yên' or 'thành phố Hà Nội'."""
    name = catalog().by_code[code].name
    return name[0].lower() + name[1:] if name.startswith("Thành phố") else f"tỉnh {name}"


def _short(name: str) -> str:
    return name.removeprefix("Tỉnh ").removeprefix("Thành phố ")


def unit_of(code: str) -> Unit | None:
    """The new area (by code) or the old unit (by key) a listed choice stands for."""
    return catalog().by_code.get(code) or formers().get(code)


def unit_id(unit: Unit) -> str:
    """The id a unit is listed under: a new code or an old unit's key."""
    return unit.code if isinstance(unit, Area) else unit.key


def unit_label(unit: Unit) -> str:
    """A listed unit as people read it, saying where an old one is now."""
    if isinstance(unit, Area):
        return unit.name if unit.is_province else catalog().label(unit.code)
    where = province_phrase(unit.new_province)
    if unit.level == PROVINCE:
        return f"{_short(unit.name)} (cũ), nay thuộc {where}"
    parent = unit.district or _short(unit.province)
    return f"{unit.name}, {parent} (cũ), nay thuộc {where}"


def former_note(unit: Former) -> tuple[str, dict[str, str]]:
    """The one line saying what became of an old unit."""
    where = province_phrase(unit.new_province)
    if unit.level == PROVINCE:
        return "former.province", {"old": _short(unit.name), "new": where}
    if unit.level == DISTRICT:
        return "former.district", {"old": unit.name, "province": _short(unit.province), "new": where}
    if unit.split:
        return "former.split", {"old": unit.name, "district": unit.district, "new": where}
    return "former.commune", {"old": unit.name, "district": unit.district, "new": catalog().label(unit.new_codes[0])}


def _communes_pick(unit: Former, key: str) -> Pick:
    """The new communes an old unit went into, to choose from (the one that took most of it first)."""
    return Pick(tuple((code, catalog().label(code)) for code in unit.new_codes[:_LIST]), key, former_note(unit)[1])


def _undecided(found: Found, query: str, pick_key: str) -> Pick:
    if not found.exact:
        names = {bare_name(unit) for unit in found.units}
        if len(names) == 1:
            unit = found.units[0]
            return Pick(((unit_id(unit), unit_label(unit)),), "area.did_you_mean", {"name": unit_label(unit)})
        return Pick(tuple((unit_id(u), unit_label(u)) for u in found.units[:_LIST]), "area.pick_near", {})
    return Pick(tuple((unit_id(u), unit_label(u)) for u in found.units[:_LIST]), pick_key, {"query": query})


def answer_province(text: str, step_id: str, commune_step: str) -> Parsed:
    """The province answer: a province, or an address giving the province and perhaps the commune."""
    found = resolve(text, Scope(), wanted=PROVINCE)
    if not found.readings:
        return Invalid("area.province_not_found", {"query": text})
    if found.exact and level(found.units[0]) != PROVINCE and len(found.readings[0].matches) == 1:
        provinces = near_provinces(text)  # "vinh phuoc": more likely Vĩnh Phúc than a ward of that name
        if provinces:
            units = [*provinces, *found.units][:_LIST]
            return Pick(tuple((unit_id(u), unit_label(u)) for u in units), "area.pick_near", {})
    if len(found.units) > 1 or not found.exact:
        return _undecided(found, text, "area.pick_province")
    return province_chosen(found.units[0], step_id, commune_step)


def province_chosen(unit: Unit, step_id: str, commune_step: str) -> Parsed:
    """The province answer for one unit: the province, the old unit it narrows to, the commune if known."""
    province = new_province(unit)
    narrowed: dict[str, Any] = {step_id + FROM: None}
    if isinstance(unit, Area):
        if unit.is_province:
            return Ok(province, "area.chosen", {"name": unit.name}, extra=narrowed)
        return Ok(province, "area.chosen", {"name": catalog().label(unit.code)}, presets={commune_step: unit.code},
                  extra=narrowed)
    key, params = former_note(unit)
    if unit.level == COMMUNE and not unit.split:
        return Ok(province, key, params, presets={commune_step: unit.new_codes[0]}, extra=narrowed)
    if unit.level == COMMUNE:
        return _communes_pick(unit, "former.split")
    return Ok(province, key, params, extra={step_id + FROM: unit.key})


def answer_commune(text: str, province: str | None, former: str | None) -> Parsed:
    """The commune answer within the province (and the old unit) answered before."""
    found = resolve(text, Scope(province, former), wanted=COMMUNE)
    if not found.readings:
        return Invalid("area.commune_not_found", {"query": text, "province": commune_scope_label(province, former)})
    if len(found.units) > 1 or not found.exact:
        return _undecided(found, text, "area.pick_commune")
    return commune_chosen(found.units[0], text)


def commune_chosen(unit: Unit, text: str = "") -> Parsed:
    """The commune answer for one unit: a new commune, or the choice among those an old unit went into."""
    if isinstance(unit, Area):
        if unit.is_province:
            return Invalid("area.need_commune", {"query": text or unit.name})
        return Ok(unit.code, "area.chosen", {"name": catalog().label(unit.code)})
    if level(unit) == COMMUNE and not unit.split:
        key, params = former_note(unit)
        return Ok(unit.new_codes[0], key, params)
    return _communes_pick(unit, "former.split" if level(unit) == COMMUNE else "former.pick_from")


def answer_area(text: str, missing: str) -> Parsed:
    """Any one province or commune of the new map by its new or old name; ``missing``: the hint key if none."""
    found = resolve(text, Scope(), wanted=PROVINCE)
    if not found.readings:
        return Invalid(missing, {"query": text})
    if len(found.units) > 1 or not found.exact:
        return _undecided(found, text, "area.pick_commune")
    return area_chosen(found.units[0])


def area_chosen(unit: Unit) -> Parsed:
    """The new province or commune one unit stands for; the choice when an old unit went to several."""
    if isinstance(unit, Area):
        return Ok(unit.code, "area.chosen", {"name": unit_label(unit)})
    if unit.level == PROVINCE:
        key, params = former_note(unit)
        return Ok(unit.new_province, key, params)
    return commune_chosen(unit)


def commune_scope_label(province: str | None, former: str | None) -> str:
    """'tỉnh Hưng Yên' or 'Thái Bình (cũ), nay thuộc tỉnh Hưng Yên' for the commune question."""
    if former and former in formers():
        return unit_label(formers()[former])
    return catalog().label(province) if province else ""


def place_code(unit: Unit) -> tuple[str, str]:
    """(area code, province code) of a place travelled: a commune where one is known, else the province."""
    if isinstance(unit, Area):
        return unit.code, unit.province_code
    if unit.level == COMMUNE:
        return unit.new_codes[0], unit.new_province
    return unit.new_province, unit.new_province
