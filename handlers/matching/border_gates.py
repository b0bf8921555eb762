"""Viet Nam's international airports and main land, rail and sea border gates, and matching what people type.

The list is written from public knowledge: each gate's name, kind and province (the 34 provinces of
2025), with the short names people use (IATA codes, "tsn", "noi bai", "lao bao"). Matching, on folded
text with the kind words ("san bay", "cua khau", "airport") set aside: a name or short name exactly, then
a province holding gates (one: that gate; several: a list to choose from), then near spellings
(RapidFuzz), which are always listed to choose from. "Khác"/"other" with or without a name is allowed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from handlers.flow import Invalid, Ok, Parsed, Pick
from handlers.text import fold

AIRPORT, LAND, RAIL, SEA = "airport", "land", "rail", "sea"
OTHER = "other"


@dataclass(frozen=True)
class Gate:
    """One border gate: a stable id, its Vietnamese name, kind, province and the short names people type."""

    id: str
    name: str
    kind: str
    province: str
    aliases: tuple[str, ...] = ()


GATES = (
    Gate("han", "Nội Bài", AIRPORT, "Hà Nội", ("han", "sb noi bai", "noibai")),
    Gate("sgn", "Tân Sơn Nhất", AIRPORT, "TP Hồ Chí Minh", ("sgn", "tsn", "tan son nhat", "tansonnhat", "sai gon")),
    Gate("dad", "Đà Nẵng", AIRPORT, "Đà Nẵng", ("dad",)),
    Gate("cxr", "Cam Ranh", AIRPORT, "Khánh Hòa", ("cxr", "nha trang")),
    Gate("pqc", "Phú Quốc", AIRPORT, "An Giang", ("pqc",)),
    Gate("hph", "Cát Bi", AIRPORT, "Hải Phòng", ("hph", "catbi")),
    Gate("vdo", "Vân Đồn", AIRPORT, "Quảng Ninh", ("vdo",)),
    Gate("hui", "Phú Bài", AIRPORT, "Huế", ("hui",)),
    Gate("vca", "Cần Thơ", AIRPORT, "Cần Thơ", ("vca",)),
    Gate("dli", "Liên Khương", AIRPORT, "Lâm Đồng", ("dli", "da lat", "dalat")),
    Gate("vii", "Vinh", AIRPORT, "Nghệ An", ("vii",)),
    Gate("thd", "Thọ Xuân", AIRPORT, "Thanh Hóa", ("thd",)),
    Gate("uih", "Phù Cát", AIRPORT, "Gia Lai", ("uih", "quy nhon")),
    Gate("vcl", "Chu Lai", AIRPORT, "Đà Nẵng", ("vcl",)),
    Gate("bmv", "Buôn Ma Thuột", AIRPORT, "Đắk Lắk", ("bmv", "ban me thuot", "buon me thuot")),
    Gate("huu_nghi", "Hữu Nghị", LAND, "Lạng Sơn", ("huu nghi quan",)),
    Gate("dong_dang", "Đồng Đăng", RAIL, "Lạng Sơn", ("ga dong dang",)),
    Gate("mong_cai", "Móng Cái", LAND, "Quảng Ninh", ("bac luan",)),
    Gate("lao_cai", "Lào Cai", LAND, "Lào Cai", ("kim thanh", "ga lao cai")),
    Gate("thanh_thuy", "Thanh Thủy", LAND, "Tuyên Quang", ("ha giang",)),
    Gate("ta_lung", "Tà Lùng", LAND, "Cao Bằng", ()),
    Gate("ma_lu_thang", "Ma Lù Thàng", LAND, "Lai Châu", ()),
    Gate("tay_trang", "Tây Trang", LAND, "Điện Biên", ()),
    Gate("long_sap", "Lóng Sập", LAND, "Sơn La", ("moc chau",)),
    Gate("na_meo", "Na Mèo", LAND, "Thanh Hóa", ()),
    Gate("nam_can", "Nậm Cắn", LAND, "Nghệ An", ()),
    Gate("cau_treo", "Cầu Treo", LAND, "Hà Tĩnh", ()),
    Gate("cha_lo", "Cha Lo", LAND, "Quảng Trị", ()),
    Gate("lao_bao", "Lao Bảo", LAND, "Quảng Trị", ()),
    Gate("la_lay", "La Lay", LAND, "Quảng Trị", ()),
    Gate("nam_giang", "Nam Giang", LAND, "Đà Nẵng", ()),
    Gate("bo_y", "Bờ Y", LAND, "Quảng Ngãi", ("kon tum",)),
    Gate("le_thanh", "Lệ Thanh", LAND, "Gia Lai", ()),
    Gate("hoa_lu", "Hoa Lư", LAND, "Đồng Nai", ("binh phuoc",)),
    Gate("xa_mat", "Xa Mát", LAND, "Tây Ninh", ()),
    Gate("moc_bai", "Mộc Bài", LAND, "Tây Ninh", ()),
    Gate("binh_hiep", "Bình Hiệp", LAND, "Tây Ninh", ("long an",)),
    Gate("dinh_ba", "Dinh Bà", LAND, "Đồng Tháp", ()),
    Gate("thuong_phuoc", "Thường Phước", LAND, "Đồng Tháp", ()),
    Gate("vinh_xuong", "Vĩnh Xương", LAND, "An Giang", ()),
    Gate("tinh_bien", "Tịnh Biên", LAND, "An Giang", ()),
    Gate("ha_tien", "Hà Tiên", LAND, "An Giang", ("xa xia",)),
    Gate("port_hai_phong", "Hải Phòng", SEA, "Hải Phòng", ("cang hai phong",)),
    Gate("port_cai_lan", "Cái Lân", SEA, "Quảng Ninh", ("hon gai", "ha long")),
    Gate("port_da_nang", "Tiên Sa (Đà Nẵng)", SEA, "Đà Nẵng", ("tien sa", "cang da nang")),
    Gate("port_chan_may", "Chân Mây", SEA, "Huế", ()),
    Gate("port_nha_trang", "Nha Trang", SEA, "Khánh Hòa", ("cang nha trang",)),
    Gate("port_quy_nhon", "Quy Nhơn", SEA, "Gia Lai", ("cang quy nhon",)),
    Gate("port_sai_gon", "Sài Gòn", SEA, "TP Hồ Chí Minh", ("cang sai gon", "cat lai")),
    Gate("port_vung_tau", "Vũng Tàu", SEA, "TP Hồ Chí Minh", ("cai mep", "cang vung tau")),
    Gate("port_duong_dong", "Dương Đông", SEA, "An Giang", ("cang phu quoc",)),
)
BY_ID = {gate.id: gate for gate in GATES}
Label = Callable[[Gate], str]

# Words naming the kind of gate, and fillers, set aside before names are compared (folded).
_KIND_WORDS = {
    AIRPORT: ("san bay", "sb", "airport", "phi truong", "cang hang khong"),
    LAND: ("cua khau", "ck", "border gate", "border", "land border", "duong bo"),
    RAIL: ("ga", "station", "railway", "train station", "ga tau", "duong sat"),
    SEA: ("cang", "port", "seaport", "cang bien", "harbour", "harbor", "duong bien"),
}
_FILLERS = ("quoc te", "international", "intl", "gate", "qua", "tai", "o", "den", "toi", "vao", "nhap canh",
            "entered", "entry", "through", "via", "at", "the", "tp", "thanh pho", "tinh", "city", "province", "va")
_OTHER_WORDS = ("khac", "other", "cua khau khac", "noi khac", "somewhere else", "another")
_NEAR = 80
NAME_LIMIT = 100


def _fold_words(text: str) -> str:
    return " ".join(re.findall(r"[0-9a-z]+", fold(text)))


def _strip(words: str) -> tuple[str, str | None]:
    """The words without kind words and fillers, and the kind they said, if one."""
    kind = None
    padded = f" {words} "
    for each, phrases in _KIND_WORDS.items():
        for phrase in sorted(phrases, key=len, reverse=True):
            if f" {phrase} " in padded:
                kind = kind or each
                padded = padded.replace(f" {phrase} ", " ")
    for phrase in sorted(_FILLERS, key=len, reverse=True):
        while f" {phrase} " in padded:
            padded = padded.replace(f" {phrase} ", " ")
    return " ".join(padded.split()), kind


def _index(names_of: Callable[[Gate], tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Every folded name ``names_of`` gives a gate (spaced and unspaced) to the gates it names."""
    found: dict[str, list[str]] = {}
    for gate in GATES:
        for name in names_of(gate):
            core, _ = _strip(_fold_words(name))
            for variant in {core, core.replace(" ", "")}:
                found.setdefault(variant, []).append(gate.id)
    return {name: tuple(dict.fromkeys(ids)) for name, ids in found.items()}


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, ...]]:
    """Every name and short name of a gate."""
    return _index(lambda gate: (gate.name, *gate.aliases))


@lru_cache(maxsize=1)
def _provinces() -> dict[str, tuple[str, ...]]:
    """Every name of a province holding gates ("ho chi minh" also as "hcm", "sai gon")."""
    return _index(lambda gate: (gate.province, *(("hcm", "sai gon") if "Chí Minh" in gate.province else ())))


def _of_kind(ids: tuple[str, ...], kind: str | None) -> tuple[str, ...]:
    kept = tuple(gate_id for gate_id in ids if BY_ID[gate_id].kind == kind)
    return kept if kind and kept else ids


def _candidates(ids: tuple[str, ...], label: Label, key: str = "arrival.gate.pick") -> Pick:
    return Pick(tuple((gate_id, label(BY_ID[gate_id])) for gate_id in ids), key)


def value_of(gate: Gate) -> dict[str, str | None]:
    """The answer stored for a listed gate."""
    return {"id": gate.id, "name": None}


def _named_inside(core: str, kind: str | None) -> tuple[str, ...]:
    """The gates whose name or short name (two words or more) stands whole inside the answer, longest first."""
    padded = f" {core} "
    found = [(len(name), ids) for name, ids in _names().items() if " " in name and f" {name} " in padded]
    if not found:
        return ()
    longest = max(length for length, _ in found)
    return _of_kind(tuple(dict.fromkeys(i for length, ids in found if length == longest for i in ids)), kind)


def parse_gate(text: str, label: Label) -> Parsed:
    """The border gate ``text`` names as {"id", "name"} (id "other" with the typed name), a list, or a hint;
    ``label`` renders a gate for a list (in the user's language)."""
    words = _fold_words(text)
    for other in sorted(_OTHER_WORDS, key=len, reverse=True):
        if words == other or words.startswith(other + " "):
            named = " ".join(text.split()[len(other.split()):]).lstrip(" :,-")
            if len(named) > NAME_LIMIT:
                return Invalid("input.too_long", {"limit": str(NAME_LIMIT)})
            return Ok({"id": OTHER, "name": named or None})
    core, kind = _strip(words)
    if not core:
        return Invalid("arrival.gate.unknown")
    for variant in (core, core.replace(" ", "")):
        if variant in _names():
            ids = _of_kind(_names()[variant], kind)
            return Ok(value_of(BY_ID[ids[0]])) if len(ids) == 1 else _candidates(ids, label)
    for variant in (core, core.replace(" ", "")):
        if variant in _provinces():
            ids = _of_kind(_provinces()[variant], kind)
            return Ok(value_of(BY_ID[ids[0]])) if len(ids) == 1 else _candidates(ids, label)
    inside = _named_inside(core, kind)
    if inside:
        return Ok(value_of(BY_ID[inside[0]])) if len(inside) == 1 else _candidates(inside, label)
    if len(core.replace(" ", "")) >= 3:
        hits = process.extract(core, list(_names()), scorer=fuzz.ratio, score_cutoff=_NEAR, limit=6)
        ids = tuple(dict.fromkeys(gate_id for name, _, _ in hits for gate_id in _names()[name]))[:5]
        if ids:
            return _candidates(ids, label, "arrival.gate.near")
    return Invalid("arrival.gate.unknown")
