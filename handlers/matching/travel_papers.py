"""What an arriving traveller types from their papers: a passport (or CCCD) number and a flight or vehicle number.

Passports: most countries print 6 to 9 letters and digits (Viet Nam "C1234567", the US nine digits,
Korea "M12345678", the UK nine digits, China "E12345678"); people type them with spaces, dashes and in
lower case, sometimes after a word ("ho chieu", "passport no."). A Vietnamese citizen may give a
12-digit CCCD instead, checked like the registration's (handlers.cccd).

Flights: an airline designator of two characters, at least one a letter ("VN", "VJ", "9G", "3K"), then
1 to 4 digits and an optional suffix letter ("VN301", "vj 123", "QH-1521"). Vehicles: a Vietnamese
plate ("29A-123.45", "51g12345", "29LD 12345") or any other registration or ship/train number with
at least one digit; crossing on foot is an answer too.
"""

from __future__ import annotations

import re

from handlers.cccd import check_cccd
from handlers.flow import Invalid, Ok, Parsed
from handlers.text import fold

PASSPORT, CCCD = "passport", "cccd"
FLIGHT, PLATE, OTHER, ON_FOOT = "flight", "plate", "other", "on_foot"

_PAPER_WORDS = re.compile(
    r"^(?:(?:so|ho|chieu|hc|passport|pass|pp|no|number|num|nr|id|cccd|can|cuoc|cong|dan|cmnd|la|cua|toi|em|minh|"
    r"my|is)\b[\s.:#\-]*)+"
)
_PASSPORT = re.compile(r"[A-Z0-9]{6,9}")
_VEHICLE_WORDS = re.compile(
    r"^(?:(?:so|hieu|chuyen|bay|flight|flt|no|number|xe|bien|kiem|soat|plate|car|bus|o to|oto|tau|thuyen|ship|"
    r"vessel|train|ga|hoa|la|cua|toi|em|minh|my|is|di|tren|on|by|khach|tai|may|con|container|du|lich|dua|don)\b[\s.:#\-]*)+"
)
_FLIGHT = re.compile(r"((?:[A-Z]{2}|[A-Z][0-9]|[0-9][A-Z]))0*([0-9]{1,4}[A-Z]?)")
_VN_PLATE = re.compile(r"([0-9]{2})([A-Z]{1,2}[0-9]??)([0-9]{4,5})")
_ON_FOOT = ("di bo", "on foot", "walking", "walked", "walk", "khong co xe", "no vehicle", "by foot")
# Words saying the number is not a flight's (a road vehicle, a ship, a train).
_GROUND_HINT = re.compile(r"\b(?:xe|bien|plate|car|bus|oto|o to|tau|thuyen|ship|vessel|train|ga)\b")
VEHICLE_LIMIT = 20


def _squashed(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text).upper()


def parse_paper(text: str, vietnamese: bool, birth_year: int | None = None, gender: str | None = None) -> Parsed:
    """A passport number, or for a Vietnamese citizen also a CCCD, as {"type", "number"}."""
    core = _PAPER_WORDS.sub("", fold(text).strip())
    number = _squashed(core)
    if not number:
        return Invalid("arrival.paper.empty")
    if len(number) == 12 and number.isdigit():
        if not vietnamese:
            return Invalid("arrival.paper.cccd_foreigner")
        if check_cccd(number, birth_year, gender):
            return Invalid("arrival.paper.cccd_mismatch")
        return Ok({"type": CCCD, "number": number})
    if not _PASSPORT.fullmatch(number):
        return Invalid("arrival.paper.bad_vn" if vietnamese else "arrival.paper.bad")
    if not any(ch.isdigit() for ch in number):
        return Invalid("arrival.paper.bad_vn" if vietnamese else "arrival.paper.bad")
    return Ok({"type": PASSPORT, "number": number})


def parse_vehicle(text: str) -> Parsed:
    """A flight number, a Vietnamese plate, another vehicle's number, or crossing on foot, as {"kind", "number"}."""
    folded = fold(text).strip()
    padded = f" {' '.join(re.findall(r'[a-z0-9]+', folded))} "
    if any(f" {phrase} " in padded for phrase in _ON_FOOT) and not any(ch.isdigit() for ch in folded):
        return Ok({"kind": ON_FOOT, "number": None})
    ground = bool(_GROUND_HINT.search(folded))
    core = _VEHICLE_WORDS.sub("", folded)
    number = _squashed(core)
    if not number or not any(ch.isdigit() for ch in number):
        return Invalid("arrival.vehicle.bad")
    if len(number) > VEHICLE_LIMIT:
        return Invalid("arrival.vehicle.bad")
    plate = _VN_PLATE.fullmatch(number)
    if plate:
        head, series, digits = plate.groups()
        tail = f"{digits[:3]}.{digits[3:]}" if len(digits) == 5 else digits
        return Ok({"kind": PLATE, "number": f"{head}{series}-{tail}"})
    flight = _FLIGHT.fullmatch(number) or _named_flight(core)
    if flight and not ground:
        return Ok({"kind": FLIGHT, "number": flight.group(1) + flight.group(2)})
    if len(number) < 3:
        return Invalid("arrival.vehicle.bad")
    return Ok({"kind": OTHER, "number": core.strip().upper()})


def _named_flight(core: str) -> re.Match[str] | None:
    """A flight number at the end of an answer that names the airline first ("vietjet vj 811")."""
    found = re.search(r"\b([a-z]{2}|[a-z][0-9]|[0-9][a-z])\s?-?\s?([0-9]{1,4}[a-z]?)$", core.strip())
    return _FLIGHT.fullmatch(_squashed(found.group(0))) if found else None


def masked(number: str) -> str:
    """A document number as a gate may see it: the first two and last two characters ("C1****67")."""
    return number[:2] + "*" * max(len(number) - 4, 2) + number[-2:]
