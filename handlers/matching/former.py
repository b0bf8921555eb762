"""The pre-July-2025 map (63 provinces, 696 districts, ~10,000 communes) and where each unit went.

Data: the statistics office's old -> new conversion table as shipped by the ``vietnamadminunits``
package (MIT, read as data; its code is never imported): its names of the old units and, for every
new commune, the old communes merged into it;
for an old commune split among several new ones, each new one and which took most of it.
The new units are matched by name to the ``vietnam-provinces`` map used everywhere else.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from handlers.areas import catalog
from handlers.text import fold

PROVINCE, DISTRICT, COMMUNE = "province", "district", "commune"


def _data() -> Path:
    """The package's data folder, found without importing its code (installed with --no-deps, see Makefile)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the vietnamadminunits data package is missing: run `make .venv/.installed`")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@dataclass(frozen=True)
class Former:
    """An old unit: its name, its parents' names and the new communes (the usual one first) it went into."""

    key: str  # the package's key: "tinhthaibinh", "tinhthaibinh_huyendonghung", "..._thitrandonghung"
    level: str  # PROVINCE, DISTRICT or COMMUNE
    name: str  # "Thị trấn Đông Hưng"
    district: str  # the old district's name ("" for a province or a district)
    province: str  # the old province's name ("" for a province)
    new_province: str  # code of the new province most of it is in
    new_codes: tuple[str, ...]  # new commune codes, the one that took most of it first

    @property
    def split(self) -> bool:
        """True for an old commune divided among several new ones."""
        return self.level == COMMUNE and len(self.new_codes) > 1

    def within(self, key: str) -> bool:
        """True when this unit is ``key`` or lies inside the old unit ``key``."""
        return self.key == key or self.key.startswith(key + "_")


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(name))


@lru_cache(maxsize=1)
def formers() -> dict[str, Former]:
    """Every old unit by key, loaded once from the package's data."""
    data = _data()
    with open(data / "converter_2025.json", encoding="utf-8") as handle:
        table = json.load(handle)
    connection = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
    try:
        new_rows = connection.execute("SELECT provinceKey, wardKey, ward, provinceCode FROM admin_units").fetchall()
        old_rows = connection.execute(
            "SELECT provinceKey, districtKey, wardKey, province, district, ward FROM admin_units_legacy"
        ).fetchall()
    finally:
        connection.close()
    by_name = {(area.province_code, area.name): area.code for area in catalog().all_communes}
    by_squashed = {(area.province_code, _squash(area.name)): area.code for area in catalog().all_communes}
    new_code = {  # exact names first: "Xã Văn Lang" and "Xã Văn Lăng" fold alike
        (pkey, wkey): by_name.get((pcode, ward)) or by_squashed[(pcode, _squash(ward))]
        for pkey, wkey, ward, pcode in new_rows
    }
    province_code = {pkey: pcode for pkey, _, _, pcode in new_rows}
    went: dict[str, list[str]] = defaultdict(list)  # old commune key -> new codes, usual first
    for new_province, wards in table["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, old_keys in wards.items():
            for old_key in old_keys:
                went[old_key].append(new_code[(new_province, ward_key)])
    for new_province, divided in table["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in divided.items():
            ordered = sorted(parts, key=lambda part: not part["isDefaultNewWard"])
            parts_codes = [new_code.get((new_province, part["newWardKey"])) for part in ordered]
            went[old_key] = list(dict.fromkeys([*went.get(old_key, []), *filter(None, parts_codes)]))
    new_province_of = {old: province_code[new] for new, olds in table["DICT_PROVINCE"].items() for old in olds}
    units: dict[str, Former] = {}
    gathered: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, tuple[str, str]] = {}
    for pkey, dkey, wkey, province, district, ward in old_rows:
        names[pkey] = (province, "")
        names[f"{pkey}_{dkey}"] = (district, province)
        if not wkey or not ward:
            continue
        key = f"{pkey}_{dkey}_{wkey}"
        codes = tuple(went.get(key, ()))
        if not codes:
            continue
        units[key] = Former(key, COMMUNE, ward, district, province, catalog().by_code[codes[0]].province_code, codes)
        for parent in (pkey, f"{pkey}_{dkey}"):
            gathered[parent].update(codes)
    for key, codes_of_island in went.items():  # island districts without communes: "..._huyenconco_"
        if key.endswith("_"):
            gathered[key.rstrip("_")].update(codes_of_island)
            gathered[key.split("_")[0]].update(codes_of_island)
    for key, counts in gathered.items():
        name, province = names[key]
        codes = tuple(code for code, _ in counts.most_common())
        level = DISTRICT if "_" in key else PROVINCE
        main_province = new_province_of.get(key.split("_")[0]) or catalog().by_code[codes[0]].province_code
        units[key] = Former(key, level, name, "", province if level == DISTRICT else "", main_province, codes)
    return units
